// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: a GICv2's virtual interface control (GICH, MMIO, banked
 * per CPU at one address) as <arch/irqc.h> hands it to the shared
 * list-register code, which speaks GICv3's ICH_LR<n>_EL2 layout: each
 * GICH_LR<n> is converted on the way in and out.  GICH_LR: virtual ID
 * 9:0, physical ID 19:10 with HW (31), else EOI (19) and the SGI's
 * source CPU (12:10, left 0); priority's top five bits 27:23; state
 * 29:28; group 1 (30).  Layout from Arm's GICv2 specification
 * (IHI 0048), chapter 5.
 */
#include <arch/irqc.h>
#include <arch/sysreg.h>
#include <arch/vgic.h>
#include <fv/platform.h>

#define GICH_HCR	0x000
#define GICH_VTR	0x004
#define GICH_VMCR	0x008
#define GICH_APR	0x0f0
#define GICH_LR(n)	(0x100 + 4 * (n))
#define HCR_EN		(1U << 0)
#define HCR_UIE		(1U << 1)

#define V2_HW		(1U << 31)
#define V2_GRP1		(1U << 30)
#define V2_STATE(s)	((uint32_t)(s) << 28)
#define V2_PRIO(p)	((uint32_t)((p) >> 3) << 23)
#define V2_PID(i)	((uint32_t)((i) & 0x3ff) << 10)
#define V2_EOI		(1U << 19)

static volatile uint32_t *gich(unsigned off)
{
	return (volatile uint32_t *)(uintptr_t)(platform.arch.gich.base + off);
}

static uint32_t to_v2(uint64_t v)
{
	uint32_t lr = (uint32_t)(v & 0x3ff) | V2_STATE(LR_STATE(v)) |
		      V2_PRIO((v >> 48) & 0xff) | ((v & LR_GROUP1) ? V2_GRP1 : 0);

	if (v & LR_HW)
		return lr | V2_HW | V2_PID(v >> 32);
	return lr | ((v & LR_EOI) ? V2_EOI : 0);
}

static uint64_t from_v2(uint32_t lr)
{
	uint64_t v = (lr & 0x3ff) | (uint64_t)((lr >> 28) & 3) << 62 |
		     LR_PRIO(((lr >> 23) & 0x1f) << 3) | ((lr & V2_GRP1) ? LR_GROUP1 : 0);

	if (lr & V2_HW)
		return v | LR_HW | LR_PINTID((lr >> 10) & 0x3ff);
	return v | ((lr & V2_EOI) ? LR_EOI : 0);
}

void arm64_lr_write(unsigned n, uint64_t v)
{
	if (n < VGIC_LRS)
		*gich(GICH_LR(n)) = v ? to_v2(v) : 0;
}

uint64_t arm64_lr_read(unsigned n)
{
	return n < VGIC_LRS ? from_v2(*gich(GICH_LR(n))) : 0;
}

unsigned arm64_nr_lrs(void)
{
	unsigned n = (*gich(GICH_VTR) & 0x3f) + 1;

	return n < VGIC_LRS ? n : VGIC_LRS;
}

void irqc_vif_on(bool underflow)
{
	*gich(GICH_HCR) = HCR_EN | (underflow ? HCR_UIE : 0);
	dsb(sy);
}

void irqc_vif_off(void)
{
	*gich(GICH_HCR) = 0;
	dsb(sy);
}

void irqc_vif_reset(void)
{
	*gich(GICH_VMCR) = 0;
	*gich(GICH_APR) = 0;
}
