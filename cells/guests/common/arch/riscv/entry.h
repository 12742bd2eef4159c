/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Assembler pieces the bare-metal RISC-V guests' entry code shares.
 * Include from a .S file (guest.mk puts cells/guests/common/arch/riscv on
 * a RISC-V guest's include path).
 */
#ifndef GUEST_ENTRY_H
#define GUEST_ENTRY_H

/* All mutable state of a guest is in .bss: clear it on every (re)boot.
 * Uses t0 and t1; __bss_start and __bss_end are 8-byte aligned. */
.macro CLEAR_BSS
	la	t0, __bss_start
	la	t1, __bss_end
101:	bgeu	t0, t1, 102f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	101b
102:
.endm

/* A trap vector that calls the C function `handler` with the caller-saved
 * registers saved on the stack (the C code saves the rest), then returns
 * from the trap: for a guest whose handler needs no more. */
.macro TRAP_CALL handler
	addi	sp, sp, -128
	sd	ra, 0(sp)
	sd	t0, 8(sp)
	sd	t1, 16(sp)
	sd	t2, 24(sp)
	sd	t3, 32(sp)
	sd	t4, 40(sp)
	sd	t5, 48(sp)
	sd	t6, 56(sp)
	sd	a0, 64(sp)
	sd	a1, 72(sp)
	sd	a2, 80(sp)
	sd	a3, 88(sp)
	sd	a4, 96(sp)
	sd	a5, 104(sp)
	sd	a6, 112(sp)
	sd	a7, 120(sp)
	call	\handler
	ld	ra, 0(sp)
	ld	t0, 8(sp)
	ld	t1, 16(sp)
	ld	t2, 24(sp)
	ld	t3, 32(sp)
	ld	t4, 40(sp)
	ld	t5, 48(sp)
	ld	t6, 56(sp)
	ld	a0, 64(sp)
	ld	a1, 72(sp)
	ld	a2, 80(sp)
	ld	a3, 88(sp)
	ld	a4, 96(sp)
	ld	a5, 104(sp)
	ld	a6, 112(sp)
	ld	a7, 120(sp)
	addi	sp, sp, 128
	sret
.endm

#endif
