/* expect: cell "rtos0": devs\[0\] hpa 0x10100000-0x10100fff holds /fw-cfg@10100000 \(qemu,fw-cfg-mmio\): DMA-capable with no IOMMU, the cell could read and write all of memory \(set DEV_DMA_UNCONFINED in \.flags to accept that\) */
// SPDX-License-Identifier: GPL-2.0-only
/* QEMU's fw_cfg passed through: its DMA interface copies to and from any
 * address, and the layout does not say it accepts that. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x10100000, .hpa = 0x10100000, .size = 0x1000 }),
		BOOT,
	}),
};
