/* SPDX-License-Identifier: GPL-2.0-only */
/* What the ARM64 code reads from the device tree: the GIC, the PSCI
 * conduit and the ranges the hypervisor keeps for itself. */
#ifndef ARCH_PLATFORM_H
#define ARCH_PLATFORM_H

#include <fv/types.h>

struct arch_hart {
	uint64_t mpidr;		/* = hwid: the cpu node's reg */
};

enum psci_conduit { PSCI_NONE, PSCI_SMC, PSCI_HVC };

#define ARM64_HV_OWNED_MAX	8

struct arch_platform {
	unsigned gic_version;		/* 2 or 3; 0: none found */
	struct plat_range gicd;		/* distributor */
	struct plat_range gicr;		/* v3: redistributors; v2: CPU interface */
	struct plat_range gich, gicv;	/* v2: virtual interface control, and
					   the virtual CPU interface (GICV) */
	unsigned gic_nr_irqs;		/* for the layout check (ITLinesNumber is
					   read at run time; the tree does not say) */
	enum psci_conduit psci;
	char psci_compat[24];
	struct plat_range hv_owned[ARM64_HV_OWNED_MAX];
	unsigned nr_hv_owned;
};

/* The counter frequency, CNTFRQ_EL0 (cpu.c); the host's layout checker,
 * which cannot read it, links a default. */
uint64_t arm64_cntfrq(void);

#endif
