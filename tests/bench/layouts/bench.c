// SPDX-License-Identifier: GPL-2.0-only
/*
 * The benchmark cell (tests/bench): the bench guest on two vharts (harts
 * 1 and 2) with 64 MiB, the emulated console UART where QEMU's is, and
 * the goldfish RTC passed through at its own address with its interrupt,
 * so the guest finds the same devices at the same addresses as natively.
 */
#include <fv/layout.h>

GUEST_IMAGE(bench, "bench/bench.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "bench",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x88000000, .size = 64 * MiB,
			 .flags = MEM_RWX }),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000,
			  .irqs = { 11 } }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(bench, 0x80200000),
		.entry = 0x80200000,
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_STOP,
	}),
};
