/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One hart's trace ring: fixed 32-byte records, written by that hart only
 * and without a lock, read by any hart while it goes on writing.  Each
 * record carries the low bits of its number in the ring's history; the
 * writer marks a record busy before it fills it, so a reader that finds
 * the number it expects before and after copying a record has a whole one,
 * and skips it otherwise (overwritten or being written meanwhile).
 * Kept apart from the events (trace.c) so the host tests can run it.
 */
#ifndef FV_TRACE_RING_H
#define FV_TRACE_RING_H

#include <fv/types.h>

struct trace_rec {
	uint32_t seq;		/* record number (low 31 bits); bit 31: busy */
	uint8_t type;		/* enum trace_type */
	uint8_t cell;		/* cell index, TRACE_NO_CELL for none */
	uint8_t vhart;
	uint8_t aux;		/* by type: MMIO width and direction, ... */
	uint64_t ts;		/* arch_trace_clock() */
	uint64_t a, b;		/* by type, see <fv/trace.h> */
};

#ifndef TRACE_RING_SIZE
#define TRACE_RING_SIZE	CONFIG_TRACE_ENTRIES
#endif

#define TRACE_SEQ_MASK	0x7fffffffU
#define TRACE_SEQ_BUSY	0x80000000U

struct trace_ring {
	uint64_t head;		/* records written so far (writer only) */
	uint64_t from;		/* readers show records >= from (trace clear) */
	unsigned slot;		/* head % TRACE_RING_SIZE, kept by the writer */
	struct trace_rec rec[TRACE_RING_SIZE];
};

/* The writer (the ring's own hart): append `in` (its seq is ignored). */
void trace_ring_put(struct trace_ring *r, const struct trace_rec *in);

/* Any hart: the oldest record number still worth trying and the next one
 * to be written; records in [*first, *end) may be read. */
void trace_ring_window(const struct trace_ring *r, uint64_t *first, uint64_t *end);

/* Any hart: copy record number `n` into `out`; false if it is not there
 * whole (overwritten, being written, or not written yet). */
bool trace_ring_get(const struct trace_ring *r, uint64_t n, struct trace_rec *out);

/* Any hart: hide what the ring holds now from later readers. */
void trace_ring_clear(struct trace_ring *r);

#endif
