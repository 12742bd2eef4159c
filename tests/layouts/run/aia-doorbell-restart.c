// SPDX-License-Identifier: GPL-2.0-only
/*
 * A doorbell between two cells on the AIA machine while one of them keeps
 * restarting (tests/integration/test_aia_doorbell.py): why it exists is
 * that there a ring raises the peer's virtual APLIC source and stores
 * into the peer's guest interrupt file from the ringing hart, which must
 * stay right across the peer's stop, reset and start.  "storm" (hart 1)
 * rings without pause (bench guest, bench=dbstorm); "peer" (hart 2) takes
 * 50 interrupts and 100 rings, reboots, four runs in all (bench=dbreboot).  Both have guest
 * interrupt files and a virtual APLIC, and print through SBI DBCN.
 */
#include <fv/layout.h>

GUEST_IMAGE(bench, "bench/bench.bin");

#define SHM_HPA		0xbff00000
#define IMSIC_GPA	0x28000000	/* QEMU's S-level IMSIC, 2-page aligned */
#define APLIC_GPA	0x0d000000	/* QEMU's S-level APLIC */

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "storm",
		HARTS(1),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x88000000, .size = 16 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = 0x88000000, .hpa = SHM_HPA, .size = 1 * MiB,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED({ .type = EMU_DOORBELL, .gpa = 0x10001000, .irq = 12,
			   .doorbell = { .region_hpa = SHM_HPA, .peer = "peer" } }),
		.arch.imsic_gpa = IMSIC_GPA,
		.arch.aplic_gpa = APLIC_GPA,
		.kernel = IMAGE(bench, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "bench=dbstorm",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_STOP,
	}, {
		.name = "peer",
		HARTS(2),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x8c000000, .size = 16 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = 0x88000000, .hpa = SHM_HPA, .size = 1 * MiB,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED({ .type = EMU_DOORBELL, .gpa = 0x10001000, .irq = 12,
			   .doorbell = { .region_hpa = SHM_HPA, .peer = "storm" } }),
		.arch.imsic_gpa = IMSIC_GPA,
		.arch.aplic_gpa = APLIC_GPA,
		.kernel = IMAGE(bench, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "bench=dbreboot",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}),
};
