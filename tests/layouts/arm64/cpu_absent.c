/* expect: ^tests/layouts/arm64/cpu_absent\.c: cell "a": harts\[0\]: hart 9 is not on the board \(its harts: 0-3\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* A CPU (MPIDR 9) the 4-CPU board does not have. */
#include "common.h"

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({ A64_CELL("a", 9, 0x50000000) }),
};
