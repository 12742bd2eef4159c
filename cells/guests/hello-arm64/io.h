/* SPDX-License-Identifier: GPL-2.0-only */
/* Why this file: the test guest's register access, one way for every
 * file: 32-bit MMIO, a byte by a plain strb (a post-indexed store, which
 * a compiler may pick in a loop, has no syndrome and the hypervisor stops
 * the cell), 64-bit MMIO, and the system registers. */
#ifndef HELLO_ARM64_IO_H
#define HELLO_ARM64_IO_H

#include <fv/types.h>

#define sysreg_rd(r) ({ uint64_t __v; __asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define sysreg_wr(r, v) __asm__ volatile("msr " #r ", %0\n isb" :: "r"((uint64_t)(v)) : "memory")

static inline uint32_t rd32(volatile uint8_t *b, unsigned off)
{
	return *(volatile uint32_t *)(b + off);
}

static inline void wr32(volatile uint8_t *b, unsigned off, uint32_t v)
{
	*(volatile uint32_t *)(b + off) = v;
}

static inline uint64_t rd64(volatile uint8_t *b, unsigned off)
{
	return *(volatile uint64_t *)(b + off);
}

static inline void wr64(volatile uint8_t *b, unsigned off, uint64_t v)
{
	*(volatile uint64_t *)(b + off) = v;
}

static inline void wr8(volatile uint8_t *b, unsigned off, unsigned v)
{
	__asm__ volatile("strb %w0, [%1]" :: "r"(v), "r"(b + off) : "memory");
}

/* Aff0 of this vCPU's MPIDR: its index in the cell. */
static inline unsigned this_cpu(void)
{
	return (unsigned)(sysreg_rd(mpidr_el1) & 0xff);
}

#endif
