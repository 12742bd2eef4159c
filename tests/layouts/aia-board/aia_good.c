/* expect: OK */
// SPDX-License-Identifier: GPL-2.0-only
/*
 * Checked against the AIA board (test_aia.py): guest interrupt files, a
 * virtual APLIC with a passthrough source, and no virtual PLIC.
 * Its RAM lies above the 64 MiB the AIA defconfig keeps for the
 * hypervisor (the Debian kernel of its Linux cell is ~35 MiB).
 */
#include "../common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0, 1),
		MEMORY(RAM16(0x88000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 11 } }),
		.arch.imsic_gpa = 0x28000000,
		.arch.aplic_gpa = 0x0d000000,
		.kernel = IMAGE(img, 0x80000000), .entry = 0x80000000,
	}),
};
