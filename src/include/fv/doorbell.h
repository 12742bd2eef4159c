/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A doorbell: one end of a channel between two cells that share a memory
 * region (see EMU_DOORBELL in <fv/layout.h> for what the guest sees).
 *
 * Ringing must never make one cell wait for another, nor let it touch the
 * other's interrupt controller.  So the ringing hart only adds one to an
 * atomic word of the peer's doorbell and asks the peer's `wake` callback
 * to bring the peer's line up to date; the line itself is driven by the
 * peer's own harts (doorbell_sync), under the peer doorbell's lock, which
 * only they take.
 *
 * The word `rx` holds the count of rings received and not acknowledged
 * (low 32 bits, saturating at 0xffffffff) and DOORBELL_OPEN, set while
 * the owning cell runs.  A ring adds to the count only while the bit is
 * set, in one compare-and-swap, so a ring that races with the cell
 * stopping is either counted before the count is cleared or dropped: it
 * never survives into the cell's next start.
 *
 * Pure: no hypervisor services but the lock; host-tested in
 * tests/unit/test_doorbell.c.
 */
#ifndef FV_DOORBELL_H
#define FV_DOORBELL_H

#include <fv/emul.h>
#include <fv/spinlock.h>
#include <fv/types.h>

#define DOORBELL_OPEN		(1ULL << 32)
#define DOORBELL_COUNT_MAX	0xffffffffULL

struct doorbell_stats {
	uint64_t rung;		/* rings this end sent that the peer took */
	uint64_t dropped;	/* rings this end sent to a peer not running */
	uint64_t acked;		/* rings this end's guest acknowledged */
};

struct doorbell {
	uint64_t rx;			/* DOORBELL_OPEN | count; atomics only */
	struct doorbell *peer;		/* the other end, or NULL */
	/* Ask a hart of this end's cell to call doorbell_sync(); from any
	 * hart, must not wait. */
	void (*wake)(void *arg);
	void *wake_arg;
	/* the owner's side: its harts only, under `lock` */
	spinlock_t lock;
	void (*irq)(void *arg, bool level);	/* the cell's interrupt line */
	void *irq_arg;
	bool irq_out;			/* the level last given to irq() */
	struct doorbell_stats stats;	/* atomics */
};

/* Once, at boot: closed, no peer, count 0.  `irq` and `wake` as above. */
void doorbell_init(struct doorbell *d, void (*irq)(void *arg, bool level), void *irq_arg,
		   void (*wake)(void *arg), void *wake_arg);
/* Once, at boot, after both ends exist. */
void doorbell_pair(struct doorbell *a, struct doorbell *b);

/* Ring the peer: 1 if it took the ring, 0 if it was dropped (no peer, or
 * the peer's cell is not running).  Any hart of the ringing cell. */
int doorbell_ring(struct doorbell *d);
/* Rings received and not acknowledged (what DOORBELL_STATUS reads). */
uint32_t doorbell_pending(const struct doorbell *d);
/* Acknowledge `n` of them (at most all); returns how many were. */
uint32_t doorbell_ack(struct doorbell *d, uint32_t n);

/* The owning cell starts (takes rings from now on) or stops (drops them;
 * the count goes). */
void doorbell_open(struct doorbell *d);
void doorbell_close(struct doorbell *d);
/* On the owning cell's hart: the line follows the count (high while any
 * ring is pending).  Takes the lock. */
void doorbell_sync(struct doorbell *d);
/* A restart: closed, count 0, line low; under the lock, never
 * re-initialised.  The statistics stay. */
void doorbell_reset(struct doorbell *d);

/* The guest's accesses to the window; emu_dev->state is the doorbell.
 * 32-bit naturally aligned accesses only (others are refused); unknown
 * offsets read 0 and ignore writes. */
extern const struct emu_ops doorbell_emu_ops;

#endif
