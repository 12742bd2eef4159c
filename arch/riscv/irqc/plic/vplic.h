/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Virtual PLIC: one per cell, a pure state machine behind the cell's MMIO
 * window (register map of the RISC-V PLIC spec).  It has no hardware
 * access; the hypervisor drives it from the MMIO trap path and from its
 * physical-interrupt path, and it answers through struct vplic_ops.
 *
 * Contexts: exactly one per vhart; context k is vhart k's S-mode external
 * interrupt (VSEIP).  Interrupt IDs 1..VPLIC_MAX_IRQS-1; only the IDs the
 * cell owns (vplic_add_irq) exist for the guest.  Every other ID reads as 0
 * and ignores writes, so a guest can never enable, see or claim an
 * interrupt of another cell.
 *
 * Accesses: the registers are 32-bit; width 4 at a 4-byte aligned offset
 * works everywhere.  Width 8 at an 8-byte aligned offset is accepted below
 * the context region (priorities, pending, enables: no side effects) as two
 * 32-bit accesses, low word first; it is refused in the context region
 * (0x200000 and up) so that a 64-bit access never claims by accident.
 * Any other width or alignment, or an offset outside VPLIC_SIZE, returns -1.
 * Reserved offsets inside the window read 0 and ignore writes.
 *
 * Priorities and thresholds hold VPLIC_PRIO_BITS bits (like QEMU virt's
 * PLIC); writes are masked (WARL), so a guest probing with all-ones reads
 * back VPLIC_PRIO_MAX.
 *
 * Completion: a write of an owned, in-service ID to any context's
 * claim/complete register ends service, whatever the context's enables
 * (the spec lets a PLIC ignore completions of IDs the context has not
 * enabled; Linux's plic_irq_eoi copes either way).  Writes of other IDs are
 * ignored, so a passthrough ID is completed physically once per claim.
 *
 * Locking: one spinlock per vplic, taken by every entry point but the
 * reads of priorities, pending bits and enables, which read one word (or
 * two, for a 64-bit access) as it stands, the lock not needed for that;
 * `owned` and `hw` change only at boot.  All callbacks are called with
 * that lock held: they must not call back into the same vplic.  Lock order: an emulated device's lock (it calls
 * vplic_set_level) before the vplic lock, before whatever the callbacks
 * take.
 */
#ifndef FV_VPLIC_H
#define FV_VPLIC_H

#include <fv/emul.h>
#include <fv/spinlock.h>
#include <fv/types.h>

#define VPLIC_MAX_IRQS		128
#define VPLIC_MAX_CTX		16
#define VPLIC_SIZE		0x4000000
#define VPLIC_PRIO_BITS		3
#define VPLIC_PRIO_MAX		((1U << VPLIC_PRIO_BITS) - 1)

/* register map */
#define VPLIC_PRIORITY		0x0		/* + 4 * id */
#define VPLIC_PENDING		0x1000		/* + 4 * (id / 32) */
#define VPLIC_ENABLE		0x2000		/* + 0x80 * ctx + 4 * (id/32) */
#define VPLIC_ENABLE_STRIDE	0x80
#define VPLIC_CONTEXT		0x200000	/* + 0x1000 * ctx */
#define VPLIC_CONTEXT_STRIDE	0x1000
#define VPLIC_THRESHOLD		0x0		/* within a context */
#define VPLIC_CLAIM		0x4		/* within a context */

#define VPLIC_WORDS		(VPLIC_MAX_IRQS / 32)

struct vplic_ops {
	/* raise/lower VSEIP of vhart ctx; called on changes only */
	void (*set_eip)(void *arg, unsigned long ctx, bool on);
	/* the guest (un)enabled passthrough IRQ irq in context ctx */
	void (*hw_enable)(void *arg, unsigned ctx, uint32_t irq, bool on);
	/* the guest completed passthrough IRQ irq: complete it physically */
	void (*hw_complete)(void *arg, unsigned long irq);
};

struct vplic_ctx {
	uint32_t enable[VPLIC_WORDS];
	uint32_t threshold;
};

struct vplic {
	spinlock_t lock;
	unsigned nr_ctx;
	/* a copy of the callbacks, a missing one replaced by one that does
	 * nothing: a callback is one load and a jump, no test */
	struct vplic_ops ops;
	void *arg;
	uint32_t owned[VPLIC_WORDS];	/* IDs of this cell */
	uint32_t hw[VPLIC_WORDS];	/* ... of which passthrough */
	union {
		uint32_t pending[VPLIC_WORDS];
		uint64_t pending_words[VPLIC_WORDS / 2];	/* to test them all */
	};
	uint32_t active[VPLIC_WORDS];	/* claimed, not yet completed */
	uint32_t level[VPLIC_WORDS];	/* input level of emulated sources */
	uint8_t prio[VPLIC_MAX_IRQS];
	/* Per ID, the contexts (bit k: context k) in which it counts: those
	 * that enable it below its priority.  Kept up to date by every write
	 * of a priority, an enable or a threshold, so that a new request
	 * finds the outputs it raises with one load. */
	uint16_t route[VPLIC_MAX_IRQS];
	uint32_t eip;			/* bit k: the last level given to set_eip(k) */
	/* Per context, the ID a claim there would take now (0: none, and
	 * then exactly when its eip bit is clear).  Kept up to date by every
	 * change of the pending bits or of route[], so that a claim is one
	 * load. */
	union {
		uint8_t best[VPLIC_MAX_CTX];
		uint64_t best_words[VPLIC_MAX_CTX / 8];	/* to clear it */
	};
	struct vplic_ctx ctx[VPLIC_MAX_CTX];
};

/* Once, at boot: nr_ctx is clamped to VPLIC_MAX_CTX; ops (and each
 * callback) may be NULL */
void vplic_init(struct vplic *v, unsigned nr_ctx, const struct vplic_ops *ops,
		void *arg);
/* Back to the state after vplic_add_irq() at boot: the owned IDs stay,
 * everything a guest set or left pending goes (enables, priorities,
 * thresholds, pending and in-service IDs, levels).  Under the lock, which
 * is never initialised again; callbacks tell of lowered outputs and
 * disabled passthrough IDs. */
void vplic_reset(struct vplic *v);
/* The cell owns irq; hw: passthrough.  -1 if irq is 0 or out of range. */
int vplic_add_irq(struct vplic *v, uint32_t irq, bool hw);
/* Guest accesses; off is relative to the window.  0, or -1 if refused. */
int vplic_read(struct vplic *v, uint64_t off, unsigned width, uint64_t *val);
int vplic_write(struct vplic *v, uint64_t off, unsigned width, uint64_t val);
/* Context ctx's claim/complete register read (a claim: the ID, 0 if
 * none) and written (a completion of id), as vplic_read/vplic_write at
 * VPLIC_CONTEXT + ctx * VPLIC_CONTEXT_STRIDE + VPLIC_CLAIM with width 4
 * do them: the guest-page-fault path's short way for a vhart's own
 * context.  A ctx out of range claims nothing and completes nothing. */
uint32_t vplic_claim(struct vplic *v, unsigned ctx);
/* vplic_claim() that writes the ID, zero-extended, to *dst (before it
 * returns, with the lock held), and returns 0: the trap path's claim, a
 * tail call that writes the guest's register itself. */
int vplic_claim_to(struct vplic *v, unsigned long ctx, unsigned long *dst);
/* id: the 32-bit value written, zero-extended; returns 0 */
int vplic_complete(struct vplic *v, unsigned ctx, unsigned long id);
/* A passthrough IRQ the hypervisor claimed on the physical PLIC (an edge:
 * ignored while the ID is in service, or if the cell does not own it). */
void vplic_set_pending(struct vplic *v, uint32_t irq);
/* The input level of an emulated level-triggered source (ignored for
 * passthrough or unowned IDs).  Like QEMU's PLIC, a falling level also
 * withdraws a not-yet-claimed request, so a guest does not claim
 * interrupts its device no longer asserts. */
void vplic_set_level(struct vplic *v, uint32_t irq, bool level);

/* emu_dev adapters: emu_dev->state is the struct vplic */
extern const struct emu_ops vplic_emu_ops;

#endif
