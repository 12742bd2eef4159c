// SPDX-License-Identifier: GPL-2.0-only
/* The ARM64 EL2 identity-map builder (arch/arm64/mmu_map.c): VA width,
 * blocks where a range allows, pages at the edges, a block split by a
 * finer mapping over it, unmapped holes, pool exhaustion, TCR_EL2. */
#include <stdlib.h>
#include <arch/mmu.h>
#include "test.h"

#define GIB	(1ULL << 30)
#define MIB	(1ULL << 20)

static uint64_t (*pool)[MMU_ENTRIES];

/* The attributes and leaf size at `va`, which must map to itself. */
static uint64_t leaf(const struct mmu_map *m, uint64_t va, uint64_t *size)
{
	uint64_t pa = ~0ULL, attr = 0;

	CHECK_EQ(mmu_lookup(m, va, &pa, &attr, size), 0);
	CHECK_EQ(pa, va);
	return attr;
}

static bool unmapped(const struct mmu_map *m, uint64_t va)
{
	uint64_t pa, attr, size;

	return mmu_lookup(m, va, &pa, &attr, &size) < 0;
}

static void test_va_bits(void)
{
	struct mmu_map m;

	CHECK_EQ(mmu_va_bits(0x80000000), 39);
	CHECK_EQ(mmu_va_bits(1ULL << 39), 39);
	CHECK_EQ(mmu_va_bits((1ULL << 39) + 4096), 48);
	CHECK_EQ(mmu_va_bits((1ULL << 48) + 4096), 0);
	CHECK_EQ(mmu_map_init(&m, pool, 64, 40), -1);
	CHECK_EQ(mmu_map_init(&m, pool, 0, 39), -1);	/* no room for the root */
	CHECK_EQ(mmu_map_init(&m, pool, 64, 39), 0);
	CHECK_EQ(m.start_level, 1);
	CHECK_EQ(mmu_map_init(&m, pool, 64, 48), 0);
	CHECK_EQ(m.start_level, 0);
	/* T0SZ, WB walks inner shareable, 4 KiB, PS capped at 48 bits, RES1 */
	CHECK_EQ(mmu_tcr(&m, 2), 16 | 1 << 8 | 1 << 10 | 3 << 12 | 2 << 16 | 1ULL << 23 |
				 1ULL << 31);
	CHECK_EQ((mmu_tcr(&m, 6) >> 16) & 7, 5);
}

/* QEMU virt's shape: 1 GiB of RAM at 1 GiB, an image inside it, the GIC
 * and the UART below. */
static void test_virt(unsigned va_bits)
{
	struct mmu_map m;
	uint64_t size, img = 0x40200000;

	CHECK_EQ(mmu_map_init(&m, pool, 64, va_bits), 0);
	CHECK_EQ(mmu_map_range(&m, 0x40000000, GIB, MMU_DATA), 0);
	CHECK_EQ(leaf(&m, 0x40000000, &size), MMU_DATA);
	CHECK_EQ(size, GIB);				/* one 1 GiB block */
	CHECK_EQ(mmu_map_range(&m, img, 0x3000, MMU_TEXT), 0);
	CHECK_EQ(mmu_map_range(&m, img + 0x3000, 0x2000, MMU_RODATA), 0);
	CHECK_EQ(mmu_map_range(&m, img + 0x5000, 0x1000, MMU_DATA), 0);
	CHECK_EQ(mmu_map_range(&m, 0x08000000, 0x10000, MMU_DEVICE), 0);
	CHECK_EQ(mmu_map_range(&m, 0x080a0000, 0xf60000, MMU_DEVICE), 0);
	CHECK_EQ(mmu_map_range(&m, 0x09000000, 0x1000, MMU_DEVICE), 0);

	CHECK_EQ(leaf(&m, img + 0x123, &size), MMU_TEXT);
	CHECK_EQ(size, 4096);
	CHECK_EQ(leaf(&m, img + 0x2fff, &size), MMU_TEXT);
	CHECK_EQ(leaf(&m, img + 0x3000, &size), MMU_RODATA);
	CHECK_EQ(leaf(&m, img + 0x5008, &size), MMU_DATA);
	/* the split block keeps the rest of RAM as it was, in 2 MiB blocks
	 * and pages */
	CHECK_EQ(leaf(&m, img + 0x6000, &size), MMU_DATA);
	CHECK_EQ(size, 4096);
	CHECK_EQ(leaf(&m, 0x40000000, &size), MMU_DATA);
	CHECK_EQ(size, 2 * MIB);
	CHECK_EQ(leaf(&m, 0x7fffffff, &size), MMU_DATA);
	CHECK_EQ(size, 2 * MIB);
	/* devices where asked, the holes between them unmapped */
	CHECK_EQ(leaf(&m, 0x0800fffc, &size), MMU_DEVICE);
	CHECK(unmapped(&m, 0x08010000));
	CHECK_EQ(leaf(&m, 0x080a0000, &size), MMU_DEVICE);
	CHECK_EQ(leaf(&m, 0x08200000, &size), MMU_DEVICE);
	CHECK_EQ(size, 2 * MIB);			/* a block in the middle */
	CHECK_EQ(leaf(&m, 0x08ffffff, &size), MMU_DEVICE);
	CHECK_EQ(leaf(&m, 0x09000ffc, &size), MMU_DEVICE);
	CHECK(unmapped(&m, 0x09001000));
	CHECK(unmapped(&m, 0));
	CHECK(unmapped(&m, 0x3fffffff));
	CHECK(unmapped(&m, 0x80000000));
	CHECK(unmapped(&m, (1ULL << va_bits) - 4096));
	CHECK(unmapped(&m, 1ULL << va_bits));
	CHECK(m.used <= 8);
}

static void test_refusals(void)
{
	struct mmu_map m;

	CHECK_EQ(mmu_map_init(&m, pool, 2, 39), 0);
	CHECK_EQ(mmu_map_range(&m, 0x40000001, 4096, MMU_DATA), -1);	/* unaligned */
	CHECK_EQ(mmu_map_range(&m, 0x40000000, 0, MMU_DATA), -1);
	CHECK_EQ(mmu_map_range(&m, (1ULL << 39) - 4096, 8192, MMU_DATA), -1);
	CHECK_EQ(mmu_map_range(&m, ~0xfffULL, 4096, MMU_DATA), -1);	/* wraps */
	/* the root and one more table: a page needs two below level 1 */
	CHECK_EQ(mmu_map_range(&m, 0x40000000, 4096, MMU_DATA), -1);
	CHECK_EQ(m.used, 2);
	CHECK_EQ(mmu_map_init(&m, pool, 2, 39), 0);
	CHECK_EQ(mmu_map_range(&m, 0x40000000, 2 * MIB, MMU_DATA), 0);	/* one L2 */
	CHECK_EQ(m.used, 2);
}

int main(void)
{
	pool = aligned_alloc(4096, 64 * 4096);
	test_va_bits();
	test_virt(39);
	test_virt(48);
	test_refusals();
	free(pool);
	return test_report("test_arm64_mmu");
}
