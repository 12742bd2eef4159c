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

static const struct vgic_ops ops = { cb_enable };

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
	free(g);
	return test_report("test_arm64_vgic");
}
