// SPDX-License-Identifier: GPL-2.0-only
/*
 * PSCI client (function numbers from Arm's PSCI specification, DEN0022):
 * the RTOS's only way to its firmware, or to the hypervisor in a cell,
 * for other CPUs and for power.
 */
#include "psci.h"
#include "rtos.h"

#define PSCI_CPU_OFF		0x84000002U
#define PSCI_CPU_ON		0xc4000003U
#define PSCI_AFFINITY_INFO	0xc4000004U
#define PSCI_SYSTEM_OFF		0x84000008U
#define PSCI_SYSTEM_RESET	0x84000009U

static long call(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 __asm__("x0") = fn;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	/* SMC Calling Convention: x4-x17 may be clobbered. */
	if (plat.arch.psci_smc)
		__asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) :: "x4",
				 "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13",
				 "x14", "x15", "x16", "x17", "memory");
	else
		__asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) :: "x4",
				 "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13",
				 "x14", "x15", "x16", "x17", "memory");
	return (long)x0;
}

long psci_cpu_on(uint64_t mpidr, uintptr_t entry, uint64_t context)
{
	return call(PSCI_CPU_ON, mpidr, entry, context);
}

long psci_cpu_off(void)
{
	return call(PSCI_CPU_OFF, 0, 0, 0);
}

long psci_affinity_info(uint64_t mpidr)
{
	return call(PSCI_AFFINITY_INFO, mpidr, 0, 0);
}

long psci_system_off(void)
{
	return call(PSCI_SYSTEM_OFF, 0, 0, 0);
}

long psci_system_reset(void)
{
	return call(PSCI_SYSTEM_RESET, 0, 0, 0);
}
