/* SPDX-License-Identifier: GPL-2.0-only */
/* PLIC access for one hart's S-mode context. */
#ifndef RTOS_PLIC_H
#define RTOS_PLIC_H

#include <stdint.h>

void plic_set_threshold(uintptr_t base, int ctx, uint32_t threshold);
void plic_enable(uintptr_t base, int ctx, uint32_t irq, uint32_t prio);
uint32_t plic_claim(uintptr_t base, int ctx);
void plic_complete(uintptr_t base, int ctx, uint32_t irq);

#endif
