/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ticket spinlock on the compiler's atomic builtins, which every target
 * architecture implements (amoadd on RISC-V).  Harts get the lock in the
 * order they asked for it, so a hart that takes it in a loop (a guest
 * printing without pause) cannot starve the others.  Used only off the
 * per-hart fast paths: console, cell lifecycle, device models.
 */
#ifndef FV_SPINLOCK_H
#define FV_SPINLOCK_H

#include <fv/compiler.h>
#include <fv/types.h>

typedef struct {
	volatile uint32_t next;		/* ticket of the next hart to ask */
	volatile uint32_t owner;	/* ticket now holding the lock */
} spinlock_t;

#define SPINLOCK_INIT { 0, 0 }

static inline void spin_lock(spinlock_t *l)
{
	uint32_t me = __atomic_fetch_add(&l->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != me)
		;
}

/* spin_lock() that adds the rounds it waited to *waits: for the locks
 * harts of different cells can take, whose waits the monitor shows. */
static inline void spin_lock_counted(spinlock_t *l, volatile uint64_t *waits)
{
	uint32_t me = __atomic_fetch_add(&l->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != me)
		(*waits)++;
}

static inline bool spin_trylock(spinlock_t *l)
{
	uint32_t owner = __atomic_load_n(&l->owner, __ATOMIC_RELAXED);
	uint32_t expect = owner;

	/* take the next ticket only if it would be served at once */
	return __atomic_compare_exchange_n(&l->next, &expect, owner + 1, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline bool spin_is_locked(const spinlock_t *l)
{
	return __atomic_load_n(&l->next, __ATOMIC_RELAXED) !=
	       __atomic_load_n(&l->owner, __ATOMIC_RELAXED);
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->owner, l->owner + 1, __ATOMIC_RELEASE);
}

#endif
