/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * printf-style formatting.  Supports %d %i %u %x %X %o %p %s %c %% with the
 * flags '-', '0', '+', ' ', '#', a field width and precision (numbers or
 * '*') and the length modifiers hh h l ll z t j.  No floating point.
 */
#ifndef FV_FMT_H
#define FV_FMT_H

#include <stdarg.h>
#include <fv/compiler.h>
#include <fv/types.h>

typedef void (*fmt_out_t)(char c, void *arg);

/* Format to a callback; returns the number of characters produced. */
int fmt_vformat(fmt_out_t out, void *arg, const char *fmt, va_list ap);

/* C99 semantics: always NUL-terminates when size > 0, returns the length
 * the full output would have had. */
int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#endif
