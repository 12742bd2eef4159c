/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ARM64 part of a cell's layout (struct layout_cell.arch): where the
 * cell's guest finds its virtual GIC distributor and redistributors.
 *
 *	.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 },
 *
 * The redistributor window is 128 KiB for each of LAYOUT_MAX_HARTS vCPUs
 * (2 MiB), whatever the cell has, so a layout does not change with it.
 *
 * Both windows are emulated (<arch/vgic.h>); the guest's CPU interface is
 * the hardware's virtual one.
 */
#ifndef ARCH_LAYOUT_H
#define ARCH_LAYOUT_H

#include <fv/types.h>

struct arch_layout_cell {
	gpaddr_t vgicd_gpa;	/* GICv3 distributor, 64 KiB */
	gpaddr_t vgicr_gpa;	/* redistributors, 128 KiB per vCPU */
};

/* SPIs 32..987 (INTID); PPIs and SGIs are per vCPU */
#define ARCH_LAYOUT_MAX_IRQ	987
#define ARCH_LAYOUT_IRQC	"the virtual GIC"
#define ARCH_LAYOUT_MAX_WINDOWS	2

static inline unsigned arch_layout_windows(const struct arch_layout_cell *a,
					   struct layout_window *w)
{
	w[0] = (struct layout_window){
		.name = "vgicd", .field = "arch.vgicd_gpa",
		.what = "the virtual GIC distributor's guest address",
		.gpa = a->vgicd_gpa, .size = 0x10000ULL,
	};
	w[1] = (struct layout_window){
		.name = "vgicr", .field = "arch.vgicr_gpa",
		.what = "the virtual GIC redistributors' guest address",
		.gpa = a->vgicr_gpa, .size = 0x20000ULL * LAYOUT_MAX_HARTS,
	};
	return 2;
}

#endif
