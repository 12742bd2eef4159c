/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Trap entry.  sscratch is 0 while the hypervisor runs and holds this hart's
 * struct cpu while a guest runs, so one csrrw both finds the per-hart area
 * and tells where the trap came from.
 *
 * Guest traps save only what the hypervisor's C code may change and go
 * straight to their handler: SBI calls to riscv_vsbi_call(), interrupts
 * to riscv_guest_irq() (external ones to riscv_external_irq()), virtual
 * instructions to riscv_virtual_inst(), the rest to riscv_guest_trap().
 * That is ra, sp, tp, t0, t1 and a0-a7: s0-s11 are callee-saved, and gp
 * and t2-t6 the C code never uses (GCC never allocates gp, and arch.mk
 * builds with -ffixed-x7 and -ffixed-x28..31; check_fixed_regs.sh checks
 * every linked image).  A guest page fault whose load or store names one
 * of the others saves every register first (below).  The entry saves a1
 * and t1 first and tells the kind of trap by scause before saving the
 * rest; the guest's emulated timer interrupt (no Sstc) needs no more than
 * those two (.Ltimer), and a trap while a debugger holds the hart takes
 * the way through gdb_entry.S (every register saved).
 *
 * A trap taken in HS-mode is always a hypervisor bug except for the
 * expected faults of guest-memory accesses (hlv/hlvx), which
 * riscv_hs_trap() fixes up; its frame goes on the hypervisor stack.
 */
#include <arch/cpu.h>
#include <arch/csr.h>

#define HS_FRAME	(8 * 32)

/* what C may clobber, to and from the per-hart area (tp: struct cpu):
 * RISCV_GUEST_CLOBBERED in trap.h */
.macro	guest_clobbered op
	\op	ra, ARCH_CPU_REG(1)(tp)
	\op	sp, ARCH_CPU_REG(2)(tp)
	\op	t0, ARCH_CPU_REG(5)(tp)
	\op	t1, ARCH_CPU_REG(6)(tp)
	\op	a0, ARCH_CPU_REG(10)(tp)
	\op	a1, ARCH_CPU_REG(11)(tp)
	\op	a2, ARCH_CPU_REG(12)(tp)
	\op	a3, ARCH_CPU_REG(13)(tp)
	\op	a4, ARCH_CPU_REG(14)(tp)
	\op	a5, ARCH_CPU_REG(15)(tp)
	\op	a6, ARCH_CPU_REG(16)(tp)
	\op	a7, ARCH_CPU_REG(17)(tp)
.endm

/* the rest: gp, t2-t6, s0-s11 */
.macro	guest_kept op
	\op	gp, ARCH_CPU_REG(3)(tp)
	\op	t2, ARCH_CPU_REG(7)(tp)
	\op	s0, ARCH_CPU_REG(8)(tp)
	\op	s1, ARCH_CPU_REG(9)(tp)
	\op	s2, ARCH_CPU_REG(18)(tp)
	\op	s3, ARCH_CPU_REG(19)(tp)
	\op	s4, ARCH_CPU_REG(20)(tp)
	\op	s5, ARCH_CPU_REG(21)(tp)
	\op	s6, ARCH_CPU_REG(22)(tp)
	\op	s7, ARCH_CPU_REG(23)(tp)
	\op	s8, ARCH_CPU_REG(24)(tp)
	\op	s9, ARCH_CPU_REG(25)(tp)
	\op	s10, ARCH_CPU_REG(26)(tp)
	\op	s11, ARCH_CPU_REG(27)(tp)
	\op	t3, ARCH_CPU_REG(28)(tp)
	\op	t4, ARCH_CPU_REG(29)(tp)
	\op	t5, ARCH_CPU_REG(30)(tp)
	\op	t6, ARCH_CPU_REG(31)(tp)
.endm

/* back to the guest: sscratch = struct cpu again, then its own tp */
.macro	guest_return
	csrw	sscratch, tp
	guest_clobbered ld
	ld	tp, ARCH_CPU_REG(4)(tp)
	sret
.endm

/* the rest of what C may clobber, once a1 and t1 are saved (and a1 holds
 * scause): sscratch back to 0 with the guest's tp saved, our stack,
 * a0 = struct cpu */
.macro	guest_save_rest
	sd	ra, ARCH_CPU_REG(1)(tp)
	sd	sp, ARCH_CPU_REG(2)(tp)
	sd	t0, ARCH_CPU_REG(5)(tp)
	sd	a0, ARCH_CPU_REG(10)(tp)
	sd	a2, ARCH_CPU_REG(12)(tp)
	sd	a3, ARCH_CPU_REG(13)(tp)
	sd	a4, ARCH_CPU_REG(14)(tp)
	sd	a5, ARCH_CPU_REG(15)(tp)
	sd	a6, ARCH_CPU_REG(16)(tp)
	sd	a7, ARCH_CPU_REG(17)(tp)
	csrrw	t1, sscratch, zero
	sd	t1, ARCH_CPU_REG(4)(tp)
	ld	sp, ARCH_CPU_STACK_TOP(tp)
	mv	a0, tp
.endm

/* a counter of the vCPU (a1) + 1 */
.macro	stat_inc off
	ld	t1, \off(a1)
	addi	t1, t1, 1
	sd	t1, \off(a1)
.endm

	.text
	.balign	4
	.global riscv_trap_entry
riscv_trap_entry:
	csrrw	tp, sscratch, tp
	beqz	tp, .Lfrom_hs

	/* Two registers first, to tell the kind of trap: SBI calls, guest
	 * page faults (and virtual instructions, 20..23) and interrupts
	 * each take their own way from here. */
	sd	a1, ARCH_CPU_REG(11)(tp)
	csrr	a1, scause
	sd	t1, ARCH_CPU_REG(6)(tp)
	li	t1, EXC_ECALL_VS
	bne	a1, t1, .Lnot_ecall
	guest_save_rest
	call	riscv_vsbi_call			/* (cpu) */
.Lresume:
	guest_return

.Lnot_ecall:
	bltz	a1, .Linterrupt
	addi	t1, a1, -EXC_INST_GUEST_PAGE_FAULT
	sltiu	t1, t1, EXC_STORE_GUEST_PAGE_FAULT - EXC_INST_GUEST_PAGE_FAULT + 1
	bnez	t1, .Lguest_fault_or_vi
	guest_save_rest
	call	riscv_guest_trap		/* (cpu, scause): gdb_entry.S */
	j	.Lresume

.Lguest_fault_or_vi:
	guest_save_rest
	li	t1, EXC_VIRTUAL_INST		/* 22: inside 20..23, not a page fault */
	bne	a1, t1, .Lguest_page_fault
	call	riscv_virtual_inst		/* (cpu): given back as illegal */
	j	.Lresume

	/*
	 * An interrupt, a1 and t1 saved.  With a debugger holding this hart's
	 * guest (arch_cpu.dbg) the way through gdb_entry.S like the
	 * exceptions (every register saved, and the stop a debugger asked
	 * for): whatever starts a session on this hart sets dbg and raises
	 * a soft interrupt if it wants a stop, so that trap comes this way.
	 * While the trace is off, the guest's emulated timer (no Sstc)
	 * coming due is handled here with a1 and t1 alone, and an external
	 * interrupt is counted here and goes straight to
	 * riscv_external_irq(); every other one (and those with the trace
	 * on) goes to riscv_guest_irq().
	 */
.Linterrupt:
	lw	t1, ARCH_CPU_DBG(tp)
	bnez	t1, .Ldebugged
	slli	t1, a1, 1			/* the cause without its flag, x 2 */
	addi	t1, t1, -2 * IRQ_S_TIMER
	beqz	t1, .Ltimer
	addi	t1, t1, -2 * (IRQ_S_EXT - IRQ_S_TIMER)
	beqz	t1, .Lext
.Lirq:
	guest_save_rest
	call	riscv_guest_irq			/* (cpu, scause) */
	guest_return
.Ldebugged:
	guest_save_rest
	call	riscv_guest_trap
	j	.Lresume

	/* riscv_guest_irq()'s IRQ_S_EXT: its count (the trap's kind), then
	 * the IRQ to its cell (irq_route.c) */
.Lext:
	lbu	t1, CPU_TRACE_ON(tp)
	bnez	t1, .Lirq
	guest_save_rest
	ld	a1, CPU_VCPU(tp)
	stat_inc VCPU_STAT_TRAP_S_EXT
	call	riscv_external_irq		/* (cpu) */
	guest_return

	/* riscv_guest_irq()'s IRQ_S_TIMER: the count (the trap's kind, which
	 * also stands for the virtual timer interrupt: trap.c), VSTIP up and
	 * the firmware's timer masked until the guest's next set_timer
	 * (vsbi.c, guest_trap.c); sscratch still holds the guest's tp */
.Ltimer:
	lbu	t1, CPU_TRACE_ON(tp)
	bnez	t1, .Lirq
	li	t1, 1 << IRQ_VS_TIMER
	csrs	hvip, t1
	li	t1, 1 << IRQ_S_TIMER
	csrc	sie, t1
	ld	a1, CPU_VCPU(tp)
	stat_inc VCPU_STAT_TRAP_S_TIMER
	ld	t1, ARCH_CPU_REG(6)(tp)
	ld	a1, ARCH_CPU_REG(11)(tp)
	csrrw	tp, sscratch, tp
	sret

	/*
	 * A guest page fault: riscv_guest_page_fault() emulates the common
	 * case, a load or store in htinst whose register is one saved above,
	 * and returns 0; else (1) it has done nothing and, every register
	 * saved, riscv_guest_page_fault_all() takes the fault.  The C code
	 * kept s0-s11, so they still hold the guest's values here.
	 */
.Lguest_page_fault:
	call	riscv_guest_page_fault		/* (cpu, scause) */
	beqz	a0, .Lresume
	guest_kept sd
	mv	a0, tp
	csrr	a1, scause
	call	riscv_guest_page_fault_all	/* (cpu, scause) */
	/* fall through: a load may have written any register */

	/* Resume with every register from the per-hart area: also the way
	 * into a guest for the first time (riscv_vcpu_enter). */
	.global riscv_guest_resume
riscv_guest_resume:
	guest_kept ld
	guest_return

.Lfrom_hs:
	/* tp = 0 and sscratch = our tp: swap back, keep sscratch 0 */
	csrrw	tp, sscratch, tp
	addi	sp, sp, -HS_FRAME
	sd	ra, 8*1(sp)
	sd	gp, 8*3(sp)
	sd	tp, 8*4(sp)
	sd	t0, 8*5(sp)
	sd	t1, 8*6(sp)
	sd	t2, 8*7(sp)
	sd	s0, 8*8(sp)
	sd	s1, 8*9(sp)
	sd	a0, 8*10(sp)
	sd	a1, 8*11(sp)
	sd	a2, 8*12(sp)
	sd	a3, 8*13(sp)
	sd	a4, 8*14(sp)
	sd	a5, 8*15(sp)
	sd	a6, 8*16(sp)
	sd	a7, 8*17(sp)
	sd	s2, 8*18(sp)
	sd	s3, 8*19(sp)
	sd	s4, 8*20(sp)
	sd	s5, 8*21(sp)
	sd	s6, 8*22(sp)
	sd	s7, 8*23(sp)
	sd	s8, 8*24(sp)
	sd	s9, 8*25(sp)
	sd	s10, 8*26(sp)
	sd	s11, 8*27(sp)
	sd	t3, 8*28(sp)
	sd	t4, 8*29(sp)
	sd	t5, 8*30(sp)
	sd	t6, 8*31(sp)
	addi	t0, sp, HS_FRAME
	sd	t0, 8*2(sp)
	mv	a0, sp
	call	riscv_hs_trap
	/* only fixed-up faults return here; a0..a1 may carry a result */
	ld	ra, 8*1(sp)
	ld	gp, 8*3(sp)
	ld	t0, 8*5(sp)
	ld	t1, 8*6(sp)
	ld	t2, 8*7(sp)
	ld	s0, 8*8(sp)
	ld	s1, 8*9(sp)
	ld	a0, 8*10(sp)
	ld	a1, 8*11(sp)
	ld	a2, 8*12(sp)
	ld	a3, 8*13(sp)
	ld	a4, 8*14(sp)
	ld	a5, 8*15(sp)
	ld	a6, 8*16(sp)
	ld	a7, 8*17(sp)
	ld	s2, 8*18(sp)
	ld	s3, 8*19(sp)
	ld	s4, 8*20(sp)
	ld	s5, 8*21(sp)
	ld	s6, 8*22(sp)
	ld	s7, 8*23(sp)
	ld	s8, 8*24(sp)
	ld	s9, 8*25(sp)
	ld	s10, 8*26(sp)
	ld	s11, 8*27(sp)
	ld	t3, 8*28(sp)
	ld	t4, 8*29(sp)
	ld	t5, 8*30(sp)
	ld	t6, 8*31(sp)
	addi	sp, sp, HS_FRAME
	sret
