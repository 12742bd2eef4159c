/* expect: cell "rtos0": emus\[1\] gpa 0x10000000-0x10000fff overlaps emus\[0\] gpa 0x10000000-0x100000ff in the guest-physical map */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtio device's window over the UART's page: a virtio-mmio
 * window is a whole page. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 { .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10000000, .irq = 11,
			   .console = { .name = "log" } }),
		BOOT,
	}),
};
