// SPDX-License-Identifier: GPL-2.0-only
/* The hypervisor's page allocator on a host buffer. */
#include <stdint.h>
#include <stdlib.h>
#include <fv/page_alloc.h>
#include "test.h"

#define POOL_PAGES 64

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i])
			return false;
	return true;
}

int main(void)
{
	struct page_pool pool;
	/* deliberately not aligned to more than a page */
	uint8_t *mem = aligned_alloc(PAGE_SIZE, (POOL_PAGES + 1) * PAGE_SIZE);
	uintptr_t start = (uintptr_t)mem + PAGE_SIZE / 2;	/* unaligned start */
	void *a, *b, *c, *big[POOL_PAGES];
	size_t n;

	CHECK(page_pool_init(&pool, start, 0) < 0);
	CHECK(page_pool_init(&pool, start, PAGE_SIZE) < 0);	/* no room beyond the bitmap */
	CHECK(page_pool_init(&pool, start, POOL_PAGES * PAGE_SIZE) == 0);
	/* the start is rounded up, the end down, the bitmap takes one page */
	CHECK_EQ(pool.npages, POOL_PAGES - 1 - 1);
	CHECK_EQ(pool.base % PAGE_SIZE, 0);
	CHECK(pool.base >= start);
	CHECK_EQ(pool.nfree, pool.npages);

	a = page_pool_alloc(&pool, 1, 1);
	CHECK(a != NULL);
	CHECK_EQ((uintptr_t)a % PAGE_SIZE, 0);
	memset(a, 0xaa, PAGE_SIZE);

	/* 4 pages aligned to 16 KiB, as a Sv39x4 root table needs */
	b = page_pool_alloc(&pool, 4, 4);
	CHECK(b != NULL);
	CHECK_EQ((uintptr_t)b % (4 * PAGE_SIZE), 0);
	CHECK(all_zero(b, 4 * PAGE_SIZE));
	CHECK((uintptr_t)b >= (uintptr_t)a + PAGE_SIZE || (uintptr_t)b + 4 * PAGE_SIZE <= (uintptr_t)a);
	CHECK_EQ(pool.nfree, pool.npages - 5);

	/* freed memory comes back, zeroed */
	page_pool_free(&pool, a, 1);
	CHECK_EQ(pool.nfree, pool.npages - 4);
	c = page_pool_alloc(&pool, 1, 1);
	CHECK(c == a);
	CHECK(all_zero(c, PAGE_SIZE));

	/* bad arguments are refused, bad frees ignored */
	CHECK(page_pool_alloc(&pool, 0, 1) == NULL);
	CHECK(page_pool_alloc(&pool, 1, 3) == NULL);
	CHECK(page_pool_alloc(&pool, pool.npages + 1, 1) == NULL);
	n = pool.nfree;
	page_pool_free(&pool, (void *)(pool.base - PAGE_SIZE), 1);
	page_pool_free(&pool, (void *)(pool.base + 1), 1);
	page_pool_free(&pool, (void *)(pool.base + pool.npages * PAGE_SIZE), 1);
	page_pool_free(&pool, NULL, 1);
	CHECK_EQ(pool.nfree, n);

	/* exhaust the pool one page at a time, then fail cleanly */
	n = 0;
	while ((big[n] = page_pool_alloc(&pool, 1, 1)) != NULL)
		n++;
	CHECK_EQ(pool.nfree, 0);
	CHECK_EQ(n, pool.npages - 5);
	CHECK(page_pool_alloc(&pool, 1, 1) == NULL);
	CHECK_EQ(pool.peak_used, pool.npages);
	while (n)
		page_pool_free(&pool, big[--n], 1);
	page_pool_free(&pool, b, 4);
	page_pool_free(&pool, c, 1);
	CHECK_EQ(pool.nfree, pool.npages);
	/* after everything is free, the largest run is the whole pool */
	a = page_pool_alloc(&pool, pool.npages, 1);
	CHECK(a != NULL);

	free(mem);
	return test_report("test_page_alloc");
}
