// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two RTOS cells side by side on ARM64, like the RISC-V two-rtos: rtos0
 * on CPUs 1 and 2 (it starts its second vCPU with PSCI CPU_ON), rtos1 on
 * CPU 3; CPU 0 stays free for the console's housekeeping.  Both see the
 * same guest-physical map, that of a small QEMU aarch64 virt machine of
 * their own: 16 MiB of RAM at 0x40000000 (the image at 0x40200000, as
 * QEMU's direct kernel boot places it natively), an emulated PL011 at
 * 0x09000000 (SPI 1, INTID 33) and the virtual GICv3 where virt has its
 * GIC.  The RAM is 16 MiB of the real RAM each.
 */
#include <fv/layout.h>

GUEST_IMAGE(rtos, "rtos/rtos.bin");

#define RTOS_CELL(cell_name, ram, ...) {				\
	.name = cell_name,						\
	HARTS(__VA_ARGS__),						\
	MEMORY({ .gpa = 0x40000000, .hpa = (ram), .size = 16 * MiB,	\
		 .flags = MEM_RWX }),					\
	EMULATED({ .type = EMU_PL011, .gpa = 0x09000000, .irq = 33 }),	\
	.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 },	\
	.kernel = IMAGE(rtos, 0x40200000),				\
	.entry = 0x40200000,						\
	.bootargs = "status_every=200",					\
	.on_fault = POLICY_STOP,					\
	.on_reboot = POLICY_RESTART,					\
}

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS(RTOS_CELL("rtos0", 0x50000000, 1, 2),
	      RTOS_CELL("rtos1", 0x51000000, 3)),
};
