/* expect: cell "rtos0": devs\[0\] hpa 0x10001000-0x10008fff holds /soc/virtio_mmio@10001000 \(virtio,mmio\) and 7 more: DMA-capable with no IOMMU */
// SPDX-License-Identifier: GPL-2.0-only
/* One window over all eight virtio-mmio transports: one error, which
 * names the first and counts the others. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x10001000, .hpa = 0x10001000, .size = 0x8000,
			  .irqs = { 1, 2, 3, 4 } }),
		BOOT,
	}),
};
