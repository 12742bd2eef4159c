// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM64 make bench: one cell of the ARM64 bench guest (tests/bench/guest,
 * arch/arm64)
 * on CPU 1, laid out as QEMU's aarch64 virt lays out the machine the same
 * binary runs on natively (RAM at 0x40000000, the image at 0x40200000,
 * a PL011 at 0x09000000, the GICv3 at 0x08000000/0x080a0000; in the
 * GICv2 image a GICv2 whose CPU interface is at 0x080a0000), so the
 * guest finds the same addresses both ways and only the hypervisor differs.
 * The PL031 RTC (SPI 2, INTID 34) is passed through for the SPI rows; two
 * vCPUs (CPUs 1 and 2) for the SGI rows, the second started by the guest
 * with PSCI CPU_ON.
 */
#include <fv/layout.h>

GUEST_IMAGE(bench, "bench-arm64/bench.bin");

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({
		.name = "bench",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x40000000, .hpa = 0x50000000, .size = 16 * MiB,
			 .flags = MEM_RWX }),
		DEVICES({ .gpa = 0x09010000, .hpa = 0x09010000,	/* PL031 RTC */
			  .size = 0x1000, .irqs = { 34 } }),
		EMULATED({ .type = EMU_PL011, .gpa = 0x09000000, .irq = 33 }),
		.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 },
		.kernel = IMAGE(bench, 0x40200000),
		.entry = 0x40200000,
		.on_fault = POLICY_STOP,
	}),
};
