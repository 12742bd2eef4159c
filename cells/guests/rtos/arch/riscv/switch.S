/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Trap entry and context switch.  A trap pushes a full frame on the
 * interrupted task's stack and asks C for the frame to resume, which may
 * be another task's; sched_switch builds the same kind of frame so a task
 * that blocks is resumed by the same sret path.
 */
#include "config.h"

#define SLOT(n)	((n) * 8)

.macro SAVE_GPRS
	sd	x1, SLOT(1)(sp)
	sd	x3, SLOT(3)(sp)
	.irp n, 6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	sd	x\n, SLOT(\n)(sp)
	.endr
.endm

	.text
	.globl trap_entry
	.balign 4
trap_entry:
	addi	sp, sp, -FRAME_SIZE
	sd	x5, SLOT(5)(sp)
	/* First thing: the time, for the tick jitter figure. */
	rdtime	x5
	sd	x5, SLOT(FRAME_TIME)(sp)
	SAVE_GPRS
	csrr	t0, sepc
	sd	t0, SLOT(FRAME_SEPC)(sp)
	csrr	t0, sstatus
	sd	t0, SLOT(FRAME_SSTATUS)(sp)
	mv	a0, sp
	call	trap_handler
	j	frame_restore

/* void sched_switch(void): called with interrupts off from task context. */
	.globl sched_switch
sched_switch:
	csrr	t0, sstatus
	addi	sp, sp, -FRAME_SIZE
	SAVE_GPRS
	sd	ra, SLOT(FRAME_SEPC)(sp)	/* resume as a return from here */
	/* sret must land in S-mode with SIE as the caller had it. */
	andi	t1, t0, 2
	slli	t1, t1, 4			/* SIE -> SPIE */
	andi	t0, t0, ~0x22
	ori	t0, t0, 0x100			/* SPP = S */
	or	t0, t0, t1
	sd	t0, SLOT(FRAME_SSTATUS)(sp)
	mv	a0, sp
	call	sched_switch_frame
	/* fall through */

/* void frame_restore(unsigned long *frame): resume a saved context. */
	.globl frame_restore
frame_restore:
	mv	sp, a0
	ld	t0, SLOT(FRAME_SEPC)(sp)
	csrw	sepc, t0
	ld	t0, SLOT(FRAME_SSTATUS)(sp)
	csrw	sstatus, t0
	ld	x1, SLOT(1)(sp)
	ld	x3, SLOT(3)(sp)
	.irp n, 5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ld	x\n, SLOT(\n)(sp)
	.endr
	addi	sp, sp, FRAME_SIZE
	sret
