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

/*
 * long suspend_call(ext, fid, type, ctx): see sbitest.h.  The ecall
 * returns only on an error or after a retentive suspend; a non-retentive
 * one comes back at suspend_resume with a0 = hart id, a1 = ctx, in
 * S-mode with (the spec says) satp 0 and sstatus.SIE 0: recorded in ctx
 * before anything else changes them.
 */
	.globl suspend_call
	.balign 4
suspend_call:
	sd	ra, 0(a3)
	sd	sp, 8(a3)
	sd	gp, 16(a3)
	sd	tp, 24(a3)
	sd	s0, 32(a3)
	sd	s1, 40(a3)
	sd	s2, 48(a3)
	sd	s3, 56(a3)
	sd	s4, 64(a3)
	sd	s5, 72(a3)
	sd	s6, 80(a3)
	sd	s7, 88(a3)
	sd	s8, 96(a3)
	sd	s9, 104(a3)
	sd	s10, 112(a3)
	sd	s11, 120(a3)
	mv	a7, a0
	mv	a6, a1
	mv	a0, a2
	la	a1, suspend_resume
	mv	a2, a3
	ecall
	ret

	.globl suspend_resume
	.balign 4
suspend_resume:
	csrr	t0, satp
	sd	t0, 128(a1)
	csrr	t0, sstatus
	sd	t0, 136(a1)
	sd	a0, 144(a1)
	sd	a1, 152(a1)
	la	t0, trap_entry
	csrw	stvec, t0
	ld	ra, 0(a1)
	ld	sp, 8(a1)
	ld	gp, 16(a1)
	ld	tp, 24(a1)
	ld	s0, 32(a1)
	ld	s1, 40(a1)
	ld	s2, 48(a1)
	ld	s3, 56(a1)
	ld	s4, 64(a1)
	ld	s5, 72(a1)
	ld	s6, 80(a1)
	ld	s7, 88(a1)
	ld	s8, 96(a1)
	ld	s9, 104(a1)
	ld	s10, 112(a1)
	ld	s11, 120(a1)
	li	a0, 1
	ret

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
