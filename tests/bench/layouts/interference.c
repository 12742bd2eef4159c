// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interference benchmark: the same RTOS cell as interference-alone.c,
 * beside a noisy neighbour on harts 1 and 2 (tests/bench/noisy) that
 * floods its console, storms SBI calls and IPIs within its own cell and
 * reboots itself in a loop.
 */
#include "interference.h"

GUEST_IMAGE(noisy, "noisy/noisy.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_UNDER_TEST, {
		.name = "noisy",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x84000000, .size = 16 * MiB,
			 .flags = MEM_RWX }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(noisy, 0x80200000),
		.entry = 0x80200000,
		.on_fault = POLICY_RESTART,
		.on_reboot = POLICY_RESTART,
	}),
};
