// SPDX-License-Identifier: GPL-2.0-only
/* The ARM64 list-register fill (arch/arm64/vlr.c) against four fake list
 * registers: more interrupts pending than free list registers go in by
 * priority, not table order; a pending, not yet taken, lower-priority one
 * makes room for a higher one; active ones stay; a passthrough SPI goes
 * straight in only when nothing else waits; a GICv2 cell's SGI goes in
 * from one source at a time, named in the CPUID field (vINTID 12:10). */
#include <stdlib.h>
#include <arch/irqc.h>
#include <arch/gic.h>
#include <arch/vgic.h>
#include <fv/cell.h>
#include "test.h"

static uint64_t lrs[VGIC_LRS];
static bool uie;

uint64_t arm64_lr_read(unsigned n) { return n < VGIC_LRS ? lrs[n] : 0; }
void arm64_lr_write(unsigned n, uint64_t v) { if (n < VGIC_LRS) lrs[n] = v; }
unsigned arm64_nr_lrs(void) { return VGIC_LRS; }
void irqc_vif_on(bool underflow) { uie = underflow; }
bool gic_ready(void) { return true; }
void gic_spi_deactivate(unsigned intid) { (void)intid; }
void gic_ppi_deactivate(uint64_t mpidr, unsigned intid) { (void)mpidr, (void)intid; }

void arm64_vlr_sync(struct vcpu *v);
bool arm64_vlr_hw_direct(struct vcpu *v, struct vgic_spi *s);
void arm64_vlr_drop(struct vcpu *v);

static struct cell cell;
static struct vcpu vcpu = { .cell = &cell };

#define INTID(lr)	((unsigned)((lr) & 0x3ff))
#define PRIO(lr)	((unsigned)((lr) >> 48) & 0xff)

/* The raiser marked vCPU 0 dirty: sync its list registers; the INTIDs
 * in LRs 1..3 packed, LR n at byte n-1 (0: empty). */
static unsigned listed(void)
{
	unsigned r = 0;

	cell.arch.vgic.cpu[0].dirty = true;
	arm64_vlr_sync(&vcpu);
	for (unsigned n = 1; n < VGIC_LRS; n++)
		r |= (lrs[n] ? INTID(lrs[n]) : 0) << (8 * (n - 1));
	return r;
}

static bool has(unsigned intid)
{
	for (unsigned n = 1; n < VGIC_LRS; n++)
		if (lrs[n] && INTID(lrs[n]) == intid)
			return true;
	return false;
}

/* The guest takes LR n's interrupt (pending -> active), then ends it. */
static void ack(unsigned n) { lrs[n] = (lrs[n] & ~(3ULL << 62)) | LR_ACTIVE; }
static void eoi(unsigned n) { lrs[n] &= ~(3ULL << 62); }

static struct vgic_cpu *c0(struct vgic *g) { return &g->cpu[0]; }

static void spi(struct vgic *g, unsigned intid, uint8_t prio)
{
	struct vgic_spi *s = vgic_find_spi(g, intid);

	s->prio = prio;
	s->enabled = true;
	s->edge = true;
	s->target = 0;
	s->pending = true;
}

/* The guest takes and ends every list register; a sync retires them. */
static void end_all(void)
{
	for (unsigned n = 1; n < VGIC_LRS; n++)
		eoi(n);
	listed();
}

static bool hw_entry(unsigned n, unsigned intid)
{
	return (lrs[n] & LR_HW) && INTID(lrs[n]) == intid &&
	       ((lrs[n] >> 32) & 0x3ff) == intid && LR_STATE(lrs[n]) == 1;
}

/* A passthrough SPI (37) fired on its target's CPU: straight into a list
 * register when nothing else waits (not dirty, one free), a free one or
 * its own the guest has ended; the general way otherwise. */
static void passthrough(struct vgic *g)
{
	struct vgic_spi *s = vgic_find_spi(g, 37);
	uint64_t before;

	end_all();
	end_all();				/* nothing waits, all free */
	s->hw = true;
	s->pending = false;
	s->prio = 0x50;
	spi(g, 34, 0x40);
	listed();				/* 34 in LR 1 */
	before = vcpu.stats.virqs[VIRQ_EXT];
	CHECK(arm64_vlr_hw_direct(&vcpu, s));
	CHECK(hw_entry(2, 37) && !s->pending && s->lr == 2);
	CHECK_EQ(vcpu.stats.virqs[VIRQ_EXT], before + 1);
	CHECK(!arm64_vlr_hw_direct(&vcpu, s));	/* its LR still pending */
	ack(2);
	CHECK(!arm64_vlr_hw_direct(&vcpu, s));	/* ... or active */
	eoi(2);					/* ended, not retired */
	CHECK(arm64_vlr_hw_direct(&vcpu, s));	/* its own LR again */
	CHECK(hw_entry(2, 37) && !lrs[3] && s->lr == 2);

	/* something raised, not yet synced: the sync orders them */
	eoi(2);
	spi(g, 32, 0x10);
	c0(g)->dirty = true;
	CHECK(!arm64_vlr_hw_direct(&vcpu, s));
	c0(g)->dirty = false;

	/* the guest disabled it, or its group: the general way */
	s->enabled = false;
	CHECK(!arm64_vlr_hw_direct(&vcpu, s));
	s->enabled = true;
	g->gicd_ctlr = 2;			/* 37 is group 0 */
	CHECK(!arm64_vlr_hw_direct(&vcpu, s));
	g->gicd_ctlr = 3;
	CHECK(!arm64_vlr_hw_direct(&vcpu, vgic_find_spi(g, 36)));	/* not a passthrough one */

	/* all taken (active) and one more waiting outside: the guest ends
	 * 37, which fires again; no direct way even into its own ended LR,
	 * as the one waiting is more urgent and goes first */
	end_all();				/* 32 in LR 1 */
	spi(g, 35, 0x30);
	listed();				/* 35 in LR 2 */
	CHECK(arm64_vlr_hw_direct(&vcpu, s));	/* LR 3 */
	for (unsigned n = 1; n < VGIC_LRS; n++)
		ack(n);
	spi(g, 33, 0x20);
	listed();
	CHECK(!has(33) && vgic_find_spi(g, 33)->pending);
	eoi(3);
	CHECK(!arm64_vlr_hw_direct(&vcpu, s));
	s->pending = true;			/* the general way (vgic_hw_fired) */
	listed();
	CHECK(has(33) && !has(37) && s->pending);
}

static unsigned lr_of_sgi(unsigned sgi)
{
	for (unsigned n = 1; n < VGIC_LRS; n++)
		if (lrs[n] && INTID(lrs[n]) == sgi)
			return n;
	return 0;
}

static unsigned sgis_listed(unsigned sgi)
{
	unsigned m = 0;

	for (unsigned n = 1; n < VGIC_LRS; n++)
		m += lrs[n] && INTID(lrs[n]) == sgi;
	return m;
}

/* SGI 3 to vCPU 0 from vCPUs 2 and 1 (GICv2: per source): one list
 * register at a time, lowest source first, with EOI while another
 * waits; the same source again while active goes pending in its list
 * register; the guest's end lets the next source in.  On a GICv3 cell
 * (no sources) both are one SGI, source 0. */
static void sgi_sources(struct vgic *g)
{
	struct vgic_cpu *c = c0(g);
	unsigned n;

	end_all();
	end_all();
	g->sgi_sources = true;
	c->enable = 1U << 3;
	c->prio[3] = 0x30;
	vgic_send_sgi(g, 2, 3, 1U << 0, false);
	vgic_send_sgi(g, 1, 3, 1U << 0, false);
	CHECK_EQ(c->sgi_src[3], 0x06);
	listed();
	n = lr_of_sgi(3);
	CHECK(n && sgis_listed(3) == 1);
	CHECK_EQ(LR_SGI_SRC_OF(lrs[n]), 1);
	CHECK(lrs[n] & LR_EOI);				/* source 2 still waits */
	CHECK(c->sgi_src[3] == 0x04 && c->sgi_pending == 1U << 3);
	ack(n);
	vgic_send_sgi(g, 1, 3, 1U << 0, false);		/* source 1 again */
	listed();
	CHECK(sgis_listed(3) == 1 && LR_STATE(lrs[n]) == 3);
	CHECK_EQ(LR_SGI_SRC_OF(lrs[n]), 1);
	CHECK_EQ(c->sgi_src[3], 0x04);
	eoi(n);						/* both of source 1 */
	CHECK(lrs[n] & LR_EOI);				/* the guest's end raises
							   the maintenance interrupt */
	listed();					/* source 2 */
	n = lr_of_sgi(3);
	CHECK(sgis_listed(3) == 1 && LR_SGI_SRC_OF(lrs[n]) == 2);
	CHECK(!(lrs[n] & LR_EOI) && c->sgi_src[3] == 0 && c->sgi_pending == 0);

	/* pushed out by a more urgent one: its source waits again */
	for (unsigned i = 32; i < 35; i++)
		spi(g, i, 0x10);
	listed();
	CHECK(!lr_of_sgi(3) && c->sgi_src[3] == 0x04 && c->sgi_pending == 1U << 3);
	end_all();
	n = lr_of_sgi(3);
	CHECK(n && LR_SGI_SRC_OF(lrs[n]) == 2);
	end_all();

	/* GICv3: no sources */
	g->sgi_sources = false;
	vgic_send_sgi(g, 2, 3, 1U << 0, false);
	vgic_send_sgi(g, 1, 3, 1U << 0, false);
	CHECK_EQ(c->sgi_src[3], 0x01);
	listed();
	n = lr_of_sgi(3);
	CHECK(n && LR_SGI_SRC_OF(lrs[n]) == 0 && !(lrs[n] & LR_EOI) && !c->sgi_pending);
	end_all();

	/* a vCPU starting afresh drops its list registers: an SGI sent then
	 * goes in again */
	g->sgi_sources = true;
	vgic_send_sgi(g, 1, 3, 1U << 0, false);
	listed();
	CHECK(lr_of_sgi(3) && c->lr_sgis == 1U << 3);
	arm64_vlr_drop(&vcpu);
	CHECK_EQ(c->lr_sgis, 0);
	for (unsigned i = 0; i < VGIC_LRS; i++)
		lrs[i] = 0;				/* as the reset leaves them */
	vgic_send_sgi(g, 2, 3, 1U << 0, false);
	listed();
	n = lr_of_sgi(3);
	CHECK(n && LR_SGI_SRC_OF(lrs[n]) == 2);
}

int main(void)
{
	struct vgic *g = &cell.arch.vgic;
	struct vgic_cpu *c = &g->cpu[0];

	vgic_init(g, 1, NULL, NULL);
	for (unsigned i = 32; i < 38; i++)
		CHECK_EQ(vgic_add_spi(g, i, false), 0);
	g->gicd_ctlr = 3;

	/* five SPIs pending at once, table order 32..36, priorities so the
	 * last ones are the most urgent: the three highest go in */
	spi(g, 32, 0xc0);
	spi(g, 33, 0xa0);
	spi(g, 34, 0x40);
	spi(g, 35, 0x20);
	spi(g, 36, 0x80);
	listed();
	CHECK(has(35) && has(34) && has(36));
	CHECK(!has(32) && !has(33));
	CHECK(uie);					/* two wait: underflow */
	CHECK_EQ(PRIO(lrs[1]), 0x20);			/* in order, LR 1 first */
	CHECK(vgic_find_spi(g, 32)->pending && vgic_find_spi(g, 33)->pending);

	/* a more urgent SGI comes: the lowest-priority pending one (36,
	 * 0x80) waits outside again */
	c->enable = 1U << 5;
	c->prio[5] = 0x10;
	c->sgi_pending = 1U << 5;
	listed();
	CHECK(has(5) && has(35) && has(34) && !has(36));
	CHECK(vgic_find_spi(g, 36)->pending);
	CHECK_EQ(c->sgi_pending, 0);

	/* the guest takes all three; active ones are not pushed out even by
	 * a more urgent one: 37 at 0x00 waits */
	for (unsigned n = 1; n < VGIC_LRS; n++)
		ack(n);
	spi(g, 37, 0x00);
	listed();
	CHECK(has(5) && has(35) && has(34) && !has(37));

	/* the guest ends one: the most urgent waiting (37) takes its place,
	 * not the first in the table (32) */
	eoi(1);
	listed();
	CHECK(has(37) && !has(36) && !has(32) && !has(33));

	/* it ends the rest: 36 (0x80), 33 (0xa0), then 32 (0xc0) */
	for (unsigned n = 1; n < VGIC_LRS; n++)
		eoi(n);
	listed();
	CHECK(has(36) && has(33) && has(32));
	CHECK(!uie);					/* nothing waits */

	/* equal priorities: lower INTID first, SGIs before SPIs */
	for (unsigned n = 1; n < VGIC_LRS; n++)
		eoi(n);
	listed();
	spi(g, 35, 0x60);
	spi(g, 33, 0x60);
	spi(g, 34, 0x60);
	spi(g, 32, 0x60);
	c->prio[7] = 0x60;
	c->enable = 1U << 7;
	c->sgi_pending = 1U << 7;
	listed();
	CHECK(has(7) && has(32) && has(33) && !has(34) && !has(35));
	passthrough(g);
	sgi_sources(g);
	return test_report("test_arm64_vgic_lr");
}
