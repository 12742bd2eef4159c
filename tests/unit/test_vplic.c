// SPDX-License-Identifier: GPL-2.0-only
/* The virtual PLIC model, driven like the MMIO trap path drives it. */
#include <stdint.h>
#include <stdlib.h>
#include "../../arch/riscv/irqc/plic/vplic.h"
#include "test.h"

/* register offsets, from the PLIC spec rather than from vplic.h */
#define PRIO(id)	(0x0 + 4 * (id))
#define PEND(w)		(0x1000 + 4 * (w))
#define ENABLE(c, w)	(0x2000 + 0x80 * (c) + 4 * (w))
#define THRESH(c)	(0x200000 + 0x1000 * (c))
#define CLAIM(c)	(0x200004 + 0x1000 * (c))

/* ---------------------------------------------------------- callbacks */
enum { EV_EIP, EV_ENABLE, EV_COMPLETE };

struct ev {
	int type;
	unsigned ctx;
	uint32_t irq;
	bool on;
};

#define MAX_EV 4096
static struct ev evs[MAX_EV];
static unsigned nev;
static struct vplic *cur;	/* to check the lock is held in callbacks */
static unsigned unlocked_cb;
static bool eip_state[VPLIC_MAX_CTX];
static unsigned eip_bad_edges;	/* set_eip with the level it already had */
static unsigned n_complete;	/* hw_complete calls, never capped */

static void rec(int type, unsigned ctx, uint32_t irq, bool on)
{
	if (cur && !spin_is_locked(&cur->lock))
		unlocked_cb++;
	if (nev < MAX_EV)
		evs[nev] = (struct ev){ type, ctx, irq, on };
	nev++;
}

static void cb_eip(void *arg, unsigned long ctx, bool on)
{
	(void)arg;
	if (ctx < VPLIC_MAX_CTX) {
		if (eip_state[ctx] == on)
			eip_bad_edges++;
		eip_state[ctx] = on;
	}
	rec(EV_EIP, ctx, 0, on);
}

static void cb_enable(void *arg, unsigned ctx, uint32_t irq, bool on)
{
	(void)arg;
	rec(EV_ENABLE, ctx, irq, on);
}

static void cb_complete(void *arg, unsigned long irq)
{
	(void)arg;
	n_complete++;
	rec(EV_COMPLETE, 0, irq, true);
}

static const struct vplic_ops ops = {
	.set_eip = cb_eip,
	.hw_enable = cb_enable,
	.hw_complete = cb_complete,
};

static void reset_log(void)
{
	nev = 0;
}

static bool ev_is(unsigned i, int type, unsigned ctx, uint32_t irq, bool on)
{
	return i < nev && i < MAX_EV && evs[i].type == type &&
	       evs[i].ctx == ctx && evs[i].irq == irq && evs[i].on == on;
}

static unsigned count_ev(int type)
{
	unsigned n = 0;

	for (unsigned i = 0; i < nev && i < MAX_EV; i++)
		n += evs[i].type == type;
	return n;
}

/* ------------------------------------------------------------ helpers */
static struct vplic *new_vplic(unsigned nr_ctx)
{
	/* heap, exact size: ASan catches any access outside the struct */
	struct vplic *v = malloc(sizeof(*v));

	vplic_init(v, nr_ctx, &ops, NULL);
	cur = v;
	memset(eip_state, 0, sizeof(eip_state));
	reset_log();
	return v;
}

static uint32_t rd(struct vplic *v, uint64_t off)
{
	uint64_t val = 0xdeadbeefdeadbeefULL;
	int r = vplic_read(v, off, 4, &val);

	CHECK_EQ(r, 0);
	CHECK_EQ(val >> 32, 0);		/* zero-extended */
	return (uint32_t)val;
}

static void wr(struct vplic *v, uint64_t off, uint32_t val)
{
	CHECK_EQ(vplic_write(v, off, 4, val), 0);
}

static void enable(struct vplic *v, unsigned c, uint32_t irq)
{
	wr(v, ENABLE(c, irq / 32), rd(v, ENABLE(c, irq / 32)) | 1U << (irq % 32));
}

static void disable(struct vplic *v, unsigned c, uint32_t irq)
{
	wr(v, ENABLE(c, irq / 32), rd(v, ENABLE(c, irq / 32)) & ~(1U << (irq % 32)));
}

static uint32_t claim(struct vplic *v, unsigned c)
{
	return rd(v, CLAIM(c));
}

static void complete(struct vplic *v, unsigned c, uint32_t irq)
{
	wr(v, CLAIM(c), irq);
}

static bool pending(struct vplic *v, uint32_t irq)
{
	return (rd(v, PEND(irq / 32)) >> (irq % 32)) & 1;
}

/* -------------------------------------------------------------- tests */
static void test_init_and_add(void)
{
	struct vplic *v = new_vplic(100);

	CHECK_EQ(v->nr_ctx, VPLIC_MAX_CTX);	/* clamped */
	CHECK_EQ(nev, 0);			/* init raises nothing */
	CHECK_EQ(vplic_add_irq(v, 0, false), -1);
	CHECK_EQ(vplic_add_irq(v, VPLIC_MAX_IRQS, false), -1);
	CHECK_EQ(vplic_add_irq(v, 0xffffffff, true), -1);
	CHECK_EQ(vplic_add_irq(v, 1, false), 0);
	CHECK_EQ(vplic_add_irq(v, VPLIC_MAX_IRQS - 1, true), 0);
	/* everything reads 0 after init, priority included */
	CHECK_EQ(rd(v, PRIO(1)), 0);
	CHECK_EQ(rd(v, PEND(0)), 0);
	CHECK_EQ(rd(v, ENABLE(15, 3)), 0);
	CHECK_EQ(rd(v, THRESH(15)), 0);
	CHECK_EQ(claim(v, 15), 0);
	CHECK_EQ(nev, 0);
	free(v);

	v = new_vplic(2);
	CHECK_EQ(v->nr_ctx, 2);
	free(v);
}

/* IDs the cell does not own do not exist for the guest */
static void test_ownership(void)
{
	struct vplic *v = new_vplic(2);

	vplic_add_irq(v, 10, false);
	vplic_add_irq(v, 33, true);
	/* unowned ID 5 and 34: writes ignored, reads 0 */
	wr(v, PRIO(5), 7);
	CHECK_EQ(rd(v, PRIO(5)), 0);
	wr(v, PRIO(0), 7);
	CHECK_EQ(rd(v, PRIO(0)), 0);
	wr(v, PRIO(200), 7);		/* beyond VPLIC_MAX_IRQS, in the region */
	CHECK_EQ(rd(v, PRIO(200)), 0);
	wr(v, PRIO(1023), 7);
	CHECK_EQ(rd(v, PRIO(1023)), 0);
	wr(v, ENABLE(0, 0), 0xffffffff);
	CHECK_EQ(rd(v, ENABLE(0, 0)), 1U << 10);
	wr(v, ENABLE(0, 1), 0xffffffff);
	CHECK_EQ(rd(v, ENABLE(0, 1)), 1U << 1);	/* only 33 */
	CHECK_EQ(count_ev(EV_ENABLE), 1);	/* for the hw one only */
	CHECK(ev_is(0, EV_ENABLE, 0, 33, true));
	wr(v, ENABLE(0, 2), 0xffffffff);
	wr(v, ENABLE(0, 3), 0xffffffff);
	CHECK_EQ(rd(v, ENABLE(0, 2)), 0);
	CHECK_EQ(rd(v, ENABLE(0, 3)), 0);
	wr(v, PRIO(10), 1);
	wr(v, PRIO(33), 1);
	/* pending an unowned ID: nothing, not even through a bad ID */
	reset_log();
	vplic_set_pending(v, 5);
	vplic_set_pending(v, 0);
	vplic_set_pending(v, 34);
	vplic_set_pending(v, VPLIC_MAX_IRQS);
	vplic_set_pending(v, 0xffffffff);
	vplic_set_level(v, 5, true);
	vplic_set_level(v, 0xfffffff0, true);
	CHECK_EQ(nev, 0);
	for (unsigned w = 0; w < 4; w++)
		CHECK_EQ(rd(v, PEND(w)), 0);
	CHECK_EQ(claim(v, 0), 0);
	/* completing unowned / out-of-range IDs is ignored */
	complete(v, 0, 5);
	complete(v, 0, 0);
	complete(v, 0, 128);
	complete(v, 0, 0xffffffff);
	CHECK_EQ(nev, 0);
	/* the owned ones work, and only they show in the pending words */
	vplic_set_pending(v, 33);
	CHECK_EQ(rd(v, PEND(1)), 1U << 1);
	CHECK_EQ(rd(v, PEND(0)), 0);
	CHECK_EQ(claim(v, 0), 33);
	complete(v, 0, 33);
	CHECK_EQ(count_ev(EV_COMPLETE), 1);
	free(v);
}

static void test_prio_threshold(void)
{
	struct vplic *v = new_vplic(1);

	vplic_add_irq(v, 7, false);
	/* WARL: 3 priority bits, like QEMU virt */
	wr(v, PRIO(7), 0xffffffff);
	CHECK_EQ(rd(v, PRIO(7)), 7);
	wr(v, PRIO(7), 0x9);
	CHECK_EQ(rd(v, PRIO(7)), 1);
	wr(v, THRESH(0), 0xffffffff);
	CHECK_EQ(rd(v, THRESH(0)), 7);
	wr(v, THRESH(0), 0);
	CHECK_EQ(rd(v, THRESH(0)), 0);

	/* priority 0 never interrupts, even with threshold 0 */
	wr(v, PRIO(7), 0);
	enable(v, 0, 7);
	vplic_set_pending(v, 7);
	CHECK(pending(v, 7));
	CHECK_EQ(nev, 0);
	CHECK_EQ(claim(v, 0), 0);
	CHECK(pending(v, 7));		/* a failed claim changes nothing */

	/* raising the priority raises EIP (one edge) */
	wr(v, PRIO(7), 3);
	CHECK_EQ(nev, 1);
	CHECK(ev_is(0, EV_EIP, 0, 0, true));
	/* threshold == priority masks it */
	wr(v, THRESH(0), 3);
	CHECK_EQ(nev, 2);
	CHECK(ev_is(1, EV_EIP, 0, 0, false));
	CHECK_EQ(claim(v, 0), 0);
	CHECK(pending(v, 7));
	wr(v, THRESH(0), 7);
	CHECK_EQ(nev, 2);		/* still masked: no edge */
	wr(v, THRESH(0), 2);
	CHECK_EQ(nev, 3);
	CHECK(ev_is(2, EV_EIP, 0, 0, true));
	CHECK_EQ(claim(v, 0), 7);
	CHECK_EQ(nev, 4);
	CHECK(ev_is(3, EV_EIP, 0, 0, false));
	CHECK(!pending(v, 7));
	free(v);
}

/* highest priority first, lowest ID among equals */
static void test_order(void)
{
	struct vplic *v = new_vplic(1);
	static const uint32_t ids[] = { 3, 10, 40, 70, 127, 96 };
	static const uint32_t prio[] = { 2, 5, 5, 1, 7, 7 };

	for (unsigned i = 0; i < ARRAY_SIZE(ids); i++) {
		vplic_add_irq(v, ids[i], false);
		wr(v, PRIO(ids[i]), prio[i]);
		enable(v, 0, ids[i]);
		vplic_set_pending(v, ids[i]);
	}
	CHECK_EQ(rd(v, PEND(0)), 1U << 3 | 1U << 10);
	CHECK_EQ(rd(v, PEND(1)), 1U << 8);
	CHECK_EQ(rd(v, PEND(2)), 1U << 6);
	CHECK_EQ(rd(v, PEND(3)), 1U << 31 | 1U << 0);
	CHECK_EQ(nev, 1);		/* one rising edge for six requests */
	CHECK_EQ(claim(v, 0), 96);
	CHECK_EQ(claim(v, 0), 127);
	CHECK_EQ(claim(v, 0), 10);
	CHECK_EQ(claim(v, 0), 40);
	CHECK_EQ(claim(v, 0), 3);
	CHECK_EQ(nev, 1);		/* still one left */
	CHECK_EQ(claim(v, 0), 70);
	CHECK_EQ(nev, 2);
	CHECK(ev_is(1, EV_EIP, 0, 0, false));
	CHECK_EQ(claim(v, 0), 0);
	for (unsigned i = 0; i < ARRAY_SIZE(ids); i++)
		complete(v, 0, ids[i]);
	CHECK_EQ(nev, 2);
	CHECK_EQ(eip_bad_edges, 0);
	free(v);
}

/* Requests one by one, each while the output is up: the new one takes
 * over a context's claim by a higher priority, or an equal one and a
 * lower ID, and only in the contexts where it counts (best[]). */
static void test_order_on_request(void)
{
	struct vplic *v = new_vplic(2);
	static const uint32_t ids[] = { 40, 10, 3, 70 };
	static const uint32_t prio[] = { 5, 5, 2, 6 };

	for (unsigned i = 0; i < ARRAY_SIZE(ids); i++) {
		vplic_add_irq(v, ids[i], true);
		wr(v, PRIO(ids[i]), prio[i]);
		enable(v, 0, ids[i]);
	}
	enable(v, 1, 3);
	enable(v, 1, 40);
	wr(v, THRESH(1), 1);
	vplic_set_pending(v, 40);
	vplic_set_pending(v, 10);	/* equal priority, lower ID: it wins */
	vplic_set_pending(v, 3);	/* lower priority: 10 stays */
	CHECK_EQ(v->best[0], 10);
	CHECK_EQ(v->best[1], 40);	/* 10 does not count there */
	CHECK_EQ(claim(v, 0), 10);
	vplic_set_pending(v, 70);	/* higher priority */
	CHECK_EQ(v->best[0], 70);
	CHECK_EQ(v->best[1], 40);
	CHECK_EQ(claim(v, 0), 70);
	CHECK_EQ(claim(v, 1), 40);
	CHECK_EQ(v->best[0], 3);
	vplic_set_pending(v, 10);	/* in service: ignored */
	CHECK_EQ(claim(v, 0), 3);
	CHECK_EQ(v->best[0], 0);
	CHECK_EQ(v->best[1], 0);
	CHECK_EQ(claim(v, 0), 0);
	CHECK(!eip_state[0] && !eip_state[1]);
	CHECK_EQ(eip_bad_edges, 0);
	free(v);
}

static void test_contexts(void)
{
	struct vplic *v = new_vplic(3);

	vplic_add_irq(v, 20, false);
	vplic_add_irq(v, 21, false);
	wr(v, PRIO(20), 1);
	wr(v, PRIO(21), 1);
	enable(v, 1, 20);
	enable(v, 2, 21);
	CHECK_EQ(rd(v, ENABLE(0, 0)), 0);
	CHECK_EQ(rd(v, ENABLE(1, 0)), 1U << 20);
	CHECK_EQ(rd(v, ENABLE(2, 0)), 1U << 21);

	vplic_set_pending(v, 20);
	CHECK_EQ(nev, 1);
	CHECK(ev_is(0, EV_EIP, 1, 0, true));
	CHECK_EQ(claim(v, 0), 0);	/* not enabled there */
	CHECK_EQ(claim(v, 2), 0);
	CHECK_EQ(claim(v, 1), 20);
	CHECK(ev_is(1, EV_EIP, 1, 0, false));

	/* enabled in two contexts: both see it, the first claim wins */
	enable(v, 0, 21);
	reset_log();
	vplic_set_pending(v, 21);
	CHECK_EQ(nev, 2);
	CHECK(ev_is(0, EV_EIP, 0, 0, true));
	CHECK(ev_is(1, EV_EIP, 2, 0, true));
	CHECK_EQ(claim(v, 2), 21);
	CHECK_EQ(nev, 4);
	CHECK(ev_is(2, EV_EIP, 0, 0, false));
	CHECK(ev_is(3, EV_EIP, 2, 0, false));
	CHECK_EQ(claim(v, 0), 0);
	/* per-context threshold */
	complete(v, 2, 21);
	wr(v, THRESH(0), 1);
	reset_log();
	vplic_set_pending(v, 21);
	CHECK_EQ(nev, 1);
	CHECK(ev_is(0, EV_EIP, 2, 0, true));
	CHECK_EQ(claim(v, 0), 0);
	CHECK_EQ(claim(v, 2), 21);
	/* enabling a pending ID raises EIP; disabling it lowers it */
	complete(v, 2, 21);
	disable(v, 2, 21);
	wr(v, THRESH(0), 0);
	disable(v, 0, 21);
	reset_log();
	vplic_set_pending(v, 21);
	CHECK_EQ(nev, 0);
	enable(v, 2, 21);
	CHECK_EQ(nev, 1);
	CHECK(ev_is(0, EV_EIP, 2, 0, true));
	disable(v, 2, 21);
	CHECK_EQ(nev, 2);
	CHECK(ev_is(1, EV_EIP, 2, 0, false));

	/* contexts beyond nr_ctx do not exist */
	reset_log();
	wr(v, ENABLE(3, 0), 0xffffffff);
	wr(v, THRESH(3), 5);
	CHECK_EQ(rd(v, ENABLE(3, 0)), 0);
	CHECK_EQ(rd(v, THRESH(3)), 0);
	CHECK_EQ(claim(v, 3), 0);
	CHECK_EQ(claim(v, 15), 0);
	complete(v, 3, 21);
	CHECK_EQ(nev, 0);
	CHECK(pending(v, 21));
	CHECK_EQ(eip_bad_edges, 0);
	free(v);
}

static void test_claim_complete_hw(void)
{
	struct vplic *v = new_vplic(2);

	vplic_add_irq(v, 8, true);
	vplic_add_irq(v, 9, false);
	wr(v, PRIO(8), 1);
	wr(v, PRIO(9), 1);

	/* hw_enable on changes of a hw ID's bit only, per context */
	enable(v, 0, 8);
	CHECK_EQ(nev, 1);
	CHECK(ev_is(0, EV_ENABLE, 0, 8, true));
	enable(v, 0, 8);		/* unchanged */
	enable(v, 0, 9);		/* not hw */
	CHECK_EQ(nev, 1);
	enable(v, 1, 8);
	CHECK(ev_is(1, EV_ENABLE, 1, 8, true));
	disable(v, 1, 8);
	CHECK(ev_is(2, EV_ENABLE, 1, 8, false));
	disable(v, 0, 9);
	CHECK_EQ(nev, 3);
	enable(v, 0, 9);

	/* a claim, completed twice: hw_complete exactly once */
	reset_log();
	vplic_set_pending(v, 8);
	CHECK_EQ(claim(v, 0), 8);
	/* in service: not re-pended (gateway) */
	vplic_set_pending(v, 8);
	CHECK(!pending(v, 8));
	CHECK_EQ(claim(v, 0), 0);
	complete(v, 0, 8);
	complete(v, 0, 8);
	complete(v, 1, 8);
	CHECK_EQ(count_ev(EV_COMPLETE), 1);
	CHECK(ev_is(2, EV_COMPLETE, 0, 8, true));
	/* a complete without a claim is ignored */
	complete(v, 0, 8);
	CHECK_EQ(count_ev(EV_COMPLETE), 1);
	/* pending but not yet claimed: completing does not end anything */
	vplic_set_pending(v, 8);
	complete(v, 0, 8);
	CHECK_EQ(count_ev(EV_COMPLETE), 1);
	CHECK(pending(v, 8));
	CHECK_EQ(claim(v, 0), 8);
	/* completion through another context ends service too */
	complete(v, 1, 8);
	CHECK_EQ(count_ev(EV_COMPLETE), 2);
	/* after completion it can be pended and claimed again */
	vplic_set_pending(v, 8);
	CHECK(pending(v, 8));
	CHECK_EQ(claim(v, 0), 8);
	/* even disabled or priority 0, an in-service ID can be completed */
	disable(v, 0, 8);
	wr(v, PRIO(8), 0);
	complete(v, 0, 8);
	CHECK_EQ(count_ev(EV_COMPLETE), 3);

	/* an edge-pended emulated ID: complete re-pends nothing */
	reset_log();
	vplic_set_pending(v, 9);
	CHECK_EQ(claim(v, 0), 9);
	complete(v, 0, 9);
	CHECK(!pending(v, 9));
	CHECK_EQ(count_ev(EV_COMPLETE), 0);
	/* set_level is for emulated sources: ignored on a hw ID */
	wr(v, PRIO(8), 1);
	enable(v, 0, 8);
	vplic_set_level(v, 8, true);
	CHECK(!pending(v, 8));
	CHECK_EQ(eip_bad_edges, 0);
	free(v);
}

/* A claim lowers the outputs of the contexts it leaves nothing for, and
 * only those; a completion through a context that does not exist ends
 * nothing. */
static void test_claim_outputs(void)
{
	struct vplic *v = new_vplic(2);

	vplic_add_irq(v, 20, true);
	vplic_add_irq(v, 21, false);
	wr(v, PRIO(20), 2);
	wr(v, PRIO(21), 1);
	enable(v, 0, 20);
	enable(v, 0, 21);
	enable(v, 1, 20);
	reset_log();
	vplic_set_pending(v, 20);
	vplic_set_pending(v, 21);
	CHECK_EQ(nev, 2);
	CHECK(eip_state[0] && eip_state[1]);
	CHECK_EQ(claim(v, 1), 20);		/* 21 is left for context 0 */
	CHECK(eip_state[0] && !eip_state[1]);
	CHECK_EQ(nev, 3);
	CHECK_EQ(claim(v, 0), 21);		/* nothing left */
	CHECK(!eip_state[0] && !eip_state[1]);
	CHECK_EQ(nev, 4);
	complete(v, 2, 20);			/* no context 2: ignored */
	complete(v, 15, 20);
	CHECK_EQ(count_ev(EV_COMPLETE), 0);
	vplic_set_pending(v, 20);		/* still in service */
	CHECK(!pending(v, 20));
	complete(v, 0, 20);
	CHECK_EQ(count_ev(EV_COMPLETE), 1);
	vplic_set_pending(v, 20);
	CHECK(pending(v, 20) && eip_state[0] && eip_state[1]);
	CHECK_EQ(eip_bad_edges, 0);
	free(v);
}

/* vplic_claim(), vplic_claim_to() and vplic_complete(), the trap path's short way for a
 * vhart's own context: a context out of range claims and completes
 * nothing, and the lock is free again after each. */
static void test_claim_entries(void)
{
	struct vplic *v = new_vplic(2);
	static const unsigned bad[] = { 2, 3, VPLIC_MAX_CTX, VPLIC_MAX_CTX + 1, 0x80000000u,
					0xffffffffu };
	unsigned long reg;

	vplic_add_irq(v, 20, true);
	wr(v, PRIO(20), 1);
	enable(v, 0, 20);
	enable(v, 1, 20);
	vplic_set_pending(v, 20);
	for (unsigned i = 0; i < ARRAY_SIZE(bad); i++)
		CHECK_EQ(vplic_claim(v, bad[i]), 0);
	CHECK(pending(v, 20) && eip_state[0] && eip_state[1]);
	CHECK(!spin_is_locked(&v->lock));
	for (unsigned i = 0; i < ARRAY_SIZE(bad); i++) {
		reg = ~0UL;
		CHECK_EQ(vplic_claim_to(v, bad[i], &reg), 0);
		CHECK_EQ(reg, 0);
	}
	CHECK(pending(v, 20) && eip_state[0] && eip_state[1]);
	reg = ~0UL;
	CHECK_EQ(vplic_claim_to(v, 1, &reg), 0);	/* into a register */
	CHECK_EQ(reg, 20);
	CHECK(!spin_is_locked(&v->lock));
	CHECK(!pending(v, 20) && !eip_state[0] && !eip_state[1]);
	CHECK_EQ(vplic_claim(v, 1), 0);		/* in service */
	vplic_complete(v, 0, 20);
	vplic_set_pending(v, 20);
	CHECK_EQ(vplic_claim(v, 1), 20);
	CHECK(!spin_is_locked(&v->lock));
	CHECK(!pending(v, 20) && !eip_state[0] && !eip_state[1]);
	reg = ~0UL;
	CHECK_EQ(vplic_claim_to(v, 0, &reg), 0);	/* in service */
	CHECK_EQ(reg, 0);
	reset_log();
	for (unsigned i = 0; i < ARRAY_SIZE(bad); i++)
		vplic_complete(v, bad[i], 20);
	CHECK_EQ(count_ev(EV_COMPLETE), 0);
	vplic_complete(v, 0, 21);		/* not the cell's: ignored */
	vplic_complete(v, 0, 0xffffffffu);
	CHECK_EQ(count_ev(EV_COMPLETE), 0);
	vplic_complete(v, 0, 20);		/* any existing context completes */
	CHECK(!spin_is_locked(&v->lock));
	CHECK_EQ(count_ev(EV_COMPLETE), 1);
	vplic_complete(v, 1, 20);		/* once per claim */
	CHECK_EQ(count_ev(EV_COMPLETE), 1);
	vplic_set_pending(v, 20);
	CHECK(pending(v, 20) && eip_state[0] && eip_state[1]);
	CHECK_EQ(eip_bad_edges, 0);
	free(v);
}

static void test_level(void)
{
	struct vplic *v = new_vplic(1);

	vplic_add_irq(v, 12, false);
	wr(v, PRIO(12), 2);
	enable(v, 0, 12);

	vplic_set_level(v, 12, true);
	CHECK(pending(v, 12));
	CHECK_EQ(nev, 1);
	vplic_set_level(v, 12, true);	/* same level: no new edge */
	CHECK_EQ(nev, 1);
	/* a level withdrawn before the claim withdraws the request */
	vplic_set_level(v, 12, false);
	CHECK(!pending(v, 12));
	CHECK_EQ(nev, 2);
	CHECK(ev_is(1, EV_EIP, 0, 0, false));
	CHECK_EQ(claim(v, 0), 0);

	vplic_set_level(v, 12, true);
	CHECK_EQ(claim(v, 0), 12);
	CHECK_EQ(nev, 4);
	/* in service: high again is not a new request (gateway) */
	vplic_set_level(v, 12, false);
	vplic_set_level(v, 12, true);
	CHECK(!pending(v, 12));
	CHECK_EQ(nev, 4);
	/* complete while still high: re-asserted, EIP again */
	complete(v, 0, 12);
	CHECK(pending(v, 12));
	CHECK_EQ(nev, 5);
	CHECK(ev_is(4, EV_EIP, 0, 0, true));
	CHECK_EQ(claim(v, 0), 12);
	CHECK_EQ(nev, 6);
	/* dropped before complete: nothing more */
	vplic_set_level(v, 12, false);
	complete(v, 0, 12);
	CHECK(!pending(v, 12));
	CHECK_EQ(nev, 6);
	CHECK_EQ(claim(v, 0), 0);
	CHECK_EQ(count_ev(EV_COMPLETE), 0);
	/* high while masked, then unmasked */
	wr(v, THRESH(0), 2);
	vplic_set_level(v, 12, true);
	CHECK_EQ(nev, 6);
	wr(v, THRESH(0), 1);
	CHECK_EQ(nev, 7);
	CHECK(ev_is(6, EV_EIP, 0, 0, true));
	CHECK_EQ(eip_bad_edges, 0);
	free(v);
}

static void test_access(void)
{
	struct vplic *v = new_vplic(2);
	uint64_t val;
	static const unsigned bad_widths[] = { 0, 1, 2, 3, 5, 16 };

	vplic_add_irq(v, 1, false);
	vplic_add_irq(v, 2, false);
	vplic_add_irq(v, 40, true);
	for (unsigned i = 0; i < ARRAY_SIZE(bad_widths); i++) {
		CHECK_EQ(vplic_read(v, PRIO(1), bad_widths[i], &val), -1);
		CHECK_EQ(vplic_write(v, PRIO(1), bad_widths[i], 5), -1);
	}
	CHECK_EQ(rd(v, PRIO(1)), 0);
	CHECK_EQ(vplic_read(v, PRIO(1) + 2, 4, &val), -1);
	CHECK_EQ(vplic_write(v, PRIO(1) + 1, 4, 5), -1);
	CHECK_EQ(vplic_read(v, VPLIC_SIZE, 4, &val), -1);
	CHECK_EQ(vplic_write(v, VPLIC_SIZE, 4, 0), -1);
	CHECK_EQ(vplic_read(v, 0xfffffffffffffffcULL, 4, &val), -1);
	CHECK_EQ(vplic_read(v, 0xfffffffffffffff8ULL, 8, &val), -1);
	CHECK_EQ(vplic_write(v, 0xfffffffffffffffcULL, 4, 0), -1);
	CHECK_EQ(rd(v, VPLIC_SIZE - 4), 0);
	wr(v, VPLIC_SIZE - 4, 0xffffffff);

	/* width 8: two words, low first, outside the context region only */
	CHECK_EQ(vplic_write(v, PRIO(0), 8, 0x0000000700000007ULL), 0);
	CHECK_EQ(rd(v, PRIO(0)), 0);		/* ID 0 stays 0 */
	CHECK_EQ(rd(v, PRIO(1)), 7);
	CHECK_EQ(vplic_write(v, PRIO(2), 8, 0x0000000500000003ULL), 0);
	CHECK_EQ(rd(v, PRIO(2)), 3);
	val = 0;
	CHECK_EQ(vplic_read(v, PRIO(0), 8, &val), 0);
	CHECK_EQ(val, 0x0000000700000000ULL);
	CHECK_EQ(vplic_read(v, PRIO(1), 8, &val), -1);	/* misaligned */
	CHECK_EQ(vplic_write(v, ENABLE(1, 0), 8, ~0ULL), 0);
	CHECK_EQ(rd(v, ENABLE(1, 0)), 0x6);
	CHECK_EQ(rd(v, ENABLE(1, 1)), 1U << 8);
	CHECK(ev_is(0, EV_ENABLE, 1, 40, true));
	CHECK_EQ(vplic_read(v, ENABLE(1, 0), 8, &val), 0);
	CHECK_EQ(val, (uint64_t)(1U << 8) << 32 | 0x6);
	vplic_set_pending(v, 40);
	CHECK_EQ(vplic_read(v, PEND(0), 8, &val), 0);
	CHECK_EQ(val, (uint64_t)(1U << 8) << 32);
	CHECK_EQ(vplic_read(v, THRESH(0), 8, &val), -1);	/* could claim */
	CHECK_EQ(vplic_write(v, THRESH(0), 8, 0), -1);
	CHECK(pending(v, 40));

	/* reserved offsets in the window read 0 and take no writes */
	static const uint64_t reserved[] = {
		PEND(4), PEND(31), 0x1ffc, ENABLE(0, 4), ENABLE(1, 31),
		ENABLE(2, 0), 0x1f0000, 0x1ffffc, THRESH(0) + 8,
		THRESH(0) + 0xffc, THRESH(2), CLAIM(2), THRESH(15871) + 4,
	};
	reset_log();
	for (unsigned i = 0; i < ARRAY_SIZE(reserved); i++) {
		wr(v, reserved[i], 0xffffffff);
		CHECK_EQ(rd(v, reserved[i]), 0);
	}
	CHECK_EQ(nev, 0);
	/* pending bits are read-only */
	wr(v, PEND(0), 0xffffffff);
	wr(v, PEND(1), 0);
	CHECK_EQ(rd(v, PEND(0)), 0);
	CHECK_EQ(rd(v, PEND(1)), 1U << 8);

	/* through the emu_dev adapters */
	struct emu_dev d = { .ops = &vplic_emu_ops, .base = 0x0c000000,
			     .size = VPLIC_SIZE, .state = v };
	CHECK_EQ(d.ops->write(&d, PRIO(2), 4, 6), 0);
	CHECK_EQ(d.ops->read(&d, PRIO(2), 4, &val), 0);
	CHECK_EQ(val, 6);
	CHECK_EQ(d.ops->read(&d, PRIO(2), 2, &val), -1);
	CHECK_EQ(d.ops->write(&d, VPLIC_SIZE, 4, 0), -1);
	free(v);
}

/* every ID and bit position: claim order and hw_enable reports */
static void test_every_id(void)
{
	struct vplic *v = new_vplic(1);
	uint32_t id;
	unsigned bad = 0;

	for (id = 1; id < VPLIC_MAX_IRQS; id++) {
		CHECK_EQ(vplic_add_irq(v, id, true), 0);
		wr(v, PRIO(id), 1);
	}
	for (unsigned w = 0; w < VPLIC_WORDS; w++)
		wr(v, ENABLE(0, w), 0xffffffff);
	CHECK_EQ(nev, VPLIC_MAX_IRQS - 1);
	for (id = 1; id < VPLIC_MAX_IRQS; id++)
		bad += !ev_is(id - 1, EV_ENABLE, 0, id, true);
	CHECK_EQ(bad, 0);
	CHECK_EQ(rd(v, ENABLE(0, 0)), 0xfffffffe);
	/* one at a time */
	for (id = 1; id < VPLIC_MAX_IRQS; id++) {
		vplic_set_pending(v, id);
		bad += claim(v, 0) != id;
		complete(v, 0, id);
	}
	CHECK_EQ(bad, 0);
	/* all at once, equal priority: ascending */
	for (id = 1; id < VPLIC_MAX_IRQS; id++)
		vplic_set_pending(v, id);
	for (id = 1; id < VPLIC_MAX_IRQS; id++)
		bad += claim(v, 0) != id;
	CHECK_EQ(bad, 0);
	CHECK_EQ(claim(v, 0), 0);
	free(v);
}

/* NULL ops are allowed */
static void test_no_ops(void)
{
	struct vplic *v = malloc(sizeof(*v));

	vplic_init(v, 1, NULL, NULL);
	vplic_add_irq(v, 3, true);
	wr(v, PRIO(3), 1);
	enable(v, 0, 3);
	vplic_set_pending(v, 3);
	CHECK_EQ(claim(v, 0), 3);
	complete(v, 0, 3);
	CHECK(!pending(v, 3));
	free(v);
}

/* Random guest accesses: no crash (ASan), and the ownership and
 * one-completion-per-claim rules hold throughout. */
static uint64_t lcg = 12345;

static uint64_t rnd(void)
{
	lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
	return lcg >> 16;
}

static void test_fuzz(void)
{
	struct vplic *v = new_vplic(3);
	static const uint32_t mine[] = { 1, 31, 32, 64, 100, 127 };
	static const bool hw[] = { true, false, true, false, true, false };
	static const unsigned widths[] = { 1, 2, 4, 4, 4, 8 };
	unsigned hw_claims = 0, bad_claims = 0, complete_before = n_complete;
	uint64_t val;

	for (unsigned i = 0; i < ARRAY_SIZE(mine); i++)
		vplic_add_irq(v, mine[i], hw[i]);
	for (unsigned n = 0; n < 200000; n++) {
		uint64_t r = rnd(), off;
		unsigned width = widths[r % ARRAY_SIZE(widths)];
		unsigned c = (unsigned)(rnd() % 4);
		uint32_t id = (uint32_t)(rnd() % 2 ? mine[rnd() % 6] : rnd() % 160);

		/* steer most accesses to interesting registers */
		switch ((r >> 8) % 8) {
		case 0: off = PRIO(rnd() % 2 ? mine[rnd() % 6] : rnd() % 1024); break;
		case 1: off = PEND(rnd() % 32); break;
		case 2: off = ENABLE(c, rnd() % 2 ? rnd() % 4 : rnd() % 32); break;
		case 3: off = THRESH(c); break;
		case 4: off = CLAIM(c); break;
		case 5: off = rnd() % (VPLIC_SIZE + 0x100); break;
		default: off = rnd(); break;
		}
		if (rnd() % 3 == 0) {
			uint64_t w = rnd() % 8;

			if (off == CLAIM(c))
				w = id;
			if (off == THRESH(c))
				w = rnd() % 3;
			if (rnd() % 3 == 0 || (off >= 0x2000 && off < 0x200000))
				w = rnd();
			vplic_write(v, off, width, w | (rnd() % 2 ? 0 : rnd() << 32));
		} else if (vplic_read(v, off, width, &val) == 0 &&
			   off == CLAIM(c) && width == 4 && val) {
			bool owned = false;

			for (unsigned i = 0; i < ARRAY_SIZE(mine); i++)
				if (mine[i] == val) {
					owned = true;
					hw_claims += hw[i];
				}
			bad_claims += !owned;
		}
		switch (rnd() % 8) {
		case 0: vplic_set_pending(v, id); break;
		case 1: vplic_set_level(v, id, rnd() % 2); break;
		}
	}
	printf("fuzz: %u hw claims, %u hw completes\n", hw_claims,
	       n_complete - complete_before);
	CHECK_EQ(bad_claims, 0);
	CHECK(hw_claims > 100);		/* the fuzzer did reach claims */
	CHECK(n_complete - complete_before <= hw_claims);
	CHECK(n_complete - complete_before > 100);
	CHECK_EQ(eip_bad_edges, 0);
	for (unsigned i = 0; i < nev && i < MAX_EV; i++) {
		if (evs[i].type != EV_EIP)
			CHECK(evs[i].irq == 1 || evs[i].irq == 32 || evs[i].irq == 100);
		CHECK(evs[i].ctx < 3);
	}
	for (unsigned c = 0; c < 3; c++) {
		CHECK_EQ(rd(v, ENABLE(c, 0)) & ~(1U << 1 | 1U << 31), 0);
		CHECK_EQ(rd(v, ENABLE(c, 1)) & ~1U, 0);
		CHECK_EQ(rd(v, ENABLE(c, 2)) & ~1U, 0);
		CHECK_EQ(rd(v, ENABLE(c, 3)) & ~(1U << 4 | 1U << 31), 0);
	}
	CHECK_EQ(rd(v, PEND(0)) & ~(1U << 1 | 1U << 31), 0);
	CHECK_EQ(rd(v, PEND(1)) & ~1U, 0);
	CHECK_EQ(rd(v, PEND(2)) & ~1U, 0);
	CHECK_EQ(rd(v, PEND(3)) & ~(1U << 4 | 1U << 31), 0);
	free(v);
}

/* The same random history through the claim/complete registers and
 * through vplic_claim()/vplic_complete(): the same IDs claimed, the same
 * outputs and completions, the same pending bits. */
struct side {
	bool eip[VPLIC_MAX_CTX];
	unsigned edges, completes;
};

static void side_eip(void *arg, unsigned long ctx, bool on)
{
	struct side *s = arg;

	if (ctx < VPLIC_MAX_CTX)
		s->eip[ctx] = on;
	s->edges++;
}

static void side_complete(void *arg, unsigned long irq)
{
	struct side *s = arg;

	(void)irq;
	s->completes++;
}

static const struct vplic_ops side_ops = {
	.set_eip = side_eip,
	.hw_complete = side_complete,
};

static void test_claim_entries_same(void)
{
	static const uint32_t mine[] = { 1, 31, 32, 64, 100, 127 };
	static const bool hw[] = { true, false, true, false, true, false };
	struct vplic *a = malloc(sizeof(*a)), *b = malloc(sizeof(*b));
	struct side sa = { 0 }, sb = { 0 };
	unsigned claims = 0, differ = 0;

	vplic_init(a, 3, &side_ops, &sa);
	vplic_init(b, 3, &side_ops, &sb);
	for (unsigned i = 0; i < ARRAY_SIZE(mine); i++) {
		vplic_add_irq(a, mine[i], hw[i]);
		vplic_add_irq(b, mine[i], hw[i]);
	}
	for (unsigned n = 0; n < 100000; n++) {
		unsigned c = (unsigned)(rnd() % 5);	/* 3 and 4 do not exist */
		uint32_t id = (uint32_t)(rnd() % 2 ? mine[rnd() % 6] : rnd() % 160);
		uint32_t val = (uint32_t)rnd(), ra, rb;
		uint64_t off = 0;

		switch (rnd() % 8) {
		case 0:
			vplic_set_pending(a, id);
			vplic_set_pending(b, id);
			break;
		case 1:
			vplic_set_level(a, id, val & 1);
			vplic_set_level(b, id, val & 1);
			break;
		case 2:
		case 3:
			ra = rd(a, CLAIM(c));
			rb = vplic_claim(b, c);
			differ += ra != rb;
			claims += ra != 0;
			break;
		case 4:
		case 5:
			wr(a, CLAIM(c), id);
			vplic_complete(b, c, id);
			break;
		case 6:
			off = ENABLE(c % 3, rnd() % 4);
			break;
		default:
			off = rnd() % 2 ? THRESH(c % 3) : PRIO(id % 128);
			val %= 3;
			break;
		}
		if (off) {
			wr(a, off, val);
			wr(b, off, val);
		}
		differ += memcmp(&sa, &sb, sizeof(sa)) != 0;
	}
	for (unsigned w = 0; w < VPLIC_WORDS; w++)
		differ += rd(a, PEND(w)) != rd(b, PEND(w));
	printf("claim entries: %u claims, %u completions, %u output edges\n", claims,
	       sa.completes, sa.edges);
	CHECK_EQ(differ, 0);
	CHECK(claims > 1000 && sa.completes > 100);	/* the history did reach them */
	CHECK(!spin_is_locked(&b->lock));
	free(a);
	free(b);
}

/* A restart's reset: everything the guest set goes, the owned IDs stay,
 * the lock is not re-initialised (held across the reset: see the lock's
 * counters), lowered outputs and disabled passthrough IDs are reported. */
static void test_reset(void)
{
	struct vplic *v = new_vplic(2);
	spinlock_t before;

	vplic_add_irq(v, 5, false);
	vplic_add_irq(v, 7, true);
	wr(v, PRIO(5), 3);
	wr(v, PRIO(7), 2);
	wr(v, THRESH(1), 1);
	enable(v, 0, 5);
	enable(v, 1, 7);
	vplic_set_level(v, 5, true);
	vplic_set_pending(v, 7);
	CHECK(eip_state[0] && eip_state[1]);
	CHECK_EQ(claim(v, 1), 7);		/* 7 in service: context 1 low again */
	CHECK(eip_state[0] && !eip_state[1]);
	before = v->lock;
	reset_log();
	vplic_reset(v);
	/* the ticket lock went on counting: it was taken, not zeroed */
	CHECK_EQ(v->lock.next, before.next + 1);
	CHECK_EQ(v->lock.owner, before.owner + 1);
	CHECK(!eip_state[0] && !eip_state[1]);
	CHECK_EQ(count_ev(EV_EIP), 1);		/* context 0's output lowered */
	CHECK_EQ(count_ev(EV_ENABLE), 1);	/* passthrough 7 off in context 1 */
	CHECK(ev_is(0, EV_ENABLE, 1, 7, false) || ev_is(1, EV_ENABLE, 1, 7, false) ||
	      ev_is(2, EV_ENABLE, 1, 7, false));
	CHECK_EQ(rd(v, PRIO(5)), 0);
	CHECK_EQ(rd(v, THRESH(1)), 0);
	CHECK_EQ(rd(v, ENABLE(0, 0)), 0);
	CHECK(!pending(v, 5) && !pending(v, 7));
	/* still its IDs: they work as at boot */
	wr(v, PRIO(5), 1);
	CHECK_EQ(rd(v, PRIO(5)), 1);
	enable(v, 0, 5);
	vplic_set_level(v, 5, true);
	CHECK_EQ(claim(v, 0), 5);
	/* 7 was in service before the reset: its completion is gone too */
	vplic_set_pending(v, 7);
	CHECK(pending(v, 7));
	free(v);
}

int main(void)
{
	test_init_and_add();
	test_reset();
	test_ownership();
	test_prio_threshold();
	test_order();
	test_order_on_request();
	test_contexts();
	test_claim_complete_hw();
	test_claim_outputs();
	test_claim_entries();
	test_level();
	test_access();
	test_every_id();
	cur = NULL;
	test_no_ops();
	test_fuzz();
	test_claim_entries_same();
	CHECK_EQ(unlocked_cb, 0);	/* callbacks ran with the lock held */
	return test_report("test_vplic");
}
