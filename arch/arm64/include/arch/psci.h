/* SPDX-License-Identifier: GPL-2.0-only */
/* PSCI: function numbers and return codes (Arm DEN 0022), and the
 * hypervisor's calls into the firmware (psci.c). */
#ifndef ARCH_PSCI_H
#define ARCH_PSCI_H

#include <fv/platform.h>

#define PSCI_VERSION		0x84000000U
#define PSCI_CPU_SUSPEND_32	0x84000001U
#define PSCI_CPU_SUSPEND_64	0xc4000001U
#define PSCI_CPU_OFF		0x84000002U
#define PSCI_CPU_ON_64		0xc4000003U
#define PSCI_AFFINITY_INFO_64	0xc4000004U
#define PSCI_SYSTEM_OFF		0x84000008U
#define PSCI_SYSTEM_RESET	0x84000009U
#define PSCI_FEATURES		0x8400000aU

#define PSCI_SUCCESS		0
#define PSCI_NOT_SUPPORTED	(-1)
#define PSCI_INVALID_PARAMS	(-2)
#define PSCI_DENIED		(-3)
#define PSCI_ALREADY_ON		(-4)
#define PSCI_ON_PENDING		(-5)
#define PSCI_INTERNAL_FAILURE	(-6)
#define PSCI_NOT_PRESENT	(-7)
#define PSCI_DISABLED		(-8)
#define PSCI_INVALID_ADDRESS	(-9)

/* Use `conduit` for every call from now on (the tree's /psci method). */
void psci_set_conduit(enum psci_conduit conduit);
/* A call through the conduit; PSCI_NOT_SUPPORTED without one. */
long psci_call(uint32_t fn, uint64_t a1, uint64_t a2, uint64_t a3);

/* The conduit /psci names in `fdt` (arch/arm64/platform.c). */
enum psci_conduit arm64_psci_conduit(const void *fdt);

#endif
