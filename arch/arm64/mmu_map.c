// SPDX-License-Identifier: GPL-2.0-only
/*
 * The EL2 stage-1 identity map's table builder: 4 KiB granule, 1 GiB and
 * 2 MiB blocks where the range allows, pages elsewhere; a block split into
 * a table when a finer mapping lands in it.  Pure table logic, no system
 * register, so the host unit tests run it (tests/unit/test_arm64_mmu.c).
 */
#include <arch/mmu.h>
#include <fv/string.h>

#define DESC_VALID	1ULL
#define DESC_TABLE	3ULL		/* level 0..2: next table */
#define DESC_BLOCK	1ULL		/* level 1..2: block */
#define DESC_PAGE	3ULL		/* level 3: page */
#define DESC_ADDR	0x0000fffffffff000ULL

static unsigned level_shift(unsigned level)
{
	return 39 - 9 * level;
}

static unsigned level_index(uint64_t va, unsigned level)
{
	return (unsigned)(va >> level_shift(level)) & (MMU_ENTRIES - 1);
}

unsigned mmu_va_bits(uint64_t top)
{
	if (top <= 1ULL << 39)
		return 39;
	return top <= 1ULL << 48 ? 48 : 0;
}

static uint64_t *alloc_table(struct mmu_map *m)
{
	uint64_t *t;

	if (m->used >= m->nr_pages)
		return NULL;
	t = m->pool[m->used++];
	memset(t, 0, sizeof(uint64_t) * MMU_ENTRIES);
	return t;
}

int mmu_map_init(struct mmu_map *m, uint64_t (*pool)[MMU_ENTRIES], unsigned nr_pages,
		 unsigned va_bits)
{
	if (va_bits != 39 && va_bits != 48)
		return -1;
	m->pool = pool;
	m->nr_pages = nr_pages;
	m->used = 0;
	m->va_bits = va_bits;
	m->start_level = va_bits == 48 ? 0 : 1;
	return alloc_table(m) ? 0 : -1;
}

static bool is_table(uint64_t d, unsigned level)
{
	return level < 3 && (d & 3) == DESC_TABLE;
}

/* The table under entry `*d` at `level`, made from a block (the same
 * mapping in finer pieces) or from nothing. */
static uint64_t *table_under(struct mmu_map *m, uint64_t *d, unsigned level)
{
	uint64_t *t;
	uint64_t step = 1ULL << level_shift(level + 1);

	if (is_table(*d, level))
		return (uint64_t *)(uintptr_t)(*d & DESC_ADDR);
	t = alloc_table(m);
	if (!t)
		return NULL;
	if (*d & DESC_VALID) {
		uint64_t base = *d & DESC_ADDR, attr = *d & MMU_ATTR_MASK & ~3ULL;
		uint64_t type = level + 1 == 3 ? DESC_PAGE : DESC_BLOCK;

		for (unsigned i = 0; i < MMU_ENTRIES; i++)
			t[i] = (base + i * step) | attr | type;
	}
	*d = (uint64_t)(uintptr_t)t | DESC_TABLE;
	return t;
}

/* The leaf level for the piece at `va`: the largest block that starts
 * there and ends by `end` (no block at level 0). */
static unsigned leaf_level(const struct mmu_map *m, uint64_t va, uint64_t end)
{
	unsigned level = m->start_level ? m->start_level : 1;

	for (; level < 3; level++) {
		uint64_t span = 1ULL << level_shift(level);

		if ((va & (span - 1)) == 0 && end - va >= span)
			break;
	}
	return level;
}

/* One leaf at `level` for `va`, through tables made or split on the way. */
static int map_leaf(struct mmu_map *m, uint64_t va, unsigned level, uint64_t attr)
{
	uint64_t *t = m->pool[0];

	for (unsigned l = m->start_level; l < level; l++) {
		t = table_under(m, &t[level_index(va, l)], l);
		if (!t)
			return -1;
	}
	t[level_index(va, level)] = va | attr | (level == 3 ? DESC_PAGE : DESC_BLOCK);
	return 0;
}

int mmu_map_range(struct mmu_map *m, uint64_t pa, uint64_t size, uint64_t attr)
{
	uint64_t end = pa + size;

	if ((pa | size) & 0xfff || !size || end < pa || end > 1ULL << m->va_bits)
		return -1;
	attr &= MMU_ATTR_MASK & ~3ULL;
	while (pa < end) {
		unsigned level = leaf_level(m, pa, end);

		if (map_leaf(m, pa, level, attr) < 0)
			return -1;
		pa += 1ULL << level_shift(level);
	}
	return 0;
}

int mmu_lookup(const struct mmu_map *m, uint64_t va, uint64_t *pa, uint64_t *attr,
	       uint64_t *size)
{
	const uint64_t *t = m->pool[0];

	if (va >= 1ULL << m->va_bits)
		return -1;
	for (unsigned level = m->start_level; level <= 3; level++) {
		uint64_t d = t[level_index(va, level)];
		uint64_t span = 1ULL << level_shift(level);

		if (!(d & DESC_VALID))
			return -1;
		if (is_table(d, level)) {
			t = (const uint64_t *)(uintptr_t)(d & DESC_ADDR);
			continue;
		}
		*pa = (d & DESC_ADDR & ~(span - 1)) | (va & (span - 1));
		*attr = d & MMU_ATTR_MASK & ~3ULL;
		*size = span;
		return 0;
	}
	return -1;
}

/* T0SZ, inner/outer write-back read/write-allocate walks, inner shareable,
 * 4 KiB granule (TG0 = 0), PS; bits 31 and 23 are RES1. */
uint64_t mmu_tcr(const struct mmu_map *m, unsigned parange)
{
	if (parange > 5)
		parange = 5;	/* 52-bit PAs need FEAT_LPA2 descriptors */
	return (64ULL - m->va_bits) | 1ULL << 8 | 1ULL << 10 | 3ULL << 12 |
	       (uint64_t)parange << 16 | 1ULL << 23 | 1ULL << 31;
}
