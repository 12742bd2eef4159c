// SPDX-License-Identifier: GPL-2.0-only
/* The ARM64 virtual GICv3's distributor and redistributors, driven as a
 * guest's GIC driver would (offsets from Arm's GICv3 specification),
 * also while an interrupt sits in a (fake) list register of the
 * accessing vCPU's or another's (arch/arm64/vlr.c): what GICR_I[SC]PENDR0,
 * GICR_I[SC]ACTIVER0 and GICD_I[SC]PENDR/I[SC]ACTIVER show and clear. */
#include <arch/gic.h>
#include <arch/irqc.h>
#include <arch/vgic.h>
#include <fv/cell.h>
#include "test.h"

#define SGI	0x10000
#define R1	0x20000		/* vCPU 1's redistributor */

#include "fake_lrs.h"

static unsigned me = VGIC_NO_VCPU;

static unsigned calls, last_k, last_intid;
static bool last_on;

static void cb_enable(void *arg, unsigned k, unsigned intid, bool on)
{
	(void)arg;
	calls++;
	last_k = k;
	last_intid = intid;
	last_on = on;
}

static unsigned hw_calls, hw_intid, hw_k, ends, kicks, kicked;
static bool hw_on;

static void cb_spi_hw(void *arg, unsigned intid, unsigned k, bool on)
{
	(void)arg;
	hw_calls++;
	hw_intid = intid;
	hw_k = k;
	hw_on = on;
}

static void cb_spi_end(void *arg, unsigned intid)
{
	(void)arg, (void)intid;
	ends++;
}

static void cb_kick(void *arg, unsigned k)
{
	(void)arg;
	kicks++;
	kicked = k;
}

/* the accessing vCPU: `me` (none unless a test says) */
static unsigned cb_self(void *arg)
{
	(void)arg;
	return me;
}

static const struct vgic_ops ops = { cb_enable, cb_spi_hw, cb_spi_end, cb_kick, cb_self };

static uint64_t rd(const struct emu_ops *o, struct emu_dev *d, uint64_t off, unsigned w)
{
	uint64_t v = 0xdead;

	CHECK_EQ(o->read(d, off, w, &v), 0);
	return v;
}

static void wr(const struct emu_ops *o, struct emu_dev *d, uint64_t off, unsigned w,
	       uint64_t v)
{
	CHECK_EQ(o->write(d, off, w, v), 0);
}

/* The cell's SPIs: 33 emulated, 34 passed through; 40 is another's. */
static void spis(struct vgic *g, struct emu_dev *d)
{
	const struct emu_ops *D = &vgicd_emu_ops, *R = &vgicr_emu_ops;
	struct vgic_spi *s;

	CHECK_EQ(vgic_add_spi(g, 33, false), 0);
	CHECK_EQ(vgic_add_spi(g, 34, true), 0);
	CHECK_EQ(vgic_add_spi(g, 27, false), -1);		/* a PPI */
	CHECK_EQ(rd(D, d, 0x0004, 4) & 0x1f, 1);		/* 64 INTIDs */
	wr(D, d, 0x0000, 4, 0x3);

	/* another cell's SPI 40 and the PPIs: zero, writes ignored */
	wr(D, d, 0x0104, 4, ~0U);				/* ISENABLER1 */
	CHECK_EQ(rd(D, d, 0x0104, 4), 3U << 1);		/* 33, 34 only */
	wr(D, d, 0x0400 + 40, 1, 0x80);
	CHECK_EQ(rd(D, d, 0x0400 + 40, 1), 0);
	wr(D, d, 0x6000 + 8 * 40, 8, 1);
	CHECK_EQ(rd(D, d, 0x6000 + 8 * 40, 8), 0);
	CHECK_EQ(rd(D, d, 0x0100, 4), 0);			/* INTIDs 0..31 */
	CHECK(!vgic_find_spi(g, 40));

	/* passthrough 34: enabled (the write above: routed to vCPU 0), then
	 * routed to vCPU 1 physically */
	CHECK(hw_calls == 1 && hw_on && hw_intid == 34 && hw_k == 0);
	s = vgic_find_spi(g, 34);
	CHECK(s && s->enabled && s->hw);
	wr(D, d, 0x0184, 4, 1U << 2);				/* ICENABLER 34 */
	CHECK_EQ(rd(D, d, 0x0104, 4), 1U << 1);
	wr(D, d, 0x6000 + 8 * 34, 8, 1);			/* vCPU 1 */
	wr(D, d, 0x0104, 4, 1U << 2);
	CHECK(hw_on && hw_intid == 34 && hw_k == 1);
	CHECK_EQ(rd(D, d, 0x6000 + 8 * 34, 8), 1);
	wr(D, d, 0x6000 + 8 * 34, 8, 7);			/* no vCPU 7: nowhere */
	CHECK(!hw_on && hw_k == 1);
	CHECK_EQ(s->target, VGIC_NO_VCPU);
	CHECK(!vgic_hw_fired(g, 34));				/* the caller ends it */
	wr(D, d, 0x6000 + 8 * 34, 8, 0);
	CHECK(hw_on && hw_k == 0);
	kicks = 0;
	CHECK(vgic_hw_fired(g, 34));
	CHECK(kicks == 1 && kicked == 0 && g->cpu[0].dirty);
	CHECK_EQ(rd(D, d, 0x0204, 4), 1U << 2);		/* ISPENDR */

	/* emulated 33: a level line, its priority and configuration */
	wr(D, d, 0x0420, 4, 0x00a00000);			/* INTIDs 32..35 */
	CHECK_EQ(vgic_find_spi(g, 33)->prio, 0);
	CHECK_EQ(vgic_find_spi(g, 34)->prio, 0xa0);
	wr(D, d, 0x0c08, 4, 0xffffffff);			/* all edge: 33 only */
	CHECK_EQ(rd(D, d, 0x0c08, 4), 2U << 2);
	wr(D, d, 0x0c08, 4, 0);
	kicks = 0;
	vgic_set_level(g, 33, true);
	CHECK(kicks == 1 && vgic_find_spi(g, 33)->pending);
	vgic_set_level(g, 33, false);
	CHECK(!vgic_find_spi(g, 33)->pending);
	wr(D, d, 0x0184, 4, 1U << 1);				/* disabled: no kick */
	kicks = 0;
	vgic_set_level(g, 33, true);
	CHECK_EQ(kicks, 0);
	wr(D, d, 0x0284, 4, 1U << 1);				/* ICPENDR: its */
	CHECK(vgic_find_spi(g, 33)->pending);			/* line is up */
	vgic_set_level(g, 33, false);
	wr(D, d, 0x0204, 4, 1U << 1);				/* ISPENDR */
	CHECK(vgic_find_spi(g, 33)->pending);
	wr(D, d, 0x0284, 4, 1U << 1);				/* ICPENDR */
	CHECK(!vgic_find_spi(g, 33)->pending);
	CHECK_EQ(D->read(d, 0x0104, 8, &(uint64_t){0}), -1);	/* widths */
	CHECK_EQ(D->read(d, 0x6004, 1, &(uint64_t){0}), -1);

	/* SGIs: to vCPU 1 and a vCPU 5 the cell lacks; pending once enabled */
	kicks = 0;
	vgic_send_sgi(g, 0, 3, 1U << 1 | 1U << 5, false);
	CHECK_EQ(g->cpu[1].sgi_pending, 1U << 3);
	CHECK_EQ(kicks, 0);					/* SGI 3 disabled */
	wr(R, d, 0x20000 + SGI + 0x100, 4, 1U << 3);
	CHECK(kicks == 1 && kicked == 1);
	CHECK_EQ(rd(R, d, 0x20000 + SGI + 0x200, 4), 1U << 3);
	vgic_send_sgi(g, 1, 4, 0, true);			/* all but vCPU 1 */
	CHECK(g->cpu[0].sgi_pending == 1U << 4 && g->cpu[1].sgi_pending == 1U << 3);

	/* reset: physical 34 off and ended (it was latched) */
	ends = 0;
	vgic_reset(g);
	CHECK(!hw_on && ends == 1);
	CHECK_EQ(rd(D, d, 0x0104, 4), 0);
	CHECK_EQ(rd(D, d, 0x0004, 4) & 0x1f, 1);		/* still the cell's */
}

static void take(unsigned n) { lrs[n] = (lrs[n] & ~(3ULL << 62)) | LR_ACTIVE; }
static void end(unsigned n) { lrs[n] &= ~(3ULL << 62); }

/* vCPU 0 reads vCPU 1's GICR_ISPENDR0, which asks vCPU 1's CPU for a
 * record of its list registers, and that CPU syncs: the record is
 * fresh. */
static void recorded1(struct emu_dev *d)
{
	unsigned m = me;

	me = 0;
	(void)rd(&vgicr_emu_ops, d, R1 + SGI + 0x200, 4);
	sync1();
	me = m;
}

/* vCPU 1's SGI 5 and virtual timer PPI 27 in its list registers: its
 * GICR_ISPENDR0/ICPENDR0 read them as pending while pending (or active
 * and pending) there, GICR_ISACTIVER0/ICACTIVER0 as active while active
 * (IHI 0069: a virtual interrupt's state is its list register's), when
 * vCPU 1 reads them (its list registers are its CPU's); vCPU 0 reads
 * the waiting ones and vCPU 1's record: empty before vCPU 0 first asks
 * (its read sets record_wanted and kicks, once until the sync), made at
 * the sync after a read, left as it was by a sync nobody asked for.  GICR_ICPENDR0 takes an SGI out of its list
 * register (emptied, or left active): vCPU 1's own at once, vCPU 0's
 * through vCPU 1's next sync; the timer's bit is ignored (a level line). */
static void listed_private(struct vgic *g, struct emu_dev *d)
{
	const struct emu_ops *R = &vgicr_emu_ops;
	struct vgic_cpu *c = &g->cpu[1];
	unsigned n;

	me = 1;
	wr(R, d, R1 + SGI + 0x100, 4, 1U << 5);			/* ISENABLER0 */
	vgic_send_sgi(g, 0, 5, 1U << 1, false);
	sync1();
	n = lr_of(5);
	CHECK(n && LR_STATE(lrs[n]) == 1 && !c->sgi_pending);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 1U << 5);	/* ISPENDR0 */
	CHECK_EQ(rd(R, d, R1 + SGI + 0x280, 4), 1U << 5);	/* ICPENDR0 */
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);		/* ISACTIVER0 */
	me = 0;
	kicks = 0;
	CHECK(!c->record_wanted && !c->lr_pending && !c->lr_active);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 0);		/* none yet */
	CHECK(c->record_wanted && kicks == 1 && kicked == 1);	/* asked for */
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);
	CHECK_EQ(kicks, 1);					/* asked once */
	sync1();
	CHECK(!c->record_wanted && c->lr_pending == 1U << 5 && !c->lr_active);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 1U << 5);	/* recorded */
	CHECK(c->record_wanted && kicks == 2);
	sync1();						/* records */
	take(n);
	sync1();						/* not asked: */
	CHECK(!c->record_wanted && c->lr_pending == 1U << 5 && !c->lr_active);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);		/* as recorded */
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 1U << 5);
	sync1();
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 5);	/* fresh */
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 0);
	sync1();
	me = 1;
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 0);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 5);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x380, 4), 1U << 5);	/* ICACTIVER0 */
	CHECK_EQ(rd(R, d, SGI + 0x300, 4), 0);			/* vCPU 0's */
	vgic_send_sgi(g, 0, 5, 1U << 1, false);			/* again */
	sync1();
	CHECK(LR_STATE(lrs[n]) == 3 && lr_of(5) == n);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 1U << 5);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 5);
	wr(R, d, R1 + SGI + 0x280, 4, 1U << 5);			/* clear */
	CHECK(LR_STATE(lrs[n]) == 2 && !c->sgi_pending);	/* active only */
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 0);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 5);
	end(n);
	sync1();
	CHECK(!lr_of(5));

	/* only pending: emptied, and it does not come back */
	vgic_send_sgi(g, 0, 5, 1U << 1, false);
	sync1();
	n = lr_of(5);
	CHECK(n && LR_STATE(lrs[n]) == 1);
	wr(R, d, R1 + SGI + 0x280, 4, 1U << 5);
	CHECK(!lrs[n] && !(c->lr_sgis >> 5 & 1));
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 0);
	sync1();
	CHECK(!lr_of(5));

	/* cleared by vCPU 0: vCPU 1's CPU is kicked and empties it */
	vgic_send_sgi(g, 0, 5, 1U << 1, false);
	sync1();
	n = lr_of(5);
	me = 0;
	kicks = 0;
	wr(R, d, R1 + SGI + 0x280, 4, 1U << 5);
	CHECK(LR_STATE(lrs[n]) == 1 && kicks == 1 && kicked == 1);
	me = 1;
	sync1();
	CHECK(!lr_of(5) && !lrs[n] && !c->sgi_unpend);

	/* the timer's PPI 27 in LR 0 */
	lrs[0] = LR_PENDING | LR_HW | LR_PINTID(27) | 27;
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 1U << 27);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);
	wr(R, d, R1 + SGI + 0x280, 4, 1U << 27);		/* ignored */
	CHECK_EQ(LR_STATE(lrs[0]), 1);
	take(0);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 0);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 27);
	end(0);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);
	me = VGIC_NO_VCPU;
}

/* SPI 33 (emulated, edge) and 34 (passthrough), routed to vCPU 1, in its
 * list registers: GICD_ISPENDR1/ISACTIVER1 read the list register's
 * state when vCPU 1 reads them, the state last synced when vCPU 0 does;
 * GICD_ICPENDR1 empties a list register only pending (a passthrough
 * one's physical SPI ended) or leaves one active and pending active, at
 * once on vCPU 1's CPU, at its next sync when vCPU 0 clears it. */
static void listed_spis(struct vgic *g, struct emu_dev *d)
{
	const struct emu_ops *D = &vgicd_emu_ops;
	struct vgic_spi *s = vgic_find_spi(g, 33), *p = vgic_find_spi(g, 34);
	unsigned n;

	wr(D, d, 0x0000, 4, 0x3);
	wr(D, d, 0x0c08, 4, 2U << 2);				/* 33 edge */
	wr(D, d, 0x6000 + 8 * 33, 8, 1);
	wr(D, d, 0x6000 + 8 * 34, 8, 1);
	wr(D, d, 0x0104, 4, 3U << 1);				/* enabled */
	me = 1;
	vgic_set_level(g, 33, true);
	vgic_set_level(g, 33, false);
	sync1();
	n = lr_of(33);
	CHECK(n && LR_STATE(lrs[n]) == 1 && !s->pending);
	CHECK_EQ(rd(D, d, 0x0204, 4), 1U << 1);			/* ISPENDR1 */
	CHECK_EQ(rd(D, d, 0x0304, 4), 0);			/* ISACTIVER1 */
	take(n);
	CHECK_EQ(rd(D, d, 0x0204, 4), 0);
	CHECK_EQ(rd(D, d, 0x0284, 4), 0);			/* ICPENDR1 */
	CHECK_EQ(rd(D, d, 0x0304, 4), 1U << 1);
	CHECK_EQ(rd(D, d, 0x0384, 4), 1U << 1);			/* ICACTIVER1 */
	me = 0;
	kicks = 0;
	CHECK_EQ(rd(D, d, 0x0204, 4), 1U << 1);			/* as last synced */
	CHECK_EQ(rd(D, d, 0x0304, 4), 0);
	CHECK(kicks && kicked == 1);				/* asked to sync */
	sync1();
	CHECK_EQ(rd(D, d, 0x0204, 4), 0);
	CHECK_EQ(rd(D, d, 0x0304, 4), 1U << 1);
	end(n);							/* ended there: */
	CHECK_EQ(rd(D, d, 0x0304, 4), 1U << 1);			/* not yet seen */
	sync1();
	kicks = 0;
	CHECK_EQ(rd(D, d, 0x0304, 4), 0);			/* seen */
	CHECK(!kicks && s->lr == VGIC_NO_LR);			/* nothing to ask */
	me = 1;
	vgic_set_level(g, 33, true);
	vgic_set_level(g, 33, false);
	sync1();
	n = lr_of(33);
	take(n);
	vgic_set_level(g, 33, true);				/* again */
	vgic_set_level(g, 33, false);
	sync1();
	CHECK(LR_STATE(lrs[n]) == 3 && lr_of(33) == n);
	CHECK_EQ(rd(D, d, 0x0204, 4), 1U << 1);
	CHECK_EQ(rd(D, d, 0x0304, 4), 1U << 1);
	wr(D, d, 0x0284, 4, 1U << 1);				/* clear */
	CHECK(LR_STATE(lrs[n]) == 2 && s->lr == n);
	CHECK_EQ(rd(D, d, 0x0204, 4), 0);
	CHECK_EQ(rd(D, d, 0x0304, 4), 1U << 1);
	end(n);
	sync1();
	CHECK(!lr_of(33) && s->lr == VGIC_NO_LR);

	/* only pending: emptied, and it does not come back */
	vgic_set_level(g, 33, true);
	vgic_set_level(g, 33, false);
	sync1();
	n = lr_of(33);
	CHECK(n && LR_STATE(lrs[n]) == 1);
	wr(D, d, 0x0284, 4, 1U << 1);
	CHECK(!lrs[n] && s->lr == VGIC_NO_LR && !s->pending);
	CHECK_EQ(rd(D, d, 0x0204, 4), 0);
	sync1();
	CHECK(!lr_of(33));

	/* cleared by vCPU 0: reads as cleared there at once, vCPU 1's CPU
	 * (kicked) empties the list register at its next sync */
	vgic_set_level(g, 33, true);
	vgic_set_level(g, 33, false);
	sync1();
	n = lr_of(33);
	me = 0;
	kicks = 0;
	wr(D, d, 0x0284, 4, 1U << 1);
	CHECK(LR_STATE(lrs[n]) == 1 && kicks == 1 && kicked == 1);
	CHECK_EQ(rd(D, d, 0x0204, 4), 0);
	me = 1;
	sync1();
	CHECK(!lr_of(33) && s->lr == VGIC_NO_LR && !s->unpend);

	/* passthrough 34: latched, its physical one ended; listed (HW), its
	 * list register emptied and the physical one deactivated */
	ends = 0;
	CHECK(vgic_hw_fired(g, 34) && p->pending);
	wr(D, d, 0x0284, 4, 1U << 2);
	CHECK(!p->pending && ends == 1);
	CHECK(vgic_hw_fired(g, 34));
	sync1();
	n = lr_of(34);
	CHECK(n && (lrs[n] & LR_HW) && LR_STATE(lrs[n]) == 1);
	deactivated = 0;
	wr(D, d, 0x0284, 4, 1U << 2);
	CHECK(!lrs[n] && p->lr == VGIC_NO_LR && deactivated == 1 && ends == 1);
	me = VGIC_NO_VCPU;
}

/* GICR_ICACTIVER0/ISACTIVER0 of vCPU 1's SGI 5 in its list register,
 * written by vCPU 1 (its list registers are its CPU's: at once) and by
 * vCPU 0 (recorded, vCPU 1's CPU kicked, done at its sync); what is not
 * listed is not active: a clear does nothing, a set is ignored; Linux's
 * ICACTIVER0 of all ones with nothing listed asks nothing. */
static void active_sgis(struct vgic *g, struct emu_dev *d)
{
	const struct emu_ops *R = &vgicr_emu_ops;
	struct vgic_cpu *c = &g->cpu[1];
	unsigned n;

	me = 1;
	kicks = 0;
	c->dirty = false;
	wr(R, d, R1 + SGI + 0x380, 4, ~0U);			/* nothing listed */
	wr(R, d, R1 + SGI + 0x300, 4, 1U << 5);			/* not listed: */
	CHECK(!kicks && !c->dirty && !c->deact && !c->act);	/* ignored */
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);
	vgic_send_sgi(g, 0, 5, 1U << 1, false);
	sync1();
	n = lr_of(5);
	take(n);
	wr(R, d, R1 + SGI + 0x380, 4, 1U << 5);			/* only active: */
	CHECK(!lrs[n] && !lr_of(5) && !(c->lr_sgis >> 5 & 1));	/* ended */
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);
	vgic_send_sgi(g, 0, 5, 1U << 1, false);
	sync1();
	n = lr_of(5);
	wr(R, d, R1 + SGI + 0x300, 4, 1U << 5);			/* set */
	CHECK_EQ(LR_STATE(lrs[n]), 3);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 5);
	wr(R, d, R1 + SGI + 0x380, 4, 1U << 5);			/* pending stays */
	CHECK(LR_STATE(lrs[n]) == 1 && lr_of(5) == n);

	/* vCPU 0 reads vCPU 1's as last recorded, kicking it so it follows */
	take(n);
	recorded1(d);
	me = 0;
	kicks = 0;
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 5);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 0);
	CHECK(kicks == 1 && kicked == 1);
	vgic_send_sgi(g, 0, 5, 1U << 1, false);			/* pending again */
	sync1();
	CHECK_EQ(LR_STATE(lrs[n]), 3);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 1U << 5);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 5);

	/* vCPU 0 clears and sets vCPU 1's active state: at its sync */
	kicks = 0;
	wr(R, d, R1 + SGI + 0x380, 4, 1U << 5);
	CHECK(LR_STATE(lrs[n]) == 3 && kicks == 1 && kicked == 1);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);		/* as it will be */
	sync1();
	CHECK(LR_STATE(lrs[n]) == 1 && !c->deact);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 1U << 5);
	wr(R, d, R1 + SGI + 0x300, 4, 1U << 5);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 5);
	sync1();
	CHECK(LR_STATE(lrs[n]) == 3 && !c->act);
	me = 1;
	wr(R, d, R1 + SGI + 0x280, 4, 1U << 5);			/* active only */
	me = 0;
	wr(R, d, R1 + SGI + 0x380, 4, 1U << 5);
	CHECK_EQ(LR_STATE(lrs[n]), 2);
	sync1();
	CHECK(!lrs[n] && !lr_of(5));				/* ended there */
	kicks = 0;
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 5);	/* not asked */
	CHECK(kicks == 1 && c->record_wanted);
	sync1();
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);		/* asked */
	sync1();

	/* the guest's end on vCPU 1 is seen at the sync the read asks for */
	vgic_send_sgi(g, 0, 5, 1U << 1, false);
	sync1();
	n = lr_of(5);
	take(n);
	recorded1(d);
	end(n);
	kicks = 0;
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 5);	/* not yet seen */
	CHECK(kicks == 1 && kicked == 1);
	sync1();
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);		/* seen */
	CHECK(!lr_of(5));
	sync1();
	me = VGIC_NO_VCPU;
}

/* The virtual timer's PPI 27 in LR 0 (HW): a clear-active, vCPU 1's own
 * or vCPU 0's, is done at vCPU 1's sync; while only active, the physical
 * PPI of vCPU 1's CPU is deactivated with it; a set-active is ignored;
 * vCPU 0 reads LR 0's state as vCPU 1's CPU last recorded it. */
static void active_vtimer(struct vgic *g, struct emu_dev *d)
{
	const struct emu_ops *R = &vgicr_emu_ops;
	const uint64_t t = LR_HW | LR_PINTID(27) | 27;

	me = 1;
	ppi_deactivated = 0;
	lrs[0] = LR_ACTIVE | t;
	wr(R, d, R1 + SGI + 0x380, 4, 1U << 27);
	CHECK(lrs[0] == (LR_ACTIVE | t) && g->cpu[1].dirty);
	sync1();
	CHECK(!lrs[0] && ppi_deactivated == 1 && ppi_mpidr == 0x101);
	lrs[0] = LR_ACTIVE | LR_PENDING | t;
	wr(R, d, R1 + SGI + 0x380, 4, 1U << 27);
	sync1();
	CHECK(lrs[0] == (LR_PENDING | t) && ppi_deactivated == 1);
	wr(R, d, R1 + SGI + 0x300, 4, 1U << 27);		/* ignored */
	sync1();
	CHECK_EQ(lrs[0], LR_PENDING | t);
	lrs[0] = LR_ACTIVE | t;
	recorded1(d);
	me = 0;
	kicks = 0;
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 1U << 27);
	CHECK_EQ(rd(R, d, R1 + SGI + 0x200, 4), 0);
	wr(R, d, R1 + SGI + 0x380, 4, 1U << 27);
	CHECK(kicks && kicked == 1 && lrs[0] == (LR_ACTIVE | t));
	CHECK_EQ(rd(R, d, R1 + SGI + 0x300, 4), 0);
	sync1();
	CHECK(!lrs[0] && ppi_deactivated == 2);
	me = VGIC_NO_VCPU;
}

/* GICD_ICACTIVER1/ISACTIVER1 for SPI 33 (emulated) and 34 (passthrough)
 * listed on vCPU 1: a clear of one only active ends it there (a level
 * line still up: pending again; 34: its physical SPI deactivated), at
 * once by vCPU 1, at vCPU 1's sync when vCPU 0 writes; a set-active of a
 * passthrough SPI is ignored, listed or not, as is that of an SPI not
 * listed; Linux's ICACTIVER of all ones with nothing listed is harmless. */
static void active_spis(struct vgic *g, struct emu_dev *d)
{
	const struct emu_ops *D = &vgicd_emu_ops;
	struct vgic_spi *s = vgic_find_spi(g, 33), *p = vgic_find_spi(g, 34);
	unsigned n;

	me = 1;
	kicks = deactivated = 0;
	g->cpu[1].dirty = false;
	wr(D, d, 0x0384, 4, ~0U);				/* nothing listed */
	wr(D, d, 0x0304, 4, 3U << 1);				/* not listed */
	CHECK(!kicks && !deactivated && !g->cpu[1].dirty);
	CHECK(s->lr == VGIC_NO_LR && p->lr == VGIC_NO_LR && !s->pending && !p->pending);
	CHECK_EQ(rd(D, d, 0x0304, 4), 0);

	/* 33, edge: set, cleared, ended */
	vgic_set_level(g, 33, true);
	vgic_set_level(g, 33, false);
	sync1();
	n = lr_of(33);
	wr(D, d, 0x0304, 4, 1U << 1);
	CHECK(LR_STATE(lrs[n]) == 3 && s->lr_state == 3);
	wr(D, d, 0x0384, 4, 1U << 1);
	CHECK(LR_STATE(lrs[n]) == 1 && s->lr_state == 1);
	take(n);
	wr(D, d, 0x0384, 4, 1U << 1);
	CHECK(!lrs[n] && s->lr == VGIC_NO_LR && !s->pending);
	CHECK_EQ(rd(D, d, 0x0304, 4), 0);

	/* 33, level, its line still up: pending again, listed again */
	wr(D, d, 0x0c08, 4, 0);
	vgic_set_level(g, 33, true);
	sync1();
	n = lr_of(33);
	take(n);
	wr(D, d, 0x0384, 4, 1U << 1);
	CHECK(!lrs[n] && s->pending && g->cpu[1].dirty);
	sync1();
	n = lr_of(33);
	CHECK(n && LR_STATE(lrs[n]) == 1);
	vgic_set_level(g, 33, false);

	/* ... cleared by vCPU 0: at vCPU 1's sync */
	take(n);
	sync1();
	me = 0;
	CHECK_EQ(rd(D, d, 0x0304, 4), 1U << 1);			/* as synced */
	kicks = 0;
	wr(D, d, 0x0384, 4, 1U << 1);
	CHECK(kicks == 1 && kicked == 1 && LR_STATE(lrs[n]) == 2 && s->deact);
	CHECK_EQ(rd(D, d, 0x0304, 4), 0);
	sync1();
	CHECK(!lrs[n] && s->lr == VGIC_NO_LR && !s->deact && !s->pending);

	/* passthrough 34: set ignored; cleared while only active, its
	 * physical SPI deactivated: by vCPU 1 at once, by vCPU 0 at the sync */
	me = 1;
	CHECK(vgic_hw_fired(g, 34));
	sync1();
	n = lr_of(34);
	CHECK(n && (lrs[n] & LR_HW));
	wr(D, d, 0x0304, 4, 1U << 2);
	CHECK_EQ(LR_STATE(lrs[n]), 1);
	take(n);
	wr(D, d, 0x0384, 4, 1U << 2);
	CHECK(!lrs[n] && p->lr == VGIC_NO_LR && deactivated == 1);
	CHECK(vgic_hw_fired(g, 34));
	sync1();
	n = lr_of(34);
	take(n);
	me = 0;
	wr(D, d, 0x0384, 4, 1U << 2);
	CHECK(LR_STATE(lrs[n]) == 2 && deactivated == 1 && p->deact);
	sync1();
	CHECK(!lrs[n] && p->lr == VGIC_NO_LR && deactivated == 2);
	wr(D, d, 0x0304, 4, 1U << 2);				/* not listed */
	CHECK(p->lr == VGIC_NO_LR && !p->pending && !p->act && deactivated == 2);
	me = VGIC_NO_VCPU;
}

int main(void)
{
	struct vgic *g = &cell.arch.vgic;
	struct emu_dev d = { .state = g };
	const struct emu_ops *D = &vgicd_emu_ops, *R = &vgicr_emu_ops;
	uint64_t v;

	vgic_init(g, 2, &ops, NULL);

	/* distributor: identification, affinity routing always on */
	CHECK_EQ(rd(D, &d, 0xffe8, 4) & 0xf0, 0x30);		/* GICv3 */
	CHECK_EQ(rd(D, &d, 0x0000, 4), 0x50);			/* ARE, DS */
	wr(D, &d, 0x0000, 4, 0x3);
	CHECK_EQ(rd(D, &d, 0x0000, 4), 0x53);
	CHECK_EQ(rd(D, &d, 0x0004, 4) & 0x1f, 0);		/* no SPIs */
	CHECK_EQ(D->read(&d, 0x0000, 8, &v), -1);

	/* redistributors: one frame pair per vCPU, the last marked */
	CHECK_EQ(rd(R, &d, 0x0008, 8), 0);
	CHECK_EQ(rd(R, &d, 0x20008, 8), 1ULL << 32 | 1 << 8 | 1 << 4);
	CHECK_EQ(rd(R, &d, 0x2000c, 4), 1);			/* upper half */
	CHECK_EQ(R->read(&d, 0x40008, 8, &v), -1);		/* no vCPU 2 */
	CHECK_EQ(R->read(&d, 0x0014, 8, &v), -1);		/* 8 bytes: TYPER only */
	CHECK_EQ(R->read(&d, 0x0016, 4, &v), -1);		/* misaligned */

	/* waking */
	CHECK_EQ(rd(R, &d, 0x0014, 4), 6);			/* asleep */
	wr(R, &d, 0x0014, 4, 0);
	CHECK_EQ(rd(R, &d, 0x0014, 4), 0);

	/* PPI 27 of vCPU 1: group, priority (byte and word), enable */
	wr(R, &d, 0x20000 + SGI + 0x80, 4, 1U << 27);
	CHECK_EQ(rd(R, &d, 0x20000 + SGI + 0x80, 4), 1U << 27);
	wr(R, &d, 0x20000 + SGI + 0x400 + 27, 1, 0x80);
	CHECK_EQ(vgic_priority(g, 1, 27), 0x80);
	CHECK_EQ(rd(R, &d, 0x20000 + SGI + 0x418, 4), 0x80000000U);
	wr(R, &d, 0x20000 + SGI + 0x418, 4, 0x10203040);
	CHECK_EQ(vgic_priority(g, 1, 24), 0x40);
	CHECK_EQ(vgic_priority(g, 1, 27), 0x10);
	CHECK_EQ(vgic_priority(g, 0, 27), 0);			/* vCPU 0's apart */
	CHECK(!vgic_ppi_enabled(g, 1, 27));
	wr(R, &d, 0x20000 + SGI + 0x100, 4, 1U << 27);
	CHECK(vgic_ppi_enabled(g, 1, 27));
	CHECK(!vgic_ppi_enabled(g, 0, 27));
	CHECK_EQ(calls, 1);
	CHECK(last_k == 1 && last_intid == 27 && last_on);
	wr(R, &d, 0x20000 + SGI + 0x100, 4, 1U << 27);		/* no change: no call */
	CHECK_EQ(calls, 1);
	CHECK_EQ(rd(R, &d, 0x20000 + SGI + 0x180, 4), 1U << 27);
	wr(R, &d, 0x20000 + SGI + 0x180, 4, 1U << 27);
	CHECK(!vgic_ppi_enabled(g, 1, 27));
	CHECK(calls == 2 && !last_on);

	/* SGIs are edge-triggered, read-only; PPI configuration is kept */
	CHECK_EQ(rd(R, &d, SGI + 0xc00, 4), 0xaaaaaaaaU);
	wr(R, &d, SGI + 0xc04, 4, 0x00800000);
	CHECK_EQ(rd(R, &d, SGI + 0xc04, 4), 0x00800000);

	/* reset: all asleep, disabled, zero priorities (no callbacks) */
	wr(R, &d, SGI + 0x100, 4, 1U << 27);
	CHECK_EQ(calls, 3);
	vgic_reset(g);
	CHECK(!vgic_ppi_enabled(g, 0, 27));
	CHECK_EQ(rd(R, &d, 0x0014, 4), 6);
	CHECK_EQ(vgic_priority(g, 1, 27), 0);
	CHECK_EQ(vgic_priority(g, 5, 27), 0xff);		/* no such vCPU */
	spis(g, &d);
	listed_private(g, &d);
	listed_spis(g, &d);
	active_sgis(g, &d);
	active_vtimer(g, &d);
	active_spis(g, &d);
	return test_report("test_arm64_vgic");
}
