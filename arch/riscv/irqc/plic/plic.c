// SPDX-License-Identifier: GPL-2.0-only
/* Physical PLIC access (register map of the RISC-V PLIC specification). */
#include <fv/spinlock.h>
#include "plic.h"

#define PRIORITY(irq)	(0x0 + 4 * (irq))
#define ENABLE(ctx, irq) (0x2000 + 0x80 * (uintptr_t)(ctx) + 4 * ((irq) / 32))
#define THRESHOLD(ctx)	(0x200000 + 0x1000 * (uintptr_t)(ctx))
#define CLAIM(ctx)	(0x200004 + 0x1000 * (uintptr_t)(ctx))

static uintptr_t base;
static uint32_t ndev;
/*
 * Enable words are read-modify-write, so each context's are updated under
 * a lock: one per context (folded onto 2 per hart), so harts of different
 * cells, whose contexts differ, never share one.
 */
#define ENABLE_LOCKS	(2 * CONFIG_MAX_HARTS + 2)
static spinlock_t enable_lock[ENABLE_LOCKS];

static volatile uint32_t *reg(uintptr_t off)
{
	return (volatile uint32_t *)(base + off);
}

void plic_init(paddr_t b, uint32_t n)
{
	base = b;
	ndev = n < PLIC_MAX_IRQS ? n : PLIC_MAX_IRQS - 1;
}

void plic_set_priority(uint32_t irq, uint32_t prio)
{
	if (irq && irq <= ndev)
		*reg(PRIORITY(irq)) = prio;
}

void plic_enable(int ctx, uint32_t irq, bool on)
{
	uint32_t bit = 1u << (irq % 32);

	if (ctx < 0 || !irq || irq > ndev)
		return;
	spin_lock(&enable_lock[ctx % ENABLE_LOCKS]);
	if (on)
		*reg(ENABLE(ctx, irq)) |= bit;
	else
		*reg(ENABLE(ctx, irq)) &= ~bit;
	spin_unlock(&enable_lock[ctx % ENABLE_LOCKS]);
}

void plic_set_threshold(int ctx, uint32_t t)
{
	if (ctx >= 0)
		*reg(THRESHOLD(ctx)) = t;
}

uint32_t plic_claim(int ctx)
{
	return ctx >= 0 ? *reg(CLAIM(ctx)) : 0;
}

volatile uint32_t *plic_claim_reg(int ctx)
{
	return ctx >= 0 ? reg(CLAIM(ctx)) : NULL;
}

void plic_complete(int ctx, uint32_t irq)
{
	if (ctx >= 0)
		*reg(CLAIM(ctx)) = irq;
}
