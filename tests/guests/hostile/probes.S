/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hostile guest's instruments: loads and stores at any address, and
 * instructions only the hypervisor (or M-mode) may run.  In every one the
 * instruction that matters comes first, so the function's address is the
 * pc a fault report must name, and each is 4 bytes (no compressed
 * encodings here), so the trap handler resumes past it.
 */
	.option push
	.option norvc
	.option arch, +h
	.text

#define PROBE(name)	.globl name; .balign 4; name:

PROBE(probe_ld)
	ld	a0, 0(a0)
	ret
PROBE(probe_lw)
	lw	a0, 0(a0)
	ret
PROBE(probe_lh)
	lh	a0, 0(a0)
	ret
PROBE(probe_sd)
	sd	a1, 0(a0)
	ret
PROBE(probe_sw)
	sw	a1, 0(a0)
	ret

/* Each leaves a0 as it was if it traps (the handler skips it). */
PROBE(ins_csrr_hstatus)
	csrr	a0, hstatus
	ret
PROBE(ins_csrw_hgatp)
	csrw	hgatp, zero
	ret
PROBE(ins_csrs_hvip)
	csrs	hvip, a0		/* a VS external interrupt for ourselves */
	ret
PROBE(ins_csrw_hedeleg)
	csrw	hedeleg, zero
	ret
PROBE(ins_csrr_vsstatus)
	csrr	a0, vsstatus
	ret
PROBE(ins_csrw_vsatp)
	csrw	vsatp, zero
	ret
PROBE(ins_csrr_mstatus)
	csrr	a0, mstatus
	ret
PROBE(ins_csrr_mhartid)
	csrr	a0, mhartid
	ret
PROBE(ins_csrw_mtvec)
	csrw	mtvec, zero
	ret
PROBE(ins_csrw_pmpaddr0)
	csrw	pmpaddr0, a0
	ret
PROBE(ins_csrr_dcsr)
	csrr	a0, 0x7b0		/* dcsr: debug mode only */
	ret
PROBE(ins_csrr_hpmcounter3)
	csrr	a0, hpmcounter3
	ret
PROBE(ins_hfence_gvma)
	hfence.gvma zero, zero
	ret
PROBE(ins_hfence_vvma)
	hfence.vvma zero, zero
	ret
PROBE(ins_hlv_d)
	hlv.d	a0, (a0)		/* a0: the victim's memory */
	ret
PROBE(ins_hsv_d)
	hsv.d	a0, (a0)
	ret
PROBE(ins_mret)
	mret
	ret
PROBE(ins_zero)
	.word	0			/* all zeroes: illegal by definition */
	ret

	.option pop
