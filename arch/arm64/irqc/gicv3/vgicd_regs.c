// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: what a GICv3 distributor has that a GICv2 one has not,
 * for the shared model (vgicd.c): GICD_IROUTER<n> (affinity routing of
 * an SPI, 64-bit, or either 32-bit half), GICD_CTLR's ARE and DS read as
 * one (affinity routing, one security state), 10-bit INTIDs in
 * GICD_TYPER, ArchRev 3 in GICD_PIDR2.  INTIDs below 32 are the
 * redistributors' (vgic.c), not the distributor's.  Offsets from Arm's
 * GICv3/v4 specification (IHI 0069).
 */
#include <arch/irqc.h>
#include <arch/vgic.h>

#define GICD_IROUTER	0x6000
#define IROUTER_SIZE	0x2000
#define IROUTER_IRM	(1ULL << 31)
#define IROUTER_MASK	(0xff00ffffffULL | IROUTER_IRM)
#define CTLR_DS		(1U << 6)
#define CTLR_ARE	(1U << 4)
#define TYPER_IDBITS_10	(9U << 19)	/* INTIDs of 10 bits */
#define PIDR2_GICV3	0x30		/* ArchRev 3 */

uint32_t vgicd_variant_ctlr(void)
{
	return CTLR_ARE | CTLR_DS;
}

uint32_t vgicd_variant_typer(const struct vgic *g)
{
	(void)g;
	return TYPER_IDBITS_10;
}

uint32_t vgicd_variant_pidr2(void)
{
	return PIDR2_GICV3;
}

static bool is_irouter(uint64_t off)
{
	return off >= GICD_IROUTER && off < GICD_IROUTER + IROUTER_SIZE;
}

/* A vCPU of the cell by Aff0 (Aff1..3 zero); 1-of-N (IRM) goes to vCPU
 * 0.  Any other value is kept, and the SPI goes nowhere until it names a
 * vCPU of the cell. */
static void set_irouter(struct vgic *g, struct vgic_spi *s, uint64_t v)
{
	s->irouter = v & IROUTER_MASK;
	if (v & IROUTER_IRM)
		vgicd_set_target(g, s, 0);
	else if ((v & 0xff00ffff00ULL) == 0)
		vgicd_set_target(g, s, (unsigned)(v & 0xff));
	else
		vgicd_set_target(g, s, VGIC_NO_VCPU);
}

int vgicd_variant_read(struct vgic *g, uint64_t off, unsigned width, uint64_t *val)
{
	const struct vgic_spi *s;

	if (!is_irouter(off))
		return 1;
	if (width == 1)
		return -1;
	s = vgic_find_spi(g, (unsigned)(off - GICD_IROUTER) / 8);
	*val = s ? s->irouter >> (8 * (off & 4)) : 0;
	return 0;
}

int vgicd_variant_write(struct vgic *g, uint64_t off, unsigned width, uint64_t val)
{
	struct vgic_spi *s;
	uint64_t v;

	if (!is_irouter(off))
		return 1;
	if (width == 1)
		return -1;
	s = vgic_find_spi(g, (unsigned)(off - GICD_IROUTER) / 8);
	if (!s)
		return 0;
	v = s->irouter;
	if (width == 8)
		v = val;
	else if (off & 4)
		v = (v & 0xffffffffULL) | val << 32;
	else
		v = (v & ~0xffffffffULL) | (val & 0xffffffffULL);
	set_irouter(g, s, v);
	return 0;
}
