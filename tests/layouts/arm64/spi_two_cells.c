/* expect: ^tests/layouts/arm64/spi_two_cells\.c: cell "b": devs\[0\] irq 34 is also owned by cell "a" \(devs\[0\]\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* One SPI, the PL031's (INTID 34), passed through to two cells (cell b
 * names it for QEMU virt's PL061 GPIO, whose own SPI is 39). */
#include "common.h"

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({ A64_CELL("a", 1, 0x50000000),
		DEVICES({ .gpa = 0x09010000, .hpa = 0x09010000, .size = 0x1000,
			  .irqs = { 34 } }) },
	      { A64_CELL("b", 2, 0x51000000),
		DEVICES({ .gpa = 0x09030000, .hpa = 0x09030000, .size = 0x1000,
			  .irqs = { 34 } }) }),
};
