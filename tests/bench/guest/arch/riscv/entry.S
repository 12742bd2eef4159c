/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry points and the trap vector.  The boot hart arrives at _start with
 * a0 = hartid, a1 = DTB (from OpenSBI or the hypervisor alike); the second
 * hart at secondary_entry from SBI HSM with a1 = its struct hart.  tp is
 * this hart's struct hart from then on, and is never changed.
 */
#include "entry.h"
#include "bench.h"

#define FRAME	(16 * 8)

	.section .text.entry, "ax"
	.globl _start
_start:
	rdcycle	a2			/* when the guest started: bench_main's 3rd argument */
	csrw	sie, zero
	csrci	sstatus, 2		/* SIE */
	la	t0, trap_entry
	csrw	stvec, t0
	CLEAR_BSS
	la	sp, stacks + STACK_SIZE
	la	tp, harts
	call	bench_main
	j	halt

	.text
	.globl secondary_entry
	.balign 4
secondary_entry:
	csrw	sie, zero
	csrci	sstatus, 2
	la	t0, trap_entry
	csrw	stvec, t0
	mv	tp, a1
	ld	sp, HART_SP(tp)
	mv	a0, tp
	call	bench_secondary
halt:
	wfi
	j	halt

/*
 * The trap vector.  Its second instruction reads the cycle counter, so
 * every latency is measured to the handler's first instruction (the stamp
 * minus one).  Caller-saved registers only: the C handler keeps the rest.
 */
	.balign 4
	.globl trap_entry
trap_entry:
	sd	t0, HART_T0(tp)
	rdcycle	t0
	sd	t0, HART_STAMP(tp)
	addi	sp, sp, -FRAME
	sd	ra, 0(sp)
	sd	t1, 8(sp)
	sd	t2, 16(sp)
	sd	t3, 24(sp)
	sd	t4, 32(sp)
	sd	t5, 40(sp)
	sd	t6, 48(sp)
	sd	a0, 56(sp)
	sd	a1, 64(sp)
	sd	a2, 72(sp)
	sd	a3, 80(sp)
	sd	a4, 88(sp)
	sd	a5, 96(sp)
	sd	a6, 104(sp)
	sd	a7, 112(sp)
	mv	a0, tp
	call	bench_trap
	ld	ra, 0(sp)
	ld	t1, 8(sp)
	ld	t2, 16(sp)
	ld	t3, 24(sp)
	ld	t4, 32(sp)
	ld	t5, 40(sp)
	ld	t6, 48(sp)
	ld	a0, 56(sp)
	ld	a1, 64(sp)
	ld	a2, 72(sp)
	ld	a3, 80(sp)
	ld	a4, 88(sp)
	ld	a5, 96(sp)
	ld	a6, 104(sp)
	ld	a7, 112(sp)
	addi	sp, sp, FRAME
	ld	t0, HART_T0(tp)
	sret
