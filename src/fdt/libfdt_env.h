/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libfdt's environment header, replacing the upstream one: libfdt is built
 * freestanding from Debian's linux-source package (see ci/fetch-sources.sh).
 * Byte swaps are written out so no libgcc helper (__bswapsi2) is needed.
 */
#ifndef LIBFDT_ENV_H
#define LIBFDT_ENV_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The host builds (unit tests, host tools) take these from the C library. */
#if __STDC_HOSTED__
#include <string.h>
#else
#include <fv/string.h>
#endif

#ifdef __CHECKER__
#define FDT_FORCE __attribute__((force))
#define FDT_BITWISE __attribute__((bitwise))
#else
#define FDT_FORCE
#define FDT_BITWISE
#endif

typedef uint16_t FDT_BITWISE fdt16_t;
typedef uint32_t FDT_BITWISE fdt32_t;
typedef uint64_t FDT_BITWISE fdt64_t;

static inline uint16_t fdt_swab16(uint16_t x)
{
	return (uint16_t)((x >> 8) | (x << 8));
}

static inline uint32_t fdt_swab32(uint32_t x)
{
	return (x >> 24) | ((x >> 8) & 0xff00u) | ((x << 8) & 0xff0000u) | (x << 24);
}

static inline uint64_t fdt_swab64(uint64_t x)
{
	return ((uint64_t)fdt_swab32((uint32_t)x) << 32) | fdt_swab32((uint32_t)(x >> 32));
}

/* Every target we build for (RISC-V, ARM64, x86-64 hosts) is little endian. */
#define fdt16_to_cpu(x)	fdt_swab16((FDT_FORCE uint16_t)(x))
#define cpu_to_fdt16(x)	((FDT_FORCE fdt16_t)fdt_swab16(x))
#define fdt32_to_cpu(x)	fdt_swab32((FDT_FORCE uint32_t)(x))
#define cpu_to_fdt32(x)	((FDT_FORCE fdt32_t)fdt_swab32(x))
#define fdt64_to_cpu(x)	fdt_swab64((FDT_FORCE uint64_t)(x))
#define cpu_to_fdt64(x)	((FDT_FORCE fdt64_t)fdt_swab64(x))

#endif
