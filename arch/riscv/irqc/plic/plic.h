/* SPDX-License-Identifier: GPL-2.0-only */
/* The physical PLIC, driven by the hypervisor for passthrough interrupts. */
#ifndef RISCV_PLIC_H
#define RISCV_PLIC_H

#include <fv/types.h>

#define PLIC_MAX_IRQS	1024

void plic_init(paddr_t base, uint32_t ndev);
void plic_set_priority(uint32_t irq, uint32_t prio);
void plic_enable(int ctx, uint32_t irq, bool on);
void plic_set_threshold(int ctx, uint32_t t);
uint32_t plic_claim(int ctx);
/* Context ctx's claim/complete register (NULL for ctx < 0): a claim is a
 * load of it, a complete a store of the ID. */
volatile uint32_t *plic_claim_reg(int ctx);
void plic_complete(int ctx, uint32_t irq);

#endif
