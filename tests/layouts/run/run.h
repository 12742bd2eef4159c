/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Cells of the runtime tests (tests/integration/test_cells.py), on QEMU
 * virt with 4 harts and 1 GiB.  Every cell sees the same guest-physical
 * map as in cells/qemu-riscv64-virt/two-rtos.c: 16 MiB of RAM at
 * 0x80000000, a vPLIC at 0x0c000000 and, for the RTOS, an emulated UART
 * at 0x10000000 (irq 10).
 */
#ifndef TESTS_LAYOUTS_RUN_H
#define TESTS_LAYOUTS_RUN_H

#include <fv/layout.h>

#define RAM16(hpa_)	MEMORY({ .gpa = 0x80000000, .hpa = (hpa_), .size = 16 * MiB, \
				 .flags = MEM_RWX })

/* An RTOS cell on `harts`, RAM at `ram`; needs GUEST_IMAGE(rtos, ...). */
#define RTOS_CELL(cell_name, ram, args, harts...) {			\
	.name = cell_name,						\
	HARTS(harts),							\
	RAM16(ram),							\
	EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }), \
	.arch.vplic_gpa = 0x0c000000,					\
	.kernel = IMAGE(rtos, 0x80200000),				\
	.entry = 0x80200000,						\
	.bootargs = args,						\
	.on_fault = POLICY_STOP,					\
	.on_reboot = POLICY_RESTART,					\
}

/* What every sbitest cell has (console through SBI DBCN). */
#define SBITEST_FIELDS(cell_name, ram, args)				\
	.name = cell_name,						\
	RAM16(ram),							\
	.arch.vplic_gpa = 0x0c000000,					\
	.kernel = IMAGE(sbitest, 0x80200000),				\
	.entry = 0x80200000,						\
	.bootargs = args,						\
	.on_fault = POLICY_STOP,					\
	.on_reboot = POLICY_STOP

/* An sbitest cell; needs GUEST_IMAGE(sbitest, ...). */
#define SBITEST_CELL(cell_name, ram, args, harts...)			\
	{ SBITEST_FIELDS(cell_name, ram, args), HARTS(harts) }

/* The same with an emulated UART (its console stays SBI DBCN): sbitest's
 * mmio checks load and store its scratch register. */
#define SBITEST_UART_CELL(cell_name, ram, args, harts...)		\
	{ SBITEST_FIELDS(cell_name, ram, args), HARTS(harts),		\
	  EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }) }

#endif
