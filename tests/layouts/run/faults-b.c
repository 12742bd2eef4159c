// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guests that break the rules, next to an RTOS that must not notice:
 * "exec" jumps outside its memory, "mmio" makes a 2-byte read of its
 * vPLIC, which takes 32-bit accesses only.  The RTOS comes first: it has
 * the console's focus.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(sbitest, "sbitest/sbitest.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos", 0x86000000, "status_every=100", 2),
	      SBITEST_CELL("exec", 0x84000000, "checks=0 bad=exec delay_ms=300", 0),
	      SBITEST_CELL("mmio", 0x85000000, "checks=0 bad=mmio delay_ms=500", 1)),
};
