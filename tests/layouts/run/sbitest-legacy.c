// SPDX-License-Identifier: GPL-2.0-only
/*
 * SBI v0.1 shutdown from a cell (test_sbitest_native.py): cell "sbi" asks
 * for it 250 ms after boot (no checks) and must stop alone; cell "rtos"
 * beside it ticks on.  Natively the same call powers the board off.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(sbitest, "sbitest/sbitest.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos", 0x85000000, "status_every=100", 2),
	      SBITEST_CELL("sbi", 0x84000000, "checks=0 shutdown=legacy delay_ms=250", 0, 1)),
};
