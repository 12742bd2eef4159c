/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry points.  The boot hart arrives at _start from the firmware (or the
 * hypervisor) with a0 = hartid, a1 = DTB, satp = 0; secondaries arrive at
 * secondary_entry from SBI HSM hart_start with a1 = their struct hart.
 */
#include "config.h"

	.section .text.entry, "ax"
	.globl _start
_start:
	csrw	sie, zero
	csrci	sstatus, 2		/* SIE */
	la	t0, trap_entry
	csrw	stvec, t0

	/* All mutable state is in .bss: clear it on every (re)boot. */
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	la	sp, boot_stacks + BOOT_STACK_SIZE
	la	tp, harts		/* the boot hart is always harts[0] */
	call	rtos_main
	j	rtos_halt

	.text
	.globl secondary_entry
	.balign 4
secondary_entry:
	csrw	sie, zero
	csrci	sstatus, 2
	la	t0, trap_entry
	csrw	stvec, t0
	ld	sp, 0(a1)		/* struct hart.boot_sp */
	mv	tp, a1
	call	rtos_secondary
	j	rtos_halt
