/* expect: ^tests/layouts/arm64/uart_over_vgic\.c: cell "a": vgicr gpa 0x80a0000-0x829ffff overlaps emus\[0\] gpa 0x80b0000-0x80b0fff in the guest-physical map$ */
// SPDX-License-Identifier: GPL-2.0-only
/* The cell's emulated PL011 inside its virtual GIC redistributor window. */
#include "common.h"

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({ A64_BASE("a", 1, 0x50000000), A64_VGIC,
		EMULATED({ .type = EMU_PL011, .gpa = 0x080b0000, .irq = 33 }) }),
};
