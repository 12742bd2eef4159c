// SPDX-License-Identifier: GPL-2.0-only
/* Stage-2 table builder; see <arch/stage2.h>. */
#include <arch/stage2.h>
#include <fv/compiler.h>
#include <fv/layout.h>

#define PTES	512

static unsigned shift_of(int level)	/* level 3: 4 KiB pages */
{
	return 12 + 9 * (unsigned)(3 - level);
}

static unsigned index_of(const struct stage2 *s, gpaddr_t gpa, int level)
{
	unsigned n = level == s->start_level ? PTES * s->root_pages : PTES;

	return (unsigned)(gpa >> shift_of(level)) & (n - 1);
}

static uint64_t *next_table(uint64_t d)
{
	return (uint64_t *)(uintptr_t)(d & S2_ADDR_MASK);
}

unsigned stage2_ipa_bits(unsigned parange)
{
	static const unsigned bits[] = { 32, 36, 40, 42, 44, 48 };

	return parange < ARRAY_SIZE(bits) ? bits[parange] : 48;
}

int stage2_init(struct stage2 *s, struct page_pool *pool, unsigned ipa_bits)
{
	if (ipa_bits < 32 || ipa_bits > 48)
		return -1;
	s->pool = pool;
	s->ipa_bits = ipa_bits;
	s->start_level = ipa_bits > 43 ? 0 : 1;
	s->root_pages = ipa_bits > 39 && ipa_bits <= 43 ? 1U << (ipa_bits - 39) : 1;
	s->root = page_pool_alloc(pool, s->root_pages, s->root_pages);
	s->nr_tables = s->root ? s->root_pages : 0;
	return s->root ? 0 : -2;
}

/* Is any page of [gpa, gpa+size) mapped?  Walks only what exists. */
/* NOLINTNEXTLINE(misc-no-recursion): one level per call, at most 4 deep */
static bool range_used(const struct stage2 *s, const uint64_t *table, int level,
		       gpaddr_t gpa, uint64_t size)
{
	uint64_t step = 1ULL << shift_of(level);
	gpaddr_t end = gpa + size;

	while (gpa < end) {
		gpaddr_t next = ALIGN_DOWN(gpa, step) + step;
		uint64_t d = table[index_of(s, gpa, level)];

		if (next > end)
			next = end;
		if (d & S2_VALID) {
			if (level == 3 || !(d & S2_TABLE))
				return true;
			if (range_used(s, next_table(d), level + 1, gpa, next - gpa))
				return true;
		}
		gpa = next;
	}
	return false;
}

static uint64_t leaf_bits(unsigned flags)
{
	uint64_t d = S2_VALID | S2_AF;

	if (flags & MEM_R)
		d |= S2_AP_R;
	if (flags & MEM_W)
		d |= S2_AP_W;
	if (!(flags & MEM_X))
		d |= S2_XN;
	if (flags & S2_DEVICE)
		d |= S2_MEMATTR_DEV;
	else
		d |= S2_MEMATTR_WB | S2_SH_INNER;
	return d;
}

/* The table below entry `d`, made if there is none yet; NULL: no memory. */
static uint64_t *table_below(struct stage2 *s, uint64_t *d)
{
	uint64_t *t;

	if (*d & S2_VALID)
		return next_table(*d);
	t = page_pool_alloc(s->pool, 1, 1);
	if (!t)
		return NULL;
	s->nr_tables++;
	*d = (uint64_t)(uintptr_t)t | S2_TABLE | S2_VALID;
	return t;
}

static int map_one(struct stage2 *s, gpaddr_t gpa, paddr_t hpa, uint64_t size,
		   uint64_t bits)
{
	uint64_t *table = s->root;

	for (int level = s->start_level; level <= 3; level++) {
		uint64_t *d = &table[index_of(s, gpa, level)];
		uint64_t step = 1ULL << shift_of(level);

		if (level == 3) {
			*d = (hpa & S2_ADDR_MASK) | bits | S2_TABLE;
			return 0;
		}
		if (level >= 1 && size == step) {
			*d = (hpa & S2_ADDR_MASK) | bits;	/* a block */
			return 0;
		}
		table = table_below(s, d);
		if (!table)
			return -2;
	}
	return -1;
}

int stage2_map(struct stage2 *s, gpaddr_t gpa, paddr_t hpa, uint64_t size, unsigned flags)
{
	uint64_t bits = leaf_bits(flags);

	if (!size || (gpa | hpa | size) & (PAGE_SIZE - 1) || gpa + size < gpa ||
	    gpa + size > (1ULL << s->ipa_bits))
		return -1;
	if (range_used(s, s->root, s->start_level, gpa, size))
		return -1;
	while (size) {
		uint64_t chunk = PAGE_SIZE;
		int r;

		/* the largest block both addresses are aligned to that fits */
		for (int level = 1; level < 3; level++) {
			uint64_t step = 1ULL << shift_of(level);

			if (!((gpa | hpa) & (step - 1)) && size >= step) {
				chunk = step;
				break;
			}
		}
		if ((r = map_one(s, gpa, hpa, chunk, bits)) < 0)
			return r;
		gpa += chunk;
		hpa += chunk;
		size -= chunk;
	}
	return 0;
}

int stage2_lookup(const struct stage2 *s, gpaddr_t gpa, paddr_t *hpa, uint64_t *desc,
		  uint64_t *leaf_size)
{
	const uint64_t *table = s->root;

	if (gpa >= (1ULL << s->ipa_bits))
		return -1;
	for (int level = s->start_level; level <= 3; level++) {
		uint64_t d = table[index_of(s, gpa, level)];
		uint64_t step = 1ULL << shift_of(level);

		if (!(d & S2_VALID))
			return -1;
		if (level == 3 || !(d & S2_TABLE)) {
			*hpa = (d & S2_ADDR_MASK & ~(step - 1)) | (gpa & (step - 1));
			*desc = d;
			*leaf_size = step;
			return 0;
		}
		table = next_table(d);
	}
	return -1;
}

/* VTCR_EL2: T0SZ, SL0, inner/outer write-back, inner shareable, 4 KiB
 * granule, PS; bit 31 is RES1. */
uint64_t stage2_vtcr(const struct stage2 *s, unsigned parange)
{
	uint64_t sl0 = s->start_level == 0 ? 2 : 1;

	return (64ULL - s->ipa_bits) | sl0 << 6 | 1ULL << 8 | 1ULL << 10 | 3ULL << 12 |
	       (uint64_t)(parange & 7) << 16 | 1ULL << 31;
}

uint64_t stage2_vttbr(const struct stage2 *s, unsigned vmid)
{
	return (uint64_t)(vmid & 0xff) << 48 | (uint64_t)(uintptr_t)s->root;
}
