// SPDX-License-Identifier: GPL-2.0-only
/* The ARM64 stage-2 table builder: start level and concatenated roots by
 * IPA size, blocks, pages, attributes, lookups, refusals, VTCR_EL2. */
#include <stdlib.h>
#include <arch/stage2.h>
#include <fv/layout.h>
#include "test.h"

static struct page_pool pool;

static uint64_t leaf(const struct stage2 *s, gpaddr_t gpa, paddr_t *hpa, uint64_t *size)
{
	uint64_t d = 0;

	CHECK_EQ(stage2_lookup(s, gpa, hpa, &d, size), 0);
	return d;
}

static void test_levels(void)
{
	struct stage2 s;

	CHECK_EQ(stage2_ipa_bits(0), 32);
	CHECK_EQ(stage2_ipa_bits(2), 40);
	CHECK_EQ(stage2_ipa_bits(4), 44);
	CHECK_EQ(stage2_ipa_bits(5), 48);
	CHECK_EQ(stage2_ipa_bits(6), 48);		/* 52 capped */

	CHECK_EQ(stage2_init(&s, &pool, 36), 0);	/* level 1, one table */
	CHECK_EQ(s.start_level, 1);
	CHECK_EQ(s.root_pages, 1);
	/* T0SZ 28, SL0 1 (level 1), WB/WB, inner shareable, 4K, PS 1, RES1 */
	CHECK_EQ(stage2_vtcr(&s, 1), 28 | 1 << 6 | 1 << 8 | 1 << 10 | 3 << 12 | 1 << 16 |
		 1ULL << 31);

	CHECK_EQ(stage2_init(&s, &pool, 40), 0);	/* level 1, two tables */
	CHECK_EQ(s.start_level, 1);
	CHECK_EQ(s.root_pages, 2);
	CHECK_EQ((uintptr_t)s.root % (2 * PAGE_SIZE), 0);
	CHECK_EQ(stage2_init(&s, &pool, 42), 0);
	CHECK_EQ(s.root_pages, 8);
	CHECK_EQ((uintptr_t)s.root % (8 * PAGE_SIZE), 0);

	CHECK_EQ(stage2_init(&s, &pool, 44), 0);	/* level 0 */
	CHECK_EQ(s.start_level, 0);
	CHECK_EQ(s.root_pages, 1);
	CHECK_EQ(stage2_vtcr(&s, 4) & 0xff, 20 | 2 << 6);
	CHECK_EQ(stage2_vttbr(&s, 3), 3ULL << 48 | (uintptr_t)s.root);

	CHECK_EQ(stage2_init(&s, &pool, 31), -1);
	CHECK_EQ(stage2_init(&s, &pool, 49), -1);
}

static void test_map(unsigned ipa_bits)
{
	struct stage2 s;
	paddr_t hpa;
	uint64_t size, d;
	size_t before;

	CHECK_EQ(stage2_init(&s, &pool, ipa_bits), 0);

	/* 1 GiB aligned on both sides: one level-1 block */
	before = s.nr_tables;
	CHECK_EQ(stage2_map(&s, 0x40000000, 0x80000000, 1 * GiB, MEM_RWX), 0);
	CHECK_EQ(s.nr_tables, before + (s.start_level == 0 ? 1 : 0));
	d = leaf(&s, 0x7ffff123, &hpa, &size);
	CHECK_EQ(hpa, 0xbffff123);
	CHECK_EQ(size, 1 * GiB);
	CHECK_EQ(d & S2_TABLE, 0);			/* a block */
	CHECK_EQ(d & (S2_AP_R | S2_AP_W | S2_AF | S2_XN), S2_AP_R | S2_AP_W | S2_AF);
	CHECK_EQ(d & (0xfULL << 2), S2_MEMATTR_WB);
	CHECK_EQ(d & (3ULL << 8), S2_SH_INNER);

	/* 2 MiB blocks, then 4 KiB pages for the unaligned tail; read-only,
	 * not executable */
	CHECK_EQ(stage2_map(&s, 0x100000000, 0x50000000, 4 * MiB + 8 * 1024, MEM_R), 0);
	d = leaf(&s, 0x100200000, &hpa, &size);
	CHECK_EQ(hpa, 0x50200000);
	CHECK_EQ(size, 2 * MiB);
	CHECK_EQ(d & (S2_AP_R | S2_AP_W | S2_XN), S2_AP_R | S2_XN);
	d = leaf(&s, 0x100401000, &hpa, &size);
	CHECK_EQ(hpa, 0x50401000);
	CHECK_EQ(size, 4096);
	CHECK_EQ(d & 3, S2_VALID | S2_TABLE);		/* a level-3 page */

	/* device memory */
	CHECK_EQ(stage2_map(&s, 0x09000000, 0x09000000, 4096, MEM_R | MEM_W | S2_DEVICE), 0);
	d = leaf(&s, 0x09000004, &hpa, &size);
	CHECK_EQ(d & (0xfULL << 2), S2_MEMATTR_DEV);
	CHECK_EQ(d & S2_XN, S2_XN);

	/* holes stay holes */
	CHECK(stage2_lookup(&s, 0x100402000, &hpa, &d, &size) < 0);
	CHECK(stage2_lookup(&s, 0x09001000, &hpa, &d, &size) < 0);
	CHECK(stage2_lookup(&s, 1ULL << ipa_bits, &hpa, &d, &size) < 0);

	/* refusals: overlap (also inside a block), misalignment, size 0,
	 * beyond the IPA size; nothing is mapped by a refused call */
	before = s.nr_tables;
	CHECK_EQ(stage2_map(&s, 0x40001000, 0x1000, 4096, MEM_R), -1);
	CHECK_EQ(stage2_map(&s, 0x100401000, 0x1000, 4096, MEM_R), -1);
	CHECK_EQ(stage2_map(&s, 0x0fffff000, 0x1000, 2 * 4096, MEM_R), -1);
	CHECK(stage2_lookup(&s, 0x0fffff000, &hpa, &d, &size) < 0);
	CHECK_EQ(stage2_map(&s, 0x20000800, 0x1000, 4096, MEM_R), -1);
	CHECK_EQ(stage2_map(&s, 0x20000000, 0x1800, 4096, MEM_R), -1);
	CHECK_EQ(stage2_map(&s, 0x20000000, 0x1000, 0, MEM_R), -1);
	CHECK_EQ(stage2_map(&s, (1ULL << ipa_bits) - 4096, 0x1000, 2 * 4096, MEM_R), -1);
	CHECK_EQ(s.nr_tables, before);

	/* the last page below the IPA size maps (the top root entry) */
	CHECK_EQ(stage2_map(&s, (1ULL << ipa_bits) - 4096, 0x1000, 4096, MEM_R), 0);
	leaf(&s, (1ULL << ipa_bits) - 1, &hpa, &size);
	CHECK_EQ(hpa, 0x1fff);
}

int main(void)
{
	size_t pages = 512;
	void *mem = aligned_alloc(16 * PAGE_SIZE, pages * PAGE_SIZE);

	CHECK_EQ(page_pool_init(&pool, (uintptr_t)mem, pages * PAGE_SIZE), 0);
	test_levels();
	test_map(36);
	test_map(40);
	test_map(44);
	test_map(48);
	return test_report("test_arm64_stage2");
}
