// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtual distributor of a cell and its SPIs, for both GIC variants;
 * see <arch/vgic.h>.  What differs (GICv3's IROUTER, GICv2's ITARGETSR,
 * GICD_SGIR and banked INTIDs 0..31) is the variant's
 * (irqc/gicvN/vgicd_regs.c), asked first.
 * Why a table and not a bitmap of 988 SPIs: a cell owns a handful (its
 * devices' lines), and every register access first asks "is this INTID
 * the cell's?", which the table answers and which is all the isolation
 * there is: an SPI not in it reads as zero and ignores writes.
 * Register offsets from Arm's GICv3/v4 (IHI 0069) and GICv2 (IHI 0048)
 * specifications, the same for these registers.
 */
#include <fv/string.h>
#include <arch/irqc.h>
#include <arch/vgic.h>

#define GICD_CTLR	0x0000
#define GICD_TYPER	0x0004
#define GICD_IGROUPR	0x0080
#define GICD_ISENABLER	0x0100
#define GICD_ICENABLER	0x0180
#define GICD_ISPENDR	0x0200
#define GICD_ICPENDR	0x0280
#define GICD_ISACTIVER	0x0300
#define GICD_ICACTIVER	0x0380
#define GICD_IPRIORITYR	0x0400
#define GICD_ICFGR	0x0c00
#define GIC_PIDR2	0xffe8
#define CTLR_GRP1	(1U << 1)
#define CTLR_GRP0	(1U << 0)
#define LR_STATE_ACTIVE	2

struct vgic_spi *vgic_find_spi(struct vgic *g, unsigned intid)
{
	for (unsigned i = 0; i < g->nr_spis; i++)
		if (g->spi[i].intid == intid)
			return &g->spi[i];
	return NULL;
}

static void spi_reset(struct vgic_spi *s)
{
	uint16_t intid = s->intid;
	bool hw = s->hw;

	memset(s, 0, sizeof(*s));
	s->intid = intid;
	s->hw = hw;
	s->target = 0;		/* IROUTER 0: vCPU 0 */
	s->lr = VGIC_NO_LR;
}

int vgic_add_spi(struct vgic *g, unsigned intid, bool hw)
{
	struct vgic_spi *s;

	if (intid < 32 || intid > 1019 || g->nr_spis == VGIC_MAX_SPIS)
		return -1;
	if (vgic_find_spi(g, intid))
		return 0;
	s = &g->spi[g->nr_spis++];
	s->intid = (uint16_t)intid;
	s->hw = hw;
	spi_reset(s);
	if (intid + 1 > g->nr_intids)
		g->nr_intids = intid + 1;
	return 0;
}

/* Cell reset, lock held: every SPI off, its physical one too, and ended
 * if it was taken (latched, or in a list register) and never ended. */
void vgicd_reset_locked(struct vgic *g)
{
	for (unsigned i = 0; i < g->nr_spis; i++) {
		struct vgic_spi *s = &g->spi[i];

		if (s->hw && s->enabled && g->ops && g->ops->spi_hw)
			g->ops->spi_hw(g->arg, s->intid, s->target, false);
		if (s->hw && (s->pending || s->lr != VGIC_NO_LR) && g->ops && g->ops->spi_end)
			g->ops->spi_end(g->arg, s->intid);
		spi_reset(s);
	}
}

/* Could the SPI go into a list register now?  Then its target looks. */
static void spi_changed(struct vgic *g, const struct vgic_spi *s)
{
	if (s->pending && s->enabled && s->target != VGIC_NO_VCPU)
		vgic_notify(g, s->target);
}

void vgic_set_level(struct vgic *g, unsigned intid, bool level)
{
	struct vgic_spi *s;

	spin_lock(&g->lock);
	s = vgic_find_spi(g, intid);
	if (s && !s->hw) {
		if (level && (!s->level || !s->edge))
			s->pending = true;	/* a rising edge, or a level */
		if (!level && !s->edge)
			s->pending = false;
		s->level = level;
		spi_changed(g, s);
	}
	spin_unlock(&g->lock);
}

bool vgic_hw_fired(struct vgic *g, unsigned intid)
{
	struct vgic_spi *s;
	bool take;

	spin_lock(&g->lock);
	s = vgic_find_spi(g, intid);
	take = s && s->hw && s->enabled && s->target != VGIC_NO_VCPU;
	if (take) {
		s->pending = true;
		spi_changed(g, s);
	}
	spin_unlock(&g->lock);
	return take;
}

/* The physical side of a passthrough SPI follows its enable and target. */
static void hw_follow(struct vgic *g, struct vgic_spi *s, bool was_on, unsigned was_target)
{
	bool on = s->enabled && s->target != VGIC_NO_VCPU;

	if (!s->hw || !g->ops || !g->ops->spi_hw)
		return;
	if (was_on && (!on || was_target != s->target))
		g->ops->spi_hw(g->arg, s->intid, was_target, false);
	if (on && (!was_on || was_target != s->target))
		g->ops->spi_hw(g->arg, s->intid, s->target, true);
}

void vgicd_set_target(struct vgic *g, struct vgic_spi *s, unsigned target)
{
	bool was_on = s->enabled && s->target != VGIC_NO_VCPU;
	unsigned was = s->target;

	s->target = (uint8_t)(target < g->nr_vcpus ? target : VGIC_NO_VCPU);
	hw_follow(g, s, was_on, was);
	spi_changed(g, s);
}

/* ------------------------------------------------- the one-bit registers */

/* The state of SPI `s`'s list register (LR_STATE): read live if it is
 * the accessing vCPU's, on this CPU; another's is not readable here: the
 * state its CPU last synced (lr_state), with the clear-pending,
 * clear-active or set-active it has still to do, and that CPU is asked
 * to sync again, so that a guest polling for the end of an active SPI
 * (Linux's synchronize_irq) sees it once the other vCPU's guest has
 * ended it. */
static unsigned spi_lr_state(struct vgic *g, const struct vgic_spi *s)
{
	unsigned k = vgic_accessor(g), st;

	if (s->lr != VGIC_NO_LR && s->lr_vcpu == k)
		return arm64_vlr_state(&g->cpu[k], s->intid);
	if (s->lr != VGIC_NO_LR && s->lr_state)
		vgic_notify(g, s->lr_vcpu);
	st = s->unpend ? s->lr_state & LR_STATE_ACTIVE : s->lr_state;
	if (s->deact)
		st &= ~(unsigned)LR_STATE_ACTIVE;
	return s->act && st ? st | LR_STATE_ACTIVE : st;
}

static bool spi_bit(struct vgic *g, const struct vgic_spi *s, uint64_t base)
{
	switch (base) {
	case GICD_IGROUPR: return s->group;
	case GICD_ISENABLER: case GICD_ICENABLER: return s->enabled;
	case GICD_ISPENDR: case GICD_ICPENDR: return s->pending || (spi_lr_state(g, s) & 1);
	default: return spi_lr_state(g, s) & LR_STATE_ACTIVE;	/* I[SC]ACTIVER */
	}
}

/* GICD_ICPENDR: SPI `s` pending becomes inactive, active and pending
 * becomes active; not an emulated level one whose line is up (it stays
 * pending: IHI 0069, GICD_ICPENDR<n>).  A passthrough one latched has its
 * physical one ended (its guest never will).  In a list register of the
 * accessing vCPU's: taken out there; of another vCPU's: that CPU does it
 * at its next sync (kicked). */
static void unpend_spi(struct vgic *g, struct vgic_spi *s)
{
	unsigned k = vgic_accessor(g);

	if (!s->hw && !s->edge && s->level)
		return;
	if (s->hw && s->pending && g->ops && g->ops->spi_end)
		g->ops->spi_end(g->arg, s->intid);
	s->pending = false;
	if (s->lr != VGIC_NO_LR && s->lr_vcpu == k) {
		arm64_vlr_unpend(g, &g->cpu[k], s->intid);
	} else if (s->lr != VGIC_NO_LR && (s->lr_state & 1)) {
		s->unpend = true;
		vgic_request(g, s->lr_vcpu);
	}
}

/* GICD_ISACTIVER (`on`) or ICACTIVER for SPI `s`: in a list register
 * of the accessing vCPU's, made active or not there at once (vlr.c: a
 * clear of one only active ends it, a passthrough one's physical SPI
 * deactivated with it); of another vCPU's, by that CPU at its next sync
 * (kicked).  Not listed, it is not active: a clear has nothing to do,
 * and a set is ignored (README: a limit), always for a passthrough SPI
 * (its active state is the physical one's: the HW bit). */
static void activate_spi(struct vgic *g, struct vgic_spi *s, bool on)
{
	unsigned k = vgic_accessor(g);

	if (s->lr == VGIC_NO_LR || (on && s->hw))
		return;
	if (s->lr_vcpu == k) {
		arm64_vlr_active(g, &g->cpu[k], s->intid, on);
		return;
	}
	s->deact = !on;
	s->act = on;
	vgic_request(g, s->lr_vcpu);
}

/* Bit `s` of register `base` written (`one`: a 1).  A passthrough SPI is
 * made pending by its device only (ISPENDR ignored: the HW bit needs the
 * physical one active). */
static void set_bit_reg(struct vgic *g, struct vgic_spi *s, uint64_t base, bool one)
{
	bool was_on = s->enabled && s->target != VGIC_NO_VCPU;

	switch (base) {
	case GICD_IGROUPR: s->group = one; break;
	case GICD_ISENABLER: if (one) s->enabled = true; break;
	case GICD_ICENABLER: if (one) s->enabled = false; break;
	case GICD_ISPENDR: if (one && !s->hw) s->pending = true; break;
	case GICD_ICPENDR: if (one) unpend_spi(g, s); break;
	case GICD_ISACTIVER: if (one) activate_spi(g, s, true); break;
	case GICD_ICACTIVER: if (one) activate_spi(g, s, false); break;
	default: return;
	}
	hw_follow(g, s, was_on, s->target);
	spi_changed(g, s);
}

static uint32_t bits_read(struct vgic *g, uint64_t base, unsigned first)
{
	uint32_t v = 0;

	for (unsigned i = 0; i < g->nr_spis; i++) {
		const struct vgic_spi *s = &g->spi[i];

		if (s->intid >= first && s->intid < first + 32 && spi_bit(g, s, base))
			v |= 1U << (s->intid - first);
	}
	return v;
}

static void bits_write(struct vgic *g, uint64_t base, unsigned first, uint32_t v)
{
	for (unsigned i = 0; i < g->nr_spis; i++) {
		struct vgic_spi *s = &g->spi[i];

		if (s->intid >= first && s->intid < first + 32)
			set_bit_reg(g, s, base, (v >> (s->intid - first)) & 1);
	}
}

/* ------------------------------------------------- priorities, config */

static uint32_t bytes_read(struct vgic *g, unsigned first, unsigned width)
{
	uint32_t v = 0;

	for (unsigned b = 0; b < width; b++) {
		const struct vgic_spi *s = vgic_find_spi(g, first + b);

		if (s)
			v |= (uint32_t)s->prio << (8 * b);
	}
	return v;
}

static void bytes_write(struct vgic *g, unsigned first, unsigned width, uint32_t v)
{
	for (unsigned b = 0; b < width; b++) {
		struct vgic_spi *s = vgic_find_spi(g, first + b);

		if (s)
			s->prio = (uint8_t)(v >> (8 * b));
	}
}

/* GICD_ICFGR: two bits per INTID, bit 1 of each = edge. */
static uint32_t cfg_read(struct vgic *g, unsigned first)
{
	uint32_t v = 0;

	for (unsigned i = 0; i < 16; i++) {
		const struct vgic_spi *s = vgic_find_spi(g, first + i);

		if (s && s->edge)
			v |= 2U << (2 * i);
	}
	return v;
}

static void cfg_write(struct vgic *g, unsigned first, uint32_t v)
{
	for (unsigned i = 0; i < 16; i++) {
		struct vgic_spi *s = vgic_find_spi(g, first + i);

		if (s && !s->hw)	/* a passthrough line is the board's */
			s->edge = (v >> (2 * i + 1)) & 1;
	}
}

/* ----------------------------------------------------------- the window */

static bool in(uint64_t off, uint64_t base, uint64_t size)
{
	return off >= base && off < base + size;
}

static uint32_t gicd_typer(const struct vgic *g)
{
	unsigned lines = g->nr_intids ? (g->nr_intids + 31) / 32 - 1 : 0;

	return vgicd_variant_typer(g) | lines;
}

/* 32-bit and byte registers, lock held; INTIDs below 32 are the
 * redistributors' (GICv3) or the variant's banked ones (GICv2, asked
 * first): zero here. */
static uint32_t reg_read(struct vgic *g, uint64_t off, unsigned width)
{
	if (off == GICD_CTLR)
		return g->gicd_ctlr | vgicd_variant_ctlr();
	if (off == GICD_TYPER)
		return gicd_typer(g);
	if (off == GIC_PIDR2)
		return vgicd_variant_pidr2();
	if (in(off, GICD_IGROUPR, 0x380))
		return bits_read(g, off & ~0x7fULL, (unsigned)(off & 0x7f) * 8);
	if (in(off, GICD_IPRIORITYR, 0x400))
		return bytes_read(g, (unsigned)(off - GICD_IPRIORITYR), width);
	if (in(off, GICD_ICFGR, 0x100))
		return cfg_read(g, (unsigned)(off - GICD_ICFGR) * 4);
	return 0;
}

static void reg_write(struct vgic *g, uint64_t off, unsigned width, uint32_t v)
{
	if (off == GICD_CTLR) {
		g->gicd_ctlr = v & (CTLR_GRP0 | CTLR_GRP1);
		for (unsigned i = 0; i < g->nr_spis; i++)
			spi_changed(g, &g->spi[i]);
	} else if (in(off, GICD_IGROUPR, 0x380)) {
		bits_write(g, off & ~0x7fULL, (unsigned)(off & 0x7f) * 8, v);
	} else if (in(off, GICD_IPRIORITYR, 0x400)) {
		bytes_write(g, (unsigned)(off - GICD_IPRIORITYR), width, v);
	} else if (in(off, GICD_ICFGR, 0x100)) {
		cfg_write(g, (unsigned)(off - GICD_ICFGR) * 4, v);
	}
}

/* Widths: 1 for priorities, else 4 (the variant checks its own). */
static bool access_ok(uint64_t off, unsigned width)
{
	if ((width != 1 && width != 4) || (off & (width - 1)))
		return false;
	if (width == 1)
		return in(off, GICD_IPRIORITYR, 0x400);
	return true;
}

static int gicd_read(struct emu_dev *d, uint64_t off, unsigned width, uint64_t *val)
{
	struct vgic *g = d->state;
	int r;

	if ((width != 1 && width != 4 && width != 8) || (off & (width - 1)))
		return -1;
	spin_lock(&g->lock);
	r = vgicd_variant_read(g, off, width, val);
	if (r > 0 && (r = access_ok(off, width) ? 0 : -1) == 0)
		*val = reg_read(g, off, width);
	spin_unlock(&g->lock);
	return r;
}

static int gicd_write(struct emu_dev *d, uint64_t off, unsigned width, uint64_t val)
{
	struct vgic *g = d->state;
	int r;

	if ((width != 1 && width != 4 && width != 8) || (off & (width - 1)))
		return -1;
	spin_lock(&g->lock);
	r = vgicd_variant_write(g, off, width, val);
	if (r > 0 && (r = access_ok(off, width) ? 0 : -1) == 0)
		reg_write(g, off, width, (uint32_t)val);
	spin_unlock(&g->lock);
	return r;
}

const struct emu_ops vgicd_emu_ops = { gicd_read, gicd_write };
