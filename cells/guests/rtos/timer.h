/* SPDX-License-Identifier: GPL-2.0-only */
/* The periodic tick (the arch programs its timer) and its jitter figures. */
#ifndef RTOS_TIMER_H
#define RTOS_TIMER_H

#include <stdbool.h>
#include <stdint.h>

struct hart;

void timer_init(struct hart *h);
/* From the timer interrupt; `now` is the time read at trap entry.
 * Returns true when a tick was due (and counted). */
bool timer_irq(struct hart *h, uint64_t now);

#endif
