// SPDX-License-Identifier: GPL-2.0-only
/* PSCI client: the hypervisor's calls into the firmware (or, under QEMU
 * without EL3, into QEMU's own PSCI), through SMC or HVC as the device
 * tree's /psci node says. */
#include <arch/psci.h>

static enum psci_conduit conduit;

void psci_set_conduit(enum psci_conduit c)
{
	conduit = c;
}

/* SMC Calling Convention: x0 = function, x1..x3 = arguments, result in
 * x0; x4..x17 may be changed by the call. */
#define SMCCC_CALL(insn, fn, a1, a2, a3) ({					\
	register uint64_t x0 __asm__("x0") = (fn);				\
	register uint64_t x1 __asm__("x1") = (a1);				\
	register uint64_t x2 __asm__("x2") = (a2);				\
	register uint64_t x3 __asm__("x3") = (a3);				\
	__asm__ volatile(insn " #0"						\
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)		\
			 :: "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",	\
			    "x12", "x13", "x14", "x15", "x16", "x17", "memory");	\
	(long)x0; })

long psci_call(uint32_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	if (conduit == PSCI_SMC)
		return SMCCC_CALL("smc", fn, a1, a2, a3);
	if (conduit == PSCI_HVC)
		return SMCCC_CALL("hvc", fn, a1, a2, a3);
	return PSCI_NOT_SUPPORTED;
}
