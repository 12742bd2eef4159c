// SPDX-License-Identifier: GPL-2.0-only
/*
 * SGIs between the vCPUs of a cell on a GICv3.  GICv3 has no virtual SGI
 * register: with HCR_EL2.IMO set, a guest's write of ICC_SGI1R_EL1 traps
 * to EL2 (EC 0x18), and this file decodes its targets.  A cell's vCPU k
 * has the affinity 0.0.0.k (VMPIDR_EL2), so only Aff3.Aff2.Aff1 = 0 and
 * range selector 0 can name one; any other target, or a vCPU number the
 * cell does not have, is not there to be named and is silently ignored,
 * as the GIC ignores a target list naming no PE.  Group 0 and
 * alternate-group SGIs are ignored (the cell's SGIs are group 1).  The
 * SGI goes pending in the target's virtual redistributor and into a list
 * register on its CPU (vlr.c; a kick if that CPU is another).  Field
 * layout from Arm's GICv3 specification (IHI 0069), ICC_SGI1R_EL1.
 */
#include <arch/irqc.h>
#include <arch/vgic.h>
#include <fv/arch_cell.h>
#include "../../guest.h"

#define SGIR_TARGETS(v)	((uint16_t)((v) & 0xffff))
#define SGIR_AFF1(v)	(((v) >> 16) & 0xff)
#define SGIR_INTID(v)	((unsigned)((v) >> 24) & 0xf)
#define SGIR_AFF2(v)	(((v) >> 32) & 0xff)
#define SGIR_IRM	(1ULL << 40)
#define SGIR_RS(v)	(((v) >> 44) & 0xf)
#define SGIR_AFF3(v)	(((v) >> 48) & 0xff)

/* ESR_EL2's ISS of a trapped system register, less Rt and direction */
#define SYSREG_KEY(op0, op1, crn, crm, op2) \
	((op0) << 20 | (op2) << 17 | (op1) << 14 | (crn) << 10 | (crm) << 1)
#define KEY_ICC_SGI1R	SYSREG_KEY(3U, 0U, 12U, 11U, 5U)
#define KEY_ICC_ASGI1R	SYSREG_KEY(3U, 0U, 12U, 11U, 6U)
#define KEY_ICC_SGI0R	SYSREG_KEY(3U, 0U, 12U, 11U, 7U)

static void sgi1r_write(struct vcpu *v, uint64_t val)
{
	uint16_t targets = 0;
	bool all = val & SGIR_IRM;

	if (!all && !SGIR_AFF1(val) && !SGIR_AFF2(val) && !SGIR_AFF3(val) && !SGIR_RS(val))
		targets = SGIR_TARGETS(val);
	vgic_send_sgi(&v->cell->arch.vgic, v->vhartid, SGIR_INTID(val), targets, all);
}

bool arm64_vsgi_sysreg(struct vcpu *v, uint32_t key, uint64_t val)
{
	switch (key) {
	case KEY_ICC_SGI1R:
		sgi1r_write(v, val);
		return true;
	case KEY_ICC_ASGI1R: case KEY_ICC_SGI0R:
		return true;
	default:
		return false;
	}
}
