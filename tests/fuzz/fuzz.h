/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared by the libFuzzer harnesses: reading the fuzzer's bytes as a
 * stream of small fields (zeros once it runs out, so every input means
 * something), and an assertion that stops the run where libFuzzer keeps
 * the input.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct in {
	const uint8_t *p;
	size_t n;
};

static inline uint8_t in_u8(struct in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

/* little-endian, `bytes` of them (at most 8) */
static inline uint64_t in_bytes(struct in *in, unsigned bytes)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < bytes; i++)
		v |= (uint64_t)in_u8(in) << (8 * i);
	return v;
}

static inline uint16_t in_u16(struct in *in) { return (uint16_t)in_bytes(in, 2); }
static inline uint32_t in_u32(struct in *in) { return (uint32_t)in_bytes(in, 4); }
static inline uint64_t in_u64(struct in *in) { return in_bytes(in, 8); }

/* An invariant broke: say which, then abort so libFuzzer saves the input. */
#define FUZZ_ASSERT(c) do { \
	if (!(c)) { \
		fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #c); \
		abort(); \
	} \
} while (0)

#endif
