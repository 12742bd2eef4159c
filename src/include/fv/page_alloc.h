/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page allocator for the hypervisor's own memory (page tables, guest device
 * trees, per-cell state).  A bitmap over one contiguous pool; allocations
 * happen at boot, so first-fit is plenty.
 */
#ifndef FV_PAGE_ALLOC_H
#define FV_PAGE_ALLOC_H

#include <fv/spinlock.h>
#include <fv/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)

struct page_pool {
	uintptr_t base;		/* first allocatable page */
	size_t npages;
	size_t nfree;
	size_t peak_used;
	uint64_t *bitmap;	/* 1 = in use; carved from the pool's start */
	spinlock_t lock;
};

/* Manage [start, start + size); the bitmap takes the first page(s). */
int page_pool_init(struct page_pool *pool, uintptr_t start, size_t size);

/* `n` contiguous zeroed pages aligned to `align_pages` (a power of two);
 * NULL when none are free. */
void *page_pool_alloc(struct page_pool *pool, size_t n, size_t align_pages);
void page_pool_free(struct page_pool *pool, void *ptr, size_t n);

/* The hypervisor's pool, set up at boot. */
extern struct page_pool hv_pool;
static inline void *page_alloc(size_t n, size_t align_pages)
{
	return page_pool_alloc(&hv_pool, n, align_pages);
}

#endif
