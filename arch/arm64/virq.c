// SPDX-License-Identifier: GPL-2.0-only
/*
 * Virtual interrupts through the virtual CPU interface (GICv3 or v2): which
 * physical interrupt taken while a guest ran is the guest's.  The guest's
 * virtual timer (PPI 27): the physical PPI is enabled on the vCPU's CPU
 * only while the guest has it enabled in its virtual redistributor, and
 * when it fires it is injected with the HW bit (LR 0), so the guest's own
 * end of interrupt deactivates the physical one.  A passthrough SPI of
 * the cell likewise: its priority dropped here, it goes into a list
 * register with the HW bit at once when nothing else waits for the vCPU,
 * else to the virtual distributor as pending for the next sync (vlr.c).
 * The maintenance interrupt asks for a list-register sync.
 */
#include <arch/gic.h>
#include <arch/irqc.h>
#include <arch/sysreg.h>
#include <fv/arch_cell.h>
#include "guest.h"
#include <arch/vgic.h>

static void clear_lrs(void)
{
	for (unsigned n = 0; n < arm64_nr_lrs(); n++)
		arm64_lr_write(n, 0);
}

void arm64_virq_enter(struct vcpu *v)
{
	if (!gic_ready())
		return;
	gic_ppi_enable(v->cpu->hwid, GIC_PPI_VTIMER, false);
	arm64_vlr_drop(v);
	clear_lrs();
	/* a timer interrupt injected (HW) and never ended by the previous
	 * run would stay active, and the PPI never fire again */
	gic_ppi_deactivate(v->cpu->hwid, GIC_PPI_VTIMER);
	irqc_vif_reset();
	irqc_vif_on(false);
	arm64_vlr_sync(v);
}

void arm64_virq_quiesce(struct cpu *c)
{
	if (!gic_ready())
		return;
	gic_ppi_enable(c->hwid, GIC_PPI_VTIMER, false);
	if (c->vcpu)
		arm64_vlr_drop(c->vcpu);
	irqc_vif_off();
	clear_lrs();
	gic_ppi_deactivate(c->hwid, GIC_PPI_VTIMER);
	isb();
}

/* The guest enabled or disabled one of its PPIs (vgic.c, any CPU). */
void arm64_virq_ppi_enable(struct cell *c, unsigned k, unsigned intid, bool on)
{
	struct vcpu *v = cell_vcpu(c, k);

	if (v && intid == GIC_PPI_VTIMER)
		gic_ppi_enable(v->cpu->hwid, intid, on);
}

/* PPI 27 fired while its guest ran: into list register 0 (the physical
 * one stays active until the guest ends the virtual one, so LR 0 is free
 * each time). */
static void inject_vtimer(struct vcpu *v)
{
	struct vgic *g = &v->cell->arch.vgic;
	uint64_t prio = vgic_priority(g, v->vhartid, GIC_PPI_VTIMER);
	bool grp1 = (READ_ONCE(g->cpu[v->vhartid].group) >> GIC_PPI_VTIMER) & 1;

	arm64_lr_write(0, LR_PENDING | LR_HW | (grp1 ? LR_GROUP1 : 0) | LR_PRIO(prio) |
		 LR_PINTID(GIC_PPI_VTIMER) | GIC_PPI_VTIMER);
	v->stats.virqs[VIRQ_TIMER]++;
}

/* The cell's passthrough SPI `intid`, or NULL.  The table of the cell's
 * SPIs and which are passthrough are fixed at boot: read without the
 * lock. */
static struct vgic_spi *passthrough(struct vgic *g, unsigned intid)
{
	struct vgic_spi *s = intid >= 32 ? vgic_find_spi(g, intid) : NULL;

	return s && s->hw ? s : NULL;
}

/* A passthrough SPI of the cell: its priority dropped, into a list
 * register at once if one is free and nothing else waits, else pending
 * in the virtual distributor; deactivated by the guest through the HW
 * bit; if the guest has it disabled after all, deactivated here. */
static void passthrough_spi(struct vcpu *v, struct vgic_spi *s)
{
	unsigned intid = s->intid;

	gic_eoi(intid, false);
	if (arm64_vlr_hw_direct(v, s) || vgic_hw_fired(&v->cell->arch.vgic, intid))
		v->stats.irqs++;
	else
		gic_spi_deactivate(intid);
}

/* A physical interrupt while a guest ran: the virtual timer's and the
 * cell's passthrough SPIs go to the guest, the maintenance interrupt
 * asks for a list-register sync (first: it stays raised until then), the
 * rest are the hypervisor's (irq_route.c). */
void arm64_virq_physical(struct vcpu *v)
{
	for (;;) {
		unsigned intid = gic_ack();
		struct vgic_spi *s;

		if (intid >= GIC_INTID_SPURIOUS)
			return;
		if (intid == GIC_PPI_VTIMER &&
		    vgic_ppi_enabled(&v->cell->arch.vgic, v->vhartid, intid)) {
			inject_vtimer(v);
			gic_eoi(intid, false);
		} else if (intid == GIC_PPI_MAINT) {
			irqc_maint();
			WRITE_ONCE(v->cell->arch.vgic.cpu[v->vhartid].dirty, true);
			arm64_vlr_sync(v);
			gic_eoi(intid, true);
		} else if ((s = passthrough(&v->cell->arch.vgic, intid))) {
			passthrough_spi(v, s);
		} else {
			arm64_hv_irq(intid);
		}
	}
}
