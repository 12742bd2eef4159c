// SPDX-License-Identifier: GPL-2.0-only
/*
 * The per-hart trace ring: records come back in order with their numbers,
 * a ring that wrapped keeps only its last TRACE_RING_SIZE, a record being
 * written or overwritten is skipped, "clear" hides what was there, and a
 * reader racing a writer on another thread only ever gets whole records.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <fv/trace_ring.h>
#include "test.h"

static struct trace_ring ring;

/* A record whose every field derives from `n`, so a torn one shows. */
static void put_n(struct trace_ring *r, uint64_t n)
{
	struct trace_rec e = {
		.type = (uint8_t)(n % 7), .cell = (uint8_t)(n % 5), .vhart = (uint8_t)(n % 3),
		.aux = (uint8_t)n, .ts = n * 3, .a = ~n, .b = n * 0x9e3779b97f4a7c15ULL,
	};

	trace_ring_put(r, &e);
}

static bool whole(const struct trace_rec *e, uint64_t n)
{
	return e->type == n % 7 && e->cell == n % 5 && e->vhart == n % 3 &&
	       e->aux == (uint8_t)n && e->ts == n * 3 && e->a == ~n &&
	       e->b == n * 0x9e3779b97f4a7c15ULL && e->seq == (n & TRACE_SEQ_MASK);
}

static void test_order_and_wrap(void)
{
	struct trace_rec e;
	uint64_t first, end;

	memset(&ring, 0, sizeof(ring));
	trace_ring_window(&ring, &first, &end);
	CHECK_EQ(first, 0);
	CHECK_EQ(end, 0);
	CHECK(!trace_ring_get(&ring, 0, &e));	/* nothing written: slot 0 is not record 0 */

	for (uint64_t n = 0; n < 5; n++)
		put_n(&ring, n);
	trace_ring_window(&ring, &first, &end);
	CHECK_EQ(first, 0);
	CHECK_EQ(end, 5);
	for (uint64_t n = first; n < end; n++)
		CHECK(trace_ring_get(&ring, n, &e) && whole(&e, n));
	CHECK(!trace_ring_get(&ring, 5, &e));

	/* wrap around three times and a bit: only the last TRACE_RING_SIZE */
	for (uint64_t n = 5; n < 3 * TRACE_RING_SIZE + 3; n++)
		put_n(&ring, n);
	trace_ring_window(&ring, &first, &end);
	CHECK_EQ(end, 3 * TRACE_RING_SIZE + 3);
	CHECK_EQ(first, end - TRACE_RING_SIZE);
	for (uint64_t n = first; n < end; n++)
		CHECK(trace_ring_get(&ring, n, &e) && whole(&e, n));
	CHECK(!trace_ring_get(&ring, first - 1, &e));	/* overwritten */
	CHECK(!trace_ring_get(&ring, 0, &e));
}

static void test_torn_and_clear(void)
{
	struct trace_rec e;
	uint64_t first, end, n;

	memset(&ring, 0, sizeof(ring));
	for (n = 0; n < TRACE_RING_SIZE; n++)
		put_n(&ring, n);
	/* a writer in the middle of record n (overwriting record n - size):
	 * it marked the slot busy and wrote some fields */
	n = 2;
	ring.rec[n].seq = (uint32_t)(n + TRACE_RING_SIZE) | TRACE_SEQ_BUSY;
	ring.rec[n].a = 0;
	CHECK(!trace_ring_get(&ring, n, &e));
	CHECK(trace_ring_get(&ring, n + 1, &e) && whole(&e, n + 1));
	/* the writer finished it: the old record is gone, the new one is not
	 * readable before the head moves past it */
	ring.rec[n].seq = (uint32_t)(n + TRACE_RING_SIZE);
	CHECK(!trace_ring_get(&ring, n, &e));
	CHECK(!trace_ring_get(&ring, n + TRACE_RING_SIZE, &e));

	/* clear: what is there is hidden, what comes after is shown */
	memset(&ring, 0, sizeof(ring));
	for (n = 0; n < 3; n++)
		put_n(&ring, n);
	trace_ring_clear(&ring);
	trace_ring_window(&ring, &first, &end);
	CHECK_EQ(first, end);
	put_n(&ring, 3);
	trace_ring_window(&ring, &first, &end);
	CHECK_EQ(first, 3);
	CHECK_EQ(end, 4);
	CHECK(trace_ring_get(&ring, 3, &e) && whole(&e, 3));
}

/* ---- a writer thread and a reader racing it ---- */

#define RACE_RECORDS	2000000ULL
static volatile bool writer_done;

static void *writer(void *arg)
{
	(void)arg;
	for (uint64_t n = 0; n < RACE_RECORDS; n++)
		put_n(&ring, n);
	__atomic_store_n(&writer_done, true, __ATOMIC_RELEASE);
	return NULL;
}

static void test_race(void)
{
	pthread_t t;
	uint64_t got = 0, skipped = 0, bad = 0, out_of_order = 0;

	memset(&ring, 0, sizeof(ring));
	writer_done = false;
	pthread_create(&t, NULL, writer, NULL);
	while (!__atomic_load_n(&writer_done, __ATOMIC_ACQUIRE)) {
		uint64_t first, end, last = 0;
		struct trace_rec e;
		bool any = false;

		trace_ring_window(&ring, &first, &end);
		for (uint64_t n = first; n < end; n++) {
			if (!trace_ring_get(&ring, n, &e)) {
				skipped++;
				continue;
			}
			got++;
			bad += !whole(&e, n);
			out_of_order += any && e.ts <= last;
			last = e.ts;
			any = true;
		}
	}
	pthread_join(t, NULL);
	printf("trace ring race: %llu records read whole, %llu skipped\n",
	       (unsigned long long)got, (unsigned long long)skipped);
	CHECK(got > 0);
	CHECK_EQ(bad, 0);
	CHECK_EQ(out_of_order, 0);
}

int main(void)
{
	test_order_and_wrap();
	test_torn_and_clear();
	test_race();
	return test_report("test_trace_ring");
}
