// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtual PLIC is driven by a guest (any MMIO access to its window)
 * and by the hypervisor (passthrough edges, emulated levels).  An input is
 * the setup (contexts, owned IDs) then a sequence of such operations (and
 * of the trap path's claims and completions at a context, vplic_claim()
 * and vplic_complete()) against one heap-allocated vplic (so ASan sees
 * any access outside it); after each one the model's state must still
 * keep its promises (see vplic.h): only owned IDs are pending, enabled,
 * active or prioritized, nothing pending is in service, every context's
 * output and the ID it would claim (best[]) are what its registers say, and the callbacks came with the lock
 * held, on edges only, with contexts and IDs of this cell.
 */
#include <stdbool.h>
#include <string.h>
#include "../../arch/riscv/irqc/plic/vplic.h"
#include "fuzz.h"

static struct vplic *cur;
static bool eip_seen[VPLIC_MAX_CTX];	/* last level set_eip gave, per context */
static unsigned n_complete;
static uint32_t last_complete;

static bool test(const uint32_t *map, uint32_t id)
{
	return id < VPLIC_MAX_IRQS && ((map[id / 32] >> (id % 32)) & 1);
}

static void cb_eip(void *arg, unsigned long ctx, bool on)
{
	FUZZ_ASSERT(arg == &cur);
	FUZZ_ASSERT(spin_is_locked(&cur->lock));
	FUZZ_ASSERT(ctx < cur->nr_ctx);
	FUZZ_ASSERT(eip_seen[ctx] != on);	/* an edge */
	eip_seen[ctx] = on;
}

static void cb_enable(void *arg, unsigned ctx, uint32_t irq, bool on)
{
	(void)on;
	FUZZ_ASSERT(arg == &cur);
	FUZZ_ASSERT(spin_is_locked(&cur->lock));
	FUZZ_ASSERT(ctx < cur->nr_ctx);
	FUZZ_ASSERT(test(cur->owned, irq) && test(cur->hw, irq));
}

static void cb_complete(void *arg, unsigned long irq)
{
	FUZZ_ASSERT(arg == &cur);
	FUZZ_ASSERT(spin_is_locked(&cur->lock));
	FUZZ_ASSERT(test(cur->owned, irq) && test(cur->hw, irq));
	n_complete++;
	last_complete = irq;
}

static const struct vplic_ops ops = { cb_eip, cb_enable, cb_complete };

/* What context c's output must be: an owned, pending, enabled ID above
 * its threshold. */
static bool should_fire(const struct vplic *v, unsigned c)
{
	for (unsigned w = 0; w < VPLIC_WORDS; w++) {
		uint32_t cand = v->owned[w] & v->pending[w] & v->ctx[c].enable[w];

		for (unsigned b = 0; cand; b++, cand >>= 1)
			if ((cand & 1) && v->prio[w * 32 + b] > v->ctx[c].threshold)
				return true;
	}
	return false;
}

/* The ID context c claims now, by the spec's rule: the highest priority
 * among its owned, pending, enabled IDs above its threshold, ties to the
 * lowest ID; 0 if none. */
static uint32_t claimable(const struct vplic *v, unsigned c)
{
	uint32_t best = 0;

	for (uint32_t id = 1; id < VPLIC_MAX_IRQS; id++)
		if (test(v->owned, id) && test(v->pending, id) && test(v->ctx[c].enable, id) &&
		    v->prio[id] > v->ctx[c].threshold && v->prio[id] > v->prio[best])
			best = id;
	return best;
}

static void invariants(const struct vplic *v)
{
	FUZZ_ASSERT(v->nr_ctx <= VPLIC_MAX_CTX);
	FUZZ_ASSERT(!spin_is_locked(&v->lock));
	FUZZ_ASSERT(!(v->owned[0] & 1));	/* ID 0 is no interrupt */
	for (unsigned w = 0; w < VPLIC_WORDS; w++) {
		uint32_t own = v->owned[w];

		FUZZ_ASSERT(!(v->hw[w] & ~own));
		FUZZ_ASSERT(!(v->pending[w] & ~own));
		FUZZ_ASSERT(!(v->active[w] & ~own));
		FUZZ_ASSERT(!(v->pending[w] & v->active[w]));
		FUZZ_ASSERT(!(v->level[w] & (~own | v->hw[w])));
		for (unsigned c = 0; c < VPLIC_MAX_CTX; c++)
			FUZZ_ASSERT(!(v->ctx[c].enable[w] & (c < v->nr_ctx ? ~own : ~0u)));
	}
	for (uint32_t id = 0; id < VPLIC_MAX_IRQS; id++)
		FUZZ_ASSERT(v->prio[id] <= VPLIC_PRIO_MAX && (test(v->owned, id) || !v->prio[id]));
	for (unsigned c = 0; c < VPLIC_MAX_CTX; c++) {
		FUZZ_ASSERT(v->ctx[c].threshold <= VPLIC_PRIO_MAX);
		if (c >= v->nr_ctx) {
			FUZZ_ASSERT(!v->ctx[c].threshold && !((v->eip >> c) & 1) && !v->best[c]);
			for (uint32_t id = 0; id < VPLIC_MAX_IRQS; id++)
				FUZZ_ASSERT(!((v->route[id] >> c) & 1));
			continue;
		}
		FUZZ_ASSERT(((v->eip >> c) & 1) == eip_seen[c]);
		FUZZ_ASSERT(((v->eip >> c) & 1) == should_fire(v, c));
		FUZZ_ASSERT(v->best[c] == claimable(v, c));	/* best[]: see vplic.h */
		FUZZ_ASSERT(((v->eip >> c) & 1) == (v->best[c] != 0));
		for (uint32_t id = 0; id < VPLIC_MAX_IRQS; id++)	/* route[]: see vplic.h */
			FUZZ_ASSERT(((v->route[id] >> c) & 1) ==
				    (test(v->ctx[c].enable, id) && v->prio[id] > v->ctx[c].threshold));
	}
}

/* An offset: mostly one of the registers, at times anything. */
static uint64_t offset(struct in *in)
{
	uint8_t k = in_u8(in), a = in_u8(in);
	uint64_t off;

	switch (k % 8) {
	case 0: off = VPLIC_PRIORITY + 4 * (a % VPLIC_MAX_IRQS); break;
	case 1: off = VPLIC_PENDING + 4 * (a % 8); break;
	case 2: off = VPLIC_ENABLE + VPLIC_ENABLE_STRIDE * (a % 20) + 4 * (in_u8(in) % 8); break;
	case 3: off = VPLIC_CONTEXT + VPLIC_CONTEXT_STRIDE * (a % 20) + VPLIC_THRESHOLD; break;
	case 4: off = VPLIC_CONTEXT + VPLIC_CONTEXT_STRIDE * (a % 20) + VPLIC_CLAIM; break;
	case 5: off = in_u32(in) % (VPLIC_SIZE + 0x100); break;
	case 6: off = in_u64(in); break;
	default: off = VPLIC_CONTEXT + VPLIC_CONTEXT_STRIDE * (a % 20) + in_u16(in); break;
	}
	if (k & 0x80)
		off += in_u8(in) % 8;	/* misaligned */
	return off;
}

static unsigned width(struct in *in)
{
	static const unsigned w[8] = { 4, 4, 4, 8, 8, 1, 2, 3 };
	uint8_t k = in_u8(in);

	return k < 0xf0 ? w[k % 8] : k;
}

static bool access_ok(uint64_t off, unsigned w)
{
	if (off >= VPLIC_SIZE)
		return false;
	return (w == 4 && off % 4 == 0) || (w == 8 && off % 8 == 0 && off < VPLIC_CONTEXT);
}

/* A claim read: the ID handed out was the best one and is now in service. */
static void check_claim(const struct vplic *before, const struct vplic *v,
			uint64_t off, uint64_t val)
{
	unsigned c = (unsigned)((off - VPLIC_CONTEXT) / VPLIC_CONTEXT_STRIDE);
	uint32_t id = (uint32_t)val;

	if (c >= before->nr_ctx) {
		FUZZ_ASSERT(val == 0);
		return;
	}
	if (!id) {
		FUZZ_ASSERT(!should_fire(before, c));
		return;
	}
	FUZZ_ASSERT(id < VPLIC_MAX_IRQS && test(before->owned, id));
	FUZZ_ASSERT(test(before->pending, id) && test(before->ctx[c].enable, id));
	FUZZ_ASSERT(before->prio[id] > before->ctx[c].threshold);
	for (uint32_t o = 1; o < VPLIC_MAX_IRQS; o++)
		if (test(before->owned, o) && test(before->pending, o) &&
		    test(before->ctx[c].enable, o))
			FUZZ_ASSERT(before->prio[o] < before->prio[id] ||
				    (before->prio[o] == before->prio[id] && o >= id));
	FUZZ_ASSERT(test(v->active, id) && !test(v->pending, id));
}

static void op_read(struct vplic *v, struct in *in, struct vplic *before)
{
	uint64_t off = offset(in), val = 0x5a5a5a5a5a5a5a5aULL;
	unsigned w = width(in);
	int r;

	memcpy(before, v, sizeof(*v));
	r = vplic_read(v, off, w, &val);
	FUZZ_ASSERT(r == (access_ok(off, w) ? 0 : -1));
	if (r) {
		FUZZ_ASSERT(!memcmp(before, v, sizeof(*v)));
		return;
	}
	FUZZ_ASSERT(w == 8 || val <= UINT32_MAX);
	if (off < VPLIC_PENDING) {
		FUZZ_ASSERT((uint32_t)val == (test(v->owned, off / 4) ? v->prio[off / 4] : 0));
	} else if (off < VPLIC_ENABLE) {
		uint64_t wd = (off - VPLIC_PENDING) / 4;

		FUZZ_ASSERT(!(val & ~(wd < VPLIC_WORDS ? (uint64_t)v->owned[wd] : 0) &
			      0xffffffffu));
	} else if (off >= VPLIC_CONTEXT &&
		   (off - VPLIC_CONTEXT) % VPLIC_CONTEXT_STRIDE == VPLIC_CLAIM) {
		check_claim(before, v, off, val);
	}
}

static void op_write(struct vplic *v, struct in *in, struct vplic *before)
{
	uint64_t off = offset(in), val = in_u64(in);
	unsigned w = width(in), c;
	unsigned completes = n_complete;
	int r;

	/* a completion mostly names an ID, not noise */
	if (off >= VPLIC_CONTEXT && (val >> 56) < 0xf0)
		val %= VPLIC_MAX_IRQS + 4;
	memcpy(before, v, sizeof(*v));
	r = vplic_write(v, off, w, val);
	FUZZ_ASSERT(r == (access_ok(off, w) ? 0 : -1));
	if (r) {
		FUZZ_ASSERT(!memcmp(before, v, sizeof(*v)));
		return;
	}
	/* pending and the owned map are read-only to the guest */
	FUZZ_ASSERT(!memcmp(before->owned, v->owned, sizeof(v->owned)));
	FUZZ_ASSERT(!memcmp(before->level, v->level, sizeof(v->level)));
	if (off < VPLIC_CONTEXT) {
		FUZZ_ASSERT(!memcmp(before->pending, v->pending, sizeof(v->pending)));
		FUZZ_ASSERT(n_complete == completes);
		return;
	}
	c = (unsigned)((off - VPLIC_CONTEXT) / VPLIC_CONTEXT_STRIDE);
	if (n_complete != completes) {	/* a passthrough ID left service */
		FUZZ_ASSERT(n_complete == completes + 1);
		FUZZ_ASSERT(c < v->nr_ctx && (off - VPLIC_CONTEXT) % VPLIC_CONTEXT_STRIDE ==
			    VPLIC_CLAIM && last_complete == (uint32_t)val);
		FUZZ_ASSERT(test(before->active, last_complete) && !test(v->active, last_complete));
	}
}

/* Nothing but the lock's counters changed (taken and released: only
 * out of range is the lock not taken at all). */
static bool unchanged(struct vplic *before, const struct vplic *v, bool locked)
{
	if (locked)
		before->lock = v->lock;
	return !memcmp(before, v, sizeof(*v));
}

/* The trap path's short way for a vhart's own context: vplic_claim() (or
 * vplic_claim_to(), an odd ctx) as a claim read of context ctx's register, vplic_complete() as a write of
 * id to it (any ctx: out of range, nothing changes). */
static void op_claim(struct vplic *v, unsigned ctx, struct vplic *before)
{
	uint32_t id;

	memcpy(before, v, sizeof(*v));
	if (ctx & 1) {		/* vplic_claim_to(): the same, into a register */
		unsigned long reg = ~0UL;

		FUZZ_ASSERT(vplic_claim_to(v, ctx, &reg) == 0 && reg <= UINT32_MAX);
		id = (uint32_t)reg;
	} else {
		id = vplic_claim(v, ctx);
	}
	check_claim(before, v, VPLIC_CONTEXT + (uint64_t)ctx * VPLIC_CONTEXT_STRIDE + VPLIC_CLAIM,
		    id);
	if (!id)
		FUZZ_ASSERT(unchanged(before, v, ctx < before->nr_ctx));
}

static void op_complete(struct vplic *v, unsigned ctx, uint32_t id, struct vplic *before)
{
	unsigned completes = n_complete;
	bool ends;

	memcpy(before, v, sizeof(*v));
	vplic_complete(v, ctx, id);
	ends = ctx < before->nr_ctx && test(before->active, id);
	if (!ends) {
		FUZZ_ASSERT(unchanged(before, v, ctx < before->nr_ctx) && n_complete == completes);
		return;
	}
	FUZZ_ASSERT(!test(v->active, id));
	FUZZ_ASSERT(n_complete == completes + test(before->hw, id));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	struct vplic *v = malloc(sizeof(*v)), *before = malloc(sizeof(*v));
	unsigned nr_ctx = in_u8(&in) % (VPLIC_MAX_CTX + 4), nr_irqs = in_u8(&in) % 32;

	cur = v;
	memset(eip_seen, 0, sizeof(eip_seen));
	n_complete = 0;
	vplic_init(v, nr_ctx, &ops, &cur);
	FUZZ_ASSERT(v->nr_ctx == (nr_ctx < VPLIC_MAX_CTX ? nr_ctx : VPLIC_MAX_CTX));
	for (unsigned i = 0; i < nr_irqs; i++) {
		uint8_t b = in_u8(&in);
		uint32_t irq = b & 0x7f;

		if (b == 0xff)
			irq = in_u32(&in);
		FUZZ_ASSERT(vplic_add_irq(v, irq, in_u8(&in) & 1) ==
			    (irq == 0 || irq >= VPLIC_MAX_IRQS ? -1 : 0));
	}
	invariants(v);

	while (in.n) {
		uint8_t op = in_u8(&in);
		uint32_t irq = in_u8(&in);

		if (irq >= 0xfe)
			irq = in_u32(&in);	/* any ID, out of range too */
		switch (op % 5) {
		case 0:
			if (op & 0x40)
				op_claim(v, irq, before);	/* irq: any context */
			else
				op_read(v, &in, before);
			break;
		case 1:
			op_write(v, &in, before);
			break;
		case 2:
			memcpy(before, v, sizeof(*v));
			vplic_set_pending(v, irq);
			if (test(v->owned, irq) && !test(before->active, irq))
				FUZZ_ASSERT(test(v->pending, irq));
			break;
		case 3:
			memcpy(before, v, sizeof(*v));
			vplic_set_level(v, irq, op & 0x80);
			if (test(v->owned, irq) && !test(v->hw, irq) && !test(before->active, irq))
				FUZZ_ASSERT(test(v->pending, irq) == !!(op & 0x80));
			break;
		default:	/* a guest completing what it claimed, the usual way */
			if (op & 0x40)
				op_complete(v, in_u8(&in), irq, before);
			else
				vplic_write(v, VPLIC_CONTEXT + VPLIC_CLAIM +
					    VPLIC_CONTEXT_STRIDE * (op % 8), 4, irq);
			break;
		}
		invariants(v);
	}
	free(before);
	free(v);
	return 0;
}
