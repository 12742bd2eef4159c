/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-hart trace ring (CONFIG_TRACE): the last CONFIG_TRACE_ENTRIES events
 * of each hart (traps, SBI calls, injected interrupts), printed by panic()
 * and by the monitor.  Without CONFIG_TRACE the calls compile to nothing.
 */
#ifndef FV_TRACE_H
#define FV_TRACE_H

#include <fv/types.h>

enum trace_type {
	TR_BOOT,
	TR_TRAP,	/* a = cause, b = pc */
	TR_SBI,		/* a = extension, b = function */
	TR_IRQ,		/* a = interrupt number, b = target */
	TR_FAULT,	/* a = address, b = pc */
	TR_NR,
};

#ifdef CONFIG_TRACE
void trace_event(unsigned cpu, enum trace_type t, uint64_t a, uint64_t b);
void trace_dump_locked(unsigned cpu);
#else
static inline void trace_event(unsigned cpu, enum trace_type t, uint64_t a, uint64_t b)
{
	(void)cpu; (void)t; (void)a; (void)b;
}
static inline void trace_dump_locked(unsigned cpu) { (void)cpu; }
#endif

#endif
