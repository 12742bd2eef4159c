/* SPDX-License-Identifier: GPL-2.0-only */
/* Compiler helpers and small generic macros. */
#ifndef FV_COMPILER_H
#define FV_COMPILER_H

#define __noreturn	__attribute__((noreturn))
#define __packed	__attribute__((packed))
#define __aligned(x)	__attribute__((aligned(x)))
#define __section(s)	__attribute__((section(s)))
#define __unused	__attribute__((unused))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
/* for the small helpers of a hot path GCC would keep as calls */
#ifndef __always_inline
#define __always_inline	inline __attribute__((always_inline))
#endif
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a)	(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))
#define BIT(n)		(1UL << (n))

/* IS_ENABLED(CONFIG_FOO): 1 if the bool option is set, else 0, usable in
 * plain C conditions so both branches are always compiled. */
#ifdef __CPPCHECK__
/* cppcheck's preprocessor cannot expand the placeholder trick: 'make lint'
 * sees an option as set or as an unknown identifier (both branches). */
#define IS_ENABLED(option) ((option) + 0)
#else
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(ignored, val, ...) val
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
/* NOLINTNEXTLINE(bugprone-macro-parentheses): the trick needs it bare */
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)
#define IS_ENABLED(option) ___is_defined(option)
#endif

#define STATIC_ASSERT(c, msg) _Static_assert(c, msg)

#define container_of(p, type, member) \
	((type *)((char *)(p) - __builtin_offsetof(type, member)))

/* [a, a+alen) and [b, b+blen) overlap; lengths are non-zero and do not wrap */
#define RANGES_OVERLAP(a, alen, b, blen) ((a) < (b) + (blen) && (b) < (a) + (alen))

#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif
