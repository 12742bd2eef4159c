// SPDX-License-Identifier: GPL-2.0-only
/*
 * The doorbell model (see <fv/doorbell.h>): a ring is one atomic add on
 * the peer's word, then the peer's line brought up to date by the ringing
 * hart under try-locks, or by a wake-up of the peer's own hart, so a cell
 * rings another without ever waiting for it.
 */
#include <fv/compiler.h>
#include <fv/doorbell.h>
#include <fv/layout.h>

#define COUNT(w)	((w) & DOORBELL_COUNT_MAX)

void doorbell_init(struct doorbell *d, void (*irq)(void *arg, bool level), void *irq_arg,
		   void (*wake)(void *arg), void *wake_arg)
{
	*d = (struct doorbell){
		.lock = SPINLOCK_INIT,
		.irq = irq, .irq_arg = irq_arg,
		.wake = wake, .wake_arg = wake_arg,
	};
}

void doorbell_set_try_irq(struct doorbell *d, int (*try_irq)(void *arg, bool level))
{
	d->try_irq = try_irq;
}

void doorbell_pair(struct doorbell *a, struct doorbell *b)
{
	a->peer = b;
	b->peer = a;
}

/* Add one ring to `d` if its cell is running; false if it is not. */
static bool take_ring(struct doorbell *d)
{
	uint64_t old = __atomic_load_n(&d->rx, __ATOMIC_RELAXED), new;

	do {
		if (!(old & DOORBELL_OPEN))
			return false;
		new = COUNT(old) == DOORBELL_COUNT_MAX ? old : old + 1;
	} while (!__atomic_compare_exchange_n(&d->rx, &old, new, false,
					      __ATOMIC_RELEASE, __ATOMIC_RELAXED));
	return true;
}

/*
 * From the ringing hart: the peer's line as its count says, if nobody
 * holds the peer's lock and its controller takes the change at once.
 * 1 done (or nothing to do: the peer closed meanwhile, and its reset,
 * which waits for this lock, lowers the line), 0 busy, -1 not possible.
 * The open bit is read under the lock: see <fv/doorbell.h>.
 */
static int try_sync(struct doorbell *p)
{
	int r = 1;
	bool level;

	if (!p->try_irq)
		return -1;
	if (!spin_trylock(&p->lock))
		return 0;
	level = doorbell_pending(p) != 0;
	if ((__atomic_load_n(&p->rx, __ATOMIC_ACQUIRE) & DOORBELL_OPEN) && level != p->irq_out) {
		r = p->try_irq(p->irq_arg, level);
		if (r > 0)
			p->irq_out = level;
	}
	spin_unlock(&p->lock);
	return r;
}

int doorbell_ring(struct doorbell *d)
{
	struct doorbell *p = d->peer;
	int r;

	if (!p || !take_ring(p)) {
		__atomic_fetch_add(&d->stats.dropped, 1, __ATOMIC_RELAXED);
		return 0;
	}
	__atomic_fetch_add(&d->stats.rung, 1, __ATOMIC_RELAXED);
	r = try_sync(p);
	if (r > 0) {
		__atomic_fetch_add(&d->stats.direct, 1, __ATOMIC_RELAXED);
		return 1;
	}
	if (r == 0)
		__atomic_fetch_add(&d->stats.busy, 1, __ATOMIC_RELAXED);
	if (p->wake)
		p->wake(p->wake_arg);
	return 1;
}

uint32_t doorbell_pending(const struct doorbell *d)
{
	return (uint32_t)COUNT(__atomic_load_n(&d->rx, __ATOMIC_ACQUIRE));
}

uint32_t doorbell_ack(struct doorbell *d, uint32_t n)
{
	uint64_t old = __atomic_load_n(&d->rx, __ATOMIC_RELAXED), new;
	uint32_t took;

	do {
		took = (uint32_t)MIN(COUNT(old), (uint64_t)n);
		new = old - took;
	} while (!__atomic_compare_exchange_n(&d->rx, &old, new, false,
					      __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
	__atomic_fetch_add(&d->stats.acked, took, __ATOMIC_RELAXED);
	return took;
}

void doorbell_open(struct doorbell *d)
{
	__atomic_fetch_or(&d->rx, DOORBELL_OPEN, __ATOMIC_SEQ_CST);
}

void doorbell_close(struct doorbell *d)
{
	__atomic_store_n(&d->rx, 0, __ATOMIC_SEQ_CST);
}

/* The line as the count says; the lock is held. */
static void sync_locked(struct doorbell *d)
{
	bool level = doorbell_pending(d) != 0;

	if (level == d->irq_out)
		return;
	d->irq_out = level;
	if (d->irq)
		d->irq(d->irq_arg, level);
}

void doorbell_sync(struct doorbell *d)
{
	spin_lock(&d->lock);
	sync_locked(d);
	spin_unlock(&d->lock);
}

void doorbell_reset(struct doorbell *d)
{
	spin_lock(&d->lock);
	doorbell_close(d);
	sync_locked(d);
	spin_unlock(&d->lock);
}

uint32_t doorbell_take(struct doorbell *d)
{
	uint32_t took;

	spin_lock(&d->lock);
	took = doorbell_ack(d, (uint32_t)DOORBELL_COUNT_MAX);
	/* rings since the count: the line goes low, then high again */
	if (took && d->irq_out && doorbell_pending(d)) {
		d->irq_out = false;
		if (d->irq)
			d->irq(d->irq_arg, false);
	}
	sync_locked(d);
	spin_unlock(&d->lock);
	return took;
}

/* The echo's one call: what came in is taken, then, if anything was, the
 * answer goes out (never a ring for nothing: see <fv/doorbell.h>). */
uint32_t doorbell_take_ring(struct doorbell *take, struct doorbell *ring)
{
	uint32_t took = doorbell_take(take);

	if (took)
		doorbell_ring(ring);
	return took;
}

/* ---------------------------------------------------------------- guest */

static int emu_read(struct emu_dev *e, uint64_t off, unsigned width, uint64_t *val)
{
	struct doorbell *d = e->state;

	if (width != 4 || (off & 3) || off >= DOORBELL_WINDOW)
		return -1;
	*val = off == DOORBELL_STATUS ? doorbell_pending(d) : 0;
	doorbell_sync(d);
	return 0;
}

static int emu_write(struct emu_dev *e, uint64_t off, unsigned width, uint64_t val)
{
	struct doorbell *d = e->state;

	if (width != 4 || (off & 3) || off >= DOORBELL_WINDOW)
		return -1;
	if (off == DOORBELL_RING)
		doorbell_ring(d);
	else if (off == DOORBELL_ACK)
		doorbell_ack(d, (uint32_t)val);
	doorbell_sync(d);
	return 0;
}

const struct emu_ops doorbell_emu_ops = { emu_read, emu_write };
