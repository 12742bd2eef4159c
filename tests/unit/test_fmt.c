// SPDX-License-Identifier: GPL-2.0-only
/* fmt_snprintf() must agree with the C library on every conversion we use. */
#include <stdint.h>
#include <stdio.h>
#include <fv/fmt.h>
#include "test.h"

/* Compare output and return value with the host's snprintf. */
#define SAME(...) do { \
	char _ours[256], _libc[256]; \
	int _n1 = fmt_snprintf(_ours, sizeof(_ours), __VA_ARGS__); \
	int _n2 = snprintf(_libc, sizeof(_libc), __VA_ARGS__); \
	CHECK_STR(_ours, _libc); \
	CHECK_EQ(_n1, _n2); \
} while (0)

int main(void)
{
	char buf[8];
	int n;

	SAME("plain text");
	SAME("%d %d %d", 0, -1, 2147483647);
	SAME("%i|%5d|%-5d|%05d", -42, 42, 42, -42);
	SAME("%u %x %X %o", 3000000000u, 0xdeadbeefu, 0xabcu, 8u);
	SAME("%#x %#o %#X", 255u, 8u, 0xffu);
	SAME("%lx %lu %ld", 0xffffffffffffffffUL, 18446744073709551615UL, -9223372036854775807L - 1);
	SAME("%llx %lld", 0x123456789abcdefULL, -1LL);
	SAME("%zu %zx", (size_t)12345, (size_t)0xfff);
	SAME("%hhu %hd %hx", 257, 65537, 0x12345);
	SAME("%s|%10s|%-10s|%.3s|%*s|%-*s|", "abc", "right", "left", "truncate", 6, "w", 4, "x");
	SAME("%c%c%c", 'o', 'k', '!');
	SAME("%5c|%-3c|", 'a', 'b');
	SAME("100%% %d%%", 5);
	SAME("%+d % d %+d", 5, 5, -5);
	SAME("%.5d|%8.3d|%-8.3x|", 42, 7, 0xa);
	SAME("%.0d|%.0x|", 0, 0);
	SAME("%016lx", 0x1234UL);
	SAME("%p", (void *)0x80200000UL);
	SAME("%#llx-%#llx", 0x80000000ULL, 0xbfffffffULL);
	SAME("[%*d] [%-*d]", -4, 1, 3, 2);

	/* truncation: NUL-terminated, returns the full length */
	n = fmt_snprintf(buf, sizeof(buf), "%s", "0123456789");
	CHECK_EQ(n, 10);
	CHECK_STR(buf, "0123456");
	n = fmt_snprintf(buf, 1, "%d", 12345);
	CHECK_EQ(n, 5);
	CHECK_EQ(buf[0], 0);
	n = fmt_snprintf(NULL, 0, "%d", 123);
	CHECK_EQ(n, 3);

	/* a NULL string prints (null) instead of crashing */
	const char *volatile null_str = NULL;	/* hidden from -Wformat */
	const char *volatile odd_fmt = "%q%";

	n = fmt_snprintf(buf, sizeof(buf), "%s", null_str);
	CHECK_STR(buf, "(null)");
	/* an unknown conversion is printed verbatim; a lone % at the end is dropped */
	fmt_snprintf(buf, sizeof(buf), odd_fmt);
	CHECK_STR(buf, "%q");

	return test_report("test_fmt");
}
