/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The RISC-V part of a cell's layout (struct layout_cell.arch): where the
 * cell's guest finds its virtual PLIC.  A layout file sets it as
 *
 *	.arch.vplic_gpa = 0x0c000000,
 *
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
};

/* Sources 1..127 of the virtual PLIC. */
#define ARCH_LAYOUT_MAX_IRQ	127
#define ARCH_LAYOUT_IRQC	"the virtual PLIC"
#define ARCH_LAYOUT_MAX_WINDOWS	1

/* The windows of `a`, into w[0..ARCH_LAYOUT_MAX_WINDOWS); returns how many. */
static inline unsigned arch_layout_windows(const struct arch_layout_cell *a,
					   struct layout_window *w)
{
	w[0] = (struct layout_window){
		.name = "vplic", .field = "arch.vplic_gpa",
		.what = "the virtual PLIC's guest address",
		.gpa = a->vplic_gpa, .size = 0x4000000ULL,
	};
	return 1;
}

#endif
