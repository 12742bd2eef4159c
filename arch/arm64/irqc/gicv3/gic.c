// SPDX-License-Identifier: GPL-2.0-only
/* The hypervisor's GICv3: kicks and its timer; see <arch/gic.h>.  Register
 * layout from Arm's GICv3/v4 architecture specification (IHI 0069). */
#include <arch/gic.h>
#include <arch/sysreg.h>
#include <fv/console.h>

#define GICD_CTLR		0x0000
#define GICD_CTLR_RWP		(1U << 31)
#define GICD_CTLR_ARE		(1U << 4)
#define GICD_CTLR_GRP1		(1U << 1)
#define GICD_CTLR_GRP0		(1U << 0)
#define GICD_TYPER		0x0004
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_ICACTIVER		0x0380
#define GICD_IPRIORITYR		0x0400
#define GICD_IROUTER		0x6000

#define GICR_FRAME		0x20000		/* RD_base + SGI_base */
#define GICR_TYPER		0x0008
#define GICR_TYPER_LAST		(1ULL << 4)
#define GICR_WAKER		0x0014
#define GICR_WAKER_SLEEP	(1U << 1)
#define GICR_WAKER_ASLEEP	(1U << 2)
#define GICR_SGI		0x10000
#define GICR_IGROUPR0		(GICR_SGI + 0x080)
#define GICR_ISENABLER0		(GICR_SGI + 0x100)
#define GICR_ICENABLER0		(GICR_SGI + 0x180)
#define GICR_ICACTIVER0		(GICR_SGI + 0x380)
#define GICR_IPRIORITYR		(GICR_SGI + 0x400)

/* ICC system registers by encoding (EL2 sees the physical interface) */
#define ICC_SRE_EL2		S3_4_C12_C9_5
#define ICC_PMR_EL1		S3_0_C4_C6_0
#define ICC_IAR1_EL1		S3_0_C12_C12_0
#define ICC_EOIR1_EL1		S3_0_C12_C12_1
#define ICC_BPR1_EL1		S3_0_C12_C12_3
#define ICC_CTLR_EL1		S3_0_C12_C12_4
#define ICC_IGRPEN1_EL1		S3_0_C12_C12_7
#define ICC_SGI1R_EL1		S3_0_C12_C11_5
#define ICC_DIR_EL1		S3_0_C12_C11_1
#define ICC_CTLR_EOIMODE	(1U << 1)
#define SRE_SRE			(1U << 0)
#define SRE_ENABLE		(1U << 3)
#define INTID_SPURIOUS		1020

static uintptr_t gicd, gicr_base;
static uint64_t gicr_size;
static volatile bool ready;

static uint32_t rd32(uintptr_t a)
{
	return *(volatile uint32_t *)a;
}

static void wr32(uintptr_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}

static uint64_t rd64(uintptr_t a)
{
	return *(volatile uint64_t *)a;
}

/* Affinity as GICR_TYPER[63:32] holds it: Aff3.Aff2.Aff1.Aff0 */
static uint32_t typer_aff(uint64_t mpidr)
{
	return (uint32_t)((mpidr & 0xffffff) | ((mpidr >> 32) & 0xff) << 24);
}

/* The redistributor frame of the CPU with affinity `mpidr`, or 0. */
static uintptr_t gicr_of(uint64_t mpidr)
{
	uint32_t aff = typer_aff(mpidr);

	for (uintptr_t r = gicr_base; r < gicr_base + gicr_size; r += GICR_FRAME) {
		uint64_t typer = rd64(r + GICR_TYPER);

		if ((uint32_t)(typer >> 32) == aff)
			return r;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return 0;
}

void gic_init_cpu(void)
{
	uintptr_t r;
	uint32_t bits = 1U << GIC_SGI_KICK | 1U << GIC_PPI_HYP_TIMER | 1U << GIC_PPI_MAINT;

	if (!ready || !(r = gicr_of(read_sysreg(mpidr_el1)))) {
		if (ready)
			kprintf("gic: no redistributor for this cpu; it waits with WFE\n");
		return;
	}
	wr32(r + GICR_WAKER, rd32(r + GICR_WAKER) & ~GICR_WAKER_SLEEP);
	while (rd32(r + GICR_WAKER) & GICR_WAKER_ASLEEP)
		;
	wr32(r + GICR_ICENABLER0, ~0U);		/* the guest's, later */
	wr32(r + GICR_IGROUPR0, ~0U);		/* group 1 */
	/* GICR_IPRIORITYR<n> are byte-accessible: one byte per INTID */
	*(volatile uint8_t *)(r + GICR_IPRIORITYR + GIC_PPI_HYP_TIMER) = 0xa0;
	*(volatile uint8_t *)(r + GICR_IPRIORITYR + GIC_SGI_KICK) = 0xa0;
	*(volatile uint8_t *)(r + GICR_IPRIORITYR + GIC_PPI_MAINT) = 0xa0;
	wr32(r + GICR_ISENABLER0, bits);

	write_sysreg(ICC_SRE_EL2, SRE_SRE | SRE_ENABLE);
	isb();
	write_sysreg(ICC_PMR_EL1, 0xff);
	write_sysreg(ICC_BPR1_EL1, 0);
	/* EOI only drops the priority: a forwarded interrupt (the virtual
	 * timer's) is deactivated by the guest, through its list register */
	write_sysreg(ICC_CTLR_EL1, ICC_CTLR_EOIMODE);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	isb();
}

void gic_init(const struct platform *p)
{
	if (p->arch.gic_version != 3)
		return;
	gicd = (uintptr_t)p->arch.gicd.base;
	gicr_base = (uintptr_t)p->arch.gicr.base;
	gicr_size = p->arch.gicr.size;
	/* every SPI group 1, once: no read-modify-write of a register that
	 * CPUs of several cells would share later */
	for (unsigned w = 1; w <= (rd32(gicd + GICD_TYPER) & 0x1f); w++)
		wr32(gicd + GICD_IGROUPR + 4 * w, ~0U);
	wr32(gicd + GICD_CTLR, GICD_CTLR_ARE | GICD_CTLR_GRP1 | GICD_CTLR_GRP0);
	while (rd32(gicd + GICD_CTLR) & GICD_CTLR_RWP)
		;
	ready = true;
	gic_init_cpu();
}

bool gic_ready(void)
{
	return ready;
}

void gic_send_kick(uint64_t mpidr)
{
	uint64_t aff0 = mpidr & 0xff;
	/* cppcheck-suppress badBitmaskCheck ; the kick is SGI 0, kept for the layout */
	uint64_t v = 1ULL << (aff0 & 15) | ((mpidr >> 8) & 0xff) << 16 |
		     (uint64_t)GIC_SGI_KICK << 24 | ((mpidr >> 16) & 0xff) << 32 |
		     (aff0 >> 4) << 44 | ((mpidr >> 32) & 0xff) << 48;

	dsb(ishst);
	write_sysreg(ICC_SGI1R_EL1, v);
	isb();
}

unsigned gic_ack(void)
{
	return (unsigned)(read_sysreg(ICC_IAR1_EL1) & 0xffffff);
}

void gic_eoi(unsigned intid, bool deactivate)
{
	write_sysreg(ICC_EOIR1_EL1, intid);
	if (deactivate)
		write_sysreg(ICC_DIR_EL1, intid);
	isb();
}

unsigned gic_ack_all(void)
{
	unsigned n = 0;

	for (;;) {
		unsigned intid = gic_ack();

		if (intid >= INTID_SPURIOUS)
			return n;
		gic_eoi(intid, true);
		n++;
	}
}

void gic_ppi_enable(uint64_t mpidr, unsigned intid, bool on)
{
	uintptr_t r = ready ? gicr_of(mpidr) : 0;

	if (!r || intid >= 32)
		return;
	wr32(r + (on ? GICR_ISENABLER0 : GICR_ICENABLER0), 1U << intid);
}

void gic_ppi_deactivate(uint64_t mpidr, unsigned intid)
{
	uintptr_t r = ready ? gicr_of(mpidr) : 0;

	if (r && intid < 32)
		wr32(r + GICR_ICACTIVER0, 1U << intid);
}

/* Affinity as GICD_IROUTER<n> holds it: Aff3 at 32, Aff2.Aff1.Aff0 */
static uint64_t irouter_aff(uint64_t mpidr)
{
	return (mpidr & 0xffffff) | (mpidr & 0xff00000000ULL);
}

void gic_spi_route(unsigned intid, uint64_t mpidr, bool on)
{
	uintptr_t bit = 1U << (intid % 32), word = 4 * (intid / 32);

	if (!ready || intid < 32 || intid >= 1020)
		return;
	if (!on) {
		wr32(gicd + GICD_ICENABLER + word, (uint32_t)bit);
		return;
	}
	*(volatile uint8_t *)(gicd + GICD_IPRIORITYR + intid) = 0xa0;
	*(volatile uint64_t *)(gicd + GICD_IROUTER + 8 * intid) = irouter_aff(mpidr);
	wr32(gicd + GICD_ISENABLER + word, (uint32_t)bit);
}

void gic_spi_deactivate(unsigned intid)
{
	if (ready && intid >= 32 && intid < 1020)
		wr32(gicd + GICD_ICACTIVER + 4 * (intid / 32), 1U << (intid % 32));
}
