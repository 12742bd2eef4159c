// SPDX-License-Identifier: GPL-2.0-only
/*
 * SBI PMU for a vhart, with CONFIG_PMU: the firmware's PMU of the hart
 * the vhart is pinned to, which no other cell ever runs on, so its
 * counters are the vhart's alone.  The calls go to the firmware as they
 * are, except that a counter's mode filter is moved down a level: the
 * guest's S and U are VS and VU, and the hypervisor's own modes (HS, U,
 * M) are always inhibited.  The hart needs Sscofpmf (and Smcntrpmf for
 * cycle and instret) for the filter to take effect; without it the
 * counters also count the hypervisor's work for the vhart's traps.
 * Snapshots are not offered (OpenSBI 1.5.1 has none either).  Every
 * counter is stopped and released when the vhart starts.
 */
#include <arch/sbi.h>
#include "vsbi.h"

#define GUEST_FLAGS	(SBI_PMU_CFG_FLAG_SKIP_MATCH | SBI_PMU_CFG_FLAG_CLEAR_VALUE | \
			 SBI_PMU_CFG_FLAG_AUTO_START)
#define HOST_INH	(SBI_PMU_CFG_FLAG_SET_UINH | SBI_PMU_CFG_FLAG_SET_SINH | \
			 SBI_PMU_CFG_FLAG_SET_MINH)

/* 1 if the guest gets PMU: Kconfig allows it and the firmware has it
 * (asked once; the same on every hart).  0 until asked, then 1 or 2. */
static int offered;

bool vsbi_pmu_offered(void)
{
	int o;

	if (!IS_ENABLED(CONFIG_PMU))
		return false;
	o = __atomic_load_n(&offered, __ATOMIC_ACQUIRE);
	if (!o) {
		o = sbi_probe(SBI_EXT_PMU) ? 1 : 2;
		__atomic_store_n(&offered, o, __ATOMIC_RELEASE);
	}
	return o == 1;
}

/* The guest's config_flags for the firmware: its S and U are VS and VU. */
static unsigned long cfg_flags(unsigned long f)
{
	unsigned long out = (f & GUEST_FLAGS) | HOST_INH;

	if (f & SBI_PMU_CFG_FLAG_SET_SINH)
		out |= SBI_PMU_CFG_FLAG_SET_VSINH;
	if (f & SBI_PMU_CFG_FLAG_SET_UINH)
		out |= SBI_PMU_CFG_FLAG_SET_VUINH;
	return out;
}

/* Stop and release every counter of this hart (a starting vhart). */
void vsbi_pmu_reset(void)
{
	struct sbiret n;

	if (!vsbi_pmu_offered())
		return;
	n = sbi_ecall(SBI_EXT_PMU, SBI_PMU_NUM_COUNTERS, 0, 0, 0);
	for (unsigned long base = 0; !n.error && base < (unsigned long)n.value; base += 64) {
		unsigned long left = (unsigned long)n.value - base;

		sbi_ecall(SBI_EXT_PMU, SBI_PMU_COUNTER_STOP, base,
			  left >= 64 ? ~0UL : BIT(left) - 1, SBI_PMU_STOP_FLAG_RESET);
	}
}

struct sbiret vsbi_pmu(struct vcpu *v, unsigned long fid, unsigned long *a)
{
	(void)v;	/* the hart's own counters are the vhart's */
	if (!vsbi_pmu_offered())
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	switch (fid) {
	case SBI_PMU_NUM_COUNTERS:
	case SBI_PMU_COUNTER_GET_INFO:
	case SBI_PMU_COUNTER_FW_READ:
	case SBI_PMU_COUNTER_FW_READ_HI:
		return sbi_ecall(SBI_EXT_PMU, fid, a[0], 0, 0);
	case SBI_PMU_COUNTER_CFG_MATCH:
		return sbi_ecall5(SBI_EXT_PMU, fid, a[0], a[1], cfg_flags(a[2]), a[3], a[4]);
	case SBI_PMU_COUNTER_START:
		return sbi_ecall5(SBI_EXT_PMU, fid, a[0], a[1], a[2], a[3], 0);
	case SBI_PMU_COUNTER_STOP:
		return sbi_ecall(SBI_EXT_PMU, fid, a[0], a[1], a[2]);
	}
	/* snapshot_set_shmem, event_get_info and the rest */
	return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
}
