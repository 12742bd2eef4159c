// SPDX-License-Identifier: GPL-2.0-only
/*
 * Virtual PLIC state machine; see vplic.h for the guest-visible contract.
 *
 * Per ID the state is: owned, hw (passthrough), pending, active (claimed
 * and not yet completed), and for emulated sources the input level.  A
 * pending bit is only ever set for an owned ID that is not active, which is
 * the gateway rule: one request in flight per source.
 */
#include <fv/compiler.h>
#include <fv/string.h>
#include "vplic.h"

_Static_assert(VPLIC_MAX_CTX <= 16, "route[] holds one bit per context");
_Static_assert(VPLIC_MAX_IRQS <= 256, "best[] holds an ID in a byte");
_Static_assert(VPLIC_MAX_CTX % 8 == 0, "best_words[] covers best[]");
_Static_assert(VPLIC_WORDS % 2 == 0, "pending_words[] covers pending[]");

static __always_inline bool id_test(const uint32_t *map, uint32_t id)
{
	return (map[id / 32] >> (id % 32)) & 1;
}

static __always_inline void id_assign(uint32_t *map, uint32_t id, bool on)
{
	if (on)
		map[id / 32] |= 1U << (id % 32);
	else
		map[id / 32] &= ~(1U << (id % 32));
}

/* Index of the lowest set bit of x != 0: a de Bruijn sequence, not
 * __builtin_ctz (without Zbb that is a libgcc call, and the hypervisor
 * links no libgcc). */
static unsigned lowest_bit(uint32_t x)
{
	static const uint8_t pos[32] = {
		0, 1, 28, 2, 29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4, 8,
		31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6, 11, 5, 10, 9,
	};

	return pos[(uint32_t)((x & -x) * 0x077cb531u) >> 27];
}

/* Every guest-supplied ID goes through here before indexing anything. */
static __always_inline bool owns(const struct vplic *v, uint64_t id)
{
	return id < VPLIC_MAX_IRQS && id_test(v->owned, (uint32_t)id);
}

/* The callbacks vplic_init() puts in place of missing ones. */
static void no_set_eip(void *arg, unsigned long ctx, bool on)
{
	(void)arg, (void)ctx, (void)on;
}

static void no_hw_enable(void *arg, unsigned ctx, uint32_t irq, bool on)
{
	(void)arg, (void)ctx, (void)irq, (void)on;
}

static void no_hw_complete(void *arg, unsigned long irq)
{
	(void)arg, (void)irq;
}

static __always_inline void cb_set_eip(struct vplic *v, unsigned long ctx, bool on)
{
	v->ops.set_eip(v->arg, ctx, on);
}

static void cb_hw_enable(struct vplic *v, unsigned ctx, uint32_t irq, bool on)
{
	v->ops.hw_enable(v->arg, ctx, irq, on);
}

static __always_inline void cb_hw_complete(struct vplic *v, unsigned long irq)
{
	v->ops.hw_complete(v->arg, irq);
}

/*
 * The ID context c would claim now: highest priority among the pending
 * IDs that count in c (route[], below: enabled there, priority above the
 * threshold); IDs are scanned upwards and only a strictly higher priority
 * wins, so ties go to the lowest ID.  0 if none.  Usually one ID is
 * pending: a word without any costs a load and a branch.
 */
static uint32_t best_irq(const struct vplic *v, unsigned c)
{
	uint32_t best = 0, best_prio = 0, bit = 1U << c;

#pragma GCC unroll 4
	for (unsigned w = 0; w < VPLIC_WORDS; w++) {
		for (uint32_t cand = v->pending[w]; cand; cand &= cand - 1) {
			uint32_t id = w * 32 + lowest_bit(cand);

			if ((v->route[id] & bit) && v->prio[id] > best_prio) {
				best = id;
				best_prio = v->prio[id];
			}
		}
	}
	return best;
}

static __always_inline bool any_pending(const struct vplic *v)
{
	uint64_t any = 0;

#pragma GCC unroll 2
	for (unsigned w = 0; w < ARRAY_SIZE(v->pending_words); w++)
		any |= v->pending_words[w];
	return any != 0;
}

/*
 * The outputs.  route[id] holds the contexts in which id counts (enabled
 * there above the threshold), so the outputs that should be up are the
 * union of the routes of the pending IDs; set_eip() hears of edges only.
 * best[c] is best_irq(v, c), non-zero exactly where the output is up.
 * A new request can only raise outputs: those of its route that are down
 * (outputs_up, one load and a mask), where it is the best at once, and
 * in those of its route already up it may beat the best (best_up()).
 * A claim with nothing else pending lowers every output and clears
 * best[] (outputs_claimed).  Anything else (a withdrawn or claimed
 * request, a priority, an enable, a threshold) takes sync_outputs(),
 * which scans the pending bits.
 */
static __always_inline bool counts_in(const struct vplic *v, unsigned c, uint32_t id)
{
	return id_test(v->ctx[c].enable, id) && v->prio[id] > v->ctx[c].threshold;
}

static __always_inline void outputs_edges(struct vplic *v, uint32_t raise, uint32_t lower)
{
	v->eip = (v->eip | raise) & ~lower;
	while (raise) {
		cb_set_eip(v, lowest_bit(raise), true);
		raise &= raise - 1;
	}
	while (lower) {
		cb_set_eip(v, lowest_bit(lower), false);
		lower &= lower - 1;
	}
}

/*
 * id, newly pending, counts in the contexts `route` (not 0).  Where their
 * outputs are down it is the only one, so the best, and they rise; where
 * they are up it becomes the best if its priority is higher, or equal
 * and its ID lower (best_irq()'s order).
 */
static __attribute__((noinline)) void several_raised(struct vplic *v, uint32_t route,
						     uint32_t id)
{
	uint32_t raise = route & ~v->eip, p = v->prio[id];

	for (uint32_t up = route & v->eip; up; up &= up - 1) {
		unsigned c = lowest_bit(up);
		uint32_t b = v->best[c];

		if (p > v->prio[b] || (p == v->prio[b] && b > id))
			v->best[c] = (uint8_t)id;
	}
	for (uint32_t e = raise; e; e &= e - 1)
		v->best[lowest_bit(e)] = (uint8_t)id;
	outputs_edges(v, raise, 0);
}

static __attribute__((noinline)) void several_lowered(struct vplic *v, uint32_t edges)
{
	outputs_edges(v, 0, edges);
}

/* The ways that take an interrupt (raise_outputs()) and claim it
 * (lower_outputs()): the usual single edge, one context whose output was
 * down, a tail call into the callback, no frame; anything else apart. */
static __attribute__((noinline)) void raise_outputs(struct vplic *v, uint32_t route,
						    uint32_t id)
{
	unsigned long c = lowest_bit(route);

	if ((route & (route - 1)) | (route & v->eip)) {
		several_raised(v, route, id);
		return;
	}
	v->best[c] = (uint8_t)id;
	v->eip |= route;
	cb_set_eip(v, c, true);
}

/* Nothing is pending after context c's claim: no context has a best,
 * every output falls.  c's was up (it had a best): if it is the only one,
 * one edge, c's. */
static __attribute__((noinline)) void lower_outputs(struct vplic *v, unsigned long c)
{
	uint32_t edges = v->eip;

	for (unsigned i = 0; i < ARRAY_SIZE(v->best_words); i++)
		v->best_words[i] = 0;
	if (edges != 1U << c) {
		several_lowered(v, edges);
		return;
	}
	v->eip = 0;
	cb_set_eip(v, c, false);
}

static void sync_outputs(struct vplic *v)
{
	uint32_t want = 0;

	for (unsigned w = 0; w < VPLIC_WORDS; w++)
		for (uint32_t cand = v->pending[w]; cand; cand &= cand - 1)
			want |= v->route[w * 32 + lowest_bit(cand)];
	for (unsigned c = 0; c < v->nr_ctx; c++)
		v->best[c] = (uint8_t)((want >> c) & 1 ? best_irq(v, c) : 0);
	outputs_edges(v, want & ~v->eip, v->eip & ~want);
}

static __always_inline void outputs_up(struct vplic *v, uint32_t id)
{
	uint32_t route = v->route[id];

	if (route)
		raise_outputs(v, route, id);
}

/* route[] again for the IDs of enable word w of context c, or for every
 * ID of it (a threshold), or for one ID in every context (a priority). */
static void route_ctx_word(struct vplic *v, unsigned c, unsigned w)
{
	for (uint32_t id = w * 32; id < w * 32 + 32; id++) {
		if (counts_in(v, c, id))
			v->route[id] |= (uint16_t)(1U << c);
		else
			v->route[id] &= (uint16_t)~(1U << c);
	}
}

static void route_ctx(struct vplic *v, unsigned c)
{
	for (unsigned w = 0; w < VPLIC_WORDS; w++)
		route_ctx_word(v, c, w);
}

static void route_id(struct vplic *v, uint32_t id)
{
	uint16_t r = 0;

	for (unsigned c = 0; c < v->nr_ctx; c++)
		if (counts_in(v, c, id))
			r |= (uint16_t)(1U << c);
	v->route[id] = r;
}

static void set_pending(struct vplic *v, uint32_t id, bool on)
{
	if (id_test(v->pending, id) == on)
		return;
	id_assign(v->pending, id, on);
	if (on)
		outputs_up(v, id);
	else
		sync_outputs(v);
}

/* After context c's claim: with nothing else pending (the usual case)
 * every raised output falls and no context has a best, without a scan. */
static __always_inline void outputs_claimed(struct vplic *v, unsigned long c)
{
	if (any_pending(v))
		sync_outputs(v);
	else
		lower_outputs(v, c);
}

/* id (not 0), the best of a context, goes in service: pending, so
 * set_pending(v, id, false) comes to this */
static __always_inline void take(struct vplic *v, unsigned long c, uint32_t id)
{
	id_assign(v->active, id, true);
	id_assign(v->pending, id, false);
	outputs_claimed(v, c);
}

/* c < nr_ctx */
static __always_inline uint32_t claim(struct vplic *v, unsigned c)
{
	uint32_t id = v->best[c];

	if (id)
		take(v, c, id);
	return id;
}

static __always_inline void complete(struct vplic *v, unsigned long id)
{
	unsigned long w = id / 32;
	uint32_t bit = 1U << (id % 32);

	/* only owned IDs are ever in service: one test for both */
	if (id >= VPLIC_MAX_IRQS || !(v->active[w] & bit))
		return;		/* not ours or not in service: ignored */
	v->active[w] &= ~bit;
	if (v->hw[w] & bit)
		cb_hw_complete(v, id);
	else if (id_test(v->level, (uint32_t)id))
		set_pending(v, (uint32_t)id, true);	/* still asserted */
}

static void write_enable(struct vplic *v, unsigned c, unsigned w, uint32_t val)
{
	uint32_t *en = &v->ctx[c].enable[w];
	uint32_t nval = val & v->owned[w];
	uint32_t changed = (*en ^ nval) & v->hw[w];

	*en = nval;
	route_ctx_word(v, c, w);
	while (changed) {
		unsigned b = lowest_bit(changed);

		changed &= changed - 1;
		cb_hw_enable(v, c, w * 32 + b, (nval >> b) & 1);
	}
}

/* A word below the context region (off < VPLIC_CONTEXT): read without
 * the lock, one load per word (see vplic.h). */
static inline uint32_t read_plain(const struct vplic *v, uint64_t off)
{
	uint64_t rel, c, reg;

	if (off < VPLIC_PENDING)
		return owns(v, off / 4) ? READ_ONCE(v->prio[off / 4]) : 0;
	if (off < VPLIC_ENABLE) {
		rel = (off - VPLIC_PENDING) / 4;
		return rel < VPLIC_WORDS ? READ_ONCE(v->pending[rel]) & v->owned[rel] : 0;
	}
	rel = off - VPLIC_ENABLE;
	c = rel / VPLIC_ENABLE_STRIDE;
	reg = (rel % VPLIC_ENABLE_STRIDE) / 4;
	if (c >= v->nr_ctx || reg >= VPLIC_WORDS)
		return 0;
	return READ_ONCE(v->ctx[c].enable[reg]);
}

/* A word of the context region (off >= VPLIC_CONTEXT), lock held. */
static uint32_t read_context(struct vplic *v, uint64_t off)
{
	uint64_t rel, c, reg;

	rel = off - VPLIC_CONTEXT;
	c = rel / VPLIC_CONTEXT_STRIDE;
	reg = rel % VPLIC_CONTEXT_STRIDE;
	if (c >= v->nr_ctx)
		return 0;
	if (reg == VPLIC_THRESHOLD)
		return v->ctx[c].threshold;
	if (reg == VPLIC_CLAIM)
		return claim(v, (unsigned)c);
	return 0;
}

static void write_word(struct vplic *v, uint64_t off, uint32_t val)
{
	uint64_t rel, c, reg;

	if (off < VPLIC_PENDING) {
		if (owns(v, off / 4)) {
			v->prio[off / 4] = val & VPLIC_PRIO_MAX;
			route_id(v, (uint32_t)(off / 4));
		}
		return;
	}
	if (off < VPLIC_ENABLE)
		return;		/* pending bits are read-only */
	if (off < VPLIC_CONTEXT) {
		rel = off - VPLIC_ENABLE;
		c = rel / VPLIC_ENABLE_STRIDE;
		reg = (rel % VPLIC_ENABLE_STRIDE) / 4;
		if (c < v->nr_ctx && reg < VPLIC_WORDS)
			write_enable(v, (unsigned)c, (unsigned)reg, val);
		return;
	}
	rel = off - VPLIC_CONTEXT;
	c = rel / VPLIC_CONTEXT_STRIDE;
	reg = rel % VPLIC_CONTEXT_STRIDE;
	if (c >= v->nr_ctx)
		return;
	if (reg == VPLIC_THRESHOLD) {	/* claim registers: write_complete() */
		v->ctx[c].threshold = val & VPLIC_PRIO_MAX;
		route_ctx(v, (unsigned)c);
	}
}

static bool is_claim(uint64_t off)
{
	return off >= VPLIC_CONTEXT &&
	       (off - VPLIC_CONTEXT) % VPLIC_CONTEXT_STRIDE == VPLIC_CLAIM;
}

/* 32-bit registers; 64-bit only where it cannot claim (see vplic.h). */
static bool access_ok(uint64_t off, unsigned width)
{
	if (off >= VPLIC_SIZE)
		return false;
	if (width == 4)
		return IS_ALIGNED(off, 4);
	if (width == 8)
		return IS_ALIGNED(off, 8) && off < VPLIC_CONTEXT;
	return false;
}

void vplic_init(struct vplic *v, unsigned nr_ctx, const struct vplic_ops *ops,
		void *arg)
{
	memset(v, 0, sizeof(*v));
	v->lock = (spinlock_t)SPINLOCK_INIT;
	v->nr_ctx = MIN(nr_ctx, (unsigned)VPLIC_MAX_CTX);
	if (ops)
		v->ops = *ops;
	if (!v->ops.set_eip)
		v->ops.set_eip = no_set_eip;
	if (!v->ops.hw_enable)
		v->ops.hw_enable = no_hw_enable;
	if (!v->ops.hw_complete)
		v->ops.hw_complete = no_hw_complete;
	v->arg = arg;
}

void vplic_reset(struct vplic *v)
{
	spin_lock(&v->lock);
	memset(v->pending, 0, sizeof(v->pending));
	memset(v->active, 0, sizeof(v->active));
	memset(v->level, 0, sizeof(v->level));
	memset(v->prio, 0, sizeof(v->prio));
	for (unsigned c = 0; c < v->nr_ctx; c++) {
		/* passthrough enables go off on the physical PLIC too */
		for (unsigned w = 0; w < VPLIC_WORDS; w++)
			write_enable(v, c, w, 0);
		v->ctx[c].threshold = 0;
	}
	memset(v->route, 0, sizeof(v->route));	/* nothing is enabled */
	memset(v->best, 0, sizeof(v->best));	/* nor pending */
	outputs_edges(v, 0, v->eip);
	spin_unlock(&v->lock);
}

int vplic_add_irq(struct vplic *v, uint32_t irq, bool hw)
{
	if (irq == 0 || irq >= VPLIC_MAX_IRQS)
		return -1;
	spin_lock(&v->lock);
	id_assign(v->owned, irq, true);
	id_assign(v->hw, irq, hw);
	spin_unlock(&v->lock);
	return 0;
}

/* A context register (off >= VPLIC_CONTEXT, width 4): threshold, claim. */
static __attribute__((noinline)) int read_locked(struct vplic *v, uint64_t off,
						 uint64_t *val)
{
	uint32_t r;

	spin_lock(&v->lock);
	r = read_context(v, off);	/* a claim updates the outputs */
	spin_unlock(&v->lock);
	*val = r;
	return 0;
}

uint32_t vplic_claim(struct vplic *v, unsigned ctx)
{
	uint32_t id;

	if (ctx >= v->nr_ctx)
		return 0;	/* no such context: nothing to claim */
	spin_lock(&v->lock);
	id = claim(v, ctx);
	spin_unlock(&v->lock);
	return id;
}

int vplic_claim_to(struct vplic *v, unsigned long ctx, unsigned long *dst)
{
	uint32_t id;

	if (ctx >= v->nr_ctx) {
		*dst = 0;	/* no such context: nothing to claim */
		return 0;
	}
	spin_lock(&v->lock);
	id = v->best[ctx];
	*dst = id;	/* first: the frame then keeps v alone across the calls */
	if (id)
		take(v, ctx, id);
	spin_unlock(&v->lock);
	return 0;
}

/*
 * A completion: a write of width 4 to a claim/complete register (the
 * guest's interrupt handler, once per interrupt).  It goes straight to
 * complete(), which updates the outputs itself: a passthrough ID is
 * completed physically, an emulated one still asserted pends again.
 */
static __attribute__((noinline)) int complete_locked(struct vplic *v, unsigned long id)
{
	spin_lock(&v->lock);
	complete(v, id);
	spin_unlock(&v->lock);
	return 0;
}

/* the context's check, then a tail call (a split of the compiler's own
 * would return void and need a frame here) */
int vplic_complete(struct vplic *v, unsigned ctx, unsigned long id)
{
	if (ctx >= v->nr_ctx)
		return 0;	/* no such context: ignored */
	return complete_locked(v, id);
}

static __attribute__((noinline)) int write_complete(struct vplic *v, uint64_t off,
						    uint64_t val)
{
	return vplic_complete(v, (unsigned)((off - VPLIC_CONTEXT) / VPLIC_CONTEXT_STRIDE),
			      (uint32_t)val);
}

static __always_inline int read_access(struct vplic *v, uint64_t off, unsigned width,
				       uint64_t *val)
{
	uint64_t r;

	/* a priority, the usual read (a driver's, a probe's): no more checks */
	if (likely(off < VPLIC_PENDING && width == 4 && IS_ALIGNED(off, 4))) {
		*val = owns(v, off / 4) ? READ_ONCE(v->prio[off / 4]) : 0;
		return 0;
	}
	if (!access_ok(off, width))
		return -1;
	if (off >= VPLIC_CONTEXT)
		return read_locked(v, off, val);
	/* priorities, pending bits, enables: no side effects */
	r = read_plain(v, off);
	if (width == 8)
		r |= (uint64_t)read_plain(v, off + 4) << 32;
	*val = r;
	return 0;
}

int vplic_read(struct vplic *v, uint64_t off, unsigned width, uint64_t *val)
{
	return read_access(v, off, width, val);
}

int vplic_write(struct vplic *v, uint64_t off, unsigned width, uint64_t val)
{
	if (!access_ok(off, width))
		return -1;
	if (is_claim(off))	/* width 4 (access_ok) */
		return write_complete(v, off, val);
	spin_lock(&v->lock);
	write_word(v, off, (uint32_t)val);
	if (width == 8)
		write_word(v, off + 4, (uint32_t)(val >> 32));
	sync_outputs(v);
	spin_unlock(&v->lock);
	return 0;
}

/*
 * The external-interrupt handler's path: set_pending(v, irq, true) with
 * the gateway's three tests (owned, not in service, not pending) on one
 * word, and the raise of the outputs the request's route holds (usually
 * one) apart (raise_outputs()), so the usual way saves no register.
 */
void vplic_set_pending(struct vplic *v, uint32_t irq)
{
	uint32_t w = irq / 32, bit = 1U << (irq % 32);

	if (irq >= VPLIC_MAX_IRQS)
		return;
	spin_lock(&v->lock);
	if (v->owned[w] & ~(v->active[w] | v->pending[w]) & bit) {
		v->pending[w] |= bit;
		outputs_up(v, irq);
	}
	spin_unlock(&v->lock);
}

void vplic_set_level(struct vplic *v, uint32_t irq, bool level)
{
	spin_lock(&v->lock);
	if (owns(v, irq) && !id_test(v->hw, irq)) {
		id_assign(v->level, irq, level);
		/* in service: kept for complete(); else the request follows */
		if (!id_test(v->active, irq))
			set_pending(v, irq, level);
	}
	spin_unlock(&v->lock);
}

static int vplic_emu_read(struct emu_dev *d, uint64_t off, unsigned width,
			  uint64_t *val)
{
	return read_access(d->state, off, width, val);
}

static int vplic_emu_write(struct emu_dev *d, uint64_t off, unsigned width,
			   uint64_t val)
{
	return vplic_write(d->state, off, width, val);
}

const struct emu_ops vplic_emu_ops = {
	.read = vplic_emu_read,
	.write = vplic_emu_write,
};
