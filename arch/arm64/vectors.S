/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The EL2 exception vectors (VBAR_EL2).  Every exception taken at EL2
 * itself is a bug in the hypervisor: its registers go to a frame on the
 * stack and arm64_hv_trap() prints them and stops.  A synchronous
 * exception or an interrupt from a guest (lower EL, AArch64) saves the
 * guest's x0..x30 in this CPU's struct arch_cpu (TPIDR_EL2), restarts the
 * hypervisor stack at its top, calls the handler with the struct cpu and
 * returns to the guest through arm64_guest_resume; its EL1 and EL0
 * registers stay in the CPU (one vCPU per CPU, no switch).
 */
#include <arch/cpu.h>

/* Frame: x0..x30, then elr, spsr: 33 slots, 16-byte aligned size. */
#define FRAME_SIZE	(34 * 8)

.macro fatal kind
	.align	7
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	mov	x1, #\kind
	b	fatal_common
.endm

.macro guest handler
	.align	7
	str	x0, [sp, #-16]!
	mrs	x0, tpidr_el2
	stp	x1, x2, [x0, #ARCH_CPU_REG(1)]
	ldr	x1, [sp], #16
	str	x1, [x0, #ARCH_CPU_REG(0)]
	ldr	x1, =\handler
	b	guest_common
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
	guest	arm64_guest_sync	/* lower EL, AArch64: sync */
	guest	arm64_guest_irq		/* irq */
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

/* x0 = the struct cpu, x1 = the handler; x0..x2 are saved. */
guest_common:
	stp	x3, x4, [x0, #ARCH_CPU_REG(3)]
	stp	x5, x6, [x0, #ARCH_CPU_REG(5)]
	stp	x7, x8, [x0, #ARCH_CPU_REG(7)]
	stp	x9, x10, [x0, #ARCH_CPU_REG(9)]
	stp	x11, x12, [x0, #ARCH_CPU_REG(11)]
	stp	x13, x14, [x0, #ARCH_CPU_REG(13)]
	stp	x15, x16, [x0, #ARCH_CPU_REG(15)]
	stp	x17, x18, [x0, #ARCH_CPU_REG(17)]
	stp	x19, x20, [x0, #ARCH_CPU_REG(19)]
	stp	x21, x22, [x0, #ARCH_CPU_REG(21)]
	stp	x23, x24, [x0, #ARCH_CPU_REG(23)]
	stp	x25, x26, [x0, #ARCH_CPU_REG(25)]
	stp	x27, x28, [x0, #ARCH_CPU_REG(27)]
	stp	x29, x30, [x0, #ARCH_CPU_REG(29)]
	ldr	x2, [x0, #ARCH_CPU_STACK_TOP]
	mov	sp, x2
	blr	x1
	/* fall through */

/* Back into the guest with the registers in this CPU's struct arch_cpu;
 * ELR_EL2 and SPSR_EL2 say where and how. */
	.global arm64_guest_resume
arm64_guest_resume:
	mrs	x0, tpidr_el2
	ldp	x2, x3, [x0, #ARCH_CPU_REG(2)]
	ldp	x4, x5, [x0, #ARCH_CPU_REG(4)]
	ldp	x6, x7, [x0, #ARCH_CPU_REG(6)]
	ldp	x8, x9, [x0, #ARCH_CPU_REG(8)]
	ldp	x10, x11, [x0, #ARCH_CPU_REG(10)]
	ldp	x12, x13, [x0, #ARCH_CPU_REG(12)]
	ldp	x14, x15, [x0, #ARCH_CPU_REG(14)]
	ldp	x16, x17, [x0, #ARCH_CPU_REG(16)]
	ldp	x18, x19, [x0, #ARCH_CPU_REG(18)]
	ldp	x20, x21, [x0, #ARCH_CPU_REG(20)]
	ldp	x22, x23, [x0, #ARCH_CPU_REG(22)]
	ldp	x24, x25, [x0, #ARCH_CPU_REG(24)]
	ldp	x26, x27, [x0, #ARCH_CPU_REG(26)]
	ldp	x28, x29, [x0, #ARCH_CPU_REG(28)]
	ldr	x30, [x0, #ARCH_CPU_REG(30)]
	ldp	x0, x1, [x0, #ARCH_CPU_REG(0)]
	eret
	.ltorg
