// SPDX-License-Identifier: GPL-2.0-only
/*
 * The bench guest's GICv3: the distributor on (affinity routing, group 1),
 * this CPU's redistributor awake, PPIs enabled one by one, and the CPU
 * interface through the ICC_* system registers.  Natively it is QEMU's
 * GIC; in a cell the distributor and redistributor are emulated and the
 * ICC_* registers are the hardware's virtual CPU interface.
 */
#include "bench.h"

#define GICD_CTLR	0x0000
#define GICD_TYPER	0x0004
#define CTLR_RWP	(1U << 31)
#define CTLR_ARE	(1U << 4)
#define CTLR_GRP1	(1U << 1)
#define CTLR_GRP0	(1U << 0)
#define GICR_WAKER	0x0014
#define WAKER_SLEEP	(1U << 1)
#define WAKER_ASLEEP	(1U << 2)
#define GICR_SGI	0x10000		/* the SGI/PPI frame */
#define GICR_IGROUPR0	(GICR_SGI + 0x080)
#define GICR_ISENABLER0	(GICR_SGI + 0x100)
#define GICR_IPRIORITYR	(GICR_SGI + 0x400)

#define ICC_SRE_EL1	S3_0_C12_C12_5
#define ICC_PMR_EL1	S3_0_C4_C6_0
#define ICC_BPR1_EL1	S3_0_C12_C12_3
#define ICC_IGRPEN1_EL1	S3_0_C12_C12_7
#define ICC_IAR1_EL1	S3_0_C12_C12_0
#define ICC_EOIR1_EL1	S3_0_C12_C12_1

#define GICD_IGROUPR	0x0080
#define GICD_ISENABLER	0x0100
#define GICD_IPRIORITYR	0x0400
#define GICD_IROUTER	0x6000

#define MAX_CPUS	8

static volatile uint8_t *gicd, *gicr_of[MAX_CPUS];

/* this CPU's redistributor */
static volatile uint8_t *gicr(void)
{
	return gicr_of[sysreg_rd(mpidr_el1) & (MAX_CPUS - 1)];
}

static volatile uint32_t *reg32(volatile uint8_t *base, unsigned off)
{
	return (volatile uint32_t *)(base + off);
}

static int wait_clear(const volatile uint32_t *r, uint32_t bits)
{
	for (unsigned i = 0; i < 1000000; i++)
		if (!(*r & bits))
			return 0;
	return -1;
}

int gic_init(uintptr_t d, uintptr_t r)
{
	gicd = (volatile uint8_t *)d;
	*reg32(gicd, GICD_CTLR) = CTLR_ARE | CTLR_GRP1 | CTLR_GRP0;
	if (wait_clear(reg32(gicd, GICD_CTLR), CTLR_RWP))
		return -1;
	return gic_cpu_init(r);
}

/* This CPU's redistributor (`r`) awake and its CPU interface on. */
int gic_cpu_init(uintptr_t r)
{
	volatile uint8_t *rd = (volatile uint8_t *)r;

	gicr_of[sysreg_rd(mpidr_el1) & (MAX_CPUS - 1)] = rd;
	*reg32(rd, GICR_WAKER) &= ~WAKER_SLEEP;
	if (wait_clear(reg32(rd, GICR_WAKER), WAKER_ASLEEP))
		return -1;
	sysreg_wr(ICC_SRE_EL1, 1);
	sysreg_wr(ICC_PMR_EL1, 0xff);
	sysreg_wr(ICC_BPR1_EL1, 0);
	sysreg_wr(ICC_IGRPEN1_EL1, 1);
	return 0;
}

/* an SGI or PPI of this CPU */
void gic_enable_ppi(unsigned intid)
{
	volatile uint8_t *rd = gicr();

	*reg32(rd, GICR_IGROUPR0) |= 1U << intid;
	rd[GICR_IPRIORITYR + intid] = 0x80;
	*reg32(rd, GICR_ISENABLER0) = 1U << intid;
}

/* an SPI, group 1, routed to the CPU `mpidr` (its affinity fields) */
void gic_enable_spi(unsigned intid, uint64_t mpidr)
{
	*(volatile uint64_t *)(gicd + GICD_IROUTER + 8 * intid) = mpidr & 0xff00ffffffULL;
	*reg32(gicd, GICD_IGROUPR + 4 * (intid / 32)) |= 1U << (intid % 32);
	gicd[GICD_IPRIORITYR + intid] = 0x80;
	*reg32(gicd, GICD_ISENABLER + 4 * (intid / 32)) = 1U << (intid % 32);
}

/* SPIs the distributor has: 32 x ITLinesNumber (none: 0) */
unsigned gic_spi_lines(void)
{
	return 32 * (*reg32(gicd, GICD_TYPER) & 0x1f);
}

uint32_t gic_ack(void)
{
	return (uint32_t)sysreg_rd(ICC_IAR1_EL1) & 0xffffff;
}

void gic_eoi(uint32_t iar)
{
	sysreg_wr(ICC_EOIR1_EL1, iar);
}
