// SPDX-License-Identifier: GPL-2.0-only
/*
 * Doorbells: cells "ping" (hart 1) and "pong" (hart 2) run the sbitest
 * guest in its doorbell mode over 1 MiB both map MEM_SHARED at guest
 * 0x88000000, a doorbell each at 0x10001000 (irq 11) naming the other;
 * each rings by SBI and by the register and says what it received.  Cell
 * "rtos" (hart 0) comes first so it has the console's focus: the others'
 * lines are collected and written whole.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(sbitest, "sbitest/sbitest.bin");

#define SHM_HPA		0xbff00000

#define DOORBELL_CELL(cell_name, ram, args, peer_name, hart) {		\
	.name = cell_name,						\
	HARTS(hart),							\
	MEMORY({ .gpa = 0x80000000, .hpa = (ram), .size = 16 * MiB,	\
		 .flags = MEM_RWX },					\
	       { .gpa = 0x88000000, .hpa = SHM_HPA, .size = 1 * MiB,	\
		 .flags = MEM_RW | MEM_SHARED }),			\
	EMULATED({ .type = EMU_DOORBELL, .gpa = 0x10001000, .irq = 11,	\
		   .doorbell = { .region_hpa = SHM_HPA, .peer = peer_name } }), \
	.arch.vplic_gpa = 0x0c000000,					\
	.kernel = IMAGE(sbitest, 0x80200000),				\
	.entry = 0x80200000,						\
	.bootargs = args,						\
	.on_fault = POLICY_STOP,					\
	.on_reboot = POLICY_STOP,					\
}

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos", 0x85000000, "status_every=100", 0),
	      DOORBELL_CELL("ping", 0x84000000, "checks=0 doorbell=ping", "pong", 1),
	      DOORBELL_CELL("pong", 0x86000000, "checks=0 doorbell=pong", "ping", 2)),
};
