// SPDX-License-Identifier: GPL-2.0-only
/*
 * Secondary harts: started from /cpus by the arch (SBI HSM, PSCI CPU_ON),
 * each runs its own scheduler, tick and tasks.  Stopping goes the other
 * way: the boot hart sets stop_req and kicks the hart (an IPI, or its next
 * tick); the hart answers by stopping itself (HSM hart_stop, PSCI CPU_OFF).
 */
#include "console.h"
#include "rtos.h"

extern unsigned char boot_stacks[MAX_HARTS][BOOT_STACK_SIZE];

_Static_assert(__builtin_offsetof(struct hart, boot_sp) == 0,
	       "entry.S loads boot_sp from offset 0");

void smp_boot_secondaries(void)
{
	unsigned n = 1;

	if (cfg.harts <= 1 || plat.nharts <= 1)
		return;
	if (!arch_smp_possible())
		return;
	for (unsigned i = 0; i < plat.nharts && n < cfg.harts; i++) {
		struct hart *h = &harts[n];
		long err;

		if (plat.hartid[i] == harts[0].hartid)
			continue;
		h->hartid = plat.hartid[i];
		h->idx = n;
		h->cpu_node = plat.cpu_node[i];
		h->boot_sp = (uintptr_t)&boot_stacks[n][BOOT_STACK_SIZE];
		/* The new hart reads *h: make it visible before it starts. */
		arch_mb();
		err = arch_cpu_start(h);
		if (err) {
			rprintf("rtos: hart %lu start failed (%ld)\n", h->hartid, err);
			continue;
		}
		n++;
	}
	nharts_online = n;
}

void smp_stop_others(void)
{
	uint64_t until = arch_now() + plat.timebase / 10;

	for (unsigned i = 1; i < nharts_online; i++) {
		harts[i].stop_req = true;
		arch_mb();
		arch_cpu_kick(&harts[i]);
	}
	/* Give them up to 100 ms; shut down anyway after that. */
	for (unsigned i = 1; i < nharts_online; i++)
		while (!arch_cpu_stopped(&harts[i]) && (int64_t)(arch_now() - until) < 0)
			;
}

void smp_ipi(struct hart *h)
{
	if (!h->stop_req)
		return;
	rprintf("rtos: hart %lu stopped\n", h->hartid);
	arch_cpu_stop();
}
