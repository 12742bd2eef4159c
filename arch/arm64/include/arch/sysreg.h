/* SPDX-License-Identifier: GPL-2.0-only */
/* Reading and writing AArch64 system registers, and the bits we use. */
#ifndef ARCH_SYSREG_H
#define ARCH_SYSREG_H

#include <fv/types.h>

#define read_sysreg(r) ({ uint64_t __v; \
	__asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define write_sysreg(r, v) \
	__asm__ volatile("msr " #r ", %0" :: "r"((uint64_t)(v)) : "memory")

#define isb()	__asm__ volatile("isb" ::: "memory")
#define dsb(o)	__asm__ volatile("dsb " #o ::: "memory")

/* CurrentEL.EL, bits [3:2] */
#define CURRENT_EL(v)	(((v) >> 2) & 3)

/* MPIDR_EL1: the affinity fields a PSCI call or a device tree names */
#define MPIDR_AFF_MASK	0xff00ffffffULL

#endif
