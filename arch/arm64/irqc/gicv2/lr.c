// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: a GICv2's virtual interface control (GICH, MMIO, banked
 * per CPU at one address) as <arch/irqc.h> hands it to the shared
 * list-register code, which speaks GICv3's ICH_LR<n>_EL2 layout: each
 * GICH_LR<n> is converted on the way in and out.  GICH_LR: virtual ID
 * 9:0, physical ID 19:10 with HW (31), else EOI (19) and an SGI's
 * source CPU (12:10, the CPUID the guest's GICV_IAR shows: LR_SGI_SRC);
 * priority's top five bits 27:23; state 29:28; group 1 (30).  Layout
 * from Arm's GICv2 specification (IHI 0048), chapter 5.
 *
 * Why no HW bit goes to the hardware: QEMU's GICv2 (10.0) deactivates the
 * physical interrupt of a HW list register when the guest ends the
 * virtual one, but does not look at its physical CPU interface again, so
 * a level interrupt whose line is already high again (the virtual
 * timer's next deadline passed meanwhile, which a loaded host makes
 * common) is never signalled: the CPU's guest waits for ever.  So a HW
 * entry goes in as a software one with the EOI bit; the guest's end
 * raises the maintenance interrupt, and irqc_maint() (or the next write
 * of that list register) deactivates the physical interrupt through
 * GICC_DIR, which the GIC does re-evaluate.  The shared code still sees
 * the entry as HW (its pINTID is kept here, per CPU and list register).
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
#define GICC_DIR	0x1000
#define HCR_EN		(1U << 0)
#define HCR_UIE		(1U << 1)

#define V2_HW		(1U << 31)
#define V2_GRP1		(1U << 30)
#define V2_STATE(s)	((uint32_t)(s) << 28)
#define V2_PRIO(p)	((uint32_t)((p) >> 3) << 23)
#define V2_PID(i)	((uint32_t)((i) & 0x3ff) << 10)
#define V2_EOI		(1U << 19)
#define V2_CPUID	(7U << 10)

#define MAX_CPUS	8

/* pINTID + 1 of the HW entry in list register n of each CPU (by Aff0),
 * 0: none; only that CPU touches its row */
static uint16_t hw_pintid[MAX_CPUS][VGIC_LRS];

static volatile uint32_t *gich(unsigned off)
{
	return (volatile uint32_t *)(uintptr_t)(platform.arch.gich.base + off);
}

static uint16_t *hw_slot(unsigned n)
{
	return &hw_pintid[read_sysreg(mpidr_el1) & (MAX_CPUS - 1)][n];
}

static uint32_t to_v2(uint64_t v)
{
	/* vINTID and, of an SGI, its source (the shared layout has zeros
	 * there for any other: an INTID is below 1020) */
	uint32_t lr = (uint32_t)(v & (0x3ff | V2_CPUID)) | V2_STATE(LR_STATE(v)) |
		      V2_PRIO((v >> 48) & 0xff) | ((v & LR_GROUP1) ? V2_GRP1 : 0);

	return lr | ((v & (LR_EOI | LR_HW)) ? V2_EOI : 0);
}

static uint64_t from_v2(uint32_t lr, unsigned hw)
{
	uint64_t v = (lr & (0x3ff | V2_CPUID)) | (uint64_t)((lr >> 28) & 3) << 62 |
		     LR_PRIO(((lr >> 23) & 0x1f) << 3) | ((lr & V2_GRP1) ? LR_GROUP1 : 0);

	if (hw)
		return v | LR_HW | LR_PINTID(hw - 1);
	return v | ((lr & V2_EOI) ? LR_EOI : 0);
}

/* List register n's HW entry, if the guest has ended it: deactivate its
 * physical interrupt (its priority was dropped when it was taken). */
static void end_hw(unsigned n)
{
	uint16_t *hw = hw_slot(n);

	if (*hw && !((*gich(GICH_LR(n)) >> 28) & 3)) {
		*(volatile uint32_t *)(uintptr_t)(platform.arch.gicr.base + GICC_DIR) = *hw - 1U;
		*hw = 0;
	}
}

void arm64_lr_write(unsigned n, uint64_t v)
{
	if (n >= VGIC_LRS)
		return;
	end_hw(n);
	*hw_slot(n) = (v & LR_HW) ? (uint16_t)(((v >> 32) & 0x3ff) + 1) : 0;
	*gich(GICH_LR(n)) = v ? to_v2(v) : 0;
}

uint64_t arm64_lr_read(unsigned n)
{
	return n < VGIC_LRS ? from_v2(*gich(GICH_LR(n)), *hw_slot(n)) : 0;
}

void irqc_maint(void)
{
	for (unsigned n = 0; n < arm64_nr_lrs(); n++)
		if (*hw_slot(n)) {
			end_hw(n);
			if (!*hw_slot(n))
				*gich(GICH_LR(n)) = 0;	/* its EOI request answered */
		}
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
