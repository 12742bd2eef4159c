/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Why this file: the few constants by which the GIC-neutral code of
 * arch/arm64 (the platform check, the guest's tree, also built for the
 * host's layout checker) tells the variants apart, without an #ifdef:
 * arch.mk puts this directory on the include path.  GICv2: guests get an
 * "arm,cortex-a15-gic" whose second window is the CPU interface (the
 * board's GICV page at the cell's .arch.vgicr_gpa), and PPI specifiers
 * carry the mask of the cell's CPUs.
 */
#ifndef IRQC_VARIANT_H
#define IRQC_VARIANT_H

#define IRQC_GIC_VERSION	2
#define IRQC_FDT_COMPAT		"arm,cortex-a15-gic"
#define IRQC_FDT_GICD_SIZE	0x1000ULL
/* the second window: the CPU interface, 8 KiB (GICC_DIR at 0x1000) */
#define IRQC_FDT_WIN2_SIZE(n)	0x2000ULL
#define IRQC_FDT_REDIST_REGIONS	0
#define IRQC_FDT_PPI_MASK(n)	((((1U << (n)) - 1) & 0xffU) << 8)

#endif
