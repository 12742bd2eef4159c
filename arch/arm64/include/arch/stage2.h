/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Stage-2 (IPA to PA) translation tables, VMSAv8-64 with the 4 KiB
 * granule.  The IPA size is the CPU's physical address size
 * (ID_AA64MMFR0_EL1.PARange), at most 48 bits: up to 43 bits the walk
 * starts at level 1 with up to 16 concatenated root tables, above that at
 * level 0.  Mappings use 1 GiB and 2 MiB blocks where the addresses and
 * size allow.  Tables come from the page pool; the hypervisor runs with
 * its MMU off, so a table's address is its physical address.  Built for
 * the host too (no system register is read here).
 */
#ifndef ARCH_STAGE2_H
#define ARCH_STAGE2_H

#include <fv/page_alloc.h>
#include <fv/types.h>

/* descriptor bits */
#define S2_VALID	(1ULL << 0)
#define S2_TABLE	(1ULL << 1)	/* table (levels 0-2), page (level 3) */
#define S2_MEMATTR_DEV	(0x1ULL << 2)	/* Device-nGnRE */
#define S2_MEMATTR_WB	(0xfULL << 2)	/* Normal, write-back inner and outer */
#define S2_AP_R		(1ULL << 6)
#define S2_AP_W		(1ULL << 7)
#define S2_SH_INNER	(3ULL << 8)
#define S2_AF		(1ULL << 10)
#define S2_XN		(2ULL << 53)	/* not executable at EL1 or EL0 */
#define S2_ADDR_MASK	0x0000fffffffff000ULL

/* stage2_map() flags: MEM_R/W/X from <fv/layout.h>, plus */
#define S2_DEVICE	0x100

struct stage2 {
	uint64_t *root;
	struct page_pool *pool;
	unsigned ipa_bits;
	int start_level;	/* 0 or 1 */
	unsigned root_pages;	/* concatenated root tables */
	size_t nr_tables;	/* pages used for tables, root included */
};

/* The IPA size for a PARange field value (bits), at most 48. */
unsigned stage2_ipa_bits(unsigned parange);

int stage2_init(struct stage2 *s, struct page_pool *pool, unsigned ipa_bits);

/*
 * Map [gpa, gpa+size) to [hpa, hpa+size) with MEM_R/W/X (| S2_DEVICE).
 * All three must be 4 KiB-aligned and the range must be free and below
 * 2^ipa_bits: a request that overlaps an existing mapping maps nothing
 * and fails.  Returns 0, -1 (bad arguments or overlap) or -2 (out of
 * table memory).
 */
int stage2_map(struct stage2 *s, gpaddr_t gpa, paddr_t hpa, uint64_t size, unsigned flags);

/* Translate `gpa`: 0 and *hpa, *desc (the leaf), *leaf_size; or -1. */
int stage2_lookup(const struct stage2 *s, gpaddr_t gpa, paddr_t *hpa, uint64_t *desc,
		  uint64_t *leaf_size);

/* VTCR_EL2 for these tables (PS from `parange`), VTTBR_EL2 for `vmid`. */
uint64_t stage2_vtcr(const struct stage2 *s, unsigned parange);
uint64_t stage2_vttbr(const struct stage2 *s, unsigned vmid);

#endif
