// SPDX-License-Identifier: GPL-2.0-only
/* Can the hypervisor run on this ARM64 machine?  (EL2 was checked at
 * entry, boot.c.)  It needs PSCI to start the other CPUs and power off.
 * Once it knows it can, it takes the GIC (kicks between CPUs) here,
 * before the other CPUs start: the first point after the probe. */
#include <arch/gic.h>
#include <arch/psci.h>
#include <fv/arch_platform.h>
#include <fv/console.h>

int arch_platform_check(const struct platform *p)
{
	if (p->arch.psci == PSCI_NONE) {
		kprintf("Ferrovisor: the device tree names no PSCI conduit (/psci method "
			"smc or hvc); Ferrovisor needs PSCI to start CPUs\n");
		return -1;
	}
	psci_set_conduit(p->arch.psci);
	gic_init(p);
	return 0;
}
