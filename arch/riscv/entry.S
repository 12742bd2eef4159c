/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry from the firmware.  OpenSBI enters the boot hart at _start in
 * HS-mode with a0 = hartid, a1 = DTB, paging and interrupts off.  Other
 * harts enter at riscv_secondary_entry when we start them with SBI HSM,
 * with a0 = hartid and a1 = the opaque value we passed: their struct cpu.
 */
#include <arch/cpu.h>

	.section .text.entry, "ax"
	.global _start
_start:
	csrw	sie, zero
	csrw	sscratch, zero
	mv	s0, a0
	mv	s1, a1

	/* clear .bss */
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	/* the boot hart is cpu 0: the first stack */
	la	sp, hv_stacks
	li	t0, CONFIG_HV_STACK_SIZE
	add	sp, sp, t0
	mv	tp, zero
	mv	a0, s0
	mv	a1, s1
	call	hv_main
3:	wfi
	j	3b

	.text
	.global riscv_secondary_entry
riscv_secondary_entry:
	csrw	sie, zero
	csrw	sscratch, zero
	ld	sp, ARCH_CPU_STACK_TOP(a1)
	mv	tp, a1
	mv	a0, a1
	call	hv_secondary_main
1:	wfi
	j	1b
