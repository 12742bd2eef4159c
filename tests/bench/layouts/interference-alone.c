// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interference benchmark, the reference run: the RTOS cell alone on hart
 * 3, stopping after 20 status lines (2000 ticks) so the hypervisor prints
 * its totals (traps, interrupts, shared-lock waits).
 */
#include "interference.h"

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_UNDER_TEST),
};
