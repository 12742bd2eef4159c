// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: on a GICv2 a guest sends SGIs through the distributor's
 * GICD_SGIR (vgicd_regs.c); the GICv3 system registers do not exist for
 * it, so a trapped ICC_* access is none a guest of this board may make:
 * the cell stops.
 */
#include <arch/irqc.h>

bool arm64_vsgi_sysreg(struct vcpu *v, uint32_t key, uint64_t val)
{
	(void)v, (void)key, (void)val;
	return false;
}
