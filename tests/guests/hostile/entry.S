/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry and trap vector of the hostile guest (one vhart).  Every (re)boot
 * clears .bss and starts main() afresh; what must outlive a restart is in
 * the kept region (hostile.h).  The trap handler saves what C may clobber
 * and returns with sret: an attack that traps into our own handler (an
 * illegal instruction, an interrupt) goes on.
 */
#include "entry.h"
#define STACK_SIZE	16384
#define FRAME		(16 * 8)

	.section .text.entry, "ax"
	.globl _start
_start:
	csrw	sie, zero
	csrci	sstatus, 2		/* SIE */
	la	t0, trap_entry
	csrw	stvec, t0
	CLEAR_BSS
	la	sp, stack + STACK_SIZE
	call	hostile_main
3:	wfi
	j	3b

	.text
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
	call	hostile_trap
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

	.bss
	.balign 16
stack:	.space	STACK_SIZE
