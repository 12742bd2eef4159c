// SPDX-License-Identifier: GPL-2.0-only
/*
 * A figure's samples and its line, the same on every architecture, so
 * that make bench parses both boards' guests with one pattern.
 */
#include "figures.h"

void stat_add(struct stat *s, uint64_t v)
{
	if (!s->n || v < s->min)
		s->min = v;
	if (!s->n || v > s->max)
		s->max = v;
	s->n++;
	s->sum += v;
}

/* The mean in tenths, rounded half up. */
void stat_print(const char *name, const struct stat *s, const char *extra)
{
	uint64_t tenths;

	if (!s->n) {
		out("bench: %s skipped (no samples)", name);
		return;
	}
	tenths = (s->sum * 10 + s->n / 2) / s->n;
	out("bench: %s cycles_mean=%llu.%llu cycles_min=%llu cycles_max=%llu n=%llu%s%s",
	    name, (unsigned long long)(tenths / 10), (unsigned long long)(tenths % 10),
	    (unsigned long long)s->min, (unsigned long long)s->max,
	    (unsigned long long)s->n, extra ? " " : "", extra ? extra : "");
}
