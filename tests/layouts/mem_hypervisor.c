/* expect: cell "rtos0": mem\[0\] hpa 0x82000000-0x82ffffff overlaps the hypervisor \(0x80200000-0x821fffff\) */
// SPDX-License-Identifier: GPL-2.0-only
/* Memory on top of the hypervisor. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x82000000)),
		BOOT,
	}),
};
