// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest memory the hypervisor wrote before a guest (re)starts: the EL2
 * map makes those writes cacheable (mmu.c), while the guest begins with
 * its MMU and caches off, so its loads and fetches go to memory.  Clean
 * and invalidate the range to the point of coherency, then drop every
 * instruction cache's stale lines (a restart's old code at the same
 * place).
 */
#include <arch/sysreg.h>
#include <fv/arch_cell.h>

void arch_guest_mem_written(const void *hva, uint64_t size)
{
	uint64_t line = 4ULL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
	uintptr_t p = (uintptr_t)hva & ~(uintptr_t)(line - 1), end = (uintptr_t)hva + size;

	if (!size)
		return;
	dsb(ish);
	for (; p < end; p += line)
		__asm__ volatile("dc civac, %0" :: "r"(p) : "memory");
	dsb(ish);
	__asm__ volatile("ic ialluis" ::: "memory");
	dsb(ish);
	isb();
}
