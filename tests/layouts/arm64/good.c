/* expect: OK */
// SPDX-License-Identifier: GPL-2.0-only
/* Two ARM64 cells; one has QEMU virt's PL031 RTC passed through. */
#include "common.h"

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({ A64_CELL("a", 1, 0x50000000),
		DEVICES({ .gpa = 0x09010000, .hpa = 0x09010000, .size = 0x1000 }) },
	      { A64_CELL("b", 2, 0x51000000) }),
};
