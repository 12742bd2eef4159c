// SPDX-License-Identifier: GPL-2.0-only
/*
 * The per-hart trace ring's lock-free writer and readers (see
 * <fv/trace_ring.h>): a sequence number per record instead of a lock, so
 * the writing hart never waits and a reader on another hart never stops it.
 */
#include <fv/trace_ring.h>

void trace_ring_put(struct trace_ring *r, const struct trace_rec *in)
{
	uint64_t n = r->head;
	struct trace_rec *e = &r->rec[r->slot];
	uint32_t seq = (uint32_t)n & TRACE_SEQ_MASK;

	/* busy first, then the fields, then the number: a reader that sees
	 * the number before and after its copy has the fields of that record */
	__atomic_store_n(&e->seq, seq | TRACE_SEQ_BUSY, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	__atomic_store_n(&e->type, in->type, __ATOMIC_RELAXED);
	__atomic_store_n(&e->cell, in->cell, __ATOMIC_RELAXED);
	__atomic_store_n(&e->vhart, in->vhart, __ATOMIC_RELAXED);
	__atomic_store_n(&e->aux, in->aux, __ATOMIC_RELAXED);
	__atomic_store_n(&e->ts, in->ts, __ATOMIC_RELAXED);
	__atomic_store_n(&e->a, in->a, __ATOMIC_RELAXED);
	__atomic_store_n(&e->b, in->b, __ATOMIC_RELAXED);
	__atomic_store_n(&e->seq, seq, __ATOMIC_RELEASE);
	r->slot = r->slot + 1 == TRACE_RING_SIZE ? 0 : r->slot + 1;
	__atomic_store_n(&r->head, n + 1, __ATOMIC_RELEASE);
}

void trace_ring_window(const struct trace_ring *r, uint64_t *first, uint64_t *end)
{
	uint64_t head = __atomic_load_n(&r->head, __ATOMIC_ACQUIRE);
	uint64_t from = __atomic_load_n(&r->from, __ATOMIC_RELAXED);
	uint64_t oldest = head > TRACE_RING_SIZE ? head - TRACE_RING_SIZE : 0;

	*first = from > oldest ? from : oldest;
	*end = head;
}

bool trace_ring_get(const struct trace_ring *r, uint64_t n, struct trace_rec *out)
{
	const struct trace_rec *e = &r->rec[n % TRACE_RING_SIZE];
	uint32_t want = (uint32_t)n & TRACE_SEQ_MASK;

	if (n >= __atomic_load_n(&r->head, __ATOMIC_ACQUIRE))
		return false;	/* not written yet: its slot holds an older one */
	if (__atomic_load_n(&e->seq, __ATOMIC_ACQUIRE) != want)
		return false;
	out->type = __atomic_load_n(&e->type, __ATOMIC_RELAXED);
	out->cell = __atomic_load_n(&e->cell, __ATOMIC_RELAXED);
	out->vhart = __atomic_load_n(&e->vhart, __ATOMIC_RELAXED);
	out->aux = __atomic_load_n(&e->aux, __ATOMIC_RELAXED);
	out->ts = __atomic_load_n(&e->ts, __ATOMIC_RELAXED);
	out->a = __atomic_load_n(&e->a, __ATOMIC_RELAXED);
	out->b = __atomic_load_n(&e->b, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	out->seq = want;
	return __atomic_load_n(&e->seq, __ATOMIC_RELAXED) == want;
}

void trace_ring_clear(struct trace_ring *r)
{
	__atomic_store_n(&r->from, __atomic_load_n(&r->head, __ATOMIC_ACQUIRE),
			 __ATOMIC_RELAXED);
}
