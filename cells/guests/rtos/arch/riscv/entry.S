/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry points.  The boot hart arrives at _start from the firmware (or the
 * hypervisor) with a0 = hartid, a1 = DTB, satp = 0; secondaries arrive at
 * secondary_entry from SBI HSM hart_start with a1 = their struct hart.
 */
#include "entry.h"
#include "config.h"

	.section .text.entry, "ax"
	.globl _start
_start:
	csrw	sie, zero
	csrci	sstatus, 2		/* SIE */
	la	t0, trap_entry
	csrw	stvec, t0

	CLEAR_BSS
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
