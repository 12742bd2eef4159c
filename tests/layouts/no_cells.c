/* expect: OK */
// SPDX-License-Identifier: GPL-2.0-only
/* No cells is a layout too: the hypervisor alone boots and idles. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
};
