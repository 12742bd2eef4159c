// SPDX-License-Identifier: GPL-2.0-only
/* No cells: the hypervisor boots at EL2, reports the platform and idles. */
#include <fv/layout.h>

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
};
