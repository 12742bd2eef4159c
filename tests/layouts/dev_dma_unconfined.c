/* expect: OK */
/* warn: cell "linux": devs\[0\] hpa 0x10001000-0x10002fff holds /soc/virtio_mmio@10001000 \(virtio,mmio\) and 1 more: DMA-capable with no IOMMU, the cell can read and write all of memory \(DEV_DMA_UNCONFINED\) */
// SPDX-License-Identifier: GPL-2.0-only
/* Two virtio-mmio transports passed through with DEV_DMA_UNCONFINED: the
 * layout accepts that the cell's devices reach all of memory, so the
 * checker lets it pass and warns. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "linux",
		HARTS(1, 2),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x10001000, .hpa = 0x10001000, .size = 0x2000,
			  .irqs = { 1, 2 }, .flags = DEV_DMA_UNCONFINED }),
		BOOT,
	}),
};
