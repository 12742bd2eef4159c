// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bootargs from /chosen/bootargs: space-separated key=value words.
 * Unknown words are ignored (the same line may carry other programs' args).
 */
#include <fv/string.h>
#include "rtos.h"

static int digit(char c, unsigned base)
{
	int d = c >= '0' && c <= '9' ? c - '0' :
		c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;

	return d < (int)base ? d : -1;
}

/* Decimal (or 0x hex) number at s (length n); false if it is not one. */
static bool parse_uint(const char *s, size_t n, unsigned *out)
{
	unsigned base = 10;
	uint64_t v = 0;

	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		n -= 2;
	}
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++) {
		int d = digit(s[i], base);

		if (d < 0)
			return false;
		v = v * base + (uint64_t)d;
		if (v > 0xffffffffu)
			return false;
	}
	*out = (unsigned)v;
	return true;
}

static void apply(const char *key, size_t klen, const char *val, size_t vlen,
		  struct config *c)
{
	static const struct {
		const char *key;
		size_t off;
	} nums[] = {
		{ "tick_us", __builtin_offsetof(struct config, tick_us) },
		{ "status_every", __builtin_offsetof(struct config, status_every) },
		{ "harts", __builtin_offsetof(struct config, harts) },
		{ "stop_after", __builtin_offsetof(struct config, stop_after) },
		{ "reset_after", __builtin_offsetof(struct config, reset_after) },
		{ "keep_at", __builtin_offsetof(struct config, keep_at) },
		{ "mark_at", __builtin_offsetof(struct config, mark_at) },
		{ "guard", __builtin_offsetof(struct config, guard) },
		{ "aplic_attack", __builtin_offsetof(struct config, aplic_attack) },
	};

	if (klen == 5 && !strncmp(key, "timer", 5)) {
		if (vlen == 3 && !strncmp(val, "sbi", 3))
			c->timer_sbi = true;
		else if (vlen == 4 && !strncmp(val, "sstc", 4))
			c->timer_sbi = false;
		return;
	}
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		if (strlen(nums[i].key) == klen && !strncmp(key, nums[i].key, klen)) {
			unsigned v;

			if (parse_uint(val, vlen, &v))
				*(unsigned *)((char *)c + nums[i].off) = v;
			return;
		}
	}
}

void bootargs_parse(const char *s, struct config *c)
{
	c->tick_us = 1000;
	c->status_every = 1000;
	c->harts = MAX_HARTS;
	c->stop_after = 0;
	c->reset_after = 0;
	c->keep_at = c->mark_at = 0;
	c->guard = 0;
	c->timer_sbi = false;

	while (*s) {
		const char *w, *eq;
		size_t n;

		while (*s == ' ' || *s == '\t')
			s++;
		w = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
		n = (size_t)(s - w);
		eq = memchr(w, '=', n);
		if (eq)
			apply(w, (size_t)(eq - w), eq + 1, n - (size_t)(eq - w) - 1, c);
	}

	/* Values that would stop the tick or the status line are not taken. */
	if (!c->tick_us)
		c->tick_us = 1000;
	if (!c->status_every)
		c->status_every = 1000;
	if (!c->harts)
		c->harts = 1;
}
