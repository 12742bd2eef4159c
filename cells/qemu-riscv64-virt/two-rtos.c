// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two RTOS cells side by side, one hart each.  Both see the same
 * guest-physical map (RAM at 0x80000000, a UART at 0x10000000, a PLIC at
 * 0x0c000000), like a small QEMU virt machine of their own; the UARTs and
 * PLICs are emulated, the RAM is 16 MiB of the real RAM each.
 */
#include <fv/layout.h>

GUEST_IMAGE(rtos, "rtos/rtos.bin");

#define RTOS_CELL(cell_name, hart, ram) {				\
	.name = cell_name,						\
	HARTS(hart),							\
	MEMORY({ .gpa = 0x80000000, .hpa = (ram), .size = 16 * MiB,	\
		 .flags = MEM_RWX }),					\
	EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }), \
	.arch.vplic_gpa = 0x0c000000,					\
	.kernel = IMAGE(rtos, 0x80200000),				\
	.entry = 0x80200000,						\
	.bootargs = "status_every=200",					\
	.on_fault = POLICY_STOP,					\
	.on_reboot = POLICY_RESTART,					\
}

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos0", 0, 0x84000000),
	      RTOS_CELL("rtos1", 1, 0x85000000)),
};
