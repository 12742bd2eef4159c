/* expect: ^tests/layouts/arm64/no_vgic\.c: cell "a": arch\.vgicd_gpa is not set \(the virtual GIC distributor\'s guest address\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* A cell without its virtual GIC distributor's address. */
#include "common.h"

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({ A64_BASE("a", 1, 0x50000000), A64_PL011, .arch = { .vgicr_gpa = 0x080a0000 } }),
};
