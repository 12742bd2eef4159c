/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A doorbell: one end of a channel between two cells that share a memory
 * region (see EMU_DOORBELL in <fv/layout.h> for what the guest sees).
 *
 * Ringing must never make one cell wait for another.  So the ringing hart
 * adds one to an atomic word of the peer's doorbell, then brings the
 * peer's line up to date itself if the peer's interrupt controller can be
 * driven from another hart without waiting (`try_irq`, the AIA's virtual
 * APLIC) and nobody holds the peer doorbell's lock or that controller's
 * lock (try-locks only); else, or when either is busy (counted: `busy`),
 * it asks the peer's `wake` callback to have one of the peer's own harts
 * do it (doorbell_sync).  The line is only ever driven under the peer
 * doorbell's lock, and by a ringer only while the peer is open, checked
 * under that lock: doorbell_reset() takes it after the close, so once a
 * restart has reset the doorbell no ringer touches the peer's controller
 * or interrupt files until the cell is open again.
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
	uint64_t direct;	/* rings whose peer line this end's hart drove */
	uint64_t busy;		/* rings left to a peer hart: its lock was busy */
};

struct doorbell {
	uint64_t rx;			/* DOORBELL_OPEN | count; atomics only */
	struct doorbell *peer;		/* the other end, or NULL */
	/* Ask a hart of this end's cell to call doorbell_sync(); from any
	 * hart, must not wait. */
	void (*wake)(void *arg);
	void *wake_arg;
	/* the owner's side: its harts under `lock`, and a ringing hart that
	 * try-locked it (doorbell_ring) */
	spinlock_t lock;
	void (*irq)(void *arg, bool level);	/* the cell's interrupt line */
	/* The same line from any hart, never waiting: 1 set, 0 busy (try
	 * later on an own hart), -1 only the owner's harts can; NULL: -1. */
	int (*try_irq)(void *arg, bool level);
	void *irq_arg;
	bool irq_out;			/* the level last given to irq() */
	struct doorbell_stats stats;	/* atomics */
};

/* Once, at boot: closed, no peer, count 0.  `irq` and `wake` as above;
 * try_irq is set apart (doorbell_set_try_irq), NULL until then. */
void doorbell_init(struct doorbell *d, void (*irq)(void *arg, bool level), void *irq_arg,
		   void (*wake)(void *arg), void *wake_arg);
/* Once, at boot: the line may also be driven from the ringer's hart. */
void doorbell_set_try_irq(struct doorbell *d, int (*try_irq)(void *arg, bool level));
/* Once, at boot, after both ends exist. */
void doorbell_pair(struct doorbell *a, struct doorbell *b);

/* Ring the peer: 1 if it took the ring, 0 if it was dropped (no peer, or
 * the peer's cell is not running).  Any hart of the ringing cell. */
int doorbell_ring(struct doorbell *d);
/* Rings received and not acknowledged (what DOORBELL_STATUS reads). */
uint32_t doorbell_pending(const struct doorbell *d);
/* Acknowledge `n` of them (at most all); returns how many were. */
uint32_t doorbell_ack(struct doorbell *d, uint32_t n);
/* The guest's one-call handler (SBI): acknowledge every ring pending and
 * return how many; the line follows, on the owner's hart, under the lock.
 * If rings came between the count and the line update, the line falls
 * and rises again (the count did reach 0), so an edge-triggered or
 * MSI-mode level source sees a new rise: no ring waits unseen. */
uint32_t doorbell_take(struct doorbell *d);
/* Take every ring of `take` (as doorbell_take), then ring `ring` if at
 * least one was taken: an answer follows a request, never nothing, so
 * two cells that both answer this way cannot ring each other forever,
 * and a caller that took 0 and still has news rings by itself.  Returns
 * how many were taken; the ring's outcome shows in `ring`'s statistics
 * (rung or dropped).  `take` and `ring` may be the same doorbell (take
 * its rings, ring its peer back). */
uint32_t doorbell_take_ring(struct doorbell *take, struct doorbell *ring);

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
