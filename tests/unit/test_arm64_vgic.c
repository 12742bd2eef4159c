// SPDX-License-Identifier: GPL-2.0-only
/* The ARM64 virtual GICv3's distributor and redistributors, driven as a
 * guest's GIC driver would (offsets from Arm's GICv3 specification). */
#include <stdlib.h>
#include <arch/vgic.h>
#include "test.h"

#define SGI	0x10000

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

static const struct vgic_ops ops = { cb_enable, cb_spi_hw, cb_spi_end, cb_kick };

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

int main(void)
{
	struct vgic *g = malloc(sizeof(*g));
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
	free(g);
	return test_report("test_arm64_vgic");
}
