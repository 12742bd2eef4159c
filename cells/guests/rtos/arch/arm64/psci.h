/* SPDX-License-Identifier: GPL-2.0-only */
/* PSCI calls through the conduit /psci names (HVC in a cell, natively too
 * on QEMU virt without EL2; SMC where the tree says so). */
#ifndef RTOS_PSCI_H
#define RTOS_PSCI_H

#include <stdint.h>

#define PSCI_AFFINITY_OFF	1

long psci_cpu_on(uint64_t mpidr, uintptr_t entry, uint64_t context);
long psci_cpu_off(void);
long psci_affinity_info(uint64_t mpidr);
long psci_system_off(void);
long psci_system_reset(void);

#endif
