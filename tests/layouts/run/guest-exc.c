// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exceptions of a guest's own making, next to an RTOS that must not
 * notice: "exc" runs sbitest's exc checks (hypervisor-extension
 * instructions from VS and VU-mode, which must come back to it as
 * illegal instructions) and shuts down; "ptw" gives its own page table a
 * next-level table at its vPLIC, for which it must be stopped.  The RTOS
 * comes first: it has the console's focus.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(sbitest, "sbitest/sbitest.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos", 0x86000000, "status_every=100", 2),
	      SBITEST_CELL("exc", 0x84000000, "checks=exc delay_ms=300", 0),
	      SBITEST_CELL("ptw", 0x85000000, "checks=0 bad=ptw delay_ms=500", 1)),
};
