// SPDX-License-Identifier: GPL-2.0-only
/*
 * guard=<KiB>: a region of our own RAM, just past the image, filled with
 * a pattern at boot and checked again after every status line of the
 * boot hart.  A cell beside us that could write our memory (through the
 * hypervisor, a device or a mapping it should not have) shows up here as
 * "BAD at <addr>"; tests/integration/test_hostile.py reads these lines.
 */
#include "console.h"
#include "rtos.h"

extern char __image_end[];

static uint64_t *guard_start, *guard_end;
static unsigned long guard_checks;

/* The word expected at p: its own address mixed with a constant, so a
 * copy of another part of the region (or of zeroes) does not match. */
static uint64_t pattern(const uint64_t *p)
{
	return (uint64_t)(uintptr_t)p * 0x9e3779b97f4a7c15ULL ^ 0x6775617264ULL;
}

void guard_fill(void)
{
	uintptr_t start = ((uintptr_t)__image_end + 4095) & ~(uintptr_t)4095;
	uintptr_t end = start + (uintptr_t)cfg.guard * 1024;
	uintptr_t fdt = (uintptr_t)plat.fdt;

	if (!cfg.guard)
		return;
	if (end < start || (fdt >= start && end > fdt)) {
		rprintf("rtos: guard %u KiB does not fit below the DTB at %#lx\n",
			cfg.guard, (unsigned long)fdt);
		return;
	}
	guard_start = (uint64_t *)start;
	guard_end = (uint64_t *)end;
	for (uint64_t *p = guard_start; p < guard_end; p++)
		*p = pattern(p);
	rprintf("rtos: guard %u KiB at %#lx-%#lx\n", cfg.guard, (unsigned long)start,
		(unsigned long)end);
}

/* Compare the region with its pattern; one line for the result. */
void guard_check(void)
{
	const volatile uint64_t *p;

	if (!guard_start)
		return;
	for (p = guard_start; p < guard_end; p++) {
		if (*p != pattern((const uint64_t *)p)) {
			rprintf("rtos: guard %u KiB BAD at %#lx\n", cfg.guard,
				(unsigned long)(uintptr_t)p);
			return;
		}
	}
	guard_checks++;
	rprintf("rtos: guard %u KiB ok %lu\n", cfg.guard, guard_checks);
}
