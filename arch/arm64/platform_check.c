// SPDX-License-Identifier: GPL-2.0-only
/* Can the hypervisor run on this ARM64 machine?  (EL2 was checked at
 * entry, boot.c.)  It needs PSCI to start the other CPUs and power off,
 * and the GIC the image was built for (irqc_variant.h).
 * Once it knows it can, it takes the GIC (kicks between CPUs) here,
 * before the other CPUs start: the first point after the probe. */
#include <arch/gic.h>
#include <arch/psci.h>
#include <fv/arch_platform.h>
#include <fv/console.h>
#include <irqc_variant.h>

int arch_platform_check(const struct platform *p)
{
	if (p->arch.psci == PSCI_NONE) {
		kprintf("Ferrovisor: the device tree names no PSCI conduit (/psci method "
			"smc or hvc); Ferrovisor needs PSCI to start CPUs\n");
		return -1;
	}
	psci_set_conduit(p->arch.psci);		/* (a refusal powers off through it) */
	if (p->arch.gic_version != IRQC_GIC_VERSION) {
		if (p->arch.gic_version)
			kprintf("Ferrovisor: this image drives a GICv%u, the device tree names a "
				"GICv%u; refused (build it with CONFIG_ARM64_GICV%u)\n",
				IRQC_GIC_VERSION, p->arch.gic_version, p->arch.gic_version);
		else
			kprintf("Ferrovisor: this image drives a GICv%u, the device tree names "
				"no GIC; refused\n", IRQC_GIC_VERSION);
		return -1;
	}
	gic_init(p);
	return 0;
}
