// SPDX-License-Identifier: GPL-2.0-only
/* Virtual APLIC in MSI delivery mode (see vaplic.h for the model). */
#include <fv/compiler.h>
#include <fv/string.h>
#include "vaplic.h"

enum { SM_INACTIVE = 0, SM_DETACHED = 1, SM_EDGE1 = 4, SM_EDGE0 = 5,
       SM_LEVEL1 = 6, SM_LEVEL0 = 7 };

#define TARGET_HART(t)	((t) >> 18)
#define TARGET_GUEST(t)	(((t) >> 12) & 0x3f)
#define TARGET_EIID(t)	((t) & 0x7ff)
#define TARGET_MASK	0xfffff7ffu	/* bits 11 reserved */

static __always_inline bool bit(const uint32_t *w, uint32_t s)
{
	return (w[s / 32] >> (s % 32)) & 1;
}

static __always_inline void set_bit_to(uint32_t *w, uint32_t s, bool on)
{
	if (on)
		w[s / 32] |= 1u << (s % 32);
	else
		w[s / 32] &= ~(1u << (s % 32));
}

static __always_inline bool owned(const struct vaplic *v, uint32_t s)
{
	return s && s < VAPLIC_MAX_SRCS && bit(v->owned, s);
}

static __always_inline bool emulated(const struct vaplic *v, uint32_t s)
{
	return owned(v, s) && !bit(v->hw, s);
}

static __always_inline unsigned sm(const struct vaplic *v, uint32_t s)
{
	return v->sourcecfg[s] & 7;
}

/* The modes' encoding does the tests: the edge and level modes are 4..7
 * (bit 2), the level ones 6 and 7 (bits 2 and 1), the "low" ones odd. */
_Static_assert(SM_EDGE1 == 4 && SM_EDGE0 == 5 && SM_LEVEL1 == 6 && SM_LEVEL0 == 7,
	       "source modes");

static __always_inline bool is_level(unsigned m)
{
	return (m & 6) == 6;
}

/* The input as the source mode sees it: inverted for the "low" modes,
 * 0 while the source is inactive or detached (the modes below 4 that
 * sourcecfg keeps). */
static __always_inline bool rectified(const struct vaplic *v, uint32_t s)
{
	unsigned m = sm(v, s);

	return (m >> 2) & (bit(v->input, s) ^ (m & 1));
}

static bool target_ok(const struct vaplic *v, uint32_t t)
{
	return TARGET_HART(t) < v->nr_harts && TARGET_GUEST(t) == 0 &&
	       TARGET_EIID(t) <= v->nr_ids;
}

/* A pending, enabled source (emulated: the caller checked) of an enabled
 * domain: send it. */
static __always_inline void deliver_emulated(struct vaplic *v, uint32_t s)
{
	uint32_t t = v->target[s];

	if (!v->ie || !bit(v->pending, s) || !bit(v->enabled, s))
		return;
	set_bit_to(v->pending, s, false);
	if (TARGET_EIID(t) && v->ops && v->ops->msi)
		v->ops->msi(v->arg, TARGET_HART(t), TARGET_EIID(t));
}

static __always_inline void deliver(struct vaplic *v, uint32_t s)
{
	if (emulated(v, s))
		deliver_emulated(v, s);
}

static void deliver_all(struct vaplic *v)
{
	for (uint32_t s = 1; s < VAPLIC_MAX_SRCS; s++)
		deliver(v, s);
}

static void hw_enable(struct vaplic *v, uint32_t s)
{
	if (bit(v->hw, s) && v->ops && v->ops->hw_enable)
		v->ops->hw_enable(v->arg, s, v->ie && bit(v->enabled, s) &&
				  sm(v, s) != SM_INACTIVE);
}

/* Source s's armed bit from what it depends on (see vaplic.h); every
 * write that changes one of those calls it, under the lock. */
static void rearm(struct vaplic *v, uint32_t s)
{
	set_bit_to(v->armed, s, emulated(v, s) && (sm(v, s) & 4) && v->ie &&
		   bit(v->enabled, s) && TARGET_EIID(v->target[s]) && v->ops && v->ops->msi);
}

static void rearm_all(struct vaplic *v)
{
	for (uint32_t s = 1; s < VAPLIC_MAX_SRCS; s++)
		rearm(v, s);
}

void vaplic_init(struct vaplic *v, unsigned nr_harts, uint32_t nr_ids,
		 const struct vaplic_ops *ops, void *arg)
{
	memset(v, 0, sizeof(*v));
	v->lock = (spinlock_t)SPINLOCK_INIT;
	v->nr_harts = nr_harts;
	v->nr_ids = nr_ids > 2047 ? 2047 : nr_ids;
	v->ops = ops;
	v->arg = arg;
}

int vaplic_add_source(struct vaplic *v, uint32_t s, bool hw)
{
	if (!s || s >= VAPLIC_MAX_SRCS)
		return -1;
	set_bit_to(v->owned, s, true);
	set_bit_to(v->hw, s, hw);
	rearm(v, s);
	return 0;
}

void vaplic_reset(struct vaplic *v)
{
	spin_lock(&v->lock);
	v->ie = false;
	v->genmsi = 0;
	memset(v->pending, 0, sizeof(v->pending));
	memset(v->enabled, 0, sizeof(v->enabled));
	memset(v->input, 0, sizeof(v->input));
	memset(v->sourcecfg, 0, sizeof(v->sourcecfg));
	memset(v->target, 0, sizeof(v->target));
	memset(v->armed, 0, sizeof(v->armed));
	for (uint32_t s = 1; s < VAPLIC_MAX_SRCS; s++) {
		if (!owned(v, s) || !bit(v->hw, s) || !v->ops)
			continue;
		if (v->ops->hw_enable)
			v->ops->hw_enable(v->arg, s, false);
		if (v->ops->hw_config)
			v->ops->hw_config(v->arg, s, SM_INACTIVE);
	}
	spin_unlock(&v->lock);
}

/* ---- register writes ---- */

static void write_sourcecfg(struct vaplic *v, uint32_t s, uint32_t val)
{
	unsigned m = val & 7;

	if (!owned(v, s))
		return;
	if ((val & VAPLIC_SOURCECFG_D) || m == 2 || m == 3)
		m = SM_INACTIVE;	/* no child domain; reserved modes */
	v->sourcecfg[s] = m;
	if (m == SM_INACTIVE) {
		set_bit_to(v->pending, s, false);
		set_bit_to(v->enabled, s, false);
	}
	rearm(v, s);
	if (bit(v->hw, s)) {
		uint32_t t = v->target[s];

		if (v->ops && v->ops->hw_config)
			v->ops->hw_config(v->arg, s, m);
		/* an inactive source's physical target was not writable */
		if (m != SM_INACTIVE && v->ops && v->ops->hw_target)
			v->ops->hw_target(v->arg, s, TARGET_HART(t), TARGET_EIID(t));
		hw_enable(v, s);
		return;
	}
	/* a level source is pending exactly while its input is high */
	if (is_level(m))
		set_bit_to(v->pending, s, rectified(v, s));
	deliver(v, s);
}

static void set_pending(struct vaplic *v, uint32_t s, bool on)
{
	if (!emulated(v, s) || sm(v, s) == SM_INACTIVE)
		return;
	if (on && is_level(sm(v, s)) && !rectified(v, s))
		return;		/* a low level cannot be pending */
	set_bit_to(v->pending, s, on);
	deliver(v, s);
}

static void set_enable(struct vaplic *v, uint32_t s, bool on)
{
	if (!owned(v, s) || sm(v, s) == SM_INACTIVE)
		return;
	set_bit_to(v->enabled, s, on);
	rearm(v, s);
	if (bit(v->hw, s))
		hw_enable(v, s);
	else
		deliver(v, s);
}

static void write_target(struct vaplic *v, uint32_t s, uint32_t val)
{
	val &= TARGET_MASK;
	if (!owned(v, s))
		return;
	if (!target_ok(v, val)) {
		v->refused++;
		if (v->ops && v->ops->refused)
			v->ops->refused(v->arg, s, val);
		return;
	}
	v->target[s] = val;
	rearm(v, s);
	if (bit(v->hw, s) && v->ops && v->ops->hw_target)
		v->ops->hw_target(v->arg, s, TARGET_HART(val), TARGET_EIID(val));
}

static void write_genmsi(struct vaplic *v, uint32_t val)
{
	val &= 0xfffc07ffu;		/* busy (12) reads 0; 11, 13..17 reserved */
	if (!target_ok(v, val)) {
		v->refused++;
		if (v->ops && v->ops->refused)
			v->ops->refused(v->arg, 0, val);
		return;
	}
	v->genmsi = val;
	if (TARGET_EIID(val) && v->ops && v->ops->msi)
		v->ops->msi(v->arg, TARGET_HART(val), TARGET_EIID(val));
}

/* setip/in_clrip/setie/clrie: 32 sources a word */
static void write_bits(struct vaplic *v, uint32_t word, uint32_t val,
		       void (*fn)(struct vaplic *, uint32_t, bool), bool on)
{
	for (uint32_t b = 0; b < 32; b++)
		if (val & (1u << b))
			fn(v, word * 32 + b, on);
}

static void write_domaincfg(struct vaplic *v, uint32_t val)
{
	v->ie = val & VAPLIC_DOMAINCFG_IE;
	rearm_all(v);
	for (uint32_t s = 1; s < VAPLIC_MAX_SRCS; s++)
		if (owned(v, s) && bit(v->hw, s))
			hw_enable(v, s);
	deliver_all(v);
}

static void write_reg(struct vaplic *v, uint32_t off, uint32_t val)
{
	uint32_t w = (off & 0xff) / 4;

	if (off == VAPLIC_DOMAINCFG)
		write_domaincfg(v, val);
	else if (off >= VAPLIC_SOURCECFG && off < VAPLIC_SOURCECFG + 4 * (VAPLIC_MAX_SRCS - 1))
		write_sourcecfg(v, (off - VAPLIC_SOURCECFG) / 4 + 1, val);
	else if (off == VAPLIC_SETIPNUM || off == VAPLIC_SETIPNUM_LE)
		set_pending(v, val, true);
	else if (off == VAPLIC_CLRIPNUM)
		set_pending(v, val, false);
	else if (off == VAPLIC_SETIENUM)
		set_enable(v, val, true);
	else if (off == VAPLIC_CLRIENUM)
		set_enable(v, val, false);
	else if (off >= VAPLIC_SETIP && off < VAPLIC_SETIP + 4 * VAPLIC_WORDS)
		write_bits(v, w, val, set_pending, true);
	else if (off >= VAPLIC_IN_CLRIP && off < VAPLIC_IN_CLRIP + 4 * VAPLIC_WORDS)
		write_bits(v, w, val, set_pending, false);
	else if (off >= VAPLIC_SETIE && off < VAPLIC_SETIE + 4 * VAPLIC_WORDS)
		write_bits(v, w, val, set_enable, true);
	else if (off >= VAPLIC_CLRIE && off < VAPLIC_CLRIE + 4 * VAPLIC_WORDS)
		write_bits(v, w, val, set_enable, false);
	else if (off == VAPLIC_GENMSI)
		write_genmsi(v, val);
	else if (off >= VAPLIC_TARGET && off < VAPLIC_TARGET + 4 * (VAPLIC_MAX_SRCS - 1))
		write_target(v, (off - VAPLIC_TARGET) / 4 + 1, val);
}

/* ---- register reads ---- */

static uint32_t rectified_word(const struct vaplic *v, uint32_t w)
{
	uint32_t r = 0;

	for (uint32_t b = 0; b < 32; b++)
		if (emulated(v, w * 32 + b) && rectified(v, w * 32 + b))
			r |= 1u << b;
	return r;
}

static uint32_t read_reg(const struct vaplic *v, uint32_t off)
{
	uint32_t w = (off & 0xff) / 4;

	if (off == VAPLIC_DOMAINCFG)
		return VAPLIC_DOMAINCFG_FIXED | VAPLIC_DOMAINCFG_DM |
		       (v->ie ? VAPLIC_DOMAINCFG_IE : 0);
	if (off >= VAPLIC_SOURCECFG && off < VAPLIC_SOURCECFG + 4 * (VAPLIC_MAX_SRCS - 1))
		return v->sourcecfg[(off - VAPLIC_SOURCECFG) / 4 + 1];
	if (off >= VAPLIC_SETIP && off < VAPLIC_SETIP + 4 * VAPLIC_WORDS)
		return v->pending[w];
	if (off >= VAPLIC_IN_CLRIP && off < VAPLIC_IN_CLRIP + 4 * VAPLIC_WORDS)
		return rectified_word(v, w);
	if (off >= VAPLIC_SETIE && off < VAPLIC_SETIE + 4 * VAPLIC_WORDS)
		return v->enabled[w];
	if (off == VAPLIC_GENMSI)
		return v->genmsi;
	if (off >= VAPLIC_TARGET && off < VAPLIC_TARGET + 4 * (VAPLIC_MAX_SRCS - 1))
		return v->target[(off - VAPLIC_TARGET) / 4 + 1];
	return 0;	/* msiaddrcfg (not ours to set), reserved, write-only */
}

int vaplic_read(struct vaplic *v, uint64_t off, unsigned width, uint64_t *val)
{
	if (width != 4 || (off & 3) || off >= VAPLIC_SIZE)
		return -1;
	spin_lock(&v->lock);
	*val = read_reg(v, (uint32_t)off);
	spin_unlock(&v->lock);
	return 0;
}

int vaplic_write(struct vaplic *v, uint64_t off, unsigned width, uint64_t val)
{
	if (width != 4 || (off & 3) || off >= VAPLIC_SIZE)
		return -1;
	spin_lock(&v->lock);
	write_reg(v, (uint32_t)off, (uint32_t)val);
	spin_unlock(&v->lock);
	return 0;
}

/* The input of an emulated source changed (the lock is held; the caller
 * checked that s is emulated).  An armed source is never pending (a
 * pending one would have been sent), so a rise of its rectified input is
 * a message and nothing else changes: its way takes no more tests. */
static __always_inline void set_level_locked(struct vaplic *v, uint32_t s, bool level)
{
	uint32_t w = s / 32, m = 1u << (s % 32), in = v->input[w];
	bool was, now;

	if (v->armed[w] & m) {
		uint32_t inv = v->sourcecfg[s] & 1 ? m : 0, t = v->target[s];
		uint32_t now_in = level ? in | m : in & ~m;

		v->input[w] = now_in;
		if ((now_in ^ inv) & ~(in ^ inv) & m)	/* the rectified input rose */
			v->ops->msi(v->arg, TARGET_HART(t), TARGET_EIID(t));
		return;
	}
	was = rectified(v, s);
	set_bit_to(v->input, s, level);
	now = rectified(v, s);
	/* only a change counts: a level source sends one message per rise
	 * (the guest makes it pending again if it is still high) */
	if (now != was && (now || is_level(sm(v, s))))
		set_bit_to(v->pending, s, now);
	deliver_emulated(v, s);
}

void vaplic_set_level(struct vaplic *v, uint32_t s, bool level)
{
	if (!emulated(v, s))
		return;
	spin_lock(&v->lock);
	set_level_locked(v, s, level);
	spin_unlock(&v->lock);
}

bool vaplic_try_set_level(struct vaplic *v, uint32_t s, bool level)
{
	if (!emulated(v, s))
		return true;
	if (!spin_trylock(&v->lock))
		return false;
	set_level_locked(v, s, level);
	spin_unlock(&v->lock);
	return true;
}

static int emu_read(struct emu_dev *d, uint64_t off, unsigned width, uint64_t *val)
{
	return vaplic_read(d->state, off, width, val);
}

static int emu_write(struct emu_dev *d, uint64_t off, unsigned width, uint64_t val)
{
	return vaplic_write(d->state, off, width, val);
}

const struct emu_ops vaplic_emu_ops = {
	.read = emu_read,
	.write = emu_write,
};
