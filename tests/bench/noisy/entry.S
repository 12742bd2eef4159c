/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The noisy guest's entry points and trap vector.  Its only interrupts are
 * the IPIs its two vharts send each other: the handler just acknowledges
 * them, using sscratch to keep t0, so no frame is needed.
 */
#include "entry.h"
#define STACK_SIZE	4096

	.section .text.entry, "ax"
	.globl _start
_start:
	la	t0, trap
	csrw	stvec, t0
	CLEAR_BSS
	la	sp, stack0 + STACK_SIZE
	call	noisy_main
3:	wfi
	j	3b

	.text
	.globl secondary_entry
	.balign 4
secondary_entry:
	la	t0, trap
	csrw	stvec, t0
	la	sp, stack1 + STACK_SIZE
	call	noisy_secondary
4:	wfi
	j	4b

	.balign 4
trap:
	csrw	sscratch, t0
	li	t0, 2			/* SSIP */
	csrc	sip, t0
	csrr	t0, sscratch
	sret

	.bss
	.balign 16
stack0:	.space	STACK_SIZE
stack1:	.space	STACK_SIZE
