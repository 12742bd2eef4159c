/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor's own EL2 stage-1 identity map: descriptor attributes,
 * the table builder (mmu_map.c, host-tested) and the register values every
 * CPU loads to turn its MMU and caches on (mmu.c, entry.S).  Exists so
 * that EL2 runs with Normal write-back memory like the guests, and a
 * stray hypervisor pointer faults instead of reaching a device.
 */
#ifndef ARCH_MMU_H
#define ARCH_MMU_H

#ifndef __ASSEMBLER__
#include <fv/types.h>

/* MAIR_EL2 slots: 0 Normal write-back (inner, outer, read/write allocate),
 * 1 Device-nGnRE. */
#define MMU_MAIR		(0xffULL | 0x04ULL << 8)
#define MMU_ATTR_NORMAL		(0ULL << 2)
#define MMU_ATTR_DEVICE		(1ULL << 2)

/* Lower and upper attributes of a block or page descriptor.  In the EL2
 * regime (HCR_EL2.E2H = 0) AP[1] is RES1, AP[2] means read-only and bit 54
 * is XN. */
#define MMU_AP1			(1ULL << 6)
#define MMU_RO			(1ULL << 7)
#define MMU_SH_INNER		(3ULL << 8)
#define MMU_AF			(1ULL << 10)
#define MMU_XN			(1ULL << 54)

#define MMU_NORMAL		(MMU_ATTR_NORMAL | MMU_SH_INNER | MMU_AF | MMU_AP1)
#define MMU_TEXT		(MMU_NORMAL | MMU_RO)
#define MMU_RODATA		(MMU_NORMAL | MMU_RO | MMU_XN)
#define MMU_DATA		(MMU_NORMAL | MMU_XN)
#define MMU_DEVICE		(MMU_ATTR_DEVICE | MMU_AF | MMU_AP1 | MMU_XN)
#define MMU_ATTR_MASK		(0xfffULL | 0xfffULL << 52)

#define MMU_ENTRIES		512

/* Translation tables being built: pages from a fixed pool, the root first. */
struct mmu_map {
	uint64_t (*pool)[MMU_ENTRIES];
	unsigned nr_pages, used;
	unsigned start_level;		/* 0 (48-bit VA) or 1 (39-bit) */
	unsigned va_bits;
};

/* The VA (= PA) width that covers addresses below `top`: 39 or 48 bits,
 * 0 when even 48 is not enough. */
unsigned mmu_va_bits(uint64_t top);
/* Empty tables for `va_bits` (39 or 48) in `pool`; -1 if unusable. */
int mmu_map_init(struct mmu_map *m, uint64_t (*pool)[MMU_ENTRIES], unsigned nr_pages,
		 unsigned va_bits);
/* Identity-map [pa, pa + size) (page-aligned) with `attr`, the largest
 * blocks that fit, over whatever was mapped there; -1 when the pool runs
 * out or the range is outside the VA width. */
int mmu_map_range(struct mmu_map *m, uint64_t pa, uint64_t size, uint64_t attr);
/* The leaf that maps `va`: its attributes and the size it covers; -1 if
 * unmapped. */
int mmu_lookup(const struct mmu_map *m, uint64_t va, uint64_t *pa, uint64_t *attr,
	       uint64_t *size);
/* TCR_EL2 for these tables, PS from ID_AA64MMFR0_EL1.PARange. */
uint64_t mmu_tcr(const struct mmu_map *m, unsigned parange);

/* What each CPU writes to turn its MMU on (entry.S, arm64_mmu_on). */
struct mmu_regs {
	uint64_t mair, tcr, ttbr, sctlr;
};
extern struct mmu_regs arm64_mmu_regs;

/* mmu.c: the boot CPU builds the map from the device tree, the image's
 * sections and the console UART at `uart_base` (0: none), and turns its
 * MMU on; -1 (MMU left off) if it cannot. */
int arm64_mmu_setup(const void *fdt, uint64_t uart_base);
/* entry.S: load `r` into this CPU's MAIR/TCR/TTBR0/SCTLR_EL2, MMU off
 * before; uses no stack. */
void arm64_mmu_on(const struct mmu_regs *r);
#endif

/* SCTLR_EL2 (HCR_EL2.E2H = 0): its RES1 bits; M, C, SA, I, WXN.  EE = 0
 * (little-endian), A = 0. */
#define SCTLR_EL2_RES1		0x30c50830
#define SCTLR_EL2_MMU_ON	((1 << 0) | (1 << 2) | (1 << 3) | (1 << 12) | (1 << 19))
#define MMU_REGS_MAIR		0
#define MMU_REGS_TCR		8
#define MMU_REGS_TTBR		16
#define MMU_REGS_SCTLR		24

#endif
