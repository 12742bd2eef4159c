// SPDX-License-Identifier: GPL-2.0-only
/*
 * Timer figures, once with Sstc (the guest writes stimecmp) when the hart
 * has it and once with SBI set_timer:
 *
 * timer_cost_<mode>: a fixed work loop runs alone, then again with a
 * periodic timer every PERIOD_US; the extra cycles divided by the number
 * of interrupts is what each interrupt costs the guest (taking it, the
 * handler, programming the next deadline, returning).  The mean comes from
 * the totals; the minimum from the work segments that took exactly one
 * interrupt.
 *
 * timer_lat_<mode>: from the deadline (tick D starts at cycle D * cycles
 * per tick) to the handler's first instruction, the guest spinning.  The
 * deadline is written at every cycle phase of a tick in turn (sled.S):
 * QEMU fires the timer (write cycle mod cycles per tick) late, so the mean
 * carries half a tick of that and the minimum is the latency itself.
 */
#include <fv/fmt.h>
#include "bench.h"
#include "csr.h"
#include "sbi.h"

#define PERIOD_US	10
#define SEGMENTS	2000
#define SEG_ITERS	1000	/* 2 instructions each: about a fifth of a period */
#define LAT_ROUNDS	4
#define LAT_AHEAD	20	/* ticks from the write to the deadline */

static struct {
	bool sbi;
	uint64_t deadline, period;
	volatile unsigned long ticks;
	volatile bool fired;
	uint64_t fired_at;
} t;

static void program(uint64_t when)
{
	if (t.sbi)
		sbi_set_timer(when);
	else
		stimecmp_write(when);
}

static void periodic_tick(struct hart *h)
{
	(void)h;
	t.deadline += t.period;
	program(t.deadline);
	t.ticks++;
}

static void __attribute__((noinline)) work(unsigned long n)
{
	__asm__ volatile("1: addi %0, %0, -1\n bnez %0, 1b" : "+r"(n));
}

/* Segment lengths and tick counts; filled the same way with and without
 * the timer, so the two runs differ only by the interrupts. */
static uint64_t seg_cycles[SEGMENTS];
static unsigned long seg_ticks[SEGMENTS];

/* Run the work loop in segments; returns the total cycles, and in
 * *ticks the interrupts taken meanwhile. */
static uint64_t run_work(unsigned long *ticks)
{
	unsigned long n = t.ticks;
	uint64_t start = rdcycle(), end;

	for (int i = 0; i < SEGMENTS; i++) {
		uint64_t c0 = rdcycle();
		unsigned long n0 = t.ticks;

		work(SEG_ITERS);
		seg_ticks[i] = t.ticks - n0;
		seg_cycles[i] = rdcycle() - c0;
	}
	end = rdcycle();
	*ticks = t.ticks - n;
	return end - start;
}

static void timer_cost(bool sbi, const char *name)
{
	struct stat extra = { 0 };
	uint64_t base = ~0ULL, alone, with;
	unsigned long n;
	char info[48];

	t.sbi = sbi;
	alone = run_work(&n);
	for (int i = 0; i < SEGMENTS; i++)
		base = MIN(base, seg_cycles[i]);

	t.period = mach.timebase * PERIOD_US / 1000000;
	t.deadline = rdtime() + t.period;
	harts[0].on_timer = periodic_tick;
	program(t.deadline);
	csr_set(sie, SIE_STIE);
	irq_on();
	with = run_work(&n);
	irq_off();
	csr_clear(sie, SIE_STIE);
	program(~0ULL);
	harts[0].on_timer = NULL;

	for (int i = 0; i < SEGMENTS; i++)
		if (seg_ticks[i] == 1)
			stat_add(&extra, seg_cycles[i] - base);
	if (!n || !extra.n || with < alone) {
		out("bench: %s skipped (%lu interrupts)", name, n);
		return;
	}
	/* the mean from the totals, the extremes from the segments */
	extra.sum = (with - alone) * extra.n / n;
	fmt_snprintf(info, sizeof(info), "irqs=%lu period_us=%u", n, PERIOD_US);
	stat_print(name, &extra, info);
}

static void lat_tick(struct hart *h)
{
	t.fired_at = entry_cycle(h);
	program(~0ULL);
	t.fired = true;
}

static void timer_lat(bool sbi, const char *name)
{
	unsigned long cpt = MIN(mach.cycles_per_tick, 256U);
	struct stat s = { 0 };
	bool phases_ok = true;

	/* deadlines are computed from cycles: meaningless without -icount */
	if (!mach.aligned) {
		out("bench: %s skipped (time is not cycles / %u: not under -icount)", name,
		    mach.cycles_per_tick);
		return;
	}

	t.sbi = sbi;
	harts[0].on_timer = lat_tick;
	csr_set(sie, SIE_STIE);
	irq_on();
	for (int round = 0; round < LAT_ROUNDS; round++) {
		for (unsigned long p = 0; p < cpt; p++) {
			struct arm_result r;

			t.fired = false;
			arm_at_phase(p, LAT_AHEAD, sbi, cpt, &r);
			while (!t.fired)
				;
			if (r.write_cycle % cpt != p)
				phases_ok = false;
			if (t.fired_at < r.deadline * cpt)
				fail("timer interrupt before its deadline");
			stat_add(&s, t.fired_at - r.deadline * cpt);
		}
	}
	irq_off();
	csr_clear(sie, SIE_STIE);
	harts[0].on_timer = NULL;
	stat_print(name, &s, phases_ok ? "phases=all" : "phases=unaligned");
}

void bench_timer(void)
{
	if (mach.sstc) {
		timer_cost(false, "timer_cost_sstc");
		timer_lat(false, "timer_lat_sstc");
	} else {
		out("bench: timer_cost_sstc skipped (no Sstc)");
		out("bench: timer_lat_sstc skipped (no Sstc)");
	}
	timer_cost(true, "timer_cost_sbi");
	timer_lat(true, "timer_lat_sbi");
}
