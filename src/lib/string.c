// SPDX-License-Identifier: GPL-2.0-only
/*
 * Freestanding string functions.  Simple byte loops, but for memcpy and
 * memset of aligned memory: those carry every VirtIO buffer (blk, net) and
 * clear a restarting cell's RAM, so they move 64 or 128 bytes per round.
 */
#include <fv/string.h>

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

/* 16 words per round: 16 loads, then 16 stores, then one loop step (with
 * 8 the loop step was a sixth of a 4 MiB image copy at boot). */
static size_t copy_words(uint64_t *d, const uint64_t *s, size_t n)
{
	size_t done = n & ~(size_t)127;

	for (; n >= 128; n -= 128, d += 16, s += 16) {
		uint64_t a = s[0], b = s[1], c = s[2], e = s[3];
		uint64_t f = s[4], g = s[5], h = s[6], i = s[7];
		uint64_t j = s[8], k = s[9], l = s[10], m = s[11];
		uint64_t o = s[12], p = s[13], q = s[14], r = s[15];

		d[0] = a; d[1] = b; d[2] = c; d[3] = e;
		d[4] = f; d[5] = g; d[6] = h; d[7] = i;
		d[8] = j; d[9] = k; d[10] = l; d[11] = m;
		d[12] = o; d[13] = p; d[14] = q; d[15] = r;
	}
	for (; n >= 8; n -= 8, done += 8)
		*d++ = *s++;
	return done;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	/* word copy when both are 8-byte aligned: VirtIO buffers, images */
	if ((((uintptr_t)d | (uintptr_t)s) & 7) == 0) {
		size_t w = copy_words((uint64_t *)dst, (const uint64_t *)src, n);

		d += w;
		s += w;
		n -= w;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;

	if (c == 0 && ((uintptr_t)p & 7) == 0) {
		uint64_t *w = (uint64_t *)s;

		for (; n >= 64; n -= 64, w += 8) {
			w[0] = 0; w[1] = 0; w[2] = 0; w[3] = 0;
			w[4] = 0; w[5] = 0; w[6] = 0; w[7] = 0;
		}
		for (; n >= 8; n -= 8)
			*w++ = 0;
		p = (unsigned char *)w;
	}
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}
