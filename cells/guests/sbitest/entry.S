/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry points, the trap vector and the deliberately bad accesses.
 * vhart 0 arrives at _start with a0 = vhartid, a1 = DTB; vhart 1 at
 * secondary_entry from HSM hart_start with a0 = vhartid, a1 = opaque.
 * tp holds the vhart id for the trap handler.
 */
#include "entry.h"
#define STACK_SIZE	8192

	.section .text.entry, "ax"
	.globl _start
_start:
	csrw	sie, zero
	csrci	sstatus, 2		/* SIE */
	la	t0, trap_entry
	csrw	stvec, t0
	CLEAR_BSS
	la	sp, stack0 + STACK_SIZE
	mv	tp, a0
	call	sbitest_main
3:	wfi
	j	3b

	.text
	.globl secondary_entry
	.balign 4
secondary_entry:
	csrw	sie, zero
	csrci	sstatus, 2
	la	t0, trap_entry
	csrw	stvec, t0
	la	sp, stack1 + STACK_SIZE
	mv	tp, a0
	call	sbitest_secondary
1:	wfi
	j	1b

/* Caller-saved registers only: the C handler saves the rest. */
	.balign 4
trap_entry:
	TRAP_CALL sbitest_trap

/*
 * The bad accesses: the faulting instruction is the first one, so the
 * function's address is the pc the hypervisor must report.
 */
	.globl bad_store
	.balign 4
bad_store:
	sw	a0, 0(a0)
	ret

	.globl bad_load
	.balign 4
bad_load:
	lw	a0, 0(a0)
	ret

	.globl bad_load16
	.balign 4
bad_load16:
	lh	a0, 0(a0)
	ret

	.bss
	.balign 16
stack0:	.space	STACK_SIZE
stack1:	.space	STACK_SIZE
