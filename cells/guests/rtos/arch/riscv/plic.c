// SPDX-License-Identifier: GPL-2.0-only
/* PLIC register layout from the RISC-V PLIC specification. */
#include "plic.h"

#define PLIC_PRIORITY(irq)	(0x000000 + 4 * (uintptr_t)(irq))
#define PLIC_ENABLE(ctx, irq)	(0x002000 + 0x80 * (uintptr_t)(ctx) + 4 * ((irq) / 32))
#define PLIC_THRESHOLD(ctx)	(0x200000 + 0x1000 * (uintptr_t)(ctx))
#define PLIC_CLAIM(ctx)		(PLIC_THRESHOLD(ctx) + 4)

static volatile uint32_t *reg(uintptr_t base, uintptr_t off)
{
	return (volatile uint32_t *)(base + off);
}

void plic_set_threshold(uintptr_t base, int ctx, uint32_t threshold)
{
	*reg(base, PLIC_THRESHOLD(ctx)) = threshold;
}

void plic_enable(uintptr_t base, int ctx, uint32_t irq, uint32_t prio)
{
	*reg(base, PLIC_PRIORITY(irq)) = prio;
	*reg(base, PLIC_ENABLE(ctx, irq)) |= 1u << (irq % 32);
}

uint32_t plic_claim(uintptr_t base, int ctx)
{
	return *reg(base, PLIC_CLAIM(ctx));
}

void plic_complete(uintptr_t base, int ctx, uint32_t irq)
{
	*reg(base, PLIC_CLAIM(ctx)) = irq;
}
