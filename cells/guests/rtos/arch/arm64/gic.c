// SPDX-License-Identifier: GPL-2.0-only
/*
 * The GICv3 the device tree names (its distributor and redistributor
 * region), driven with 32-bit accesses only, so that the same code runs on
 * QEMU's GIC natively and on Ferrovisor's virtual one in a cell.  Register
 * offsets from Arm's GICv3 specification (IHI 0069).  Acknowledge and end
 * of interrupt go through the ICC_* system registers.  A tree naming a
 * GICv2 instead (dtb.c sets plat.arch.gic_v2) is gicv2.c's.
 */
#include "gic.h"
#include "rtos.h"

#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_IGROUPR(n)		(0x0080 + 4 * (n))
#define GICD_ISENABLER(n)	(0x0100 + 4 * (n))
#define GICD_IPRIORITYR(n)	(0x0400 + 4 * (n))
#define GICD_IROUTER(n)		(0x6000 + 8 * (n))
#define CTLR_RWP		(1U << 31)
#define CTLR_ARE		(1U << 4)
#define CTLR_GRP1		(1U << 1)	/* EnableGrp1 / EnableGrp1A (non-secure view) */
#define CTLR_GRP1_NS		(1U << 0)	/* EnableGrp1 (non-secure view) */

#define GICR_TYPER		0x0008
#define GICR_WAKER		0x0014
#define TYPER_VLPIS		(1U << 1)
#define TYPER_LAST		(1U << 4)
#define WAKER_SLEEP		(1U << 1)
#define WAKER_ASLEEP		(1U << 2)
#define SGI_BASE		0x10000
#define GICR_IGROUPR0		(SGI_BASE + 0x080)
#define GICR_ISENABLER0		(SGI_BASE + 0x100)
#define GICR_IPRIORITYR(n)	(SGI_BASE + 0x400 + 4 * (n))

#define PRIORITY		0x80

static volatile uint32_t *reg(uintptr_t base, uintptr_t off)
{
	return (volatile uint32_t *)(base + off);
}

static void set_priority(volatile uint32_t *word, uint32_t intid)
{
	unsigned shift = 8 * (intid % 4);

	*word = (*word & ~(0xffU << shift)) | (uint32_t)PRIORITY << shift;
}

void gic_dist_init(void)
{
	if (plat.arch.gic_v2) {
		gicv2_dist_init();
		return;
	}
	uintptr_t d = plat.arch.gicd;

	*reg(d, GICD_CTLR) |= CTLR_ARE | CTLR_GRP1 | CTLR_GRP1_NS;
	while (*reg(d, GICD_CTLR) & CTLR_RWP)
		;
}

/* The affinity of an MPIDR as GICR_TYPER[63:32] has it: Aff3.Aff2.Aff1.Aff0. */
static uint32_t typer_affinity(uint64_t mpidr)
{
	return (uint32_t)(mpidr & 0xffffff) | (uint32_t)((mpidr >> 32) & 0xff) << 24;
}

/* This CPU's redistributor: walk the region until GICR_TYPER's Last bit. */
static uintptr_t find_gicr(uint64_t mpidr)
{
	uintptr_t r = plat.arch.gicr, end = r + plat.arch.gicr_size;

	while (r < end) {
		uint32_t lo = *reg(r, GICR_TYPER), hi = *reg(r, GICR_TYPER + 4);

		if (hi == typer_affinity(mpidr))
			return r;
		if (lo & TYPER_LAST)
			break;
		r += (lo & TYPER_VLPIS) ? 0x40000 : 0x20000;
	}
	return 0;
}

bool gic_cpu_init(struct hart *h)
{
	if (plat.arch.gic_v2)
		return gicv2_cpu_init(h);
	uintptr_t r = find_gicr(h->hartid);

	h->arch.gicr = r;
	if (!r)
		return false;
	*reg(r, GICR_WAKER) &= ~WAKER_SLEEP;
	while (*reg(r, GICR_WAKER) & WAKER_ASLEEP)
		;
	sysreg_write(ICC_SRE_EL1, sysreg_read(ICC_SRE_EL1) | 1);	/* SRE */
	isb();
	sysreg_write(ICC_PMR_EL1, 0xff);
	sysreg_write(ICC_IGRPEN1_EL1, 1);
	isb();
	return true;
}

void gic_enable_ppi(struct hart *h, uint32_t intid)
{
	if (plat.arch.gic_v2) {
		gicv2_enable_ppi(h, intid);
		return;
	}
	uintptr_t r = h->arch.gicr;

	*reg(r, GICR_IGROUPR0) |= 1U << intid;
	set_priority(reg(r, GICR_IPRIORITYR(intid / 4)), intid);
	*reg(r, GICR_ISENABLER0) = 1U << intid;
}

bool gic_spi_exists(uint32_t intid)
{
	return intid >= 32 && intid < plat.arch.gic_lines && intid < 1020;
}

void gic_enable_spi(uint32_t intid, uint64_t mpidr)
{
	if (plat.arch.gic_v2) {
		gicv2_enable_spi(intid, mpidr);
		return;
	}
	uintptr_t d = plat.arch.gicd;

	*reg(d, GICD_IGROUPR(intid / 32)) |= 1U << (intid % 32);
	set_priority(reg(d, GICD_IPRIORITYR(intid / 4)), intid);
	*reg(d, GICD_IROUTER(intid)) = typer_affinity(mpidr) & 0xffffff;
	*reg(d, GICD_IROUTER(intid) + 4) = (uint32_t)((mpidr >> 32) & 0xff);
	*reg(d, GICD_ISENABLER(intid / 32)) = 1U << (intid % 32);
}

uint32_t gic_ack(void)
{
	if (plat.arch.gic_v2)
		return gicv2_ack();
	return (uint32_t)sysreg_read(ICC_IAR1_EL1) & 0xffffff;
}

void gic_eoi(uint32_t intid)
{
	if (plat.arch.gic_v2) {
		gicv2_eoi(intid);
		return;
	}
	sysreg_write(ICC_EOIR1_EL1, intid);
	isb();
}
