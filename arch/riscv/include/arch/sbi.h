/* SPDX-License-Identifier: GPL-2.0-only */
/* SBI constants (SBI spec 2.0) and the client calls into the firmware. */
#ifndef ARCH_SBI_H
#define ARCH_SBI_H

#define SBI_EXT_LEGACY_SET_TIMER	0x00
#define SBI_EXT_LEGACY_PUTCHAR		0x01
#define SBI_EXT_LEGACY_GETCHAR		0x02
#define SBI_EXT_LEGACY_CLEAR_IPI	0x03
#define SBI_EXT_LEGACY_SEND_IPI		0x04
#define SBI_EXT_LEGACY_FENCE_I		0x05
#define SBI_EXT_LEGACY_SFENCE_VMA	0x06
#define SBI_EXT_LEGACY_SFENCE_VMA_ASID	0x07
#define SBI_EXT_LEGACY_SHUTDOWN		0x08
#define SBI_EXT_BASE	0x10
#define SBI_EXT_TIME	0x54494d45
#define SBI_EXT_IPI	0x735049
#define SBI_EXT_RFENCE	0x52464e43
#define SBI_EXT_HSM	0x48534d
#define SBI_EXT_SRST	0x53525354
#define SBI_EXT_PMU	0x504d55
#define SBI_EXT_DBCN	0x4442434e
#define SBI_EXT_SUSP	0x53555350
#define SBI_EXT_FWFT	0x46574654

/* BASE functions */
#define SBI_BASE_GET_SPEC_VERSION	0
#define SBI_BASE_GET_IMPL_ID		1
#define SBI_BASE_GET_IMPL_VERSION	2
#define SBI_BASE_PROBE_EXT		3
#define SBI_BASE_GET_MVENDORID		4
#define SBI_BASE_GET_MARCHID		5
#define SBI_BASE_GET_MIMPID		6

/* HSM */
#define SBI_HSM_HART_START	0
#define SBI_HSM_HART_STOP	1
#define SBI_HSM_HART_STATUS	2
#define SBI_HSM_HART_SUSPEND	3
#define SBI_HSM_STARTED		0
#define SBI_HSM_STOPPED		1
#define SBI_HSM_START_PENDING	2
#define SBI_HSM_STOP_PENDING	3
#define SBI_HSM_SUSPENDED	4
#define SBI_HSM_SUSPEND_PENDING	5
#define SBI_HSM_RESUME_PENDING	6
#define SBI_HSM_SUSPEND_RET_DEFAULT	0x00000000UL
#define SBI_HSM_SUSPEND_NON_RET_DEFAULT	0x80000000UL

/* PMU */
#define SBI_PMU_NUM_COUNTERS		0
#define SBI_PMU_COUNTER_GET_INFO	1
#define SBI_PMU_COUNTER_CFG_MATCH	2
#define SBI_PMU_COUNTER_START		3
#define SBI_PMU_COUNTER_STOP		4
#define SBI_PMU_COUNTER_FW_READ		5
#define SBI_PMU_COUNTER_FW_READ_HI	6
#define SBI_PMU_CFG_FLAG_SKIP_MATCH	(1UL << 0)
#define SBI_PMU_CFG_FLAG_CLEAR_VALUE	(1UL << 1)
#define SBI_PMU_CFG_FLAG_AUTO_START	(1UL << 2)
#define SBI_PMU_CFG_FLAG_SET_VUINH	(1UL << 3)
#define SBI_PMU_CFG_FLAG_SET_VSINH	(1UL << 4)
#define SBI_PMU_CFG_FLAG_SET_UINH	(1UL << 5)
#define SBI_PMU_CFG_FLAG_SET_SINH	(1UL << 6)
#define SBI_PMU_CFG_FLAG_SET_MINH	(1UL << 7)
#define SBI_PMU_STOP_FLAG_RESET		(1UL << 0)

/* FWFT (firmware features, SBI 3.0; OpenSBI 1.5.1 has it) */
#define SBI_FWFT_SET			0
#define SBI_FWFT_GET			1
#define SBI_FWFT_MISALIGNED_EXC_DELEG	0
#define SBI_FWFT_LANDING_PAD		1
#define SBI_FWFT_SHADOW_STACK		2
#define SBI_FWFT_DOUBLE_TRAP		3
#define SBI_FWFT_PTE_AD_HW_UPDATING	4
#define SBI_FWFT_POINTER_MASKING_PMLEN	5
#define SBI_FWFT_SET_FLAG_LOCK		1UL

#define SBI_SUSP_SYSTEM_SUSPEND	0
#define SBI_SUSP_TO_RAM		0

/* SRST */
#define SBI_SRST_RESET			0
#define SBI_SRST_TYPE_SHUTDOWN		0
#define SBI_SRST_TYPE_COLD_REBOOT	1
#define SBI_SRST_TYPE_WARM_REBOOT	2

/* DBCN */
#define SBI_DBCN_WRITE		0
#define SBI_DBCN_READ		1
#define SBI_DBCN_WRITE_BYTE	2

/* RFENCE */
#define SBI_RFENCE_FENCE_I		0
#define SBI_RFENCE_SFENCE_VMA		1
#define SBI_RFENCE_SFENCE_VMA_ASID	2
#define SBI_RFENCE_HFENCE_GVMA_VMID	3
#define SBI_RFENCE_HFENCE_GVMA		4
#define SBI_RFENCE_HFENCE_VVMA_ASID	5
#define SBI_RFENCE_HFENCE_VVMA		6

#define SBI_SUCCESS		0
#define SBI_ERR_FAILED		(-1)
#define SBI_ERR_NOT_SUPPORTED	(-2)
#define SBI_ERR_INVALID_PARAM	(-3)
#define SBI_ERR_DENIED		(-4)
#define SBI_ERR_INVALID_ADDRESS	(-5)
#define SBI_ERR_ALREADY_AVAILABLE (-6)
#define SBI_ERR_ALREADY_STARTED	(-7)
#define SBI_ERR_ALREADY_STOPPED	(-8)
#define SBI_ERR_DENIED_LOCKED	(-14)

#ifndef __ASSEMBLER__
struct sbiret {
	long error;
	long value;
};

static inline struct sbiret sbi_ecall(unsigned long ext, unsigned long fid,
				      unsigned long a0, unsigned long a1,
				      unsigned long a2)
{
	register unsigned long r0 __asm__("a0") = a0;
	register unsigned long r1 __asm__("a1") = a1;
	register unsigned long r2 __asm__("a2") = a2;
	register unsigned long r6 __asm__("a6") = fid;
	register unsigned long r7 __asm__("a7") = ext;

	__asm__ volatile("ecall" : "+r"(r0), "+r"(r1)
			 : "r"(r2), "r"(r6), "r"(r7) : "memory");
	return (struct sbiret){ (long)r0, (long)r1 };
}

/* The same with five arguments (PMU's cfg_match and start). */
static inline struct sbiret sbi_ecall5(unsigned long ext, unsigned long fid,
				       unsigned long a0, unsigned long a1,
				       unsigned long a2, unsigned long a3,
				       unsigned long a4)
{
	register unsigned long r0 __asm__("a0") = a0;
	register unsigned long r1 __asm__("a1") = a1;
	register unsigned long r2 __asm__("a2") = a2;
	register unsigned long r3 __asm__("a3") = a3;
	register unsigned long r4 __asm__("a4") = a4;
	register unsigned long r6 __asm__("a6") = fid;
	register unsigned long r7 __asm__("a7") = ext;

	__asm__ volatile("ecall" : "+r"(r0), "+r"(r1)
			 : "r"(r2), "r"(r3), "r"(r4), "r"(r6), "r"(r7) : "memory");
	return (struct sbiret){ (long)r0, (long)r1 };
}

/* 1 if the firmware implements extension `ext`. */
long sbi_probe(unsigned long ext);
/* The firmware's timer for this hart; ~0 disarms it. */
void sbi_set_timer(unsigned long when);
/* FWFT set and get of a feature of this hart in the firmware: 0 or an
 * SBI error. */
long sbi_fwft_set(unsigned long feature, unsigned long value);
long sbi_fwft_get(unsigned long feature, unsigned long *value);
#endif

#endif
