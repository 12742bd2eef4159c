/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The way from trap_entry.S into riscv_guest_trap_c() (interrupts and
 * breakpoints).  Only while a debugger holds this hart's guest
 * (arch_cpu.dbg, gdb.c) does it save the registers trap_entry.S leaves
 * in place as well (gp, t2-t6, s0-s11: the C code keeps them), so a hart
 * parked for the debugger has all of the guest's registers in its
 * per-hart area, and loads them back afterwards, with what the debugger
 * wrote.  Without a debugger it costs a load and a branch.
 */
#include <arch/cpu.h>

	.text
	.balign	4
	.global riscv_guest_trap
riscv_guest_trap:			/* (cpu = a0 = tp, scause) */
	lw	t0, ARCH_CPU_DBG(a0)
	beqz	t0, riscv_guest_trap_c	/* the usual way: a tail call */
	li	t0, 2
	sw	t0, ARCH_CPU_DBG(a0)
	sd	gp, ARCH_CPU_REG(3)(a0)
	sd	t2, ARCH_CPU_REG(7)(a0)
	sd	t3, ARCH_CPU_REG(28)(a0)
	sd	t4, ARCH_CPU_REG(29)(a0)
	sd	t5, ARCH_CPU_REG(30)(a0)
	sd	t6, ARCH_CPU_REG(31)(a0)
	sd	s0, ARCH_CPU_REG(8)(a0)
	sd	s1, ARCH_CPU_REG(9)(a0)
	sd	s2, ARCH_CPU_REG(18)(a0)
	sd	s3, ARCH_CPU_REG(19)(a0)
	sd	s4, ARCH_CPU_REG(20)(a0)
	sd	s5, ARCH_CPU_REG(21)(a0)
	sd	s6, ARCH_CPU_REG(22)(a0)
	sd	s7, ARCH_CPU_REG(23)(a0)
	sd	s8, ARCH_CPU_REG(24)(a0)
	sd	s9, ARCH_CPU_REG(25)(a0)
	sd	s10, ARCH_CPU_REG(26)(a0)
	sd	s11, ARCH_CPU_REG(27)(a0)
	addi	sp, sp, -16
	sd	ra, 0(sp)
	call	riscv_guest_trap_c
	ld	ra, 0(sp)
	addi	sp, sp, 16
	lw	t0, ARCH_CPU_DBG(tp)
	beqz	t0, 1f			/* the debugger left meanwhile */
	li	t0, 1
	sw	t0, ARCH_CPU_DBG(tp)
1:	ld	gp, ARCH_CPU_REG(3)(tp)
	ld	t2, ARCH_CPU_REG(7)(tp)
	ld	t3, ARCH_CPU_REG(28)(tp)
	ld	t4, ARCH_CPU_REG(29)(tp)
	ld	t5, ARCH_CPU_REG(30)(tp)
	ld	t6, ARCH_CPU_REG(31)(tp)
	ld	s0, ARCH_CPU_REG(8)(tp)
	ld	s1, ARCH_CPU_REG(9)(tp)
	ld	s2, ARCH_CPU_REG(18)(tp)
	ld	s3, ARCH_CPU_REG(19)(tp)
	ld	s4, ARCH_CPU_REG(20)(tp)
	ld	s5, ARCH_CPU_REG(21)(tp)
	ld	s6, ARCH_CPU_REG(22)(tp)
	ld	s7, ARCH_CPU_REG(23)(tp)
	ld	s8, ARCH_CPU_REG(24)(tp)
	ld	s9, ARCH_CPU_REG(25)(tp)
	ld	s10, ARCH_CPU_REG(26)(tp)
	ld	s11, ARCH_CPU_REG(27)(tp)
	ret
