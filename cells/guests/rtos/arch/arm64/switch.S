/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exception vectors and context switch.  An interrupt pushes a full frame
 * on the interrupted task's stack and asks C for the frame to resume,
 * which may be another task's; sched_switch builds the same kind of frame
 * so a task that blocks is resumed by the same eret path.  Everything
 * runs at EL1 on SP_EL1, so only the "current EL, SPx" vectors are
 * expected; any other exception, and any synchronous one, is fatal.
 */
#include "config.h"

#define SLOT(n)	((n) * 8)

/* x0..x29 (x0 and x1 already saved by the caller of the macro) */
.macro SAVE_X2_X29
	stp	x2, x3, [sp, #SLOT(2)]
	stp	x4, x5, [sp, #SLOT(4)]
	stp	x6, x7, [sp, #SLOT(6)]
	stp	x8, x9, [sp, #SLOT(8)]
	stp	x10, x11, [sp, #SLOT(10)]
	stp	x12, x13, [sp, #SLOT(12)]
	stp	x14, x15, [sp, #SLOT(14)]
	stp	x16, x17, [sp, #SLOT(16)]
	stp	x18, x19, [sp, #SLOT(18)]
	stp	x20, x21, [sp, #SLOT(20)]
	stp	x22, x23, [sp, #SLOT(22)]
	stp	x24, x25, [sp, #SLOT(24)]
	stp	x26, x27, [sp, #SLOT(26)]
	stp	x28, x29, [sp, #SLOT(28)]
.endm

/* A frame for an exception; x0 = the frame, x1 = `kind` for the handler. */
.macro TRAP_FRAME kind
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #SLOT(0)]
	/* First thing: the time, for the tick jitter figure. */
	mrs	x0, cntvct_el0
	str	x0, [sp, #SLOT(FRAME_TIME)]
	SAVE_X2_X29
	mrs	x0, elr_el1
	stp	x30, x0, [sp, #SLOT(30)]
	mrs	x0, spsr_el1
	str	x0, [sp, #SLOT(FRAME_SPSR)]
	mov	x0, sp
	mov	x1, #\kind
.endm

.macro VECTOR kind
	.balign 0x80
	TRAP_FRAME \kind
	b	trap_common
.endm

	.text
	.balign 0x800
	.globl vectors
vectors:
	/* current EL with SP0, then with SPx, lower EL AArch64, AArch32;
	 * kind = the vector's index (5: IRQ at EL1 with SPx) */
	.irp k, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	VECTOR \k
	.endr

trap_common:
	bl	trap_handler
	/* fall through with x0 = the frame to resume */

/* void frame_restore(unsigned long *frame): resume a saved context. */
	.globl frame_restore
frame_restore:
	mov	sp, x0
	ldp	x30, x0, [sp, #SLOT(30)]
	msr	elr_el1, x0
	ldr	x0, [sp, #SLOT(FRAME_SPSR)]
	msr	spsr_el1, x0
	ldp	x2, x3, [sp, #SLOT(2)]
	ldp	x4, x5, [sp, #SLOT(4)]
	ldp	x6, x7, [sp, #SLOT(6)]
	ldp	x8, x9, [sp, #SLOT(8)]
	ldp	x10, x11, [sp, #SLOT(10)]
	ldp	x12, x13, [sp, #SLOT(12)]
	ldp	x14, x15, [sp, #SLOT(14)]
	ldp	x16, x17, [sp, #SLOT(16)]
	ldp	x18, x19, [sp, #SLOT(18)]
	ldp	x20, x21, [sp, #SLOT(20)]
	ldp	x22, x23, [sp, #SLOT(22)]
	ldp	x24, x25, [sp, #SLOT(24)]
	ldp	x26, x27, [sp, #SLOT(26)]
	ldp	x28, x29, [sp, #SLOT(28)]
	ldp	x0, x1, [sp, #SLOT(0)]
	add	sp, sp, #FRAME_SIZE
	eret

/* void sched_switch(void): called with interrupts off from task context;
 * resumes as a return from here, with DAIF as the caller had it. */
	.globl sched_switch
sched_switch:
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #SLOT(0)]
	SAVE_X2_X29
	stp	x30, x30, [sp, #SLOT(30)]	/* x30, and ELR = the return address */
	mrs	x0, daif
	mov	x1, #SPSR_EL1H
	orr	x0, x0, x1
	str	x0, [sp, #SLOT(FRAME_SPSR)]
	mov	x0, sp
	bl	sched_switch_frame
	b	frame_restore
