// SPDX-License-Identifier: GPL-2.0-only
/*
 * Doorbell round trip between two cells (tests/bench/layouts/bench-io.c):
 * why a figure of its own is that a doorbell is how cells are meant to
 * signal each other, and issue 9 asks that a round trip cost at most two
 * SBI calls.  There is no doorbell natively; run.py compares it with the
 * SBI call figure, native and in a cell.
 *
 * The bench cell rings (by the DOORBELL_RING register, or by the SBI
 * extension 0x0A004656 fid 0); the echo cell (bootarg bench=echo) takes
 * the interrupt, then by the registers takes the rings (reads
 * DOORBELL_STATUS and writes that many to DOORBELL_ACK) and rings back,
 * or by SBI does both in one call (fid 2, which acknowledges them all
 * and rings back if there were any), and completes; the bench cell's
 * handler takes the rings the same way (by SBI: fid 1, the take alone).  The
 * figure runs from just before the ring to the
 * first instruction of the bench cell's C handler, in instructions of all
 * harts (rdinstret; the line gives the rdcycle mean too).  Both cells wait
 * in wfi with interrupts off but for one place, as blk.c does.
 *
 * On the AIA machine (the cell has guest interrupt files and a virtual
 * APLIC in its tree: mach.imsic_self and mach.aplic) the doorbell's
 * source is aimed by the virtual APLIC at our own file as identity = its
 * source number, and the handlers claim it with stopei (vstopei in a
 * cell: no trap) and complete nothing; else the PLIC's claim and
 * complete as before.  A wrong identity, or no ring back within a
 * second of virtual time (a timer watchdog, AIA only, armed outside the
 * measured loop), fails the run with a "bench: error" line.
 *
 * doorbell_rtt      ring by the register both ways
 * doorbell_rtt_sbi  ring by SBI both ways
 * doorbell_oneway, doorbell_oneway_sbi: from the ring to the first
 *                   instruction of the echo cell's C handler
 */
#include <libfdt.h>
#include <fv/fmt.h>
#include <fv/sbi_ferrovisor.h>
#include "aia.h"
#include "bench.h"
#include "csr.h"
#include "sbi.h"

#define DB_RING			0x0
#define DB_STATUS		0x4
#define DB_ACK			0x8
#define N			500

#define PLIC_PRIO(irq)		(4 * (irq))
#define PLIC_ENABLE(ctx, irq)	(0x2000 + 0x80 * (ctx) + 4 * ((irq) / 32))
#define PLIC_THRESHOLD(ctx)	(0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx)		(0x200004 + 0x1000 * (ctx))

/* In the shared region: what the echo cell does with the next ring. */
struct shm {
	volatile uint32_t by_sbi;	/* ring and take by SBI, else by the registers */
	volatile uint32_t quit;		/* stop and shut down */
	volatile uint64_t at;		/* rdinstret in the echo cell's handler */
};

static struct {
	uintptr_t regs;
	struct shm *shm;
	uint32_t irq;
	bool aia;	/* its source through the virtual APLIC, our file */
} db;

static volatile bool done, quit;
static volatile uint64_t at_ir, at_cy;
static volatile uint32_t wrong_id;

static bool find(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "ferrovisor,doorbell"), len;
	const fdt32_t *r, *irq;

	if (node < 0)
		return false;
	r = fdt_getprop(fdt, node, "reg", &len);
	irq = fdt_getprop(fdt, node, "interrupts", NULL);
	if (!r || len != 32 || !irq)
		return false;
	db.regs = (uintptr_t)(((uint64_t)fdt32_to_cpu(r[0]) << 32) | fdt32_to_cpu(r[1]));
	db.shm = (struct shm *)(uintptr_t)(((uint64_t)fdt32_to_cpu(r[4]) << 32) |
					   fdt32_to_cpu(r[5]));
	db.irq = fdt32_to_cpu(*irq);
	return true;
}

bool doorbell_locate(uintptr_t *regs, void **shm, uint32_t *irq)
{
	if (!find(mach.fdt))
		return false;
	*regs = db.regs;
	*shm = db.shm;
	*irq = db.irq;
	return true;
}

static void ring(bool by_sbi)
{
	if (by_sbi)
		sbi_ecall(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_RING, 0, 0, 0);
	else
		*reg(db.regs, DB_RING) = 1;
}

/* Acknowledge every ring the doorbell holds: two emulated accesses, or
 * one SBI call. */
static void take_rings(bool by_sbi)
{
	if (by_sbi)
		sbi_ecall(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_TAKE, 0, 0, 0);
	else
		*reg(db.regs, DB_ACK) = *reg(db.regs, DB_STATUS);
}

/* Claim; if it is the doorbell, take and acknowledge its rings. */
static bool take(void)
{
	uint32_t id = *reg(mach.plic, PLIC_CLAIM(mach.plic_ctx));

	if (id == db.irq)
		take_rings(db.shm->by_sbi);
	else
		wrong_id = id;
	if (id)
		*reg(mach.plic, PLIC_CLAIM(mach.plic_ctx)) = id;
	return id == db.irq;
}

static void ping_irq(struct hart *h)
{
	at_ir = rdinstret();
	at_cy = rdcycle();
	(void)h;
	if (take())
		done = true;
}

/* The echo's answer to its doorbell: by the registers, take the rings
 * (two accesses) and ring back (a third); by SBI, one call that takes
 * them and rings back (fid 2, SBI_FV_DOORBELL_TAKE_RING).  Told to quit,
 * only take them. */
static void answer(void)
{
	bool by_sbi = db.shm->by_sbi;

	if (db.shm->quit) {
		take_rings(by_sbi);
		quit = true;
	} else if (by_sbi) {
		sbi_ecall(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_TAKE_RING, 0, 0, 0);
	} else {
		take_rings(false);
		ring(false);
	}
}

static void echo_irq(struct hart *h)
{
	uint64_t at = rdinstret();
	uint32_t id = *reg(mach.plic, PLIC_CLAIM(mach.plic_ctx));

	db.shm->at = at;
	(void)h;
	if (id == db.irq)
		answer();
	if (id)
		*reg(mach.plic, PLIC_CLAIM(mach.plic_ctx)) = id;
}

/* AIA: the file's claim (the identity is the source number); a wrong
 * one is kept for the bench cell's check (the echo cell fails on it). */
static bool claim_aia(void)
{
	uint32_t id = aia_claim();

	if (id != db.irq) {
		wrong_id = id ? id : ~0U;
		return false;
	}
	return true;
}

/* The bench cell's: claim, and take the rings. */
static bool take_aia(void)
{
	if (!claim_aia())
		return false;
	take_rings(db.shm->by_sbi);
	return true;
}

static void ping_aia_irq(struct hart *h)
{
	at_ir = rdinstret();
	at_cy = rdcycle();
	(void)h;
	if (take_aia())
		done = true;
}

static void echo_aia_irq(struct hart *h)
{
	uint64_t at = rdinstret();

	db.shm->at = at;
	(void)h;
	if (!claim_aia())
		fail("echo: the interrupt file gave another identity than the doorbell's");
	answer();
}

/* The whole measure() in a second of virtual time, or a loud failure
 * (under -icount a hang with every hart in wfi warps to this at once). */
static void watchdog_fired(struct hart *h)
{
	(void)h;
	fail("doorbell: no ring back through the virtual APLIC within 1 s");
}

static void watchdog(bool on)
{
	if (!db.aia)
		return;
	harts[0].on_timer = on ? watchdog_fired : NULL;
	sbi_set_timer(on ? rdtime() + mach.timebase : ~0ULL);
	if (on)
		csr_set(sie, SIE_STIE);
	else
		csr_clear(sie, SIE_STIE);
}

static bool aia_usable(void)
{
	return mach.imsic_self && mach.aplic && db.irq && db.irq <= mach.imsic_ids;
}

static void setup_aia(void (*handler)(struct hart *h))
{
	irq_off();
	aia_file_on();
	aia_file_enable(db.irq, true);
	aia_route(db.irq, mach.imsic_idx, db.irq);
	harts[0].on_ext = handler;
}

static void setup(void (*handler)(struct hart *h))
{
	irq_off();
	*reg(mach.plic, PLIC_PRIO(db.irq)) = 1;
	*reg(mach.plic, PLIC_THRESHOLD(mach.plic_ctx)) = 0;
	*reg(mach.plic, PLIC_ENABLE(mach.plic_ctx, db.irq)) |= 1U << (db.irq % 32);
	harts[0].on_ext = handler;
	csr_set(sie, SIE_SEIE);
}

/* Sleep until our doorbell rang; interrupts are taken only after wfi. */
static void wait_ring(void)
{
	while (!done) {
		__asm__ volatile("wfi");
		irq_on();
		irq_off();
	}
}

static void measure(const char *name, const char *oneway_name, bool by_sbi)
{
	struct stat ir = { 0 }, cy = { 0 }, oneway = { 0 };
	char extra[64];
	uint64_t tenths;

	db.shm->by_sbi = by_sbi;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	watchdog(true);
	for (int i = 0; i < N; i++) {
		uint64_t i0, c0;

		done = false;
		c0 = rdcycle();
		i0 = rdinstret();
		ring(by_sbi);
		wait_ring();
		stat_add(&ir, at_ir - i0);
		stat_add(&oneway, db.shm->at - i0);
		stat_add(&cy, at_cy - c0);
	}
	watchdog(false);
	if (wrong_id)
		fail(db.aia ? "doorbell: the interrupt file gave another identity than the "
			      "doorbell's" : "doorbell: the PLIC gave another interrupt");
	tenths = (cy.sum * 10 + cy.n / 2) / cy.n;
	fmt_snprintf(extra, sizeof(extra), "unit=instret rdcycle_mean=%llu.%llu",
		     (unsigned long long)(tenths / 10), (unsigned long long)(tenths % 10));
	stat_print(name, &ir, extra);
	stat_print(oneway_name, &oneway, "unit=instret");
}

void bench_doorbell(void)
{
	if (!find(mach.fdt)) {
		out("bench: doorbell_rtt skipped (no doorbell)");
		return;
	}
	db.aia = aia_usable();
	out("bench: doorbell irq %u via %s", db.irq, db.aia ? "aplic-msi" : "plic");
	if (db.aia)
		setup_aia(ping_aia_irq);
	else
		setup(ping_irq);
	/* the echo cell rings once when it is ready */
	done = false;
	watchdog(true);
	wait_ring();
	watchdog(false);
	measure("doorbell_rtt", "doorbell_oneway", false);
	measure("doorbell_rtt_sbi", "doorbell_oneway_sbi", true);
	db.shm->quit = 1;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	ring(false);
	harts[0].on_ext = NULL;
	csr_clear(sie, SIE_SEIE);
}

/* bench=echo: answer every ring until told to quit, then shut down. */
void echo_main(void)
{
	if (!find(mach.fdt))
		fail("echo: no doorbell");
	db.shm->quit = 0;
	db.aia = aia_usable();
	if (db.aia)
		setup_aia(echo_aia_irq);
	else
		setup(echo_irq);
	out("bench: echo ready (irq %u via %s)", db.irq, db.aia ? "aplic-msi" : "plic");
	ring(false);
	while (!quit) {
		__asm__ volatile("wfi");
		irq_on();
		irq_off();
	}
	out("bench: echo done");
	sbi_system_reset(SBI_SRST_SHUTDOWN, SBI_SRST_NO_REASON);
	fail("SBI SRST shutdown returned");
}
