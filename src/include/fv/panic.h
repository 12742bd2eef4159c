/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FV_PANIC_H
#define FV_PANIC_H

#include <fv/compiler.h>

/* Print the message on this hart, stop every other hart, halt. */
__noreturn void panic(const char *fmt, ...) __printf(1, 2);

#define BUG_ON(c) do { \
	if (unlikely(c)) \
		panic("BUG at %s:%d: %s", __FILE__, __LINE__, #c); \
} while (0)

#ifdef CONFIG_DEBUG
#define ASSERT(c) BUG_ON(!(c))
#else
#define ASSERT(c) do { (void)sizeof(c); } while (0)
#endif

#endif
