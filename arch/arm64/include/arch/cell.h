/* SPDX-License-Identifier: GPL-2.0-only */
/* ARM64 per-cell and per-vCPU state (stage-2 and the vGIC come later). */
#ifndef ARCH_CELL_H
#define ARCH_CELL_H

#include <fv/types.h>

struct arch_cell {
	unsigned vmid;
};

struct arch_vcpu {
	uint64_t unused;
};

#endif
