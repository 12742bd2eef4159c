// SPDX-License-Identifier: GPL-2.0-only
/*
 * The physical interrupts the hypervisor serves itself, wherever they
 * arrive (idle loop, or a guest's exit): kicks, which only wake the CPU,
 * and the console UART's receive interrupt, routed to the housekeeping
 * CPU only.
 */
#include <arch/gic.h>
#include <fv/arch_cell.h>
#include <fv/housekeeping.h>
#include "guest.h"

static unsigned console_irq;
static struct cpu *console_cpu;

void arch_console_irq_route(uint32_t irq, struct cpu *to)
{
	if (irq < 32 || irq >= GIC_INTID_SPURIOUS)
		return;
	if (console_cpu && console_cpu != to)
		gic_spi_route(irq, console_cpu->hwid, false);
	console_irq = irq;
	console_cpu = to;
	gic_spi_route(irq, to->hwid, true);
}

/* End `intid`, having served it if it is the hypervisor's. */
void arm64_hv_irq(unsigned intid)
{
	if (console_irq && intid == console_irq)
		hk_console_irq();
	gic_eoi(intid, true);
}

/* Kicks are acknowledged before the idle loop reads its requests. */
void arch_cpu_idle_poll(struct cpu *c)
{
	unsigned intid;

	(void)c;
	while (gic_ready() && (intid = gic_ack()) < GIC_INTID_SPURIOUS)
		arm64_hv_irq(intid);
}
