// SPDX-License-Identifier: GPL-2.0-only
#include <stdarg.h>
#include <fv/arch_cpu.h>
#include <fv/console.h>
#include <fv/panic.h>
#include <fv/trace.h>

__noreturn void panic(const char *fmt, ...)
{
	struct cpu *c = this_cpu();
	va_list ap;

	console_force_lock();
	kprintf_locked("\nFerrovisor PANIC on hart %lu: ", c ? c->hwid : 0UL);
	va_start(ap, fmt);
	kvprintf_locked(fmt, ap);
	va_end(ap);
	kprintf_locked("\n");
	if (c)
		trace_dump_locked(c->id);
	console_unlock();
	arch_cpu_halt();
}
