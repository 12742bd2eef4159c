// SPDX-License-Identifier: GPL-2.0-only
/*
 * Virtual interrupts through the GICv3 virtual CPU interface: the list
 * registers (ICH_LR<n>_EL2).  The one interrupt forwarded so far is the
 * guest's virtual timer (PPI 27): the physical PPI is enabled on the
 * vCPU's CPU only while the guest has it enabled in its virtual
 * redistributor, and when it fires it is injected with the HW bit, so the
 * guest's own end of interrupt deactivates the physical one.
 */
#include <arch/gic.h>
#include <arch/sysreg.h>
#include <fv/arch_cell.h>
#include "guest.h"
#include <arch/vgic.h>

#define ICH_HCR_EL2	S3_4_C12_C11_0
#define ICH_VTR_EL2	S3_4_C12_C11_1
#define ICH_VMCR_EL2	S3_4_C12_C11_7
#define ICH_HCR_EN	(1ULL << 0)
#define LR_PENDING	(1ULL << 62)
#define LR_HW		(1ULL << 61)
#define LR_GROUP1	(1ULL << 60)
#define LR_STATE	(3ULL << 62)

static void write_lr(unsigned n, uint64_t v)
{
	switch (n) {
	case 0: write_sysreg(S3_4_C12_C12_0, v); break;
	case 1: write_sysreg(S3_4_C12_C12_1, v); break;
	case 2: write_sysreg(S3_4_C12_C12_2, v); break;
	case 3: write_sysreg(S3_4_C12_C12_3, v); break;
	default: break;
	}
}

static unsigned nr_lrs(void)
{
	unsigned n = (unsigned)(read_sysreg(ICH_VTR_EL2) & 0x1f) + 1;

	return n < 4 ? n : 4;
}

static void clear_lrs(void)
{
	for (unsigned n = 0; n < nr_lrs(); n++)
		write_lr(n, 0);
}

void arm64_virq_enter(struct vcpu *v)
{
	if (!gic_ready())
		return;
	gic_ppi_enable(v->cpu->hwid, GIC_PPI_VTIMER, false);
	clear_lrs();
	write_sysreg(ICH_VMCR_EL2, 0);
	write_sysreg(ICH_HCR_EL2, ICH_HCR_EN);
	isb();
}

void arm64_virq_quiesce(struct cpu *c)
{
	if (!gic_ready())
		return;
	gic_ppi_enable(c->hwid, GIC_PPI_VTIMER, false);
	write_sysreg(ICH_HCR_EL2, 0);
	clear_lrs();
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
	uint64_t prio = vgic_priority(&v->cell->arch.vgic, v->vhartid, GIC_PPI_VTIMER);

	write_lr(0, LR_PENDING | LR_HW | LR_GROUP1 | prio << 48 |
		 (uint64_t)GIC_PPI_VTIMER << 32 | GIC_PPI_VTIMER);
	v->stats.virqs[VIRQ_TIMER]++;
}

/* A physical interrupt while a guest ran: the virtual timer's goes to
 * the guest, the rest are the hypervisor's (irq_route.c). */
void arm64_virq_physical(struct vcpu *v)
{
	for (;;) {
		unsigned intid = gic_ack();

		if (intid >= GIC_INTID_SPURIOUS)
			return;
		if (intid == GIC_PPI_VTIMER &&
		    vgic_ppi_enabled(&v->cell->arch.vgic, v->vhartid, intid)) {
			inject_vtimer(v);
			gic_eoi(intid, false);
			continue;
		}
		arm64_hv_irq(intid);
	}
}
