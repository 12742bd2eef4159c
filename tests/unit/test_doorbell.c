// SPDX-License-Identifier: GPL-2.0-only
/*
 * The doorbell model: rings counted, never lost while the peer runs,
 * dropped while it does not (even when the ring races with its stop), the
 * line following the count on the owner's side only, and the guest's
 * window refusing what it should.  Two threads ringing while a third
 * acknowledges check the counting under contention.  With a try_irq (the
 * AIA's direct path) the ringer drives the peer's line itself, under the
 * peer's lock taken by try-lock only, falls back to the wake-up when that
 * or the controller is busy (counted), and never touches the line of a
 * peer whose reset has run until it opens again.  take_ring answers
 * only what it took.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <fv/doorbell.h>
#include <fv/layout.h>
#include "test.h"

static struct doorbell *a, *b;		/* a rings b and back */
static int wakes_a, wakes_b, bad_wake_arg;
static int edges, bad_edges, irq_unlocked;
static bool level_b;

static void wake(void *arg)
{
	if (arg == a)
		__atomic_fetch_add(&wakes_a, 1, __ATOMIC_RELAXED);
	else if (arg == b)
		__atomic_fetch_add(&wakes_b, 1, __ATOMIC_RELAXED);
	else
		bad_wake_arg++;
}

/* b's line; a's is never raised in these tests but through b's peer */
static void irq(void *arg, bool level)
{
	struct doorbell *d = arg;

	if (!spin_is_locked(&d->lock))
		irq_unlocked++;
	if (d == b) {
		bad_edges += level == level_b;
		level_b = level;
	}
	edges++;
}

/* b's line from the ringer's side: as irq(), or busy when told */
static int try_busy, try_calls, try_after_reset;
static volatile bool b_reset_done;

static int try_irq(void *arg, bool level)
{
	if (__atomic_load_n(&b_reset_done, __ATOMIC_ACQUIRE))
		try_after_reset++;
	if (try_busy)
		return 0;
	try_calls++;
	irq(arg, level);
	return 1;
}

static void setup(void)
{
	free(a);
	free(b);
	/* heap, exact size: ASan sees any access outside them */
	a = malloc(sizeof(*a));
	b = malloc(sizeof(*b));
	doorbell_init(a, irq, a, wake, a);
	doorbell_init(b, irq, b, wake, b);
	doorbell_pair(a, b);
	wakes_a = wakes_b = edges = 0;
	try_busy = try_calls = 0;
	level_b = false;
}

static void test_closed_and_unpaired(void)
{
	struct doorbell lone;

	setup();
	/* b's cell is not running: the ring is dropped, nothing of b moves */
	CHECK_EQ(doorbell_ring(a), 0);
	CHECK_EQ(b->rx, 0);
	CHECK_EQ(wakes_b, 0);
	CHECK_EQ(a->stats.dropped, 1);
	CHECK_EQ(a->stats.rung, 0);
	doorbell_init(&lone, irq, &lone, wake, &lone);
	CHECK_EQ(doorbell_ring(&lone), 0);
	CHECK_EQ(lone.stats.dropped, 1);
	CHECK(a->peer == b && b->peer == a);
}

static void test_ring_and_ack(void)
{
	setup();
	doorbell_open(a);
	doorbell_open(b);
	CHECK_EQ(doorbell_ring(a), 1);
	CHECK_EQ(doorbell_pending(b), 1);
	CHECK_EQ(doorbell_pending(a), 0);
	CHECK_EQ(wakes_b, 1);
	CHECK_EQ(wakes_a, 0);
	CHECK_EQ(a->stats.rung, 1);
	/* the ringer does not touch b's line: b's own hart does */
	CHECK_EQ(edges, 0);
	doorbell_sync(b);
	CHECK(level_b);
	CHECK_EQ(edges, 1);
	doorbell_sync(b);
	CHECK_EQ(edges, 1);			/* edges only */

	doorbell_ring(a);
	doorbell_ring(a);
	CHECK_EQ(doorbell_pending(b), 3);
	CHECK_EQ(wakes_b, 3);
	CHECK_EQ(doorbell_ack(b, 1), 1);
	doorbell_sync(b);
	CHECK(level_b);				/* two left */
	CHECK_EQ(doorbell_ack(b, 0), 0);
	CHECK_EQ(doorbell_ack(b, 5), 2);	/* no more than there are */
	CHECK_EQ(doorbell_pending(b), 0);
	CHECK_EQ(b->stats.acked, 3);
	doorbell_sync(b);
	CHECK(!level_b);
	CHECK_EQ(edges, 2);
	/* and the other way */
	CHECK_EQ(doorbell_ring(b), 1);
	CHECK_EQ(doorbell_pending(a), 1);
	CHECK_EQ(wakes_a, 1);
}

static void test_saturates(void)
{
	setup();
	doorbell_open(b);
	b->rx = DOORBELL_OPEN | (DOORBELL_COUNT_MAX - 1);
	CHECK_EQ(doorbell_ring(a), 1);
	CHECK_EQ(doorbell_pending(b), 0xffffffffu);
	CHECK_EQ(doorbell_ring(a), 1);		/* taken, the count stays */
	CHECK_EQ(doorbell_pending(b), 0xffffffffu);
	CHECK(b->rx & DOORBELL_OPEN);
	CHECK_EQ(doorbell_ack(b, 1), 1);
	CHECK_EQ(doorbell_pending(b), 0xfffffffeu);
	CHECK_EQ(doorbell_ack(b, 0xffffffffu), 0xfffffffeu);
	CHECK_EQ(b->rx, DOORBELL_OPEN);
}

static void test_stop_and_reset(void)
{
	setup();
	doorbell_open(b);
	doorbell_ring(a);
	doorbell_sync(b);
	CHECK(level_b);
	/* b's cell stops: its count goes, rings are dropped from now on */
	doorbell_close(b);
	CHECK_EQ(doorbell_pending(b), 0);
	CHECK_EQ(doorbell_ring(a), 0);
	CHECK_EQ(b->rx, 0);
	CHECK_EQ(a->stats.dropped, 1);
	/* its reset lowers the line, under the lock */
	doorbell_reset(b);
	CHECK(!level_b);
	CHECK_EQ(b->rx, 0);
	CHECK(!spin_is_locked(&b->lock));
	CHECK_EQ(a->stats.rung, 1);		/* statistics stay */
	/* started again: rings count from 0 */
	doorbell_open(b);
	CHECK_EQ(doorbell_ring(a), 1);
	CHECK_EQ(doorbell_pending(b), 1);
	/* a reset of an open doorbell closes it too */
	doorbell_sync(b);
	doorbell_reset(b);
	CHECK(!level_b);
	CHECK_EQ(doorbell_ring(a), 0);
}

static int rd(struct emu_dev *e, uint64_t off, unsigned width, uint64_t *val)
{
	*val = 0xdeadbeef;
	return doorbell_emu_ops.read(e, off, width, val);
}

static void test_window(void)
{
	struct emu_dev ea = { .ops = &doorbell_emu_ops, .state = NULL };
	struct emu_dev eb = { .ops = &doorbell_emu_ops, .state = NULL };
	uint64_t v;

	setup();
	ea.state = a;
	eb.state = b;
	doorbell_open(a);
	doorbell_open(b);
	/* any value rings */
	CHECK_EQ(doorbell_emu_ops.write(&ea, DOORBELL_RING, 4, 0), 0);
	CHECK_EQ(doorbell_emu_ops.write(&ea, DOORBELL_RING, 4, 0xffffffff), 0);
	CHECK_EQ(doorbell_pending(b), 2);
	CHECK_EQ(edges, 0);
	CHECK_EQ(rd(&eb, DOORBELL_STATUS, 4, &v), 0);
	CHECK_EQ(v, 2);
	CHECK(level_b);				/* b's access brings its line up to date */
	CHECK_EQ(rd(&eb, DOORBELL_RING, 4, &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(rd(&eb, DOORBELL_ACK, 4, &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(rd(&eb, 0xffc, 4, &v), 0);
	CHECK_EQ(v, 0);
	/* writes to STATUS and unknown offsets do nothing */
	CHECK_EQ(doorbell_emu_ops.write(&eb, DOORBELL_STATUS, 4, 0), 0);
	CHECK_EQ(doorbell_emu_ops.write(&eb, 0x10, 4, 7), 0);
	CHECK_EQ(doorbell_pending(b), 2);
	CHECK_EQ(doorbell_pending(a), 0);
	/* ACK takes the value as a count; the line drops with the last */
	CHECK_EQ(doorbell_emu_ops.write(&eb, DOORBELL_ACK, 4, 1), 0);
	CHECK(level_b);
	CHECK_EQ(doorbell_emu_ops.write(&eb, DOORBELL_ACK, 4, 0xffffffff), 0);
	CHECK(!level_b);
	CHECK_EQ(doorbell_pending(b), 0);
	/* only naturally aligned 32-bit accesses inside the window */
	CHECK_EQ(rd(&eb, DOORBELL_STATUS, 1, &v), -1);
	CHECK_EQ(rd(&eb, DOORBELL_STATUS, 2, &v), -1);
	CHECK_EQ(rd(&eb, DOORBELL_RING, 8, &v), -1);
	CHECK_EQ(rd(&eb, 2, 4, &v), -1);
	CHECK_EQ(rd(&eb, DOORBELL_WINDOW, 4, &v), -1);
	CHECK_EQ(rd(&eb, ~0ULL - 3, 4, &v), -1);
	CHECK_EQ(doorbell_emu_ops.write(&ea, DOORBELL_RING, 1, 1), -1);
	CHECK_EQ(doorbell_emu_ops.write(&ea, DOORBELL_RING, 8, 1), -1);
	CHECK_EQ(doorbell_emu_ops.write(&ea, 1, 4, 1), -1);
	CHECK_EQ(doorbell_emu_ops.write(&ea, DOORBELL_WINDOW + DOORBELL_RING, 4, 1), -1);
	CHECK_EQ(doorbell_pending(b), 0);	/* none of them rang */
	CHECK_EQ(a->stats.rung, 2);
}


/* ---- the direct path (try_irq) and the one-call take */

static void test_direct(void)
{
	setup();
	doorbell_set_try_irq(b, try_irq);
	doorbell_open(a);
	doorbell_open(b);
	CHECK_EQ(doorbell_ring(a), 1);
	CHECK(level_b);				/* raised by the ringer */
	CHECK_EQ(try_calls, 1);
	CHECK_EQ(wakes_b, 0);
	CHECK_EQ(a->stats.direct, 1);
	CHECK_EQ(doorbell_ring(a), 1);		/* still high: nothing to send */
	CHECK_EQ(try_calls, 1);
	CHECK_EQ(a->stats.direct, 2);
	doorbell_sync(b);
	CHECK_EQ(edges, 1);
	/* take: both rings, the line falls */
	CHECK_EQ(doorbell_take(b), 2);
	CHECK(!level_b);
	CHECK_EQ(b->stats.acked, 2);
	CHECK_EQ(doorbell_pending(b), 0);
	CHECK_EQ(doorbell_take(b), 0);
	CHECK_EQ(edges, 2);
	/* b's lock busy (its own hart is at it): left to b's hart, counted */
	spin_lock(&b->lock);
	CHECK_EQ(doorbell_ring(a), 1);
	spin_unlock(&b->lock);
	CHECK(!level_b);
	CHECK_EQ(wakes_b, 1);
	CHECK_EQ(a->stats.busy, 1);
	doorbell_sync(b);
	CHECK(level_b);
	CHECK_EQ(doorbell_take(b), 1);
	/* the controller busy: the same */
	try_busy = 1;
	CHECK_EQ(doorbell_ring(a), 1);
	CHECK(!level_b);
	CHECK(!b->irq_out);			/* not set: the owner will */
	CHECK_EQ(wakes_b, 2);
	CHECK_EQ(a->stats.busy, 2);
	try_busy = 0;
	doorbell_sync(b);
	CHECK(level_b);
	/* a closed peer: dropped, its line untouched */
	doorbell_reset(b);
	CHECK(!level_b);
	try_calls = 0;
	CHECK_EQ(doorbell_ring(a), 0);
	CHECK_EQ(try_calls, 0);
	CHECK_EQ(a->stats.direct, 2);
	/* no try_irq (a's side): as before, by the wake-up */
	CHECK_EQ(doorbell_ring(b), 1);
	CHECK_EQ(wakes_a, 1);
	CHECK_EQ(b->stats.direct + b->stats.busy, 0);
}

/* A ring that lands while a take lowers the line (b's lock held): its
 * ringer cannot raise it and leaves it to b's hart, whose sync does. */
static bool ring_inside;

static void irq_rings(void *arg, bool level)
{
	irq(arg, level);
	if (ring_inside) {
		ring_inside = false;
		doorbell_ring(a);	/* b's lock is held: left to the wake-up */
	}
}

static void test_take_race(void)
{
	setup();
	doorbell_init(b, irq_rings, b, wake, b);
	doorbell_pair(a, b);
	doorbell_set_try_irq(b, try_irq);
	doorbell_open(b);
	doorbell_ring(a);
	CHECK(level_b);
	ring_inside = true;
	CHECK_EQ(doorbell_take(b), 1);
	CHECK_EQ(doorbell_pending(b), 1);
	CHECK(!level_b);
	CHECK_EQ(edges, 2);
	CHECK_EQ(wakes_b, 1);
	CHECK_EQ(a->stats.busy, 1);
	doorbell_sync(b);			/* the wake-up: a new rise */
	CHECK(level_b);
	CHECK_EQ(edges, 3);
	CHECK_EQ(doorbell_take(b), 1);
	CHECK(!level_b);
}

/* take_ring: b takes a's rings and rings a back, only if it took any;
 * the same doorbell may be taken and rung (b's own peer is a). */
static void test_take_ring(void)
{
	setup();
	doorbell_open(a);
	doorbell_open(b);
	CHECK_EQ(doorbell_take_ring(b, b), 0);	/* nothing taken: nothing rung */
	CHECK_EQ(doorbell_pending(a), 0);
	CHECK_EQ(b->stats.rung + b->stats.dropped, 0);
	CHECK_EQ(wakes_a, 0);
	doorbell_ring(a);
	doorbell_ring(a);
	doorbell_sync(b);
	CHECK(level_b);
	CHECK_EQ(doorbell_take_ring(b, b), 2);	/* both taken, one ring back */
	CHECK(!level_b);
	CHECK_EQ(doorbell_pending(b), 0);
	CHECK_EQ(b->stats.acked, 2);
	CHECK_EQ(doorbell_pending(a), 1);
	CHECK_EQ(b->stats.rung, 1);
	CHECK_EQ(wakes_a, 1);
	/* the answer to a stopped peer: dropped, the take still counts */
	doorbell_reset(a);
	doorbell_ring(a);
	CHECK_EQ(doorbell_take_ring(b, b), 1);
	CHECK_EQ(b->stats.dropped, 1);
	CHECK_EQ(doorbell_pending(a), 0);
}

/* ---- under contention */

#define RINGS 200000

static volatile bool stop_acking;

static void *ringer(void *arg)
{
	(void)arg;
	for (int i = 0; i < RINGS; i++)
		doorbell_ring(a);
	return NULL;
}

static void *acker(void *arg)
{
	uint64_t *acked = arg;

	for (unsigned i = 0; !__atomic_load_n(&stop_acking, __ATOMIC_ACQUIRE); i++) {
		if (i % 2) {
			*acked += doorbell_take(b);
			continue;
		}
		*acked += doorbell_ack(b, 3);
		doorbell_sync(b);
	}
	return NULL;
}

static void test_contention(void)
{
	pthread_t r1, r2, ack;
	uint64_t acked = 0;

	setup();
	doorbell_open(b);
	stop_acking = false;
	pthread_create(&ack, NULL, acker, &acked);
	pthread_create(&r1, NULL, ringer, NULL);
	pthread_create(&r2, NULL, ringer, NULL);
	pthread_join(r1, NULL);
	pthread_join(r2, NULL);
	__atomic_store_n(&stop_acking, true, __ATOMIC_RELEASE);
	pthread_join(ack, NULL);
	/* none lost, none twice */
	CHECK_EQ(a->stats.rung, 2 * RINGS);
	CHECK_EQ(a->stats.dropped, 0);
	CHECK_EQ(acked + doorbell_pending(b), 2 * RINGS);
	CHECK_EQ(b->stats.acked, acked);
	CHECK_EQ(wakes_b, 2 * RINGS);
	CHECK_EQ(bad_edges, 0);
	CHECK_EQ(irq_unlocked, 0);
}

/* The same with the direct path: every ring is either driven by its
 * ringer or left to a wake-up, and once the owner syncs, the line is what
 * the count says. */
static void test_contention_direct(void)
{
	pthread_t r1, r2, ack;
	uint64_t acked = 0;

	setup();
	doorbell_set_try_irq(b, try_irq);
	doorbell_open(b);
	stop_acking = false;
	pthread_create(&ack, NULL, acker, &acked);
	pthread_create(&r1, NULL, ringer, NULL);
	pthread_create(&r2, NULL, ringer, NULL);
	pthread_join(r1, NULL);
	pthread_join(r2, NULL);
	__atomic_store_n(&stop_acking, true, __ATOMIC_RELEASE);
	pthread_join(ack, NULL);
	CHECK_EQ(a->stats.rung, 2 * RINGS);
	CHECK_EQ(a->stats.direct + a->stats.busy, 2 * RINGS);
	CHECK_EQ(wakes_b, a->stats.busy);
	CHECK_EQ(acked + doorbell_pending(b), 2 * RINGS);
	doorbell_sync(b);
	CHECK_EQ(level_b, doorbell_pending(b) != 0);
	CHECK_EQ(bad_edges, 0);
	CHECK_EQ(irq_unlocked, 0);
}

/* Rings by the direct path racing with the peer's restart (close, reset,
 * open): none reaches the peer's line between its reset and its open. */
static void *restarter(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20000; i++) {
		doorbell_close(b);
		doorbell_reset(b);
		__atomic_store_n(&b_reset_done, true, __ATOMIC_RELEASE);
		CHECK(!level_b);
		__atomic_store_n(&b_reset_done, false, __ATOMIC_RELEASE);
		doorbell_open(b);
		doorbell_take(b);
	}
	return NULL;
}

static void test_restart_race(void)
{
	pthread_t r, c;

	setup();
	doorbell_set_try_irq(b, try_irq);
	doorbell_open(b);
	pthread_create(&c, NULL, restarter, NULL);
	pthread_create(&r, NULL, ringer, NULL);
	pthread_join(r, NULL);
	pthread_join(c, NULL);
	CHECK_EQ(try_after_reset, 0);
	CHECK_EQ(a->stats.rung + a->stats.dropped, RINGS);
	CHECK(a->stats.direct > 0);
	CHECK_EQ(bad_edges, 0);
	CHECK_EQ(irq_unlocked, 0);
}

/* Rings racing with the peer's stop: each is counted or dropped, and
 * none is left in the count once it is closed. */
static void *closer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 1000; i++) {
		doorbell_open(b);
		doorbell_close(b);
	}
	return NULL;
}

static void test_close_race(void)
{
	pthread_t r, c;

	setup();
	pthread_create(&c, NULL, closer, NULL);
	pthread_create(&r, NULL, ringer, NULL);
	pthread_join(r, NULL);
	pthread_join(c, NULL);
	CHECK_EQ(a->stats.rung + a->stats.dropped, RINGS);
	CHECK_EQ(b->rx, 0);
	CHECK_EQ(doorbell_ring(a), 0);
	CHECK_EQ(wakes_b, a->stats.rung);
}

int main(void)
{
	test_closed_and_unpaired();
	test_ring_and_ack();
	test_saturates();
	test_stop_and_reset();
	test_window();
	test_direct();
	test_take_race();
	test_take_ring();
	test_contention();
	test_contention_direct();
	test_close_race();
	test_restart_race();
	CHECK_EQ(bad_wake_arg, 0);
	CHECK_EQ(bad_edges, 0);
	CHECK_EQ(irq_unlocked, 0);
	free(a);
	free(b);
	return test_report("test_doorbell");
}
