/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The EL2 exception vectors (VBAR_EL2).  Every exception taken at EL2
 * itself is a bug in the hypervisor: its registers go to a frame on the
 * stack and arm64_hv_trap() prints them and stops.  Exceptions from a
 * guest (lower EL) are not expected yet either and take the same path.
 */

/* Frame: x0..x30, then elr, spsr: 33 slots, 16-byte aligned size. */
#define FRAME_SIZE	(34 * 8)

.macro fatal kind
	.align	7
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	mov	x1, #\kind
	b	fatal_common
.endm

	.text
	.align	11
	.global arm64_vectors
arm64_vectors:
	fatal	0	/* current EL, SP_EL0: sync */
	fatal	1	/* irq */
	fatal	2	/* fiq */
	fatal	3	/* serror */
	fatal	4	/* current EL, SP_ELx: sync */
	fatal	5
	fatal	6
	fatal	7
	fatal	8	/* lower EL, AArch64: sync */
	fatal	9
	fatal	10
	fatal	11
	fatal	12	/* lower EL, AArch32 */
	fatal	13
	fatal	14
	fatal	15

fatal_common:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	str	x30, [sp, #240]
	mrs	x2, elr_el2
	mrs	x3, spsr_el2
	stp	x2, x3, [sp, #248]
	mov	x0, sp
	bl	arm64_hv_trap
1:	wfi
	b	1b
