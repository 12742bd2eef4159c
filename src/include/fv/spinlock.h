/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test-and-set spinlock on the compiler's atomic builtins, which every
 * target architecture implements (amoswap on RISC-V, swpa/ldaxr on ARM64).
 * Used only off the per-hart fast paths: console, boot, page allocation.
 */
#ifndef FV_SPINLOCK_H
#define FV_SPINLOCK_H

#include <fv/compiler.h>
#include <fv/types.h>

typedef struct {
	volatile uint32_t locked;
} spinlock_t;

#define SPINLOCK_INIT { 0 }

static inline bool spin_trylock(spinlock_t *l)
{
	return __atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE) == 0;
}

static inline void spin_lock(spinlock_t *l)
{
	while (!spin_trylock(l))
		while (READ_ONCE(l->locked))
			;
}

static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif
