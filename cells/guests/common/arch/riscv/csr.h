/* SPDX-License-Identifier: GPL-2.0-only */
/* S-mode CSR access, counters and the bits the bare-metal guests use. */
#ifndef GUEST_CSR_H
#define GUEST_CSR_H

#include <stdint.h>

#define SSTATUS_SIE	(1UL << 1)
#define SSTATUS_SPIE	(1UL << 5)
#define SSTATUS_SPP	(1UL << 8)

#define IRQ_S_SOFT	1
#define IRQ_S_TIMER	5
#define IRQ_S_EXT	9
#define SIE_SSIE	(1UL << IRQ_S_SOFT)
#define SIE_STIE	(1UL << IRQ_S_TIMER)
#define SIE_SEIE	(1UL << IRQ_S_EXT)
#define SIP_SSIP	SIE_SSIE
#define SIP_STIP	SIE_STIE

#define CAUSE_IRQ	(1UL << 63)

/* stimecmp by number: binutils wants Sstc in -march for the name. */
#define CSR_STIMECMP	0x14d

#define csr_read(csr) ({ unsigned long __v; \
	__asm__ volatile("csrr %0, " #csr : "=r"(__v) :: "memory"); __v; })
#define csr_write(csr, v) \
	__asm__ volatile("csrw " #csr ", %0" :: "rK"(v) : "memory")
#define csr_set(csr, v) \
	__asm__ volatile("csrs " #csr ", %0" :: "rK"(v) : "memory")
#define csr_clear(csr, v) \
	__asm__ volatile("csrc " #csr ", %0" :: "rK"(v) : "memory")
#define csr_read_clear(csr, v) ({ unsigned long __v; \
	__asm__ volatile("csrrc %0, " #csr ", %1" : "=r"(__v) : "rK"(v) : "memory"); __v; })

static inline void stimecmp_write(uint64_t v)
{
	__asm__ volatile("csrw 0x14d, %0" :: "r"(v) : "memory");
}

/* Under -icount shift=0 one cycle is one instruction (of any hart, in any
 * mode) and the count never stops while a hart runs. */
static inline uint64_t rdcycle(void)
{
	uint64_t c;

	__asm__ volatile("rdcycle %0" : "=r"(c) :: "memory");
	return c;
}

static inline uint64_t rdtime(void)
{
	uint64_t t;

	__asm__ volatile("rdtime %0" : "=r"(t) :: "memory");
	return t;
}

static inline void irq_on(void)
{
	csr_set(sstatus, SSTATUS_SIE);
}

static inline void irq_off(void)
{
	csr_clear(sstatus, SSTATUS_SIE);
}

/* Interrupts off on this hart; returns the old state for irq_restore(). */
static inline unsigned long irq_save(void)
{
	return csr_read_clear(sstatus, SSTATUS_SIE) & SSTATUS_SIE;
}

static inline void irq_restore(unsigned long flags)
{
	if (flags)
		csr_set(sstatus, SSTATUS_SIE);
}

#endif
