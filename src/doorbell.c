// SPDX-License-Identifier: GPL-2.0-only
/*
 * The doorbell model (see <fv/doorbell.h>): a ring is one atomic add on
 * the peer's word and a wake-up, so a cell rings another without waiting
 * for it and without touching anything of it but that word.
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

int doorbell_ring(struct doorbell *d)
{
	struct doorbell *p = d->peer;

	if (!p || !take_ring(p)) {
		__atomic_fetch_add(&d->stats.dropped, 1, __ATOMIC_RELAXED);
		return 0;
	}
	__atomic_fetch_add(&d->stats.rung, 1, __ATOMIC_RELAXED);
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
