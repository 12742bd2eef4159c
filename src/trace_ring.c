// SPDX-License-Identifier: GPL-2.0-only
/*
 * The per-hart trace ring's lock-free writer and readers (see
 * <fv/trace_ring.h>): a sequence number per record instead of a lock, so
 * the writing hart never waits and a reader on another hart never stops it.
 */
#include <fv/compiler.h>
#include <fv/trace_ring.h>

/*
 * The fields are written and read with plain single-copy accesses
 * (WRITE_ONCE, READ_ONCE) between fences, as a sequence lock does: an
 * atomic store per field costs an AMO on some targets, for nothing.
 */
void trace_ring_put(struct trace_ring *r, const struct trace_rec *in)
{
	uint64_t n = r->head;
	struct trace_rec *e = &r->rec[r->slot];
	uint32_t seq = (uint32_t)n & TRACE_SEQ_MASK;

	/* busy first, then the fields, then the number: a reader that sees
	 * the number before and after its copy has the fields of that record */
	WRITE_ONCE(e->seq, seq | TRACE_SEQ_BUSY);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	WRITE_ONCE(e->type, in->type);
	WRITE_ONCE(e->cell, in->cell);
	WRITE_ONCE(e->vhart, in->vhart);
	WRITE_ONCE(e->aux, in->aux);
	WRITE_ONCE(e->ts, in->ts);
	WRITE_ONCE(e->a, in->a);
	WRITE_ONCE(e->b, in->b);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	WRITE_ONCE(e->seq, seq);
	r->slot = r->slot + 1 == TRACE_RING_SIZE ? 0 : r->slot + 1;
	/* a reader that sees this before the number skips record n: no harm */
	WRITE_ONCE(r->head, n + 1);
}

void trace_ring_window(const struct trace_ring *r, uint64_t *first, uint64_t *end)
{
	uint64_t head = READ_ONCE(r->head);
	uint64_t from = READ_ONCE(r->from);
	uint64_t oldest = head > TRACE_RING_SIZE ? head - TRACE_RING_SIZE : 0;

	*first = from > oldest ? from : oldest;
	*end = head;
}

bool trace_ring_get(const struct trace_ring *r, uint64_t n, struct trace_rec *out)
{
	const struct trace_rec *e = &r->rec[n % TRACE_RING_SIZE];
	uint32_t want = (uint32_t)n & TRACE_SEQ_MASK;

	if (n >= READ_ONCE(r->head))
		return false;	/* not written yet: its slot holds an older one */
	if (READ_ONCE(e->seq) != want)
		return false;
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	out->type = READ_ONCE(e->type);
	out->cell = READ_ONCE(e->cell);
	out->vhart = READ_ONCE(e->vhart);
	out->aux = READ_ONCE(e->aux);
	out->ts = READ_ONCE(e->ts);
	out->a = READ_ONCE(e->a);
	out->b = READ_ONCE(e->b);
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	out->seq = want;
	return READ_ONCE(e->seq) == want;
}

void trace_ring_clear(struct trace_ring *r)
{
	WRITE_ONCE(r->from, READ_ONCE(r->head));
}
