/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry points at EL1, MMU off.  The image starts with the arm64 Image
 * header, so QEMU's direct kernel boot (natively) loads it like a Linux
 * kernel; in a cell the hypervisor enters at the same first word.  The
 * boot CPU arrives with x0 = DTB; secondaries arrive at secondary_entry
 * from PSCI CPU_ON with x0 = their struct hart.
 */
#include "config.h"

	.section .text.entry, "ax"
	.globl _head
_head:
	b	_start			/* code0 */
	.long	0			/* code1 */
	.quad	__text_offset
	.quad	__image_size
	.quad	0x2			/* little-endian, 4 KiB pages */
	.quad	0, 0, 0
	.ascii	"ARM\x64"		/* magic */
	.long	0

_start:
	msr	daifset, #0xf
	mov	x19, x0
	bl	el1_setup
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	ldr	x1, =boot_stacks + BOOT_STACK_SIZE
	mov	sp, x1
	ldr	x1, =harts		/* the boot CPU is always harts[0] */
	msr	tpidr_el1, x1
	mov	x0, x19
	bl	arm64_boot
	b	rtos_halt

	.text
/* SP_EL1 for every exception level use, our vectors, no alignment checks. */
el1_setup:
	msr	spsel, #1
	ldr	x1, =vectors
	msr	vbar_el1, x1
	mrs	x1, sctlr_el1
	bic	x1, x1, #0x2		/* A: no alignment fault */
	msr	sctlr_el1, x1
	isb
	ret

	.globl secondary_entry
	.balign 4
secondary_entry:
	msr	daifset, #0xf
	mov	x19, x0
	bl	el1_setup
	ldr	x1, [x19]		/* struct hart.boot_sp */
	mov	sp, x1
	msr	tpidr_el1, x19
	ldr	x0, [x19, #8]		/* struct hart.hartid */
	mov	x1, x19
	bl	rtos_secondary
	b	rtos_halt
	.ltorg
