/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the bench guest's figures share on every architecture: a figure's
 * samples and the line make bench parses (tests/bench/benchlib.py),
 *
 *	bench: <name> cycles_mean=<m>.<d> cycles_min=<a> cycles_max=<b> n=<n> [...]
 *
 * and out(), which prints one console line.  The architecture's own
 * declarations are in its arch/<arch>/bench.h, which includes this.
 */
#ifndef BENCH_FIGURES_H
#define BENCH_FIGURES_H

#include <stdint.h>
#include <fv/compiler.h>

struct stat {
	uint64_t n, sum, min, max;
};

/* stat.c */
void stat_add(struct stat *s, uint64_t v);
void stat_print(const char *name, const struct stat *s, const char *extra);

/* out.c: one line, "\r\n" added (at most OUT_LINE_MAX characters) */
#define OUT_LINE_MAX 200
void out(const char *fmt, ...) __printf(1, 2);

#endif
