/* SPDX-License-Identifier: GPL-2.0-only */
/* The cell under test of the interference benchmark, alone or not. */
#ifndef BENCH_INTERFERENCE_H
#define BENCH_INTERFERENCE_H

#include <fv/layout.h>

GUEST_IMAGE(rtos, "rtos/rtos.bin");

#define RTOS_UNDER_TEST {						\
	.name = "rtos",							\
	HARTS(3),							\
	MEMORY({ .gpa = 0x80000000, .hpa = 0x85000000, .size = 16 * MiB, \
		 .flags = MEM_RWX }),					\
	EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }), \
	.arch.vplic_gpa = 0x0c000000,					\
	.kernel = IMAGE(rtos, 0x80200000),				\
	.entry = 0x80200000,						\
	.bootargs = "status_every=100 stop_after=20",			\
	.on_fault = POLICY_STOP,					\
	.on_reboot = POLICY_STOP,					\
}

#endif
