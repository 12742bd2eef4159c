/* expect: cell "rtos1": devs\[1\] hpa 0x10003000-0x10003fff holds /soc/virtio_mmio@10003000 \(virtio,mmio\): DMA-capable with no IOMMU, the cell could read and write all of memory \(set DEV_DMA_UNCONFINED in \.flags to accept that\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtio-mmio transport passed through without saying that its DMA,
 * which no IOMMU confines, reaches all of memory. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 11 } },
			{ .gpa = 0x10003000, .hpa = 0x10003000, .size = 0x1000, .irqs = { 3 } }),
		BOOT,
	}),
};
