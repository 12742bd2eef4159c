/* SPDX-License-Identifier: GPL-2.0-only */
/* RISC-V per-cell and per-vCPU state. */
#ifndef ARCH_CELL_H
#define ARCH_CELL_H

#include <arch/stage2.h>
#include <fv/layout.h>
#include <vaplic.h>
#include <vplic.h>

struct arch_cell {
	struct stage2 s2;
	unsigned vmid;
	unsigned long hgatp;
	struct vplic vplic;
	/* AIA: vhart k's guest interrupt file (physical), 0: the cell has none */
	paddr_t guest_file[LAYOUT_MAX_HARTS];
	/* AIA with .arch.aplic_gpa: the cell's interrupt controller is this
	 * virtual APLIC instead of the vPLIC */
	bool has_vaplic;
	struct vaplic vaplic;
};

struct arch_vcpu {
	volatile bool eip;	/* VSEIP wanted, set by any hart's vPLIC access */
};

#endif
