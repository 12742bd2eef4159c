/* expect: ^tests/layouts/arm64/its_passthrough\.c: cell "a": devs\[0\] hpa 0x8080000-0x809ffff belongs to the hypervisor \(interrupt controller, timer or IPI device\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* The GIC's ITS (a child node of the GIC) is the hypervisor's too. */
#include "common.h"

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({ A64_CELL("a", 1, 0x50000000),
		DEVICES({ .gpa = 0x10000000, .hpa = 0x08080000, .size = 0x20000 }) }),
};
