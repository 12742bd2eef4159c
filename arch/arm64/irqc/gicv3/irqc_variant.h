/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Why this file: the few constants by which the GIC-neutral code of
 * arch/arm64 (the platform check, the guest's tree, also built for the
 * host's layout checker) tells the variants apart, without an #ifdef:
 * arch.mk puts this directory on the include path.  GICv3: guests get an
 * "arm,gic-v3" with one redistributor region of 128 KiB per vCPU.
 */
#ifndef IRQC_VARIANT_H
#define IRQC_VARIANT_H

#define IRQC_GIC_VERSION	3
#define IRQC_FDT_COMPAT		"arm,gic-v3"
#define IRQC_FDT_GICD_SIZE	0x10000ULL
/* the second window: redistributors, for `n` vCPUs */
#define IRQC_FDT_WIN2_SIZE(n)	(0x20000ULL * (n))
#define IRQC_FDT_REDIST_REGIONS	1
/* a PPI specifier's CPU mask (flags bits 15:8): GICv2 only */
#define IRQC_FDT_PPI_MASK(n)	0U

#endif
