/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The RISC-V part of a cell's layout (struct layout_cell.arch): where the
 * cell's guest finds its virtual PLIC, and on an AIA machine its
 * interrupt files and virtual APLIC.  A layout file sets it as
 *
 *	.arch.vplic_gpa = 0x0c000000,
 *	.arch.imsic_gpa = 0x28000000,	(AIA: vhart k's file at + k * 4 KiB)
 *	.arch.aplic_gpa = 0x0d000000,	(AIA: the virtual APLIC)
 *
 * The PLIC machine uses the first, an AIA machine the other two (and the
 * virtual PLIC where they are not set); one layout can run on both.
 * The core's checker knows nothing of a PLIC: it asks arch_layout_windows()
 * for the guest-physical windows this part adds (checked for being set,
 * aligned and apart from everything else of the cell) and takes the
 * interrupt numbers a cell may use from ARCH_LAYOUT_MAX_IRQ.
 */
#ifndef ARCH_LAYOUT_H
#define ARCH_LAYOUT_H

#include <fv/types.h>

struct arch_layout_cell {
	gpaddr_t vplic_gpa;	/* the cell's virtual PLIC (64 MiB) */
	gpaddr_t imsic_gpa;	/* AIA: its vharts' guest interrupt files, 0: none */
	gpaddr_t aplic_gpa;	/* AIA: its virtual APLIC, 0: none */
};

/* Sources 1..127 of the virtual PLIC. */
#define ARCH_LAYOUT_MAX_IRQ	127
#define ARCH_LAYOUT_IRQC	"the virtual PLIC"
#define ARCH_LAYOUT_MAX_WINDOWS	3

/* AIA windows: a page per vhart (room for the most a cell may have), and
 * the APLIC's register block. */
#define ARCH_LAYOUT_IMSIC_SIZE	(LAYOUT_MAX_HARTS * 0x1000ULL)
#define ARCH_LAYOUT_APLIC_SIZE	0x8000ULL

/* The windows of `a`, into w[0..ARCH_LAYOUT_MAX_WINDOWS); returns how many. */
static inline unsigned arch_layout_windows(const struct arch_layout_cell *a,
					   struct layout_window *w)
{
	unsigned n = 0;

	if (a->vplic_gpa || !a->aplic_gpa)	/* one interrupt controller at least */
		w[n++] = (struct layout_window){
			.name = "vplic", .field = "arch.vplic_gpa",
			.what = "the virtual PLIC's guest address",
			.gpa = a->vplic_gpa, .size = 0x4000000ULL,
		};
	if (a->imsic_gpa)
		w[n++] = (struct layout_window){
			.name = "imsic", .field = "arch.imsic_gpa",
			.what = "the guest interrupt files' guest address",
			.gpa = a->imsic_gpa, .size = ARCH_LAYOUT_IMSIC_SIZE,
		};
	if (a->aplic_gpa)
		w[n++] = (struct layout_window){
			.name = "aplic", .field = "arch.aplic_gpa",
			.what = "the virtual APLIC's guest address",
			.gpa = a->aplic_gpa, .size = ARCH_LAYOUT_APLIC_SIZE,
		};
	return n;
}

#endif
