// SPDX-License-Identifier: GPL-2.0-only
/* The G-stage table builder: mappings, superpages, lookups, refusals. */
#include <stdlib.h>
#include <arch/stage2.h>
#include <fv/layout.h>
#include "test.h"

static struct page_pool pool;

static void check_map(const struct stage2 *s, gpaddr_t gpa, paddr_t hpa,
		      uint64_t leaf, unsigned long perm)
{
	paddr_t got;
	unsigned long fl;
	uint64_t sz;

	CHECK_EQ(stage2_lookup(s, gpa, &got, &fl, &sz), 0);
	CHECK_EQ(got, hpa);
	CHECK_EQ(sz, leaf);
	CHECK_EQ(fl & (PTE_R | PTE_W | PTE_X | PTE_U), perm | PTE_U);
}

static bool unmapped(const struct stage2 *s, gpaddr_t gpa)
{
	paddr_t h;
	unsigned long f;
	uint64_t z;

	return stage2_lookup(s, gpa, &h, &f, &z) < 0;
}

int main(void)
{
	size_t pages = 256;
	void *mem = aligned_alloc(16 * PAGE_SIZE, pages * PAGE_SIZE);
	struct stage2 s;
	size_t before;

	CHECK_EQ(page_pool_init(&pool, (uintptr_t)mem, pages * PAGE_SIZE), 0);
	CHECK_EQ(stage2_init(&s, &pool, false), 0);
	CHECK_EQ((uintptr_t)s.root % (16 * 1024), 0);	/* Sv39x4 root alignment */
	CHECK_EQ(s.nr_tables, 4);

	/* 1 GiB aligned on both sides: one root-level leaf, no new table */
	CHECK_EQ(stage2_map(&s, 0x80000000, 0x100000000, 1 * GiB, MEM_RWX), 0);
	CHECK_EQ(s.nr_tables, 4);
	check_map(&s, 0x80000000, 0x100000000, 1 * GiB, PTE_R | PTE_W | PTE_X);
	check_map(&s, 0xbffff123, 0x13ffff123, 1 * GiB, PTE_R | PTE_W | PTE_X);
	CHECK(unmapped(&s, 0xc0000000));
	CHECK(unmapped(&s, 0x7ffff000));

	/* 2 MiB superpages: 6 MiB at 2 MiB alignment = 3 leaves in one table */
	CHECK_EQ(stage2_map(&s, 0x40000000, 0x90000000, 6 * MiB, MEM_RW), 0);
	CHECK_EQ(s.nr_tables, 5);
	check_map(&s, 0x40000000, 0x90000000, 2 * MiB, PTE_R | PTE_W);
	check_map(&s, 0x405fffff, 0x905fffff, 2 * MiB, PTE_R | PTE_W);
	CHECK(unmapped(&s, 0x40600000));

	/* hpa only 4 KiB-aligned: no superpage possible */
	CHECK_EQ(stage2_map(&s, 0x20000000, 0x88001000, 2 * MiB, MEM_R), 0);
	check_map(&s, 0x20000000, 0x88001000, 4 * KiB, PTE_R);
	check_map(&s, 0x201ff000, 0x88200000, 4 * KiB, PTE_R);
	CHECK(unmapped(&s, 0x20200000));

	/* mixed: 4 KiB head, 2 MiB body, 4 KiB tail */
	CHECK_EQ(stage2_map(&s, 0x101ff000, 0xa01ff000, 2 * MiB + 8 * KiB, MEM_RX), 0);
	check_map(&s, 0x101ff000, 0xa01ff000, 4 * KiB, PTE_R | PTE_X);
	check_map(&s, 0x10200000, 0xa0200000, 2 * MiB, PTE_R | PTE_X);
	check_map(&s, 0x10400000, 0xa0400000, 4 * KiB, PTE_R | PTE_X);
	CHECK(unmapped(&s, 0x10401000));
	CHECK(unmapped(&s, 0x101fe000));

	/* W implies R; device memory gets PBMT only with Svpbmt */
	CHECK_EQ(stage2_map(&s, 0x10000000, 0x10000000, 4 * KiB, MEM_W | S2_DEVICE), 0);
	check_map(&s, 0x10000000, 0x10000000, 4 * KiB, PTE_R | PTE_W);
	{
		paddr_t h; unsigned long f; uint64_t z;

		stage2_lookup(&s, 0x10000000, &h, &f, &z);
		CHECK_EQ(f & PTE_PBMT_IO, 0);
	}

	/* refusals: overlap (any page of it), misalignment, zero, no perms, too high */
	before = s.nr_tables;
	CHECK_EQ(stage2_map(&s, 0xbffff000, 0x1000, 8 * KiB, MEM_RW), -1);	/* tail of the 1 GiB leaf */
	CHECK_EQ(stage2_map(&s, 0x405ff000, 0x1000, 4 * KiB, MEM_RW), -1);	/* inside a 2 MiB leaf */
	CHECK_EQ(stage2_map(&s, 0x10400000, 0x1000, 4 * KiB, MEM_RW), -1);	/* a 4 KiB leaf */
	CHECK_EQ(stage2_map(&s, 0x0, 0x0, 1 * GiB, MEM_RW), -1);		/* covers 0x10000000... */
	CHECK_EQ(stage2_map(&s, 0x30000800, 0x1000, 4 * KiB, MEM_RW), -1);
	CHECK_EQ(stage2_map(&s, 0x30000000, 0x1800, 4 * KiB, MEM_RW), -1);
	CHECK_EQ(stage2_map(&s, 0x30000000, 0x1000, 100, MEM_RW), -1);
	CHECK_EQ(stage2_map(&s, 0x30000000, 0x1000, 0, MEM_RW), -1);
	CHECK_EQ(stage2_map(&s, 0x30000000, 0x1000, 4 * KiB, 0), -1);
	CHECK_EQ(stage2_map(&s, 1ULL << 41, 0x1000, 4 * KiB, MEM_RW), -1);
	CHECK_EQ(stage2_map(&s, (1ULL << 41) - 4096, 0x1000, 8 * KiB, MEM_RW), -1);
	CHECK_EQ(stage2_map(&s, 0x30000000, ~0ULL - 4095, 8 * KiB, MEM_RW), -1);
	CHECK_EQ(s.nr_tables, before);	/* a refused map allocates nothing */
	CHECK(unmapped(&s, 0x30000000));
	CHECK(unmapped(&s, 1ULL << 41));
	CHECK(unmapped(&s, ~0ULL));

	/* top of the 41-bit space works */
	CHECK_EQ(stage2_map(&s, (1ULL << 41) - 4096, 0x5000, 4 * KiB, MEM_R), 0);
	check_map(&s, (1ULL << 41) - 1, 0x5fff, 4 * KiB, PTE_R);

	/* hgatp: mode Sv39x4, VMID, root PPN */
	unsigned long hg = stage2_hgatp(&s, 3);
	CHECK_EQ(hg >> 60, 8);
	CHECK_EQ((hg >> 44) & 0x3fff, 3);
	CHECK_EQ((hg & ((1UL << 44) - 1)) << 12, (uintptr_t)s.root);

	/* running out of table pages fails cleanly */
	{
		struct stage2 t;
		size_t n = 0;
		int r = 0;

		CHECK_EQ(stage2_init(&t, &pool, true), 0);
		for (gpaddr_t g = 0; r == 0 && n < 100000; g += 2 * MiB, n++)
			r = stage2_map(&t, g, 0x1000, 4 * KiB, MEM_R);
		CHECK_EQ(r, -2);
		CHECK_EQ(pool.nfree, 0);
	}

	free(mem);
	return test_report("test_stage2");
}
