// SPDX-License-Identifier: GPL-2.0-only
/*
 * The benchmark guest: reads its machine from the device tree, checks the
 * clock, runs each figure in turn on the boot hart (the IPI round trip
 * with a second hart) and shuts down.  Natively it runs in S-mode on
 * OpenSBI, in a cell in VS-mode; the code is the same.
 *
 * The bootarg bench=io runs the I/O figures instead (virtio-blk, and the
 * doorbell round trip when the cell has a doorbell), bench=aia the AIA
 * machine's interrupt figures (IMSIC files, APLIC), bench=doorbell the
 * doorbell figures alone (the AIA machine's, tests/bench/layouts/
 * bench-io-aia.c, where there is no disk), bench=echo makes the
 * guest the doorbell's peer: separate runs, so that the device and the
 * second cell they need leave the other figures' machine as it was.
 * bench=dbstorm and bench=dbreboot are no figures but a test's two cells
 * (rings across the peer's restarts, dbrestart.c).
 */
#include "bench.h"
#include "csr.h"
#include "sbi.h"
#include <fv/string.h>

struct machine mach;
struct hart harts[MAX_HARTS];
uint8_t stacks[MAX_HARTS][STACK_SIZE] __aligned(16);
void (*volatile secondary_fn)(struct hart *h);

extern char secondary_entry[];

void fail(const char *why)
{
	out("bench: error %s", why);
	sbi_system_reset(SBI_SRST_SHUTDOWN, SBI_SRST_NO_REASON);
	for (;;)
		__asm__ volatile("wfi");
}

/* Interrupts nobody expects are switched off, not looped on. */
void bench_trap(struct hart *h)
{
	unsigned long cause = csr_read(scause);

	if (!(cause & CAUSE_IRQ)) {
		out("bench: error trap scause %#lx sepc %#lx stval %#lx", cause,
		    csr_read(sepc), csr_read(stval));
		fail("unexpected exception");
	}
	switch (cause & ~CAUSE_IRQ) {
	case IRQ_S_SOFT:
		csr_clear(sip, SIE_SSIE);
		if (h->on_soft)
			h->on_soft(h);
		else
			h->stray++;
		return;
	case IRQ_S_TIMER:
		if (h->on_timer) {
			h->on_timer(h);
			return;
		}
		csr_clear(sie, SIE_STIE);
		break;
	case IRQ_S_EXT:
		if (h->on_ext) {
			h->on_ext(h);
			return;
		}
		csr_clear(sie, SIE_SEIE);
		break;
	default:
		csr_clear(sie, 1UL << (cause & ~CAUSE_IRQ));
	}
	h->stray++;
}

void bench_secondary(struct hart *h)
{
	void (*fn)(struct hart *) = secondary_fn;

	if (fn)
		fn(h);
}

/* Start the second hart running fn; returns its hart id. */
unsigned long secondary_start(void (*fn)(struct hart *h))
{
	struct hart *h = &harts[1];

	h->hartid = mach.other_hartid;
	h->boot_sp = (unsigned long)stacks[1] + STACK_SIZE;
	secondary_fn = fn;
	if (sbi_hart_start(h->hartid, (unsigned long)secondary_entry, (unsigned long)h))
		fail("SBI HSM hart_start refused");
	return h->hartid;
}

/*
 * Cycles per timebase tick, and whether time == cycle / that (rdtime one
 * cycle after rdcycle), which the latency figures rely on.
 */
static bool calibrate(void)
{
	uint64_t t0 = rdtime(), c0 = rdcycle(), t1, c1;
	bool aligned = true;

	while ((t1 = rdtime()) < t0 + 10000)
		;
	c1 = rdcycle();
	mach.cycles_per_tick = (unsigned)((c1 - c0 + (t1 - t0) / 2) / (t1 - t0));
	if (!mach.cycles_per_tick)
		mach.cycles_per_tick = 1;
	for (int i = 0; i < 1000; i++) {
		uint64_t c, t;

		__asm__ volatile("rdcycle %0\n rdtime %1" : "=r"(c), "=r"(t));
		if (t != (c + 1) / mach.cycles_per_tick)
			aligned = false;
	}
	return aligned;
}

/* A word of the bootargs. */
static bool has_arg(const char *word)
{
	size_t n = strlen(word);

	for (const char *p = mach.bootargs; *p; p++)
		if ((p == mach.bootargs || p[-1] == ' ') && !strncmp(p, word, n) &&
		    (p[n] == ' ' || !p[n]))
			return true;
	return false;
}

void bench_main(unsigned long hartid, const void *fdt, uint64_t entered)
{

	harts[0].hartid = hartid;
	out_init();
	if (dtb_read(fdt, hartid, &mach) < 0)
		fail("no usable device tree");
	if (has_arg("bench=echo"))
		echo_main();
	if (has_arg("bench=dbstorm"))
		dbstorm_main();
	if (has_arg("bench=dbreboot"))
		dbreboot_main();
	mach.aligned = calibrate();
	out("bench: start hart %lu other %ld timebase %llu sstc %s uart %#lx plic %#lx ctx %d "
	    "rtc %#lx irq %u", hartid, mach.have_other ? (long)mach.other_hartid : -1L,
	    (unsigned long long)mach.timebase, mach.sstc ? "yes" : "no",
	    (unsigned long)mach.uart, (unsigned long)mach.plic, mach.plic_ctx,
	    (unsigned long)mach.rtc, mach.rtc_irq);
	out("bench: clock cycles_per_tick=%u aligned=%s", mach.cycles_per_tick,
	    mach.aligned ? "yes" : "no");
	/* natively the firmware's hand-over, in a cell also the hypervisor's boot */
	out("bench: entry cycle=%llu", (unsigned long long)(entered - 1));
	if (has_arg("bench=io")) {
		bench_blk();
		bench_doorbell();
	} else if (has_arg("bench=doorbell")) {
		bench_doorbell();
	} else if (has_arg("bench=aia")) {
		bench_aia();
	} else {
		bench_calls();
		bench_timer();
		bench_ipi();
		bench_extirq();
	}
	out("bench: done");
	sbi_system_reset(SBI_SRST_SHUTDOWN, SBI_SRST_NO_REASON);
	fail("SBI SRST shutdown returned");
}
