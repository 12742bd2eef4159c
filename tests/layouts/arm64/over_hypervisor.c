/* expect: ^tests/layouts/arm64/over_hypervisor\.c: cell "a": mem\[0\] hpa 0x41000000-0x41ffffff overlaps the hypervisor \(0x40200000-0x421fffff\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* Cell memory over the hypervisor (0x40200000-0x421fffff). */
#include "common.h"

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({ A64_CELL("a", 1, 0x41000000) }),
};
