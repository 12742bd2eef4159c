// SPDX-License-Identifier: GPL-2.0-only
/* Bitmap page allocator; see <fv/page_alloc.h>. */
#include <fv/compiler.h>
#include <fv/page_alloc.h>
#include <fv/string.h>

struct page_pool hv_pool;

static bool used(const struct page_pool *p, size_t i)
{
	return p->bitmap[i / 64] & (1ULL << (i % 64));
}

static void mark(struct page_pool *p, size_t i, size_t n, bool on)
{
	for (; n; n--, i++) {
		if (on)
			p->bitmap[i / 64] |= 1ULL << (i % 64);
		else
			p->bitmap[i / 64] &= ~(1ULL << (i % 64));
	}
}

int page_pool_init(struct page_pool *p, uintptr_t start, size_t size)
{
	uintptr_t base = ALIGN_UP(start, PAGE_SIZE);
	uintptr_t end = ALIGN_DOWN(start + size, PAGE_SIZE);
	size_t total, bm_bytes, bm_pages;

	if (size == 0 || end <= base)
		return -1;
	total = (end - base) / PAGE_SIZE;
	bm_bytes = ALIGN_UP((total + 63) / 64 * 8, PAGE_SIZE);
	bm_pages = bm_bytes / PAGE_SIZE;
	if (bm_pages >= total)
		return -1;

	p->bitmap = (uint64_t *)base;
	memset(p->bitmap, 0, bm_bytes);
	p->base = base + bm_bytes;
	p->npages = total - bm_pages;
	p->nfree = p->npages;
	p->peak_used = 0;
	p->lock = (spinlock_t)SPINLOCK_INIT;
	return 0;
}

void *page_pool_alloc(struct page_pool *p, size_t n, size_t align)
{
	void *ret = NULL;

	if (n == 0 || align == 0 || (align & (align - 1)))
		return NULL;

	spin_lock(&p->lock);
	/* Alignment is of the physical address, not of the index. */
	size_t skew = (p->base / PAGE_SIZE) & (align - 1);
	size_t i = skew ? align - skew : 0;

	for (; i + n <= p->npages; i += align) {
		size_t j;

		for (j = 0; j < n && !used(p, i + j); j++)
			;
		if (j == n) {
			mark(p, i, n, true);
			p->nfree -= n;
			if (p->npages - p->nfree > p->peak_used)
				p->peak_used = p->npages - p->nfree;
			ret = (void *)(p->base + i * PAGE_SIZE);
			break;
		}
	}
	spin_unlock(&p->lock);

	if (ret)
		memset(ret, 0, n * PAGE_SIZE);
	return ret;
}

void page_pool_free(struct page_pool *p, void *ptr, size_t n)
{
	uintptr_t a = (uintptr_t)ptr;
	size_t i;

	if (!ptr || a < p->base || !IS_ALIGNED(a, PAGE_SIZE))
		return;
	i = (a - p->base) / PAGE_SIZE;
	if (i + n > p->npages)
		return;
	spin_lock(&p->lock);
	for (size_t k = 0; k < n; k++) {
		if (used(p, i + k)) {
			mark(p, i + k, 1, false);
			p->nfree++;
		}
	}
	spin_unlock(&p->lock);
}
