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

	.bss
	.align	4
	.space	8192
stack_top:
	.space	4096
stack1_top:
