// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rings while the peer restarts (tests/layouts/run/aia-doorbell-restart.c,
 * tests/integration/test_aia_doorbell.py): why it exists is that on the
 * AIA machine a ring raises the peer's virtual APLIC source and stores
 * into the peer's guest interrupt file from the ringing hart, and that
 * must stay right while the peer stops, is reset and starts again.  Not
 * a figure: it prints counts for the test to check.
 *
 * bench=dbstorm rings the first doorbell without pause (every other ring
 * by SBI, counting what each returns: taken, dropped, or an error), until
 * the peer says it has finished, then says what it counted and spins
 * (the test reads the monitor, then ends QEMU; a shutdown would power
 * the machine off, and with every hart in wfi and no timer QEMU's
 * -icount sleep=off would not wake for the typed command).  bench=dbreboot is the peer: it aims the doorbell's
 * source at its own file (identity = source number), takes the rings by
 * the SBI call that acknowledges them all, and once it has taken IRQS
 * interrupts (RINGS rings at least) says so and reboots its cell (SBI
 * SRST cold reboot: a restart);
 * on its RUNS-th run it says it has finished instead and shuts down.  Its
 * run number is kept in the shared region, which a restart keeps.  Either
 * side fails loudly ("bench: error") after 60 s of virtual time.
 */
#include <fv/fmt.h>
#include <fv/sbi_ferrovisor.h>
#include "aia.h"
#include "bench.h"
#include "csr.h"
#include "sbi.h"

#define DB_RING			0x0
#define RINGS			100
#define IRQS			50
#define RUNS			4
#define WAIT_S			60

/* At the start of the shared region. */
struct rshm {
	volatile uint32_t runs;		/* the peer's starts so far */
	volatile uint32_t finished;	/* the peer's last run is over */
};

static struct {
	uintptr_t regs;
	struct rshm *shm;
	uint32_t irq;
} db;

static volatile uint32_t took, irqs, wrong, refused;

static void locate(const char *who)
{
	void *shm;

	if (!doorbell_locate(&db.regs, &shm, &db.irq))
		fail(who);
	db.shm = shm;
}

static void watchdog_fired(struct hart *h)
{
	(void)h;
	fail("doorbell restart: nothing moved for 60 s of virtual time");
}

static void watchdog(void)
{
	harts[0].on_timer = watchdog_fired;
	sbi_set_timer(rdtime() + WAIT_S * mach.timebase);
	csr_set(sie, SIE_STIE);
}

/* ---- bench=dbstorm */

static void pause(void)
{
	for (volatile unsigned i = 0; i < 200; i++)
		;
}

void dbstorm_main(void)
{
	unsigned long rang = 0, taken = 0, dropped = 0, errors = 0;
	uint64_t end;

	locate("dbstorm: no doorbell");
	out("bench: dbstorm ringing");
	end = rdtime() + WAIT_S * mach.timebase;
	while (!db.shm->finished && rdtime() < end) {
		struct sbiret r;

		rang++;
		if (rang % 2) {
			*reg(db.regs, DB_RING) = 1;
		} else {
			r = sbi_ecall(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_RING, 0, 0, 0);
			errors += r.error != 0;
			taken += !r.error && r.value == 1;
			dropped += !r.error && r.value == 0;
		}
		pause();
	}
	out("bench: dbstorm rang %lu, by sbi: taken %lu dropped %lu errors %lu", rang, taken,
	    dropped, errors);
	if (!db.shm->finished)
		fail("dbstorm: the peer never finished");
	for (;;)
		pause();
}

/* ---- bench=dbreboot */

static void peer_irq(struct hart *h)
{
	uint32_t id = aia_claim();
	struct sbiret r;

	(void)h;
	if (id != db.irq) {
		wrong++;
		return;
	}
	r = sbi_ecall(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_TAKE, 0, 0, 0);
	if (r.error)
		refused++;
	else
		took += (uint32_t)r.value;
	irqs++;
}

void dbreboot_main(void)
{
	uint32_t run;

	locate("dbreboot: no doorbell");
	run = ++db.shm->runs;
	irq_off();
	aia_file_on();
	aia_file_enable(db.irq, true);
	aia_route(db.irq, mach.imsic_idx, db.irq);
	harts[0].on_ext = peer_irq;
	watchdog();
	out("bench: dbreboot run %u ready", run);
	while (took < RINGS || irqs < IRQS) {
		__asm__ volatile("wfi");
		irq_on();
		irq_off();
	}
	out("bench: dbreboot run %u took %u rings in %u interrupts, wrong %u, refused %u", run,
	    took, irqs, wrong, refused);
	if (run < RUNS) {
		sbi_system_reset(SBI_SRST_COLD_REBOOT, SBI_SRST_NO_REASON);
		fail("SBI SRST reboot returned");
	}
	db.shm->finished = 1;
	out("bench: dbreboot done");
	sbi_system_reset(SBI_SRST_SHUTDOWN, SBI_SRST_NO_REASON);
	fail("SBI SRST shutdown returned");
}
