// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hostile-guest suite (issue 8, 3; tests/integration/test_hostile.py):
 * cell "hostile" attacks the hypervisor, the firmware and cell "victim"
 * one attack at a time; the victim, an RTOS, ticks on and checks a guard
 * region of its RAM.  The attacker's RAM is identity-mapped (gpa == hpa)
 * so that the addresses it tries are the machine's own; its vPLIC and
 * UART sit where QEMU virt has nothing, so the real PLIC (0x0c000000),
 * CLINT and UART stay what it must not reach.  A fault restarts it, and
 * its progress lives in the kept region (MEM_KEEP).  The victim comes
 * first, so it has the console's focus and the attacker's lines are
 * written whole.
 *
 * For the VirtIO attacks the attacker also has a read-only region (a
 * buffer the device would write there must be refused), a virtio-blk disk
 * backed by RAM no cell maps, and a virtio-net card on link 1 with the
 * victim, whose own card nobody drives: frames for it are dropped.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(hostile, "hostile/hostile.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "victim",
		HARTS(2),
		RAM16(0x85000000),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 { .type = EMU_VIRTIO_NET, .gpa = 0x10001000, .irq = 11,
			   .net = { .link = 1 } }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(rtos, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "status_every=50 guard=2048",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	},
	{
		.name = "hostile",
		HARTS(1),
		MEMORY({ .gpa = 0x84000000, .hpa = 0x84000000, .size = 2 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = 0x84400000, .hpa = 0x84400000, .size = 64 * KiB,
			 .flags = MEM_RW | MEM_KEEP },
		       { .gpa = 0x84800000, .hpa = 0x84800000, .size = 64 * KiB,
			 .flags = MEM_R }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x1f000000, .irq = 10 },
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x1f010000, .irq = 33,
			   .blk = { .hpa = 0x84c00000, .size = 64 * KiB } },
			 { .type = EMU_VIRTIO_NET, .gpa = 0x1f011000, .irq = 34,
			   .net = { .link = 1 } }),
		.arch.vplic_gpa = 0x20000000,
		.kernel = IMAGE(hostile, 0x84000000),
		.entry = 0x84000000,
		.bootargs = "",
		.on_fault = POLICY_RESTART,
		.on_reboot = POLICY_RESTART,
	}),
};
