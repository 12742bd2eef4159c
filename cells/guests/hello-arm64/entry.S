/* SPDX-License-Identifier: GPL-2.0-only */
/* Entry at EL1 with x0 = the device tree, MMU off: a stack, a clear .bss,
 * then guest_main(dtb).  vCPU 1 enters at secondary_entry. */
	.section .text.entry, "ax"
	.global _start
_start:
	mov	x19, x0
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	ldr	x1, =stack_top
	mov	sp, x1
	mov	x0, x19
	bl	guest_main
3:	wfi
	b	3b

/* vCPU 1, from PSCI CPU_ON: x0 = the context id; its own stack. */
	.global secondary_entry
secondary_entry:
	ldr	x1, =stack1_top
	mov	sp, x1
	bl	guest_secondary
4:	wfi
	b	4b
	.ltorg

/* EL1 vectors (VBAR_EL1, modes.c sets it): only an IRQ taken at
 * EL1 with SP_EL1 is expected; it goes to guest_irq (modes.c) with
 * the caller-saved registers kept.  Anything else stops this vCPU where
 * it is. */
	.balign	2048
	.global vectors
vectors:
	b	.
	.org	vectors + 0x200
	b	.
	.org	vectors + 0x280
	b	irq_entry
	.org	vectors + 0x300
	b	.
	.org	vectors + 0x800
irq_entry:
	sub	sp, sp, #176
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x29, [sp, #144]
	str	x30, [sp, #160]
	bl	guest_irq
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x29, [sp, #144]
	ldr	x30, [sp, #160]
	add	sp, sp, #176
	eret

	.bss
	.align	4
	.space	8192
stack_top:
	.space	4096
stack1_top:
