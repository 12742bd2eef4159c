/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The timed sequences of the ARM64 bench guest, in assembly so that the
 * instructions between the two cycle-counter reads are exactly the ones
 * measured.  Each returns the difference of the reads; the caller
 * subtracts probe_empty() so that one plain instruction counts 1.
 * x19/x20 hold the reads: an SMCCC call (HVC/SMC) preserves them.
 */
	.text

	.macro	enter
	stp	x19, x20, [sp, #-16]!
	mrs	x19, pmccntr_el0
	.endm

	.macro	leave
	mrs	x20, pmccntr_el0
	sub	x0, x20, x19
	ldp	x19, x20, [sp], #16
	ret
	.endm

	.global probe_empty
probe_empty:
	enter
	leave

/* probe_hvc(fn): HVC #0 with x0 = fn (PSCI_VERSION) */
	.global probe_hvc
probe_hvc:
	enter
	hvc	#0
	leave

	.global probe_smc
probe_smc:
	enter
	smc	#0
	leave

/* probe_load32(addr): one 32-bit load */
	.global probe_load32
probe_load32:
	enter
	ldr	w1, [x0]
	leave

/* probe_work(n): n rounds of a two-instruction loop */
	.global probe_work
probe_work:
	enter
1:	subs	x0, x0, #1
	b.ne	1b
	leave

/*
 * probe_clock(out[18]): 17 consecutive reads of CNTVCT_EL0 into out[0..16],
 * then PMCCNTR_EL0 into out[17], one instruction apart, IRQs masked by
 * the caller.  The first read that sees a new tick T ran at T x the tick
 * length in ns; the counter read at its known distance after it gives the
 * cycle counter's offset from the virtual clock (main.c).
 */
	.global probe_clock
probe_clock:
	mov	x18, x0
	mrs	x0, cntvct_el0
	mrs	x1, cntvct_el0
	mrs	x2, cntvct_el0
	mrs	x3, cntvct_el0
	mrs	x4, cntvct_el0
	mrs	x5, cntvct_el0
	mrs	x6, cntvct_el0
	mrs	x7, cntvct_el0
	mrs	x8, cntvct_el0
	mrs	x9, cntvct_el0
	mrs	x10, cntvct_el0
	mrs	x11, cntvct_el0
	mrs	x12, cntvct_el0
	mrs	x13, cntvct_el0
	mrs	x14, cntvct_el0
	mrs	x15, cntvct_el0
	mrs	x16, cntvct_el0
	mrs	x17, pmccntr_el0
	stp	x0, x1, [x18, #0]
	stp	x2, x3, [x18, #16]
	stp	x4, x5, [x18, #32]
	stp	x6, x7, [x18, #48]
	stp	x8, x9, [x18, #64]
	stp	x10, x11, [x18, #80]
	stp	x12, x13, [x18, #96]
	stp	x14, x15, [x18, #112]
	stp	x16, x17, [x18, #128]
	ret

/* probe_store32_at(addr, val): the cycle counter one instruction before
 * a 32-bit store (a device's write instant, e.g. the PL031's match) */
	.global probe_store32_at
probe_store32_at:
	mrs	x2, pmccntr_el0
	str	w1, [x0]
	mov	x0, x2
	ret

/* probe_sgi1r_at(val): the same before an ICC_SGI1R_EL1 write */
	.global probe_sgi1r_at
probe_sgi1r_at:
	mrs	x2, pmccntr_el0
	msr	S3_0_C12_C11_5, x0
	isb
	mov	x0, x2
	ret
