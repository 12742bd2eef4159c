/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * G-stage (guest-physical to host-physical) page tables, Sv39x4: a 16 KiB
 * root of 2048 entries covering a 41-bit guest-physical space, then the
 * usual 4 KiB tables.  Mappings use 1 GiB and 2 MiB leaves where the
 * addresses and size allow.  Tables come from the page pool; the
 * hypervisor runs with translation off, so a table's address is its
 * physical address.
 */
#ifndef ARCH_STAGE2_H
#define ARCH_STAGE2_H

#include <fv/page_alloc.h>
#include <fv/types.h>

#define S2_GPA_BITS	41
#define S2_ROOT_PAGES	4	/* 16 KiB, 16 KiB-aligned */

/* PTE bits */
#define PTE_V	(1UL << 0)
#define PTE_R	(1UL << 1)
#define PTE_W	(1UL << 2)
#define PTE_X	(1UL << 3)
#define PTE_U	(1UL << 4)	/* G-stage leaves must have U: guest accesses count as U */
#define PTE_A	(1UL << 6)
#define PTE_D	(1UL << 7)
#define PTE_PBMT_IO (2UL << 61)
#define PTE_PPN_SHIFT 10

/* stage2_map() flags: MEM_R/W/X from <fv/layout.h>, plus */
#define S2_DEVICE	0x100	/* device memory (Svpbmt IO where available) */

struct stage2 {
	uint64_t *root;
	struct page_pool *pool;
	bool pbmt;		/* use Svpbmt attributes */
	size_t nr_tables;	/* pages used for tables, root included */
};

int stage2_init(struct stage2 *s, struct page_pool *pool, bool pbmt);

/*
 * Map [gpa, gpa+size) to [hpa, hpa+size) with MEM_R/W/X (| S2_DEVICE).
 * All three must be 4 KiB-aligned and the range must be free: a request
 * that overlaps an existing mapping maps nothing and fails.
 * Returns 0, -1 (bad arguments or overlap) or -2 (out of table memory).
 */
int stage2_map(struct stage2 *s, gpaddr_t gpa, paddr_t hpa, uint64_t size, unsigned flags);

/* Translate `gpa`: 0 and *hpa, *pte_flags (PTE_* bits), *leaf_size, or -1. */
int stage2_lookup(const struct stage2 *s, gpaddr_t gpa, paddr_t *hpa,
		  unsigned long *pte_flags, uint64_t *leaf_size);

/* The hgatp value for these tables and `vmid`. */
unsigned long stage2_hgatp(const struct stage2 *s, unsigned vmid);

#endif
