/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * arm_at_phase(phase, ahead_ticks, use_sbi, cycles_per_tick, result):
 * program a timer deadline `ahead_ticks` ticks after the write, with the
 * write (csrw stimecmp, or the SBI set_timer ecall) landing on a cycle
 * congruent to `phase` modulo cycles_per_tick.
 *
 * Why: QEMU arms its timer at "write instant + (deadline - time now)", so
 * an interrupt comes up to one tick late depending on where in a tick the
 * deadline was written.  Sweeping the phase makes that error uniform and
 * the same in every run; the minimum over phases is the real latency.
 *
 * Every instruction from the first rdcycle to the write runs exactly once
 * whatever the inputs (no data-dependent branch), so the write's cycle is
 * c0 + PATH + k, where k is the number of sled nops run.  The cycle of the
 * write is read back (rdcycle just before it) and returned for checking.
 */
#define PATH	20	/* instructions from the rdcycle to the write, k = 0 */

	.text
	.balign 4
	.globl arm_at_phase
arm_at_phase:
	mv	t6, a4			/* result */
	mv	t5, a2			/* use_sbi */
	.option push
	.option norvc
	rdcycle	t0			/* c0 */
	addi	t1, t0, PATH		/* write cycle with k = 0 */
	remu	t2, t1, a3		/* its phase */
	add	t3, a0, a3
	sub	t3, t3, t2
	remu	t3, t3, a3		/* k = (phase - phase0) mod cpt */
	add	t1, t1, t3		/* the write's cycle */
	divu	t2, t1, a3
	add	a0, t2, a1		/* deadline in ticks */
	sd	a0, 0(t6)
	li	a7, 0x54494D45		/* SBI TIME set_timer, if used */
	li	a6, 0
	la	t4, sled_end
	slli	t3, t3, 2
	sub	t4, t4, t3
	jr	t4
sled:
	.rept	256
	nop
	.endr
sled_end:
	rdcycle	t2			/* the write runs at t2 + 2 */
	bnez	t5, 1f
	csrw	0x14d, a0
	j	2f
1:	ecall
2:	.option pop
	addi	t2, t2, 2
	sd	t2, 8(t6)
	ret
