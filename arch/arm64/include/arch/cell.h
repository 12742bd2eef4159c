/* SPDX-License-Identifier: GPL-2.0-only */
/* ARM64 per-cell and per-vCPU state. */
#ifndef ARCH_CELL_H
#define ARCH_CELL_H

#include <arch/stage2.h>
#include <arch/vgic.h>

struct arch_cell {
	struct stage2 s2;
	unsigned vmid;
	uint64_t vttbr;
	struct vgic vgic;
};

struct arch_vcpu {
	/* its vgic_cpu's dirty flag: set by whoever raises an interrupt for
	 * it, read on every way back into the guest (one load) */
	volatile bool *virq_raised;
};

#endif
