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
	TRAP_CALL hostile_trap

	.bss
	.balign 16
stack:	.space	STACK_SIZE
