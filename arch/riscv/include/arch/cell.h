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

#define VSBI_FWFT_FEATURES	6	/* SBI FWFT local features 0-5 */
#define VSBI_DBTR_TRIGGERS	16	/* SBI DBTR trigger indexes a vhart may hold */

struct arch_vcpu {
	volatile bool eip;	/* VSEIP wanted, set by any hart's vPLIC access */
	/* its SBI HSM state while in a suspend call (arch/riscv/vsbi_suspend.c),
	 * else 0; read by the cell's other harts */
	volatile int hsm_suspend;
	/* SBI FWFT of this vhart (arch/riscv/vsbi_fwft.c): the features the
	 * hart can give it, their values, the locked ones; reset with it */
	unsigned fwft_supported, fwft_locked;
	unsigned long fwft_value[VSBI_FWFT_FEATURES];
	/* SBI DBTR (arch/riscv/vsbi_dbtr.c): the guest's shared memory (~0:
	 * none), the firmware triggers it installed, their tdata1-3 as the
	 * guest sees them; reset with it */
	unsigned long dbtr_shmem, dbtr_owned;
	unsigned long dbtr_data[VSBI_DBTR_TRIGGERS][3];
};

#endif
