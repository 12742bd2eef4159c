/* expect: cell "rtos0": devs\[0\] irq 11: passthrough interrupts on an AIA board need arch\.aplic_gpa and arch\.imsic_gpa \(the virtual APLIC\) */
// SPDX-License-Identifier: GPL-2.0-only
/*
 * Checked against the AIA board (test_aia.py; not in tests/layouts/,
 * whose layouts are checked against the PLIC board): a passthrough
 * interrupt for a cell that only has the virtual PLIC.
 * Its RAM lies above the 64 MiB the AIA defconfig keeps for the
 * hypervisor (the Debian kernel of its Linux cell is ~35 MiB).
 */
#include "../common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x88000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 11 } }),
		BOOT,
	}),
};
