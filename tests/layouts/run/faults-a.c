// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guests that break the rules, next to an RTOS that must not notice:
 * "store" has vhart 1 (of 2) store outside its memory, "load" loads from
 * outside it.  Both wait until the RTOS is ticking.  The RTOS has the
 * console's focus (it comes first), so the faulting cells' lines are
 * written whole.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(sbitest, "sbitest/sbitest.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos", 0x86000000, "status_every=100", 3),
	      SBITEST_CELL("store", 0x84000000,
			   "checks=0 bad=store bad_vhart=1 delay_ms=300", 0, 1),
	      SBITEST_CELL("load", 0x85000000, "checks=0 bad=load delay_ms=500", 2)),
};
