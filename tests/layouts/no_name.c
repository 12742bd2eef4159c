/* expect: ^tests/layouts/no_name\.c: cell #0: has no name \(\.name\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* A cell without a name. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
	}),
};
