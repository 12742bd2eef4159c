// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypervisor's messages while the focused cell is mid-line: "rtos"
 * comes first, so it has the console's focus and its output is written
 * through as it comes; it prints a status line every tick (1 ms), so its line is
 * open most of the time.  Meanwhile "exec" and "load" fault and "sbi"
 * shuts down: five messages of the hypervisor.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(sbitest, "sbitest/sbitest.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos", 0x86000000, "status_every=1", 2),
	      SBITEST_CELL("exec", 0x84000000, "checks=0 bad=exec delay_ms=301", 0),
	      SBITEST_CELL("sbi", 0x85000000, "checks=0 bad=none delay_ms=403", 1),
	      SBITEST_CELL("load", 0x87000000, "checks=0 bad=load delay_ms=353", 3)),
};
