/* expect: ^tests/layouts/arm64/emu_irq_sgi\.c: cell "a": emus\[0\] irq 5 is no SPI \(INTID 32\.\.1019\): the virtual GIC gives emulated devices SPIs$ */
// SPDX-License-Identifier: GPL-2.0-only
/* An emulated PL011 whose line is an SGI number. */
#include "common.h"

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({ A64_BASE("a", 1, 0x50000000), A64_VGIC,
		EMULATED({ .type = EMU_PL011, .gpa = 0x09000000, .irq = 5 }) }),
};
