/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A minimal unit-test harness: CHECK() counts, a failed check prints where
 * and what, and test_report() prints "<name>: N passed, M failed" and gives
 * the exit status.
 */
#ifndef TEST_H
#define TEST_H

#include <stdio.h>
#include <string.h>

static int t_pass, t_fail;

#define CHECK(c) do { \
	if (c) { t_pass++; } else { t_fail++; \
		printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); } \
} while (0)

#define CHECK_EQ(a, b) do { \
	unsigned long long _a = (unsigned long long)(a), _b = (unsigned long long)(b); \
	if (_a == _b) { t_pass++; } else { t_fail++; \
		printf("%s:%d: CHECK_EQ failed: %s == %#llx, expected %s == %#llx\n", \
		       __FILE__, __LINE__, #a, _a, #b, _b); } \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *_a = (a), *_b = (b); \
	if (_a && _b && !strcmp(_a, _b)) { t_pass++; } else { t_fail++; \
		printf("%s:%d: CHECK_STR failed: %s is \"%s\", expected \"%s\"\n", \
		       __FILE__, __LINE__, #a, _a ? _a : "(null)", _b ? _b : "(null)"); } \
} while (0)

static inline int test_report(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, t_pass, t_fail);
	return t_fail != 0;
}

#endif
