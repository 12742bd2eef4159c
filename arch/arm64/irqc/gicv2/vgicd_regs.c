// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: what a GICv2 distributor has that the shared model
 * (vgicd.c) does not, for a cell:
 *  - INTIDs 0..31 are banked per CPU in the distributor itself (a GICv2
 *    has no redistributors): IGROUPR0, I[SC]ENABLER0, I[SC]PENDR0,
 *    I[SC]ACTIVER0, IPRIORITYR0..7, ICFGR0..1 go to the accessing vCPU's
 *    half of the model (vgic.c), whose registers sit at the same offsets
 *    in a GICv3 redistributor's SGI frame;
 *  - GICD_ITARGETSR<n> (byte-accessible): an SPI goes to the lowest vCPU
 *    its mask names (bit k: vCPU k), none if it names no vCPU of the
 *    cell; INTIDs 0..31 read as the accessing vCPU's own bit;
 *  - GICD_SGIR: an SGI to the cell's vCPUs the target list names (others
 *    are not there to name: ignored), to all others, or to itself, pending
 *    from the sender (its source, which the receiver's IAR shows);
 *  - GICD_CPENDSGIR<n>/SPENDSGIR<n> (byte-accessible; byte b: SGI
 *    4n + b, bit s: source vCPU s) read the accessing vCPU's pending
 *    sources: those waiting and the one pending (or active and pending)
 *    in a list register, not one only active; a write clears or sets
 *    them: a cleared source in a list register leaves it (the list
 *    register emptied, or active only; IHI 0048B 4.3.16, 4.3.17);
 *  - GICD_ISPENDR0/ICPENDR0: an SGI reads as pending while any source is
 *    (as above); writes to SGI bits are ignored (4.3.7, 4.3.8: the
 *    [CS]PENDSGIR registers are the SGIs' way);
 *  - GICD_TYPER's CPUNumber is the cell's vCPUs; GICD_PIDR2 (at 0xfe8 of
 *    the 4 KiB frame) has ArchRev 2.
 * Offsets from Arm's GICv2 specification (IHI 0048).
 */
#include <arch/irqc.h>
#include <arch/vgic.h>

#define GICD_ISPENDR0	0x0200
#define GICD_ICPENDR0	0x0280
#define SGI_BITS	0xffffU
#define GICD_ITARGETSR	0x0800
#define GICD_ICFGR	0x0c00
#define GICD_SGIR	0x0f00
#define GICD_CPENDSGIR	0x0f10
#define GICD_SPENDSGIR	0x0f20
#define SGIR_LIST(v)	((uint16_t)(((v) >> 16) & 0xff))
#define SGIR_FILTER(v)	(((v) >> 24) & 3)
#define SGIR_INTID(v)	((unsigned)(v) & 0xf)
#define FILTER_OTHERS	1
#define FILTER_SELF	2
#define GICD_PIDR2	0x0fe8		/* a GICv2's ID registers: 4 KiB frame */
#define PIDR2_GICV2	0x20		/* ArchRev 2 */

uint32_t vgicd_variant_ctlr(void)
{
	return 0;
}

uint32_t vgicd_variant_typer(const struct vgic *g)
{
	unsigned n = g->nr_vcpus ? g->nr_vcpus : 1;

	return (uint32_t)((n > 8 ? 8 : n) - 1) << 5;
}

uint32_t vgicd_variant_pidr2(void)
{
	return PIDR2_GICV2;
}

/* A register of INTIDs 0..31: the first word of each bank, the first
 * eight priority words, the first two configuration words. */
static bool is_banked(uint64_t off)
{
	if (off >= 0x0080 && off < 0x0400)
		return (off & 0x7f) == 0;
	if (off >= 0x0400 && off < 0x0420)
		return true;
	return off == GICD_ICFGR || off == GICD_ICFGR + 4;
}

static bool is_targets(uint64_t off)
{
	return off >= GICD_ITARGETSR && off < GICD_ITARGETSR + 0x400;
}

static uint32_t targets_read(struct vgic *g, unsigned first, unsigned width, unsigned k)
{
	uint32_t v = 0;

	for (unsigned b = 0; b < width; b++) {
		const struct vgic_spi *s = vgic_find_spi(g, first + b);
		unsigned t = first + b < 32 ? k : s ? s->target : VGIC_NO_VCPU;

		if (t < 8)
			v |= (uint32_t)(1U << t) << (8 * b);
	}
	return v;
}

static void targets_write(struct vgic *g, unsigned first, unsigned width, uint64_t v)
{
	for (unsigned b = 0; b < width; b++) {
		struct vgic_spi *s = vgic_find_spi(g, first + b);
		unsigned m = (unsigned)(v >> (8 * b)) & 0xff;

		if (s)
			vgicd_set_target(g, s, m ? (unsigned)__builtin_ctz(m) : VGIC_NO_VCPU);
	}
}

static void clear_src(struct vgic_cpu *c, unsigned sgi, unsigned s)
{
	c->sgi_src[sgi] &= (uint8_t)~(1U << s);
	if (!c->sgi_src[sgi])
		vgic_sgi_unpend(c, sgi);
}

static void sgir_write(struct vgic *g, unsigned k, uint32_t v)
{
	switch (SGIR_FILTER(v)) {
	case 0:
		vgic_send_sgi_locked(g, k, SGIR_INTID(v), SGIR_LIST(v), false);
		break;
	case FILTER_OTHERS:
		vgic_send_sgi_locked(g, k, SGIR_INTID(v), 0, true);
		break;
	case FILTER_SELF:
		vgic_send_sgi_locked(g, k, SGIR_INTID(v), (uint16_t)(k < 16 ? 1U << k : 0), false);
		break;
	default:
		break;	/* reserved: no SGI */
	}
}

static bool is_pendsgi(uint64_t off)
{
	return off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 0x10;
}

/* SGI `sgi` of `c`, the accessing vCPU (whose list registers are this
 * CPU's): its pending sources, waiting or in a list register. */
static uint8_t sgi_sources(const struct vgic_cpu *c, unsigned sgi)
{
	return c->sgi_src[sgi] | arm64_vlr_sgi_pending(c, sgi);
}

/* GICD_[CS]PENDSGIR<n> of vCPU `k`: its SGIs' pending sources */
static uint64_t pendsgi_read(const struct vgic_cpu *c, unsigned first, unsigned width)
{
	uint64_t v = 0;

	for (unsigned b = 0; b < width; b++)
		v |= (uint64_t)sgi_sources(c, first + b) << (8 * b);
	return v;
}

/* Source `s` of SGI `sgi` of `c` (the accessing vCPU) is no longer
 * pending, waiting or in a list register. */
static void unpend_src(struct vgic *g, struct vgic_cpu *c, unsigned sgi, unsigned s)
{
	if ((c->sgi_src[sgi] >> s) & 1)
		clear_src(c, sgi, s);
	if ((arm64_vlr_sgi_pending(c, sgi) >> s) & 1)
		arm64_vlr_unpend(g, c, sgi);
}

static void pendsgi_write(struct vgic *g, unsigned k, uint64_t off, unsigned width,
			  uint64_t v)
{
	struct vgic_cpu *c = &g->cpu[k];
	unsigned first = (unsigned)(off & 0xf);

	for (unsigned b = 0; b < width; b++)
		for (unsigned s = 0; s < 8; s++) {
			if (!((v >> (8 * b + s)) & 1))
				continue;
			if (off >= GICD_SPENDSGIR)
				vgic_sgi_pend(c, first + b, s);
			else
				unpend_src(g, c, first + b, s);
		}
	if (c->sgi_pending & c->enable)
		vgic_notify(g, k);
}

static bool is_pendr0(uint64_t off)
{
	return off == GICD_ISPENDR0 || off == GICD_ICPENDR0;
}

/* A banked register of vCPU `k` written: GICD_I[SC]PENDR0's SGI bits
 * are ignored (read, they are the shared model's: vgic.c). */
static int banked_write(struct vgic *g, unsigned k, uint64_t off, unsigned width,
			uint64_t val)
{
	if (is_pendr0(off))
		val &= ~(uint64_t)SGI_BITS;
	return vgic_cpu_write(g, k, VGIC_SGI_FRAME + off, width, val);
}

int vgicd_variant_read(struct vgic *g, uint64_t off, unsigned width, uint64_t *val)
{
	unsigned k = vgic_accessor(g);

	if (width == 8)
		return -1;
	if (off == GICD_PIDR2 && width == 4) {
		*val = PIDR2_GICV2;
		return 0;
	}
	if (is_targets(off)) {
		*val = targets_read(g, (unsigned)(off - GICD_ITARGETSR), width, k);
		return 0;
	}
	if (is_pendsgi(off)) {
		if (k >= g->nr_vcpus)
			return -1;
		*val = pendsgi_read(&g->cpu[k], (unsigned)(off & 0xf), width);
		return 0;
	}
	if (off >= GICD_SGIR && off < GICD_CPENDSGIR) {
		*val = 0;
		return width == 4 ? 0 : -1;
	}
	if (!is_banked(off))
		return 1;
	if (k >= g->nr_vcpus)
		return -1;
	return vgic_cpu_read(g, k, VGIC_SGI_FRAME + off, width, val);
}

int vgicd_variant_write(struct vgic *g, uint64_t off, unsigned width, uint64_t val)
{
	unsigned k = vgic_accessor(g);

	if (width == 8)
		return -1;
	if (is_targets(off)) {
		targets_write(g, (unsigned)(off - GICD_ITARGETSR), width, val);
		return 0;
	}
	if (off == GICD_SGIR) {
		if (width != 4 || k >= g->nr_vcpus)
			return -1;
		sgir_write(g, k, (uint32_t)val);
		return 0;
	}
	if (is_pendsgi(off)) {
		if (k >= g->nr_vcpus)
			return -1;
		pendsgi_write(g, k, off, width, val);
		return 0;
	}
	if (off > GICD_SGIR && off < GICD_CPENDSGIR)
		return 0;
	if (!is_banked(off))
		return 1;
	if (k >= g->nr_vcpus)
		return -1;
	return banked_write(g, k, off, width, val);
}
