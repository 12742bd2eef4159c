/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared pieces of the checker's test layouts in tests/layouts, for the
 * QEMU virt board the tests use: 4 harts (0-3), 1 GiB of RAM at
 * 0x80000000, OpenSBI in 0x80000000-0x801fffff and the hypervisor in
 * 0x80200000-0x821fffff.  The image is a 64 * KiB file the test writes to
 * $(O)/guests/test/img.bin.
 */
#ifndef TEST_LAYOUTS_COMMON_H
#define TEST_LAYOUTS_COMMON_H

#include <fv/layout.h>

GUEST_IMAGE(img, "test/img.bin");

#define BOARD		.board = "qemu-riscv64-virt"

/* A 16 MiB RAM window at guest 0x80000000. */
#define RAM16(hpa_)	{ .gpa = 0x80000000, .hpa = (hpa_), .size = 16 * MiB, .flags = MEM_RWX }

/* Virtual PLIC, kernel and entry of a cell whose RAM starts at guest 0x80000000. */
#define BOOT		.arch.vplic_gpa = 0x0c000000, .kernel = IMAGE(img, 0x80000000), \
			.entry = 0x80000000

#endif
