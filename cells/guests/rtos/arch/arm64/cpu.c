// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM64 side of the RTOS's arch interface (arch_if.h): the tick on
 * the virtual timer (CNTV, PPI 27), GICv3 interrupts per CPU, other CPUs
 * and power through PSCI.  There are no IPIs: a CPU asked to stop sees
 * it at its next tick (a cell's virtual GIC has no SGIs between vCPUs
 * yet, and the tick comes every few hundred microseconds anyway).
 */
#include <fv/fmt.h>
#include "console.h"
#include "gic.h"
#include "psci.h"
#include "rtos.h"
#include "uart.h"

void secondary_entry(void);
void rtos_main(unsigned long hartid, const void *fdt);
void arm64_boot(const void *fdt);

_Static_assert(__builtin_offsetof(struct hart, hartid) == 8,
	       "entry.S loads hartid from offset 8");

/* From entry.S: the boot CPU's id is its MPIDR's affinity, as /cpus has
 * it; its debug registers get values of the RTOS's own (dbgregs.c). */
void arm64_boot(const void *fdt)
{
	arm64_dbgregs_put();
	rtos_main(sysreg_read(mpidr_el1) & MPIDR_AFF_MASK, fdt);
}

void arch_console_init(void)
{
}

void arch_console_write(const char *s, unsigned n)
{
	(void)s;	/* no console without a UART */
	(void)n;
}

void arch_timer_pick(struct hart *h)
{
	(void)h;
}

const char *arch_timer_name(const struct hart *h)
{
	(void)h;
	return "cntv";
}

/* Also clears a pending tick: the timer's condition is CVAL <= count. */
void arch_timer_program(struct hart *h, uint64_t when)
{
	(void)h;
	sysreg_write(cntv_cval_el0, when);
	isb();
}

void arch_timer_enable(struct hart *h)
{
	sysreg_write(cntv_ctl_el0, CNTV_CTL_ENABLE);
	isb();
	if (h->arch.gicr)
		gic_enable_ppi(h, GIC_VTIMER);
}

void arch_irqs_choose(struct hart *h)
{
	if (!plat.arch.gicd)
		rtos_give_up("no GICv3 in the device tree");
	if (h->idx == 0)
		gic_dist_init();
	if (!gic_cpu_init(h)) {
		rprintf("rtos: hart %lu has no redistributor\n", h->hartid);
		rtos_give_up("no GIC redistributor");
	}
	/* Only the boot CPU takes UART input and the doorbell's rings. */
	h->rx_irq = h->idx == 0 && plat.uart_irq;
	h->db_irq = h->idx == 0 && plat.db_irq && plat.db_shm_size >= 128;
}

void arch_irqs_enable(struct hart *h)
{
	if (h->rx_irq) {
		gic_enable_spi(plat.uart_irq, h->hartid);
		uart_enable_rx_irq();
	}
	if (h->db_irq)
		gic_enable_spi(plat.db_irq, h->hartid);
}

void arch_frame_init(unsigned long *f, void (*fn)(void *), void *arg, void (*ret)(void))
{
	f[FRAME_ELR] = (unsigned long)fn;
	f[30] = (unsigned long)ret;		/* lr */
	f[0] = (unsigned long)arg;
	f[FRAME_SPSR] = SPSR_EL1H;
}

bool arch_smp_possible(void)
{
	return true;
}

long arch_cpu_start(struct hart *h)
{
	return psci_cpu_on(h->hartid, (uintptr_t)secondary_entry, (uintptr_t)h);
}

void arch_cpu_kick(struct hart *h)
{
	(void)h;	/* it looks at stop_req on its next tick */
}

bool arch_cpu_stopped(const struct hart *h)
{
	return psci_affinity_info(h->hartid) == PSCI_AFFINITY_OFF;
}

void arch_cpu_stop(void)
{
	__asm__ volatile("msr daifset, #2" ::: "memory");
	sysreg_write(cntv_ctl_el0, 0);
	psci_cpu_off();
	arch_halt();
}

long arch_system_off(bool failure)
{
	(void)failure;	/* PSCI has no reason to give */
	return psci_system_off();
}

long arch_system_reboot(void)
{
	return psci_system_reset();
}

void arch_halt(void)
{
	__asm__ volatile("msr daifset, #2" ::: "memory");
	for (;;)
		__asm__ volatile("wfi");
}

void arch_reset_state(char *out, size_t size)
{
	fmt_snprintf(out, size, "uart_scr 0 fp none vec none");	/* PL011: no scratch */
}

void arch_reset_mark(void)
{
}

/* The boot hart's status line: its debug registers as it left them
 * (dbgregs.c). */
void arch_status_hook(struct hart *h)
{
	(void)h;
	arm64_dbgregs_check();
}
