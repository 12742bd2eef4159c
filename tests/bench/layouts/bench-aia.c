// SPDX-License-Identifier: GPL-2.0-only
/*
 * The AIA benchmark cell (tests/bench, `bench=aia`), for an image built
 * for the AIA machine (QEMU virt with aia=aplic-imsic): the bench cell of
 * bench.c with guest interrupt files and a virtual APLIC instead of the
 * virtual PLIC, at the addresses of QEMU's S-level IMSIC and APLIC, so
 * the RTC's alarm and the IPIs between its two vharts are messages
 * straight into the vharts' guest files, as natively into their S-level
 * files.
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
		.arch.imsic_gpa = 0x28000000,
		.arch.aplic_gpa = 0x0d000000,
		.kernel = IMAGE(bench, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "bench=aia",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_STOP,
	}),
};
