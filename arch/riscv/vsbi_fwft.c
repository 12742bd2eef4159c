// SPDX-License-Identifier: GPL-2.0-only
/*
 * SBI FWFT (firmware features) for a vhart: each local feature the hart
 * can give VS-mode, per vhart, with the lock, reset with the vhart.
 * Misaligned-access exception delegation goes through the firmware's own
 * FWFT (medeleg is M-mode's; hedeleg already passes them on); the others
 * are henvcfg bits: landing pads (LPE), shadow stacks (SSE), double trap
 * (DTE), hardware A/D updating (ADUE, which the firmware must allow in
 * menvcfg first) and pointer masking (PMM).  What the hart has is found
 * when the vhart starts: the firmware's answer, and which henvcfg bits
 * stick.  The feature ID is a uint32_t: its low 32 bits count.
 */
#include <arch/csr.h>
#include <arch/sbi.h>
#include "vsbi.h"

enum {
	F_MISALIGNED = SBI_FWFT_MISALIGNED_EXC_DELEG,
	F_LP = SBI_FWFT_LANDING_PAD,
	F_SS = SBI_FWFT_SHADOW_STACK,
	F_DT = SBI_FWFT_DOUBLE_TRAP,
	F_AD = SBI_FWFT_PTE_AD_HW_UPDATING,
	F_PMLEN = SBI_FWFT_POINTER_MASKING_PMLEN,
};

/* The henvcfg bit of each boolean feature, 0 where none. */
static const unsigned long bit_of[VSBI_FWFT_FEATURES] = {
	[F_LP] = HENVCFG_LPE, [F_SS] = HENVCFG_SSE, [F_DT] = HENVCFG_DTE,
	[F_AD] = HENVCFG_ADUE,
};

#define PMM_7	(2UL << HENVCFG_PMM_SHIFT)
#define PMM_16	(3UL << HENVCFG_PMM_SHIFT)

/* Which of the henvcfg bits in `mask` this hart lets us make `try`
 * (WARL: what sticks); henvcfg is left as it was. */
static unsigned long sticks(unsigned long mask, unsigned long try)
{
	unsigned long old = csr_read(CSR_HENVCFG), got;

	csr_write(CSR_HENVCFG, (old & ~mask) | try);
	got = csr_read(CSR_HENVCFG);
	csr_write(CSR_HENVCFG, old);
	return got & mask;
}

/*
 * Hardware A/D updating as the firmware had it before we first asked for
 * it (it stays on for us after that): what a native kernel would find, so
 * a vhart starts with it too.  The same on every hart; -1 until read.
 */
static int ad_default = -1;

static unsigned long firmware_ad_default(void)
{
	unsigned long on;

	if (__atomic_load_n(&ad_default, __ATOMIC_ACQUIRE) < 0) {
		on = !sbi_fwft_get(SBI_FWFT_PTE_AD_HW_UPDATING, &on) && on == 1;
		__atomic_store_n(&ad_default, (int)on, __ATOMIC_RELEASE);
	}
	return (unsigned long)__atomic_load_n(&ad_default, __ATOMIC_ACQUIRE);
}

/* On the vhart's own hart, as it starts: every feature at its default
 * (off, but A/D updating as the firmware had it) and unlocked. */
void vsbi_fwft_reset(struct vcpu *v)
{
	unsigned long hw, ad = firmware_ad_default();
	unsigned sup = 0;

	if (!sbi_fwft_set(SBI_FWFT_MISALIGNED_EXC_DELEG, 0))
		sup |= BIT(F_MISALIGNED);
	/* menvcfg.ADUE (where the hart has Svadu) lets henvcfg.ADUE be set;
	 * our G-stage entries have A and D set, so nothing else changes */
	sbi_fwft_set(SBI_FWFT_PTE_AD_HW_UPDATING, 1);
	hw = sticks(HENVCFG_LPE | HENVCFG_SSE | HENVCFG_DTE | HENVCFG_ADUE,
		    HENVCFG_LPE | HENVCFG_SSE | HENVCFG_DTE | HENVCFG_ADUE);
	for (unsigned f = 0; f < VSBI_FWFT_FEATURES; f++)
		if (bit_of[f] && (hw & bit_of[f]))
			sup |= BIT(f);
	if (sticks(HENVCFG_PMM, PMM_16) == PMM_16 || sticks(HENVCFG_PMM, PMM_7) == PMM_7)
		sup |= BIT(F_PMLEN);
	csr_clear(CSR_HENVCFG, HENVCFG_LPE | HENVCFG_SSE | HENVCFG_DTE | HENVCFG_ADUE |
		  HENVCFG_PMM);
	v->arch.fwft_supported = sup;
	v->arch.fwft_locked = 0;
	for (unsigned f = 0; f < VSBI_FWFT_FEATURES; f++)
		v->arch.fwft_value[f] = 0;
	if ((sup & BIT(F_AD)) && ad) {
		csr_set(CSR_HENVCFG, HENVCFG_ADUE);
		v->arch.fwft_value[F_AD] = 1;
	}
}

/* henvcfg.PMM for a PMLEN, or ~0 if the hart has no such length. */
static unsigned long pmm_of(unsigned long pmlen)
{
	unsigned long pmm = pmlen == 0 ? 0 : pmlen == 7 ? PMM_7 : pmlen == 16 ? PMM_16 : ~0UL;

	return pmm == ~0UL || sticks(HENVCFG_PMM, pmm) != pmm ? ~0UL : pmm;
}

/* Make feature f `value` on this hart: 0 or an SBI error. */
static long apply(unsigned f, unsigned long value)
{
	unsigned long pmm;

	if (f == F_PMLEN) {
		pmm = pmm_of(value);
		if (pmm == ~0UL)
			return SBI_ERR_INVALID_PARAM;
		csr_clear(CSR_HENVCFG, HENVCFG_PMM);
		csr_set(CSR_HENVCFG, pmm);
		return SBI_SUCCESS;
	}
	if (value > 1)
		return SBI_ERR_INVALID_PARAM;
	if (f == F_MISALIGNED)
		return sbi_fwft_set(SBI_FWFT_MISALIGNED_EXC_DELEG, value) ? SBI_ERR_FAILED : 0;
	if (value)
		csr_set(CSR_HENVCFG, bit_of[f]);
	else
		csr_clear(CSR_HENVCFG, bit_of[f]);
	return SBI_SUCCESS;
}

/* 0 if `feature` is one this vhart has, else its SBI error: a feature the
 * spec defines that the hart lacks is NOT_SUPPORTED; reserved, platform-
 * specific and global ones (none implemented) are DENIED. */
static long lookup(const struct vcpu *v, uint32_t feature)
{
	if (feature >= VSBI_FWFT_FEATURES)
		return SBI_ERR_DENIED;
	return (v->arch.fwft_supported & BIT(feature)) ? 0 : SBI_ERR_NOT_SUPPORTED;
}

static struct sbiret set(struct vcpu *v, uint32_t f, unsigned long value, unsigned long flags)
{
	long err = lookup(v, f);

	if (!err && (flags & ~SBI_FWFT_SET_FLAG_LOCK))
		err = SBI_ERR_INVALID_PARAM;
	if (!err && (v->arch.fwft_locked & BIT(f)))
		err = SBI_ERR_DENIED_LOCKED;
	if (!err)
		err = apply(f, value);
	if (err)
		return (struct sbiret){ err, 0 };
	v->arch.fwft_value[f] = value;
	if (flags & SBI_FWFT_SET_FLAG_LOCK)
		v->arch.fwft_locked |= BIT(f);
	return (struct sbiret){ SBI_SUCCESS, 0 };
}

struct sbiret vsbi_fwft(struct vcpu *v, unsigned long fid, unsigned long *a)
{
	uint32_t f = (uint32_t)a[0];
	long err;

	switch (fid) {
	case SBI_FWFT_SET:
		return set(v, f, a[1], a[2]);
	case SBI_FWFT_GET:
		err = lookup(v, f);
		return (struct sbiret){ err, err ? 0 : (long)v->arch.fwft_value[f] };
	}
	return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
}
