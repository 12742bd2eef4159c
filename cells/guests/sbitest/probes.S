/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Instructions this guest's hart does not have, for exc.c: the hypervisor
 * extension's CSRs and fences, and a counter the hypervisor withholds.
 * Each probe comes twice, its instruction first: s_<name> for VS-mode
 * (then returns), u_<name> for VU-mode (then ecalls back to S-mode, see
 * run_user).  The expected exception's sepc is the probe's address and
 * its stval the probe's first word.
 */
	.option	arch, +h

	.macro	probe name, insn:vararg
	.text
	.globl	s_\name
	.balign	4
s_\name:
	\insn
	ret

	.globl	u_\name
	.balign	4
u_\name:
	\insn
	ecall
	.endm

	probe	csrr_hstatus, csrr a0, hstatus
	probe	csrw_hgatp, csrw hgatp, zero
	probe	hfence_vvma, hfence.vvma zero, zero
	probe	csrr_hpmcounter31, csrr a0, 0xc1f	/* hpmcounter31 */

/*
 * run_user(code): run `code` in U-mode on this stack with interrupts off
 * (sstatus.SPIE clear).  It ends with an ecall, on which the trap handler
 * (exc_trap) resumes S-mode at user_return: here, with ra and the callee-
 * saved registers as they were (the probes touch only a0).
 */
	.text
	.globl	run_user
	.balign	4
run_user:
	la	t0, user_return
	la	t1, 1f
	sd	t1, 0(t0)
	csrw	sepc, a0
	li	t0, (1 << 8) | (1 << 5)		/* SPP (to U), SPIE */
	csrc	sstatus, t0
	sret
1:	ret

/* unsigned long misaligned_load(addr): one 4-byte ld (so that a trap
 * handler skipping it lands on the ret), for the FWFT checks. */
	.text
	.globl	misaligned_load
	.balign	4
misaligned_load:
	.option	push
	.option	norvc
	ld	a0, 0(a0)
	.option	pop
	ret

/* unsigned long dbtr_target(x): the address of a DBTR execute trigger;
 * its first instruction is 4 bytes, so a trap handler that skips it
 * lands on the ret (returns x + 1 when it ran). */
	.text
	.globl	dbtr_target
	.balign	4
dbtr_target:
	.option	push
	.option	norvc
	addi	a0, a0, 1
	.option	pop
	ret

/*
 * unsigned long legacy_<call>(mask_ptr): SBI v0.1 send_ipi or a remote
 * fence of all (start 0, size -1, ASID 0) with the hart mask at
 * `mask_ptr`, for legacy.c; returns a0.  The ecall is 4 bytes, so a
 * trap handler that skips it (natively OpenSBI gives a bad pointer's
 * load fault to us, at the ecall) lands on the ret with a0 unchanged.
 */
	.macro	legacy_ptr name, ext
	.text
	.globl	legacy_\name
	.balign	4
legacy_\name:
	li	a7, \ext
	li	a6, 0
	li	a1, 0
	li	a2, -1
	li	a3, 0
	ecall
	ret
	.endm

	legacy_ptr	send_ipi, 0x04
	legacy_ptr	remote_fence_i, 0x05
	legacy_ptr	remote_sfence_vma, 0x06
	legacy_ptr	remote_sfence_vma_asid, 0x07
