/* expect: ^tests/layouts/arm64/ppi_passthrough\.c: cell "a": devs\[0\] irq 27 is no SPI \(INTID 32\.\.1019\): SGIs and PPIs are the vCPUs' own, never passed through$ */
// SPDX-License-Identifier: GPL-2.0-only
/* A PPI (the virtual timer's, 27) named as a passthrough device's line. */
#include "common.h"

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({ A64_CELL("a", 1, 0x50000000),
		DEVICES({ .gpa = 0x09010000, .hpa = 0x09010000, .size = 0x1000,
			  .irqs = { 27 } }) }),
};
