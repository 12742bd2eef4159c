/* expect: cell "rtos0": on_fault 5 is not a policy \(POLICY_STOP or POLICY_RESTART\) */
/* expect: cell "rtos0": on_reboot 2 is not a policy */
// SPDX-License-Identifier: GPL-2.0-only
/* Fault and reboot policies that do not exist. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		.on_fault = 5,
		.on_reboot = 2,
		BOOT,
	}),
};
