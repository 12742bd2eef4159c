/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Why this file: what the bench guest's GIC-neutral parts (main.c, sgi.c)
 * need to know of a GICv2 beyond gic.c's functions: its device tree
 * compatible (QEMU virt's and Ferrovisor's cells' alike), the CPU
 * interface (one address, banked per CPU), and an SGI sent with the cycle
 * counter read just before (a GICD_SGIR store: emulated in a cell).
 */
#ifndef BENCH_GIC_VARIANT_H
#define BENCH_GIC_VARIANT_H

#define GIC_COMPAT	"arm,cortex-a15-gic"
#define GIC_NAME	"GICv2"
#define GICD_SGIR	0x0f00

extern uintptr_t gicv2_dist;	/* gic.c */

/* The CPU interface is the same address on every CPU */
static inline uintptr_t gic_cpu_frame(uintptr_t gicc, uint64_t mpidr)
{
	(void)mpidr;
	return gicc;
}

/* SGI_INTID to the CPU `mpidr` (its Aff0 is its CPU interface number,
 * in QEMU as in a cell): the cycle counter just before */
static inline uint64_t gic_sgi_at(uint64_t mpidr)
{
	return probe_store32_at(gicv2_dist + GICD_SGIR,
				1U << (16 + (mpidr & 7)) | SGI_INTID);
}

#endif
