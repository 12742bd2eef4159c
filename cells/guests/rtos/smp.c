// SPDX-License-Identifier: GPL-2.0-only
/*
 * Secondary harts: started from /cpus with SBI HSM, each runs its own
 * scheduler, tick and tasks.  Stopping goes the other way: the boot hart
 * sets stop_req and sends an IPI; the hart answers with HSM hart_stop.
 */
#include "console.h"
#include "csr.h"
#include "rtos.h"
#include "sbi.h"

extern unsigned char boot_stacks[MAX_HARTS][BOOT_STACK_SIZE];
void secondary_entry(void);

_Static_assert(__builtin_offsetof(struct hart, boot_sp) == 0,
	       "entry.S loads boot_sp from offset 0");

void smp_boot_secondaries(void)
{
	unsigned n = 1;

	if (cfg.harts <= 1 || plat.nharts <= 1)
		return;
	if (!sbi_probe(SBI_EXT_HSM)) {
		rprintf("rtos: no SBI HSM, staying on one hart\n");
		return;
	}
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
		__asm__ volatile("fence rw, rw" ::: "memory");
		err = sbi_hart_start(h->hartid, (unsigned long)secondary_entry,
				     (unsigned long)h);
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
	uint64_t until = rdtime() + plat.timebase / 10;

	for (unsigned i = 1; i < nharts_online; i++) {
		harts[i].stop_req = true;
		__asm__ volatile("fence rw, rw" ::: "memory");
		sbi_send_ipi(1, harts[i].hartid);
	}
	/* Give them up to 100 ms; shut down anyway after that. */
	for (unsigned i = 1; i < nharts_online; i++)
		while (sbi_hart_status(harts[i].hartid) != SBI_HSM_STOPPED &&
		       (int64_t)(rdtime() - until) < 0)
			;
}

void smp_ipi(struct hart *h)
{
	if (!h->stop_req)
		return;
	rprintf("rtos: hart %lu stopped\n", h->hartid);
	csr_write(sie, 0);
	sbi_hart_stop();
	rtos_halt();
}
