// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtual APLIC model (MSI mode), driven like the MMIO trap path and
 * the emulated devices drive it: messages for emulated sources, the
 * physical programming of passthrough ones, refused targets, unowned
 * sources, reset, and random writes that must never send a message to a
 * hart outside the cell or an identity out of range.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../arch/riscv/irqc/aia/vaplic.h"
#include "test.h"

/* register offsets, from the AIA spec rather than from vaplic.h */
#define DOMAINCFG	0x0000
#define SOURCECFG(s)	(0x0004 + 4 * ((s) - 1))
#define SETIP(w)	(0x1c00 + 4 * (w))
#define SETIPNUM	0x1cdc
#define IN_CLRIP(w)	(0x1d00 + 4 * (w))
#define CLRIPNUM	0x1ddc
#define SETIE(w)	(0x1e00 + 4 * (w))
#define SETIENUM	0x1edc
#define CLRIE(w)	(0x1f00 + 4 * (w))
#define CLRIENUM	0x1fdc
#define SETIPNUM_LE	0x2000
#define SMSIADDRCFG	0x1bc8
#define SMSIADDRCFGH	0x1bcc
#define GENMSI		0x3000
#define TARGET(s)	(0x3004 + 4 * ((s) - 1))
#define T(hart, guest, eiid) (((uint32_t)(hart) << 18) | ((uint32_t)(guest) << 12) | (eiid))
#define IE		(1u << 8)
#define DM		(1u << 2)
#define EDGE1		4
#define EDGE0		5
#define LEVEL1		6
#define LEVEL0		7

#define NR_HARTS	2
#define NR_IDS		63

static struct vaplic v;
static unsigned n_msi, last_hart, bad_msi, unlocked_cb, n_refused;
static uint32_t last_eiid, hw_target_val[VAPLIC_MAX_SRCS], hw_sm[VAPLIC_MAX_SRCS];
static bool hw_on[VAPLIC_MAX_SRCS];

static struct vaplic ref;

/* A callback runs with its own vaplic's lock held (arg: &ref, or NULL
 * for v). */
static void locked(void *arg)
{
	if (!spin_is_locked(arg == &ref ? &ref.lock : &v.lock))
		unlocked_cb++;
}

/* The reference of test_random: its messages apart. */
static unsigned ref_msi;
static uint64_t msi_sum, ref_msi_sum;

static void cb_msi(void *arg, unsigned hart, uint32_t eiid)
{
	locked(arg);
	if (arg == &ref) {
		ref_msi++;
		ref_msi_sum = ref_msi_sum * 31 + hart * 4096 + eiid;
		return;
	}
	msi_sum = msi_sum * 31 + hart * 4096 + eiid;
	if (hart >= NR_HARTS || !eiid || eiid > NR_IDS)
		bad_msi++;
	n_msi++;
	last_hart = hart;
	last_eiid = eiid;
}

static void cb_hw_config(void *arg, uint32_t s, unsigned sm)
{
	locked(arg);
	hw_sm[s] = sm;
}

static void cb_hw_target(void *arg, uint32_t s, unsigned hart, uint32_t eiid)
{
	locked(arg);
	if (hart >= NR_HARTS || eiid > NR_IDS)
		bad_msi++;
	hw_target_val[s] = T(hart, 0, eiid);
}

static void cb_hw_enable(void *arg, uint32_t s, bool on)
{
	locked(arg);
	hw_on[s] = on;
}

static void cb_refused(void *arg, uint32_t s, uint32_t val)
{
	(void)s;
	(void)val;
	locked(arg);
	n_refused++;
}

static const struct vaplic_ops ops = {
	.msi = cb_msi, .hw_config = cb_hw_config, .hw_target = cb_hw_target,
	.hw_enable = cb_hw_enable, .refused = cb_refused,
};

static uint32_t rd(uint32_t off)
{
	uint64_t val = 0xdead;

	CHECK_EQ(vaplic_read(&v, off, 4, &val), 0);
	return (uint32_t)val;
}

static void wr(uint32_t off, uint32_t val)
{
	CHECK_EQ(vaplic_write(&v, off, 4, val), 0);
}

/* A cell with emulated sources 10 and 12 and passthrough 11. */
static void setup(void)
{
	vaplic_init(&v, NR_HARTS, NR_IDS, &ops, NULL);
	CHECK_EQ(vaplic_add_source(&v, 10, false), 0);
	CHECK_EQ(vaplic_add_source(&v, 11, true), 0);
	CHECK_EQ(vaplic_add_source(&v, 12, false), 0);
	CHECK_EQ(vaplic_add_source(&v, 0, false), -1);
	CHECK_EQ(vaplic_add_source(&v, VAPLIC_MAX_SRCS, false), -1);
	n_msi = 0;
}

static void test_domaincfg(void)
{
	setup();
	CHECK_EQ(rd(DOMAINCFG), 0x80000004);	/* MSI mode, off */
	wr(DOMAINCFG, 0xffffffff);
	CHECK_EQ(rd(DOMAINCFG), 0x80000104);	/* only IE sticks */
	wr(DOMAINCFG, 0);
	CHECK_EQ(rd(DOMAINCFG), 0x80000004);
}

/* A level source: one message per rise, to the target's hart and id. */
static void test_emulated_level(void)
{
	setup();
	wr(SOURCECFG(10), LEVEL1);
	wr(TARGET(10), T(1, 0, 33));
	CHECK_EQ(rd(TARGET(10)), T(1, 0, 33));
	wr(SETIENUM, 10);
	CHECK_EQ(rd(SETIE(0)), 1u << 10);
	vaplic_set_level(&v, 10, true);
	CHECK_EQ(n_msi, 0);			/* domain off: held pending */
	CHECK_EQ(rd(SETIP(0)), 1u << 10);
	wr(DOMAINCFG, IE);
	CHECK_EQ(n_msi, 1);
	CHECK_EQ(last_hart, 1);
	CHECK_EQ(last_eiid, 33);
	CHECK_EQ(rd(SETIP(0)), 0);		/* sent: no longer pending */
	CHECK_EQ(rd(IN_CLRIP(0)), 1u << 10);	/* the input is still high */
	vaplic_set_level(&v, 10, true);		/* no change: no message */
	CHECK_EQ(n_msi, 1);
	wr(SETIPNUM, 10);			/* the guest's retrigger */
	CHECK_EQ(n_msi, 2);
	vaplic_set_level(&v, 10, false);
	wr(SETIPNUM, 10);			/* a low level cannot be pending */
	CHECK_EQ(n_msi, 2);
	CHECK_EQ(rd(IN_CLRIP(0)), 0);
	vaplic_set_level(&v, 10, true);
	CHECK_EQ(n_msi, 3);
	/* active-low */
	vaplic_set_level(&v, 10, false);
	wr(SOURCECFG(10), LEVEL0);
	CHECK_EQ(n_msi, 4);			/* low is asserted now */
}

static void test_emulated_edge_and_enable(void)
{
	setup();
	wr(DOMAINCFG, IE);
	wr(SOURCECFG(12), EDGE1);
	wr(TARGET(12), T(0, 0, 5));
	vaplic_set_level(&v, 12, true);		/* not enabled: pending */
	CHECK_EQ(n_msi, 0);
	CHECK_EQ(rd(SETIP(0)), 1u << 12);
	vaplic_set_level(&v, 12, false);	/* an edge stays pending when the input falls */
	CHECK_EQ(rd(SETIP(0)), 1u << 12);
	wr(SETIPNUM, 12);			/* and may be set pending with the input low */
	CHECK_EQ(rd(SETIP(0)), 1u << 12);
	wr(CLRIPNUM, 12);
	wr(SOURCECFG(12), EDGE0);		/* falling edge: the fall is the event */
	vaplic_set_level(&v, 12, true);
	CHECK_EQ(rd(SETIP(0)), 0);
	vaplic_set_level(&v, 12, false);
	CHECK_EQ(rd(SETIP(0)), 1u << 12);
	vaplic_set_level(&v, 12, true);		/* ... and it stays pending */
	CHECK_EQ(rd(SETIP(0)), 1u << 12);
	wr(SOURCECFG(12), EDGE1);
	vaplic_set_level(&v, 12, true);
	wr(CLRIPNUM, 12);
	CHECK_EQ(rd(SETIP(0)), 0);
	wr(SETIENUM, 12);
	CHECK_EQ(n_msi, 0);
	vaplic_set_level(&v, 12, false);
	vaplic_set_level(&v, 12, true);
	CHECK_EQ(n_msi, 1);
	CHECK_EQ(last_eiid, 5);
	wr(SETIPNUM, 12);			/* an edge source: any time */
	CHECK_EQ(n_msi, 2);
	wr(CLRIENUM, 12);
	wr(SETIPNUM, 12);
	CHECK_EQ(n_msi, 2);
	wr(SOURCECFG(12), 0);			/* inactive drops pending and enable */
	CHECK_EQ(rd(SETIP(0)), 0);
	CHECK_EQ(rd(SETIE(0)), 0);
	wr(SETIENUM, 12);			/* an inactive source cannot be enabled */
	CHECK_EQ(rd(SETIE(0)), 0);
}

/* Passthrough: mode, target and enable go to the physical APLIC. */
static void test_passthrough(void)
{
	setup();
	wr(SOURCECFG(11), LEVEL1);
	CHECK_EQ(hw_sm[11], LEVEL1);
	wr(TARGET(11), T(1, 0, 7));
	CHECK_EQ(hw_target_val[11], T(1, 0, 7));
	wr(SETIENUM, 11);
	CHECK(!hw_on[11]);			/* the domain is off */
	wr(DOMAINCFG, IE);
	CHECK(hw_on[11]);
	wr(DOMAINCFG, 0);
	CHECK(!hw_on[11]);
	wr(DOMAINCFG, IE);
	wr(CLRIENUM, 11);
	CHECK(!hw_on[11]);
	wr(SETIENUM, 11);
	CHECK(hw_on[11]);
	wr(SOURCECFG(11), 1u << 10 | LEVEL1);	/* delegation: no child, inactive */
	CHECK_EQ(hw_sm[11], 0);
	CHECK(!hw_on[11]);
	CHECK_EQ(n_msi, 0);			/* never emulated */
	wr(SOURCECFG(11), LEVEL1);
	wr(SETIENUM, 11);
	CHECK(hw_on[11]);
	vaplic_reset(&v);
	CHECK(!hw_on[11]);
	CHECK_EQ(hw_sm[11], 0);
	CHECK_EQ(rd(TARGET(11)), 0);
	CHECK_EQ(rd(DOMAINCFG), 0x80000004);
}

/* Targets and genmsi outside the cell: ignored, told, never sent. */
static void test_refused(void)
{
	setup();
	wr(DOMAINCFG, IE);
	wr(SOURCECFG(11), LEVEL1);
	wr(TARGET(11), T(0, 0, 3));
	n_refused = 0;
	wr(TARGET(11), T(NR_HARTS, 0, 3));	/* another hart */
	wr(TARGET(11), T(0, 1, 3));		/* a guest index */
	wr(TARGET(11), T(0, 0, NR_IDS + 1));	/* an identity out of range */
	wr(TARGET(11), T(0x3fff, 0x3f, 0x7ff));
	CHECK_EQ(n_refused, 4);
	CHECK_EQ(rd(TARGET(11)), T(0, 0, 3));	/* kept */
	CHECK_EQ(hw_target_val[11], T(0, 0, 3));
	wr(GENMSI, T(1, 0, 9));
	CHECK_EQ(n_msi, 1);
	CHECK_EQ(last_hart, 1);
	CHECK_EQ(last_eiid, 9);
	wr(GENMSI, T(2, 0, 9));
	wr(GENMSI, T(0, 0, NR_IDS + 1));
	CHECK_EQ(n_msi, 1);
	CHECK_EQ(n_refused, 6);
	CHECK_EQ(v.refused, 6);
}

/* Sources the cell does not own do not exist. */
static void test_unowned_and_access(void)
{
	uint64_t val;

	setup();
	wr(DOMAINCFG, IE);
	for (uint32_t s = 1; s < VAPLIC_MAX_SRCS; s++) {
		if (s >= 10 && s <= 12)
			continue;
		wr(SOURCECFG(s), EDGE1);
		wr(TARGET(s), T(0, 0, 1));
		wr(SETIENUM, s);
		wr(SETIPNUM, s);
		vaplic_set_level(&v, s, true);
		CHECK_EQ(rd(SOURCECFG(s)), 0);
		CHECK_EQ(rd(TARGET(s)), 0);
	}
	CHECK_EQ(rd(SETIE(0)), 0);
	CHECK_EQ(rd(SETIP(0)), 0);
	CHECK_EQ(n_msi, 0);
	wr(SETIE(0), 0xffffffff);		/* only owned, active ones */
	CHECK_EQ(rd(SETIE(0)), 0);
	CHECK_EQ(vaplic_read(&v, 2, 4, &val), -1);
	CHECK_EQ(vaplic_read(&v, 0, 8, &val), -1);
	CHECK_EQ(vaplic_write(&v, 0, 1, 0), -1);
	CHECK_EQ(vaplic_write(&v, VAPLIC_SIZE, 4, 0), -1);
	CHECK_EQ(rd(0x1bc8), 0);		/* smsiaddrcfg: not the guest's */
}

/*
 * What Linux's APLIC driver in MSI mode does with a domain of its own (a
 * supervisor domain does not write the msiaddrcfg registers): every
 * source disabled, made inactive and given target 1, the domain off,
 * then on in MSI mode (read back to check); a source's trigger type, its
 * message (hart index and identity from the IMSIC file's address; all
 * zero while it has none), unmask with a retrigger through setipnum_le,
 * and after each handler a retrigger that sends again only while the
 * line is still high.  Nothing is refused.
 */
static void test_linux_driver(void)
{
	uint32_t val;

	setup();
	n_refused = 0;
	for (uint32_t w = 0; w < VAPLIC_MAX_SRCS / 32; w++)
		wr(CLRIE(w), 0xffffffff);
	for (uint32_t s = 1; s < VAPLIC_MAX_SRCS; s++) {
		wr(SOURCECFG(s), 0);
		wr(TARGET(s), 1);
	}
	wr(DOMAINCFG, 0);
	wr(SMSIADDRCFG, 0x28000);		/* ignored: not the guest's to set */
	wr(SMSIADDRCFGH, 0);
	CHECK_EQ(rd(SMSIADDRCFG), 0);
	val = rd(DOMAINCFG) | IE | DM;
	wr(DOMAINCFG, val);
	CHECK_EQ(rd(DOMAINCFG), val);		/* else Linux warns */
	wr(SOURCECFG(10), LEVEL1);
	wr(TARGET(10), 0);			/* no message yet */
	wr(TARGET(10), T(1, 0, 34));
	wr(SETIENUM, 10);
	wr(SETIPNUM_LE, 10);			/* unmask's retrigger: line low */
	CHECK_EQ(n_msi, 0);
	vaplic_set_level(&v, 10, true);
	CHECK_EQ(n_msi, 1);
	CHECK_EQ(last_hart, 1);
	CHECK_EQ(last_eiid, 34);
	wr(SETIPNUM_LE, 10);			/* end of handler, still high */
	CHECK_EQ(n_msi, 2);
	vaplic_set_level(&v, 10, false);
	wr(SETIPNUM_LE, 10);			/* served: nothing more */
	CHECK_EQ(n_msi, 2);
	wr(TARGET(10), T(0, 0, 35));		/* moved to the other vhart */
	vaplic_set_level(&v, 10, true);
	CHECK_EQ(n_msi, 3);
	CHECK_EQ(last_hart, 0);
	CHECK_EQ(last_eiid, 35);
	wr(CLRIENUM, 10);			/* masked: held pending */
	vaplic_set_level(&v, 10, false);
	vaplic_set_level(&v, 10, true);
	CHECK_EQ(n_msi, 3);
	CHECK_EQ(rd(SETIP(0)), 1u << 10);
	wr(SETIENUM, 10);
	CHECK_EQ(n_msi, 4);
	CHECK_EQ(n_refused, 0);
	CHECK_EQ(bad_msi, 0);
}

/* From a ringer's hart: only by try-lock, else nothing done. */
static void test_try_set_level(void)
{
	setup();
	wr(DOMAINCFG, IE);
	wr(SOURCECFG(12), LEVEL1);
	wr(TARGET(12), T(1, 0, 12));
	wr(SETIENUM, 12);
	spin_lock(&v.lock);			/* its own hart is at it */
	CHECK(!vaplic_try_set_level(&v, 12, true));
	spin_unlock(&v.lock);
	CHECK_EQ(n_msi, 0);
	CHECK_EQ(rd(IN_CLRIP(0)), 0);		/* nothing changed */
	CHECK(vaplic_try_set_level(&v, 12, true));
	CHECK_EQ(n_msi, 1);
	CHECK_EQ(last_hart, 1);
	CHECK_EQ(last_eiid, 12);
	CHECK(vaplic_try_set_level(&v, 12, true));	/* still high: none */
	CHECK_EQ(n_msi, 1);
	wr(SETIPNUM_LE, 12);			/* the guest's retrigger */
	CHECK_EQ(n_msi, 2);
	CHECK(vaplic_try_set_level(&v, 12, false));
	CHECK(vaplic_try_set_level(&v, 12, true));
	CHECK_EQ(n_msi, 3);
	/* not an emulated source of the cell: done, nothing sent */
	CHECK(vaplic_try_set_level(&v, 11, true));
	CHECK(vaplic_try_set_level(&v, 13, true));
	CHECK(vaplic_try_set_level(&v, 0, true));
	CHECK(vaplic_try_set_level(&v, VAPLIC_MAX_SRCS, true));
	CHECK_EQ(n_msi, 3);
	/* after a reset (the restart of the cell): nothing targeted */
	vaplic_reset(&v);
	CHECK(vaplic_try_set_level(&v, 12, false));
	CHECK(vaplic_try_set_level(&v, 12, true));
	CHECK_EQ(n_msi, 3);
	CHECK_EQ(unlocked_cb, 0);
	CHECK_EQ(bad_msi, 0);
}

/* A source's armed bit as vaplic.h defines it, and never pending. */
static bool armed_ok(const struct vaplic *a)
{
	for (uint32_t s = 1; s < VAPLIC_MAX_SRCS; s++) {
		uint32_t w = s / 32, m = 1u << (s % 32);
		bool want = (a->owned[w] & m) && !(a->hw[w] & m) && (a->sourcecfg[s] & 4) &&
			    a->ie && (a->enabled[w] & m) && (a->target[s] & 0x7ff);

		if (want != !!(a->armed[w] & m) || ((a->armed[w] & m) && (a->pending[w] & m)))
			return false;
	}
	return true;
}

/* Random writes: never a message outside the cell, callbacks locked; the
 * armed bits as defined; and the same messages, in the same order, as a
 * reference whose armed bits are cleared before each line change, so it
 * takes the general way every time. */
static void test_random(void)
{
	unsigned bad_armed = 0;

	srand(1);
	setup();
	vaplic_init(&ref, NR_HARTS, NR_IDS, &ops, &ref);
	vaplic_add_source(&ref, 10, false);
	vaplic_add_source(&ref, 11, true);
	vaplic_add_source(&ref, 12, false);
	msi_sum = ref_msi_sum = 0;
	n_msi = ref_msi = 0;
	for (int i = 0; i < 200000; i++) {
		uint32_t off = (uint32_t)(rand() % (VAPLIC_SIZE / 4)) * 4;
		uint32_t val = (uint32_t)rand() ^ ((uint32_t)rand() << 16);

		if (i % 3 == 0)
			off = (i % 2 ? 0x3000 : 0x0) + (uint32_t)(rand() % 0x200) * 4;
		if (i % 7 == 0)
			val = T(rand() % 3, rand() % 2, rand() % 70);
		if (i % 11 == 0)	/* the sources, their enables, the domain */
			off = (uint32_t[]){ SOURCECFG(10), SOURCECFG(12), SETIENUM, CLRIENUM,
					    TARGET(10), TARGET(12), DOMAINCFG }[rand() % 7];
		if (i % 11 == 0)
			val = off == DOMAINCFG ? (uint32_t)(rand() % 4 != 0) * IE :
			      off >= TARGET(1) ? T(rand() % 2, 0, rand() % 3) :
			      off <= SOURCECFG(12) ? (uint32_t)(rand() % 8) :
			      (uint32_t)(10 + (rand() & 2));
		wr(off, val);
		CHECK_EQ(vaplic_write(&ref, off, 4, val), 0);
		if (i % 2 == 0) {
			uint32_t s = 10 + rand() % 3;
			bool level = rand() & 1;

			vaplic_set_level(&v, s, level);
			memset(ref.armed, 0, sizeof(ref.armed));
			vaplic_set_level(&ref, s, level);
		}
		if (!armed_ok(&v))
			bad_armed++;
	}
	CHECK_EQ(bad_msi, 0);
	CHECK_EQ(unlocked_cb, 0);
	CHECK_EQ(bad_armed, 0);
	CHECK(n_msi > 1000);
	CHECK_EQ(ref_msi, n_msi);
	CHECK(ref_msi_sum == msi_sum);
}

int main(void)
{
	test_domaincfg();
	test_emulated_level();
	test_emulated_edge_and_enable();
	test_passthrough();
	test_refused();
	test_unowned_and_access();
	test_linux_driver();
	test_try_set_level();
	test_random();
	return test_report("test_vaplic");
}
