// SPDX-License-Identifier: GPL-2.0-only
/* G-stage page-table builder; see <arch/stage2.h>. */
#include <arch/csr.h>
#include <arch/stage2.h>
#include <fv/compiler.h>
#include <fv/layout.h>

#define LEVELS		3
#define PTES		512
#define ROOT_PTES	2048

static unsigned shift_of(int level)	/* level 2 = root */
{
	return 12 + 9 * (unsigned)level;
}

static unsigned index_of(gpaddr_t gpa, int level)
{
	unsigned mask = level == LEVELS - 1 ? ROOT_PTES - 1 : PTES - 1;

	return (unsigned)(gpa >> shift_of(level)) & mask;
}

static bool is_leaf(uint64_t pte)
{
	return (pte & PTE_V) && (pte & (PTE_R | PTE_W | PTE_X));
}

static uint64_t *pte_table(uint64_t pte)
{
	return (uint64_t *)(uintptr_t)((pte >> PTE_PPN_SHIFT) << 12);
}

int stage2_init(struct stage2 *s, struct page_pool *pool, bool pbmt)
{
	s->pool = pool;
	s->pbmt = pbmt;
	s->root = page_pool_alloc(pool, S2_ROOT_PAGES, S2_ROOT_PAGES);
	s->nr_tables = s->root ? S2_ROOT_PAGES : 0;
	return s->root ? 0 : -2;
}

/* Is any page of [gpa, gpa+size) mapped?  Walks only what exists. */
/* NOLINTNEXTLINE(misc-no-recursion): one level per call, LEVELS deep */
static bool range_used(const uint64_t *table, int level, gpaddr_t gpa, uint64_t size)
{
	uint64_t step = 1ULL << shift_of(level);
	gpaddr_t end = gpa + size;

	while (gpa < end) {
		gpaddr_t next = ALIGN_DOWN(gpa, step) + step;
		uint64_t pte = table[index_of(gpa, level)];

		if (next > end)
			next = end;
		if (pte & PTE_V) {
			if (is_leaf(pte) || level == 0)
				return true;
			if (range_used(pte_table(pte), level - 1, gpa, next - gpa))
				return true;
		}
		gpa = next;
	}
	return false;
}

static uint64_t leaf_pte(const struct stage2 *s, paddr_t hpa, unsigned flags)
{
	uint64_t pte = ((hpa >> 12) << PTE_PPN_SHIFT) | PTE_V | PTE_U | PTE_A | PTE_D;

	if (flags & MEM_R)
		pte |= PTE_R;
	if (flags & MEM_W)
		pte |= PTE_W | PTE_R;	/* W without R is reserved */
	if (flags & MEM_X)
		pte |= PTE_X;
	if ((flags & S2_DEVICE) && s->pbmt)
		pte |= PTE_PBMT_IO;
	return pte;
}

/* NOLINTNEXTLINE(misc-no-recursion): one level per call, LEVELS deep */
static int map_level(struct stage2 *s, uint64_t *table, int level, gpaddr_t gpa,
		     paddr_t hpa, uint64_t size, unsigned flags)
{
	uint64_t step = 1ULL << shift_of(level);

	while (size) {
		uint64_t *pte = &table[index_of(gpa, level)];
		uint64_t chunk = MIN(size, ALIGN_DOWN(gpa, step) + step - gpa);

		/* A whole aligned block: 1 GiB, 2 MiB or 4 KiB leaf. */
		if (level == 0 || (chunk == step && IS_ALIGNED(hpa, step))) {
			*pte = leaf_pte(s, hpa, flags);
		} else {
			if (!(*pte & PTE_V)) {
				uint64_t *next = page_pool_alloc(s->pool, 1, 1);

				if (!next)
					return -2;
				s->nr_tables++;
				*pte = (((uintptr_t)next >> 12) << PTE_PPN_SHIFT) | PTE_V;
			}
			int r = map_level(s, pte_table(*pte), level - 1, gpa, hpa, chunk, flags);

			if (r)
				return r;
		}
		gpa += chunk;
		hpa += chunk;
		size -= chunk;
	}
	return 0;
}

int stage2_map(struct stage2 *s, gpaddr_t gpa, paddr_t hpa, uint64_t size, unsigned flags)
{
	if (!size || !IS_ALIGNED(gpa | hpa | size, PAGE_SIZE) ||
	    !(flags & (MEM_R | MEM_W | MEM_X)) ||
	    gpa + size < gpa || gpa + size > (1ULL << S2_GPA_BITS) ||
	    hpa + size < hpa || (hpa + size) >> 56)
		return -1;
	if (range_used(s->root, LEVELS - 1, gpa, size))
		return -1;
	/* On -2 a part may be mapped: the caller gives up on the cell. */
	return map_level(s, s->root, LEVELS - 1, gpa, hpa, size, flags);
}

int stage2_lookup(const struct stage2 *s, gpaddr_t gpa, paddr_t *hpa,
		  unsigned long *pte_flags, uint64_t *leaf_size)
{
	const uint64_t *table = s->root;

	if (gpa >> S2_GPA_BITS)
		return -1;
	for (int level = LEVELS - 1; level >= 0; level--) {
		uint64_t pte = table[index_of(gpa, level)];
		uint64_t step = 1ULL << shift_of(level);

		if (!(pte & PTE_V))
			return -1;
		if (is_leaf(pte)) {
			*hpa = ((pte >> PTE_PPN_SHIFT) << 12) + (gpa & (step - 1));
			*pte_flags = pte & (PTE_R | PTE_W | PTE_X | PTE_U | PTE_PBMT_IO);
			*leaf_size = step;
			return 0;
		}
		table = pte_table(pte);
	}
	return -1;
}

unsigned long stage2_hgatp(const struct stage2 *s, unsigned vmid)
{
	return (HGATP_MODE_SV39X4 << HGATP_MODE_SHIFT) |
	       ((unsigned long)(vmid & HGATP_VMID_MASK) << HGATP_VMID_SHIFT) |
	       ((uintptr_t)s->root >> 12);
}
