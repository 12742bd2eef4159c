// SPDX-License-Identifier: GPL-2.0-only
/*
 * A restart starts the cell as at boot (issue 8, 1.8): rtos0 reboots
 * every 2 status lines and reports, at each boot, a counter in a region
 * the layout keeps (MEM_KEEP, at 0x81000000), one in ordinary RAM (which
 * the restart zeroes) and its UART's scratch register (which the device
 * reset clears).  rtos1 ticks on.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x84000000, .size = 16 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = 0x81000000, .hpa = 0x86000000, .size = 64 * KiB,
			 .flags = MEM_RW | MEM_KEEP }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(rtos, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "reset_after=2 status_every=50 keep_at=0x81000000 "
			    "mark_at=0x80e00000",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	},
	RTOS_CELL("rtos1", 0x85000000, "status_every=100", 1)),
};
