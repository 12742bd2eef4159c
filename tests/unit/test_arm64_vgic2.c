// SPDX-License-Identifier: GPL-2.0-only
/* The ARM64 virtual distributor as the GICv2 variant serves it
 * (arch/arm64/vgicd.c with irqc/gicv2/vgicd_regs.c), driven as a guest's
 * GICv2 driver would: INTIDs 0..31 banked per accessing vCPU,
 * GICD_ITARGETSR routing, GICD_SGIR limited to the cell's vCPUs, an SGI's
 * pending sources in GICD_[CS]PENDSGIR and GICD_I[SC]PENDR0, also while
 * one of them is in a (fake) list register of the accessing vCPU's
 * (arch/arm64/vlr.c).  Offsets from Arm's GICv2 specification (IHI 0048). */
#include <arch/gic.h>
#include <arch/irqc.h>
#include <arch/vgic.h>
#include <fv/cell.h>
#include "test.h"

#include "fake_lrs.h"

static unsigned me, en_calls, en_k, en_intid, hw_calls, hw_k, kicks, kicked;
static bool en_on, hw_on;

static void cb_enable(void *arg, unsigned k, unsigned intid, bool on)
{
	(void)arg;
	en_calls++;
	en_k = k;
	en_intid = intid;
	en_on = on;
}

static void cb_spi_hw(void *arg, unsigned intid, unsigned k, bool on)
{
	(void)arg, (void)intid;
	hw_calls++;
	hw_k = k;
	hw_on = on;
}

static void cb_spi_end(void *arg, unsigned intid)
{
	(void)arg, (void)intid;
}

static void cb_kick(void *arg, unsigned k)
{
	(void)arg;
	kicks++;
	kicked = k;
}

static unsigned cb_self(void *arg)
{
	(void)arg;
	return me;
}

static const struct vgic_ops ops = { cb_enable, cb_spi_hw, cb_spi_end, cb_kick, cb_self };

static uint64_t rd(struct emu_dev *d, uint64_t off, unsigned w)
{
	uint64_t v = 0xdead;

	CHECK_EQ(vgicd_emu_ops.read(d, off, w, &v), 0);
	return v;
}

static void wr(struct emu_dev *d, uint64_t off, unsigned w, uint64_t v)
{
	CHECK_EQ(vgicd_emu_ops.write(d, off, w, v), 0);
}

/* Identification, and INTIDs 0..31 banked: each vCPU its own. */
static void banked(struct vgic *g, struct emu_dev *d)
{
	CHECK_EQ(rd(d, 0xfe8, 4) & 0xf0, 0x20);			/* ArchRev 2 */
	CHECK_EQ(rd(d, 0x0000, 4), 0);				/* no ARE/DS */
	wr(d, 0x0000, 4, 1);
	CHECK_EQ(rd(d, 0x0000, 4), 1);
	CHECK_EQ(rd(d, 0x0004, 4), 1U << 5);			/* 2 CPUs, no SPIs */

	me = 1;
	CHECK_EQ(rd(d, 0x0800, 4), 0x02020202);			/* ITARGETSR0: own bit */
	CHECK_EQ(rd(d, 0x081b, 1), 0x02);
	wr(d, 0x041b, 1, 0x80);					/* priority of PPI 27 */
	CHECK_EQ(vgic_priority(g, 1, 27), 0x80);
	CHECK_EQ(vgic_priority(g, 0, 27), 0);
	wr(d, 0x0100, 4, 1U << 27);				/* ISENABLER0 */
	CHECK(vgic_ppi_enabled(g, 1, 27) && !vgic_ppi_enabled(g, 0, 27));
	CHECK(en_calls == 1 && en_k == 1 && en_intid == 27 && en_on);
	me = 0;
	CHECK_EQ(rd(d, 0x0100, 4), 0);				/* vCPU 0's bank */
	CHECK_EQ(rd(d, 0x0800, 4), 0x01010101);
	me = 1;
	wr(d, 0x0180, 4, 1U << 27);				/* ICENABLER0 */
	CHECK(en_calls == 2 && !en_on && !vgic_ppi_enabled(g, 1, 27));
	me = VGIC_NO_VCPU;					/* not from a vCPU */
	CHECK_EQ(vgicd_emu_ops.read(d, 0x0100, 4, &(uint64_t){0}), -1);
}

/* SPIs: 34 passed through, 40 another cell's; ITARGETSR routes. */
static void targets(struct vgic *g, struct emu_dev *d)
{
	struct vgic_spi *s;

	me = 0;
	CHECK_EQ(vgic_add_spi(g, 34, true), 0);
	CHECK_EQ(rd(d, 0x0004, 4) & 0x1f, 1);
	wr(d, 0x0104, 4, 1U << 2);				/* enable 34: vCPU 0 */
	CHECK(hw_calls == 1 && hw_on && hw_k == 0);
	CHECK_EQ(rd(d, 0x0820, 4), 0x00010000);			/* 34's byte: vCPU 0 */
	wr(d, 0x0822, 1, 0x06);					/* vCPUs 1 and 2: 1 */
	CHECK(hw_on && hw_k == 1);
	s = vgic_find_spi(g, 34);
	CHECK_EQ(s->target, 1);
	CHECK_EQ(rd(d, 0x0822, 1), 0x02);
	wr(d, 0x0820, 4, 0x00f00000);				/* vCPUs 4..7: none */
	CHECK(!hw_on && s->target == VGIC_NO_VCPU);
	CHECK_EQ(rd(d, 0x0822, 1), 0);
	wr(d, 0x0828, 4, 0x01010101);				/* 40..43: not the cell's */
	CHECK_EQ(rd(d, 0x0828, 4), 0);
	CHECK(!vgic_find_spi(g, 40));
	CHECK_EQ(vgicd_emu_ops.read(d, 0x0820, 8, &(uint64_t){0}), -1);
}

/* GICD_SGIR: list, all others, self; targets outside the cell ignored. */
static void sgir(struct vgic *g, struct emu_dev *d)
{
	me = 1;
	wr(d, 0x0100, 4, 0xffff);				/* vCPU 1: SGIs on */
	me = 0;
	wr(d, 0x0100, 4, 0xffff);
	kicks = 0;
	wr(d, 0x0f00, 4, 0xfe0000 | 3);				/* list: 1..7 */
	CHECK(g->cpu[1].sgi_pending == 1U << 3 && g->cpu[0].sgi_pending == 0);
	CHECK(kicks == 1 && kicked == 1);
	wr(d, 0x0f00, 4, 1U << 24 | 5);				/* all others */
	CHECK_EQ(g->cpu[1].sgi_pending, 1U << 3 | 1U << 5);
	CHECK_EQ(g->cpu[0].sgi_pending, 0);
	wr(d, 0x0f00, 4, 2U << 24 | 7);				/* self */
	CHECK_EQ(g->cpu[0].sgi_pending, 1U << 7);
	wr(d, 0x0f00, 4, 3U << 24 | 1);				/* reserved: none */
	CHECK_EQ(g->cpu[0].sgi_pending, 1U << 7);
	CHECK_EQ(rd(d, 0x0f00, 4), 0);
	CHECK_EQ(vgicd_emu_ops.write(d, 0x0f00, 1, 0), -1);
}

/* Per source: vCPU 1's pending SGIs by sender, in its [CS]PENDSGIR. */
static void pendsgir(struct vgic *g, struct emu_dev *d)
{
	me = 0;
	wr(d, 0x0f00, 4, 0x020000 | 9);				/* 0 -> 1: SGI 9 */
	me = 1;
	wr(d, 0x0f00, 4, 2U << 24 | 9);				/* 1 -> 1 */
	CHECK_EQ(g->cpu[1].sgi_src[9], 0x03);
	CHECK_EQ(rd(d, 0x0f28, 4), 0x0300);			/* SGI 9: byte 1 */
	CHECK_EQ(rd(d, 0x0f19, 1), 0x03);			/* CPENDSGIR alike */
	wr(d, 0x0f19, 1, 0x01);					/* clear source 0 */
	CHECK(g->cpu[1].sgi_src[9] == 0x02 && (g->cpu[1].sgi_pending >> 9) & 1);
	wr(d, 0x0f18, 4, 0x0200);				/* and source 1 */
	CHECK(g->cpu[1].sgi_src[9] == 0 && !((g->cpu[1].sgi_pending >> 9) & 1));
	kicks = 0;
	wr(d, 0x0f2f, 1, 0x80);					/* SGI 15 from 7 */
	CHECK(g->cpu[1].sgi_src[15] == 0x80 && (g->cpu[1].sgi_pending >> 15) & 1);
	CHECK(kicks == 1 && kicked == 1);
	CHECK_EQ(rd(d, 0x0f2c, 4), 0x80000000);
	me = 0;
	CHECK_EQ(rd(d, 0x0f2c, 4), 0);				/* banked: vCPU 0's */
	me = 1;
	wr(d, 0x0f1c, 4, ~0U);
	CHECK_EQ(g->cpu[1].sgi_src[15], 0);
}

/* SGI 4 to vCPU 1 from vCPUs 0 and 1: source 0 goes into a list
 * register, source 1 waits.  Both read as pending (the listed one while
 * it is pending, or active and pending, in its list register, not while
 * only active), and GICD_CPENDSGIR clears either (IHI 0048B 4.3.16/17):
 * the list register emptied, or left active. */
static void listed_sgi(struct vgic *g, struct emu_dev *d)
{
	struct vgic_cpu *c = &g->cpu[1];
	unsigned n;

	me = 1;
	for (unsigned r = 0; r < 16; r += 4)			/* the SGIs sent before */
		wr(d, 0x0f10 + r, 4, ~0U);
	CHECK_EQ(rd(d, 0x0200, 4) & 0xffff, 0);
	me = 0;
	wr(d, 0x0f00, 4, 0x020000 | 4);				/* 0 -> 1: SGI 4 */
	me = 1;
	wr(d, 0x0f00, 4, 2U << 24 | 4);				/* 1 -> 1 */
	sync1();
	n = lr_of(4);
	CHECK(n && LR_SGI_SRC_OF(lrs[n]) == 0 && c->sgi_src[4] == 0x02);
	CHECK_EQ(rd(d, 0x0f24, 1), 0x03);			/* SPENDSGIR1, byte 0 */
	CHECK_EQ(rd(d, 0x0f14, 4) & 0xff, 0x03);		/* CPENDSGIR1 alike */
	CHECK_EQ(rd(d, 0x0200, 4) & 0xffff, 1U << 4);		/* ISPENDR0 */
	me = 0;
	CHECK_EQ(rd(d, 0x0f24, 1), 0);				/* not vCPU 0's */
	me = 1;

	lrs[n] = (lrs[n] & ~LR_PENDING) | LR_ACTIVE;		/* the guest takes it */
	CHECK_EQ(rd(d, 0x0f24, 1), 0x02);			/* source 0 active only */
	me = 0;
	wr(d, 0x0f00, 4, 0x020000 | 4);				/* source 0 again */
	me = 1;
	sync1();
	CHECK(LR_STATE(lrs[n]) == 3 && lr_of(4) == n);
	CHECK_EQ(rd(d, 0x0f24, 1), 0x03);
	wr(d, 0x0f14, 1, 0x01);					/* clear source 0 */
	CHECK(LR_STATE(lrs[n]) == 2 && c->sgi_src[4] == 0x02);	/* active only */
	CHECK_EQ(rd(d, 0x0f24, 1), 0x02);

	lrs[n] &= ~(3ULL << 62);				/* the guest ends it */
	sync1();
	n = lr_of(4);
	CHECK(n && LR_STATE(lrs[n]) == 1 && LR_SGI_SRC_OF(lrs[n]) == 1);
	CHECK(c->sgi_src[4] == 0 && !(c->sgi_pending >> 4 & 1));
	CHECK_EQ(rd(d, 0x0f24, 1), 0x02);			/* in its LR */
	CHECK_EQ(rd(d, 0x0280, 4) & 0xffff, 1U << 4);		/* ICPENDR0 alike */
	wr(d, 0x0f14, 4, 0x02);					/* clear source 1 */
	CHECK(!lrs[n] && !lr_of(4) && !(c->lr_sgis >> 4 & 1));
	CHECK_EQ(rd(d, 0x0f24, 1), 0);
	CHECK_EQ(rd(d, 0x0200, 4) & 0xffff, 0);
	sync1();
	CHECK(!lr_of(4));					/* nothing comes back */

	/* listed from 0 with 1 waiting: clearing 0 empties its list
	 * register, 1 goes in at the next sync */
	wr(d, 0x0f24, 1, 0x03);					/* SPENDSGIR: 0 and 1 */
	sync1();
	n = lr_of(4);
	CHECK(n && LR_SGI_SRC_OF(lrs[n]) == 0 && (lrs[n] & LR_EOI));
	wr(d, 0x0f14, 1, 0x01);
	CHECK(!lr_of(4) && c->sgi_src[4] == 0x02 && (c->sgi_pending >> 4 & 1));
	CHECK_EQ(rd(d, 0x0f24, 1), 0x02);
	sync1();
	n = lr_of(4);
	CHECK(n && LR_SGI_SRC_OF(lrs[n]) == 1 && !(lrs[n] & LR_EOI));
	wr(d, 0x0f14, 1, 0x02);
	CHECK(!lr_of(4) && !rd(d, 0x0f24, 1));
}

/* GICD_ISPENDR0/ICPENDR0 writes to SGI bits are ignored (IHI 0048B
 * 4.3.7, 4.3.8): the [CS]PENDSGIR registers are the SGIs' way. */
static void pendr0_sgis(struct vgic *g, struct emu_dev *d)
{
	struct vgic_cpu *c = &g->cpu[1];

	me = 1;
	wr(d, 0x0200, 4, 1U << 6);				/* ISPENDR0: SGI 6 */
	CHECK(!c->sgi_src[6] && !(c->sgi_pending >> 6 & 1));
	sync1();
	CHECK(!lr_of(6));
	me = 0;
	wr(d, 0x0f00, 4, 0x020000 | 6);				/* SGI 6 from 0 */
	me = 1;
	wr(d, 0x0280, 4, 1U << 6);				/* ICPENDR0: kept */
	CHECK_EQ(c->sgi_src[6], 0x01);
	CHECK_EQ(rd(d, 0x0200, 4) & 0xffff, 1U << 6);
	wr(d, 0x0f16, 1, 0x01);					/* CPENDSGIR1, SGI 6: gone */
	CHECK_EQ(rd(d, 0x0200, 4) & 0xffff, 0);
}

/* GICD_ISACTIVER0/ICACTIVER0 read an SGI active (or active and
 * pending) in a list register of the accessing vCPU's, and the timer's
 * PPI 27 in LR 0 reads as pending and active as LR 0 has it (the shared
 * model, vgic.c); GICD_ICPENDR0's bit 27 is ignored (a level line). */
static void listed_active(struct vgic *g, struct emu_dev *d)
{
	unsigned n;

	(void)g;
	me = 0;
	wr(d, 0x0f00, 4, 0x020000 | 9);				/* 0 -> 1: SGI 9 */
	me = 1;
	wr(d, 0x0100, 4, 1U << 9);				/* enabled */
	sync1();
	n = lr_of(9);
	CHECK(n && LR_STATE(lrs[n]) == 1);
	CHECK_EQ(rd(d, 0x0300, 4), 0);				/* ISACTIVER0 */
	lrs[n] = (lrs[n] & ~LR_PENDING) | LR_ACTIVE;
	CHECK_EQ(rd(d, 0x0300, 4), 1U << 9);
	CHECK_EQ(rd(d, 0x0380, 4), 1U << 9);			/* ICACTIVER0 */
	CHECK_EQ(rd(d, 0x0200, 4) & 0xffff, 0);
	me = 0;
	CHECK_EQ(rd(d, 0x0300, 4), 0);				/* vCPU 0's */
	me = 1;
	lrs[n] &= ~(3ULL << 62);
	sync1();
	CHECK(!lr_of(9));

	lrs[0] = LR_PENDING | LR_HW | LR_PINTID(27) | 27;
	CHECK_EQ(rd(d, 0x0200, 4), 1U << 27);
	wr(d, 0x0280, 4, 1U << 27);
	CHECK_EQ(LR_STATE(lrs[0]), 1);
	lrs[0] = (lrs[0] & ~LR_PENDING) | LR_ACTIVE;
	CHECK_EQ(rd(d, 0x0200, 4), 0);
	CHECK_EQ(rd(d, 0x0300, 4), 1U << 27);
	lrs[0] = 0;
}

/* GICD_ICACTIVER0/ISACTIVER0, banked (the accessing vCPU's SGIs): SGI 4
 * from vCPUs 0 and 1, source 0 listed and active: a clear ends it (its
 * list register freed), source 1 going in at the next sync; a set makes
 * one pending also active, a clear leaves it pending.  The timer's PPI
 * 27 (LR 0, HW): a clear-active while only active empties LR 0 and
 * deactivates the physical PPI at the sync.  SPI 34, passthrough, listed
 * on vCPU 1 (GICD_ICACTIVER1): a clear while only active deactivates
 * it; a set is ignored, listed or not.  Nothing listed: Linux's
 * ICACTIVER of all ones does nothing. */
static void active_writes(struct vgic *g, struct emu_dev *d)
{
	struct vgic_cpu *c = &g->cpu[1];
	struct vgic_spi *p = vgic_find_spi(g, 34);
	unsigned n;

	me = 1;
	kicks = 0;
	c->dirty = false;
	wr(d, 0x0380, 4, ~0U);
	wr(d, 0x0384, 4, ~0U);
	wr(d, 0x0300, 4, 1U << 4);
	CHECK(!kicks && !c->dirty && !c->deact && !c->act);
	CHECK_EQ(rd(d, 0x0300, 4), 0);
	wr(d, 0x0f24, 1, 0x03);					/* SGI 4: 0 and 1 */
	sync1();
	n = lr_of(4);
	CHECK(n && LR_SGI_SRC_OF(lrs[n]) == 0);
	lrs[n] = (lrs[n] & ~LR_PENDING) | LR_ACTIVE;
	wr(d, 0x0380, 4, 1U << 4);
	CHECK(!lrs[n] && !lr_of(4) && c->dirty);			/* 1 waits */
	CHECK_EQ(rd(d, 0x0300, 4), 0);
	sync1();
	n = lr_of(4);
	CHECK(n && LR_SGI_SRC_OF(lrs[n]) == 1 && LR_STATE(lrs[n]) == 1);
	wr(d, 0x0300, 4, 1U << 4);
	CHECK_EQ(LR_STATE(lrs[n]), 3);
	CHECK_EQ(rd(d, 0x0300, 4), 1U << 4);
	wr(d, 0x0380, 4, 1U << 4);
	CHECK_EQ(LR_STATE(lrs[n]), 1);
	wr(d, 0x0f14, 1, 0x02);					/* gone */
	CHECK(!lr_of(4));

	ppi_deactivated = 0;
	lrs[0] = LR_ACTIVE | LR_HW | LR_PINTID(27) | 27;
	wr(d, 0x0300, 4, 1U << 27);				/* ignored */
	wr(d, 0x0380, 4, 1U << 27);
	sync1();
	CHECK(!lrs[0] && ppi_deactivated == 1);

	wr(d, 0x0822, 1, 0x02);					/* 34 to vCPU 1 */
	deactivated = 0;
	CHECK(vgic_hw_fired(g, 34));
	sync1();
	n = lr_of(34);
	CHECK(n && (lrs[n] & LR_HW) && LR_STATE(lrs[n]) == 1);
	wr(d, 0x0304, 4, 1U << 2);				/* ignored */
	CHECK_EQ(LR_STATE(lrs[n]), 1);
	lrs[n] = (lrs[n] & ~LR_PENDING) | LR_ACTIVE;
	CHECK_EQ(rd(d, 0x0304, 4), 1U << 2);
	wr(d, 0x0384, 4, 1U << 2);
	CHECK(!lrs[n] && p->lr == VGIC_NO_LR && deactivated == 1);
	CHECK_EQ(rd(d, 0x0304, 4), 0);
	wr(d, 0x0304, 4, 1U << 2);				/* not listed */
	CHECK(p->lr == VGIC_NO_LR && !p->pending && deactivated == 1);
	CHECK_EQ(rd(d, 0x0304, 4), 0);
}

int main(void)
{
	struct vgic *g = &cell.arch.vgic;
	struct emu_dev d = { .state = g };

	vgic_init(g, 2, &ops, NULL);
	g->sgi_sources = true;				/* as irqc_cell_init */
	banked(g, &d);
	targets(g, &d);
	sgir(g, &d);
	pendsgir(g, &d);
	listed_sgi(g, &d);
	pendr0_sgis(g, &d);
	listed_active(g, &d);
	active_writes(g, &d);
	return test_report("test_arm64_vgic2");
}
