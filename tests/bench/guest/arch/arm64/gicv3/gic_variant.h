/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Why this file: what the bench guest's GIC-neutral parts (main.c, sgi.c)
 * need to know of a GICv3 beyond gic.c's functions: its device tree
 * compatible, each CPU's redistributor frame, and an SGI sent with the
 * cycle counter read just before (ICC_SGI1R_EL1).  Inline, so that the
 * SGI rows time the same instructions as before the GICv2 variant came;
 * bench.mk puts this directory (or ../gicv2) on the include path as
 * BENCH_GIC says.
 */
#ifndef BENCH_GIC_VARIANT_H
#define BENCH_GIC_VARIANT_H

#define GIC_COMPAT	"arm,gic-v3"
#define GIC_NAME	"GICv3"
#define GICR_STRIDE	0x20000		/* RD_base + SGI_base frames */

/* The redistributor of the CPU `mpidr`, the first one at `gicr` */
static inline uintptr_t gic_cpu_frame(uintptr_t gicr, uint64_t mpidr)
{
	return gicr + GICR_STRIDE * (mpidr & 0xff);
}

/* ICC_SGI1R_EL1 for SGI_INTID to the CPU `mpidr` */
static inline uint64_t sgi1r(uint64_t mpidr)
{
	return (uint64_t)SGI_INTID << 24 | ((mpidr >> 8) & 0xff) << 16 |
	       ((mpidr >> 16) & 0xff) << 32 | 1U << (mpidr & 0xf);
}

/* SGI_INTID to the CPU `mpidr`: the cycle counter just before */
static inline uint64_t gic_sgi_at(uint64_t mpidr)
{
	return probe_sgi1r_at(sgi1r(mpidr));
}

#endif
