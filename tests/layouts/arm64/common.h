/* SPDX-License-Identifier: GPL-2.0-only */
/* A correct ARM64 cell the bad layouts here change one thing of
 * (tests/integration/test_arm64_layout_check.py).  The image is any file:
 * the test writes $O/guests/test/img.bin. */
#ifndef ARM64_LAYOUT_COMMON_H
#define ARM64_LAYOUT_COMMON_H

#include <fv/layout.h>

GUEST_IMAGE(img, "test/img.bin");

/* all but the emulated devices and the arch part */
#define A64_BASE(cell_name, cpu, ram) \
	.name = cell_name,						\
	HARTS(cpu),							\
	MEMORY({ .gpa = 0x40000000, .hpa = (ram), .size = 16 * MiB,	\
		 .flags = MEM_RWX }),					\
	.kernel = IMAGE(img, 0x40000000),				\
	.entry = 0x40000000

#define A64_VGIC	.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 }
#define A64_PL011	EMULATED({ .type = EMU_PL011, .gpa = 0x09000000, .irq = 33 })

#define A64_CELL(cell_name, cpu, ram) \
	A64_BASE(cell_name, cpu, ram), A64_VGIC, A64_PL011

#endif
