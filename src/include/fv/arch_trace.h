/* SPDX-License-Identifier: GPL-2.0-only */
/* The trace's clock, which every architecture with CONFIG_TRACE provides. */
#ifndef FV_ARCH_TRACE_H
#define FV_ARCH_TRACE_H

#include <fv/types.h>

/* A fast free-running counter, the same on every hart as far as the
 * hardware allows (RISC-V: the cycle counter). */
uint64_t arch_trace_clock(void);

#endif
