// SPDX-License-Identifier: GPL-2.0-only
/* Boot: read the DTB, pick console and timer, start the harts and their tasks. */
#include "console.h"
#include "rtos.h"
#include "timer.h"
#include "uart.h"

struct platform plat;
struct config cfg;
struct hart harts[MAX_HARTS];
unsigned nharts_online;
unsigned char boot_stacks[MAX_HARTS][BOOT_STACK_SIZE] __attribute__((aligned(16)));

void rtos_main(unsigned long hartid, const void *fdt);
void rtos_secondary(unsigned long hartid, struct hart *h);

void rtos_halt(void)
{
	arch_halt();
}

void rtos_give_up(const char *why)
{
	rprintf("rtos: %s, shutting down\n", why);
	arch_system_off(true);
	rtos_halt();
}

void hart_setup(struct hart *h)
{
	arch_irqs_choose(h);
	tasks_create(h);
	arch_irqs_enable(h);
	timer_init(h);
}

/*
 * What a reboot left behind: a counter in memory the layout keeps across
 * restarts (keep_at), one in ordinary memory (mark_at, zero at every boot
 * if the restart cleared RAM) and the arch's own state (arch_reset_state:
 * on RISC-V the UART's scratch register, f0 and the vector unit).  Each is
 * then changed, for the next boot to see.
 */
static void reset_check(void)
{
	char state[120];
	volatile uint32_t *keep = (volatile uint32_t *)(uintptr_t)cfg.keep_at;
	volatile uint32_t *mark = (volatile uint32_t *)(uintptr_t)cfg.mark_at;

	if (!keep && !mark)
		return;
	arch_reset_state(state, sizeof(state));
	rprintf("rtos: reset check keep %u mark %u %s\n",
		keep ? *keep : 0, mark ? *mark : 0, state);
	if (keep)
		(*keep)++;
	if (mark)
		(*mark)++;
	arch_reset_mark();
}

void rtos_main(unsigned long hartid, const void *fdt)
{
	struct hart *h = &harts[0];

	console_init();
	if (dtb_parse(fdt, &plat))
		rtos_give_up("no usable device tree");
	bootargs_parse(plat.bootargs, &cfg);
	if (plat.uart) {
		uart_init(&plat);
		console_use_uart();
	}

	h->hartid = hartid;
	h->cpu_node = -1;
	for (unsigned i = 0; i < plat.nharts; i++)
		if (plat.hartid[i] == hartid)
			h->cpu_node = plat.cpu_node[i];
	if (h->cpu_node < 0)
		rtos_give_up("boot hart not in /cpus");
	arch_timer_pick(h);

	rprintf("rtos: %s hart %lu timebase %lu timer %s console %s\n",
		RTOS_VERSION, hartid, (unsigned long)plat.timebase, arch_timer_name(h),
		console_is_uart() ? "uart" : ARCH_CONSOLE_FALLBACK);
	rprintf("rtos: config tick_us %u status_every %u harts %u/%u rx %s\n",
		cfg.tick_us, cfg.status_every,
		cfg.harts < plat.nharts ? cfg.harts : plat.nharts, plat.nharts,
		!plat.uart ? "none" : plat.uart_irq ? "irq" : "poll");

	reset_check();
	guard_fill();
	nharts_online = 1;
	hart_setup(h);
	smp_boot_secondaries();
	sched_start(h);
}

void rtos_secondary(unsigned long hartid, struct hart *h)
{
	arch_timer_pick(h);
	rprintf("rtos: hart %lu online\n", hartid);
	hart_setup(h);
	sched_start(h);
}
