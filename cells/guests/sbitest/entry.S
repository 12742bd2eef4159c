/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry points, the trap vector and the deliberately bad accesses.
 * vhart 0 arrives at _start with a0 = vhartid, a1 = DTB; vhart 1 at
 * secondary_entry from HSM hart_start with a0 = vhartid, a1 = opaque.
 * tp holds the vhart id for the trap handler.
 */
#include "entry.h"
#define STACK_SIZE	8192
#define FRAME		(18 * 8)

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
	addi	sp, sp, -FRAME
	sd	ra, 0(sp)
	sd	t0, 8(sp)
	sd	t1, 16(sp)
	sd	t2, 24(sp)
	sd	t3, 32(sp)
	sd	t4, 40(sp)
	sd	t5, 48(sp)
	sd	t6, 56(sp)
	sd	a0, 64(sp)
	sd	a1, 72(sp)
	sd	a2, 80(sp)
	sd	a3, 88(sp)
	sd	a4, 96(sp)
	sd	a5, 104(sp)
	sd	a6, 112(sp)
	sd	a7, 120(sp)
	call	sbitest_trap
	ld	ra, 0(sp)
	ld	t0, 8(sp)
	ld	t1, 16(sp)
	ld	t2, 24(sp)
	ld	t3, 32(sp)
	ld	t4, 40(sp)
	ld	t5, 48(sp)
	ld	t6, 56(sp)
	ld	a0, 64(sp)
	ld	a1, 72(sp)
	ld	a2, 80(sp)
	ld	a3, 88(sp)
	ld	a4, 96(sp)
	ld	a5, 104(sp)
	ld	a6, 112(sp)
	ld	a7, 120(sp)
	addi	sp, sp, FRAME
	sret

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
