/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry and exception vectors of the ARM64 bench guest.  The image starts
 * with an arm64 Image header so that QEMU's direct kernel boot loads it
 * natively where the cell's layout does (RAM + text_offset = 0x40200000)
 * and enters it at EL1 with x0 = the device tree, as the hypervisor does.
 * The IRQ vector's first instruction reads the cycle counter into x18
 * (kept out of the C code by -ffixed-x18): a latency is measured to it.
 */
	.section .text.head, "ax"
	.global _start
_start:
	b	start			/* code0 */
	.long	0			/* code1 */
	.quad	0x200000		/* text_offset */
	.quad	__image_size		/* image size, bss included */
	.quad	0			/* flags: little endian */
	.quad	0, 0, 0			/* reserved */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* reserved */

start:
	mov	x19, x0
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	ldr	x1, =stack_top
	mov	sp, x1
	adr	x1, vectors
	msr	vbar_el1, x1
	isb
	mov	x0, x19
	bl	bench_main
3:	wfi
	b	3b
	.ltorg

/* A second CPU, from PSCI CPU_ON (sgi.c): its own stack and the vectors. */
	.global secondary_entry
secondary_entry:
	ldr	x1, =stack1_top
	mov	sp, x1
	adr	x1, vectors
	msr	vbar_el1, x1
	isb
	bl	bench_secondary
5:	wfi
	b	5b
	.ltorg

/* Any vector but an IRQ at EL1h: report it and power off. */
	.macro	unexpected kind
	.balign	0x80
	mov	x0, #\kind
	b	bad_vector
	.endm

	.text
	.balign	2048
vectors:
	unexpected 0		/* EL1t: sync, IRQ, FIQ, SError */
	unexpected 1
	unexpected 2
	unexpected 3
	unexpected 4		/* EL1h sync */
	.balign	0x80		/* EL1h IRQ */
	mrs	x18, pmccntr_el0
	b	irq_entry
	unexpected 6
	unexpected 7
	unexpected 8		/* lower EL: never */
	unexpected 9
	unexpected 10
	unexpected 11
	unexpected 12
	unexpected 13
	unexpected 14
	unexpected 15

bad_vector:
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	bl	bench_bad
4:	wfi
	b	4b

/* Save what C may change, call bench_irq(cycle at the vector), return. */
irq_entry:
	sub	sp, sp, #160
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x29, x30, [sp, #144]
	mov	x0, x18
	bl	bench_irq
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x29, x30, [sp, #144]
	add	sp, sp, #160
	eret

	.bss
	.balign	16
	.space	16384
stack_top:
	.space	8192
stack1_top:
