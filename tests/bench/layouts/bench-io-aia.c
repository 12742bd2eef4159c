// SPDX-License-Identifier: GPL-2.0-only
/*
 * The doorbell figures on the AIA machine (QEMU virt with aia=aplic-imsic,
 * an image built with AIA_CONFIG): bench-io.c's two cells without the
 * disk, each with guest interrupt files and a virtual APLIC instead of
 * the virtual PLIC.  Why a layout of its own: a doorbell's interrupt is
 * an emulated source, so here the hypervisor raises it by storing the
 * identity the peer's guest aimed it at into the peer vhart's guest file
 * (the virtual APLIC's MSI), and the peer claims it with vstopei, no
 * trap, where on the PLIC board the claim and complete are emulated
 * accesses; make bench compares the two.  The bench cell (bench=doorbell,
 * harts 1 and 2, 64 MiB, the UART emulated) rings the echo cell
 * (bench=echo, hart 3, 16 MiB); they share 1 MiB.
 */
#include <fv/layout.h>

GUEST_IMAGE(bench, "bench/bench.bin");

#define SHM_HPA		0xbff00000
#define IMSIC_GPA	0x28000000	/* QEMU's S-level IMSIC, 2-page aligned */
#define APLIC_GPA	0x0d000000	/* QEMU's S-level APLIC */

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "bench",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x88000000, .size = 64 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = 0x88000000, .hpa = SHM_HPA, .size = 1 * MiB,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 { .type = EMU_DOORBELL, .gpa = 0x10009000, .irq = 12,
			   .doorbell = { .region_hpa = SHM_HPA, .peer = "echo" } }),
		.arch.imsic_gpa = IMSIC_GPA,
		.arch.aplic_gpa = APLIC_GPA,
		.kernel = IMAGE(bench, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "bench=doorbell",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_STOP,
	}, {
		.name = "echo",
		HARTS(3),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x8c000000, .size = 16 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = 0x88000000, .hpa = SHM_HPA, .size = 1 * MiB,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED({ .type = EMU_DOORBELL, .gpa = 0x10001000, .irq = 12,
			   .doorbell = { .region_hpa = SHM_HPA, .peer = "bench" } }),
		.arch.imsic_gpa = IMSIC_GPA,
		.arch.aplic_gpa = APLIC_GPA,
		.kernel = IMAGE(bench, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "bench=echo",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_STOP,
	}),
};
