/* expect: ^tests/layouts/arm64/gic_passthrough\.c: cell "a": devs\[0\] hpa 0x8000000-0x800ffff belongs to the hypervisor \(interrupt controller, timer or IPI device\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* The GIC distributor is the hypervisor's: never passed through. */
#include "common.h"

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({ A64_CELL("a", 1, 0x50000000),
		DEVICES({ .gpa = 0x10000000, .hpa = 0x08000000, .size = 0x10000 }) }),
};
