/* SPDX-License-Identifier: GPL-2.0-only */
/* System register access and the few bits of them the ARM64 RTOS uses. */
#ifndef RTOS_SYSREG_H
#define RTOS_SYSREG_H

#include <stdint.h>

#define sysreg_read(r) ({ uint64_t __v; \
	__asm__ volatile("mrs %0, " #r : "=r"(__v) :: "memory"); __v; })
#define sysreg_write(r, v) \
	__asm__ volatile("msr " #r ", %0" :: "r"((uint64_t)(v)) : "memory")
#define isb() __asm__ volatile("isb" ::: "memory")

#define DAIF_I		(1UL << 7)

/* GICv3 CPU interface, by encoding (older binutils lack the names) */
#define ICC_SRE_EL1	S3_0_C12_C12_5
#define ICC_PMR_EL1	S3_0_C4_C6_0
#define ICC_IGRPEN1_EL1	S3_0_C12_C12_7
#define ICC_IAR1_EL1	S3_0_C12_C12_0
#define ICC_EOIR1_EL1	S3_0_C12_C12_1

#define CNTV_CTL_ENABLE	1UL

/* The affinity fields of an MPIDR (Aff3, Aff2, Aff1, Aff0), the rest clear. */
#define MPIDR_AFF_MASK	0xff00ffffffUL

#endif
