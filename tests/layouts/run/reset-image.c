// SPDX-License-Identifier: GPL-2.0-only
/*
 * A restart puts the cell's images back as built: rtos0's initrd is a
 * small pattern (reset-image.mk) whose first word, 1234567, the RTOS's
 * reset check reads at every boot and then increments (mark_at).  Every
 * boot must read 1234567: a restart that did not copy the images again
 * would show 1234568, one that only cleared the cell's memory 0.  The
 * MEM_KEEP counter (keep_at) counts the boots; rtos1 ticks on.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(pattern, "reset-image/pattern.bin");

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
		.initrd = IMAGE(pattern, 0x80e00000),
		.entry = 0x80200000,
		.bootargs = "reset_after=2 status_every=50 keep_at=0x81000000 "
			    "mark_at=0x80e00000",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	},
	RTOS_CELL("rtos1", 0x85000000, "status_every=100", 1)),
};
