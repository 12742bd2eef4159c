// SPDX-License-Identifier: GPL-2.0-only
/*
 * The AIA figures (bootarg bench=aia, on QEMU virt with aia=aplic-imsic):
 * interrupts that arrive as messages in an IMSIC interrupt file.  In a
 * cell the file is the vhart's guest interrupt file and the APLIC the
 * cell's virtual one, so this measures what the hypervisor adds when a
 * device's or a peer's message goes straight to the guest.
 *
 * aia_ext_lat: the goldfish RTC's alarm, its source aimed at our file
 * through the APLIC (MSI mode): from the alarm's time to the handler's
 * first instruction (a real device's wire, as the PLIC figure, rather
 * than an APLIC genmsi/setipnum write, which would measure the guest's
 * own store and, in a cell, the virtual APLIC's trap, not a device).
 * aia_ext_handle: the handler's claim (stopei) and RTC acknowledge; an
 * IMSIC needs no complete.
 * aia_ipi_oneway, aia_ipi_rtt: the boot hart stores an identity into the
 * other hart's file, whose handler claims it and stores one into ours:
 * to the first instruction of its handler, and back to ours.
 */
#include "aia.h"
#include "bench.h"
#include "csr.h"

#define N_EXT		300
#define N_IPI		500
#define AHEAD_NS	20000
#define IPI_ID		1	/* the RTC's identity is its source number */

static volatile bool fired;
static uint64_t fired_at, handled;
static uint32_t wrong_id;

static void rtc_msi(struct hart *h)
{
	uint64_t entry = entry_cycle(h);
	uint32_t id = aia_claim();

	if (id == mach.rtc_irq)
		*reg(mach.rtc, RTC_CLEAR_IRQ) = 1;
	else
		wrong_id = id;
	handled = rdcycle() - entry;
	fired_at = entry;
	fired = true;
}

/* One alarm: its cycle to the handler's, and the handler's work. */
static void one_alarm(struct stat *lat, struct stat *handle)
{
	int64_t offset;
	uint64_t alarm = rtc_now(&offset) + AHEAD_NS;

	fired = false;
	*reg(mach.rtc, RTC_ALARM_HIGH) = (uint32_t)(alarm >> 32);
	*reg(mach.rtc, RTC_ALARM_LOW) = (uint32_t)alarm;	/* arms it */
	while (!fired)
		;
	if (wrong_id)
		fail("the IMSIC gave another identity than the RTC's");
	if ((int64_t)fired_at < (int64_t)alarm - offset)
		fail("RTC interrupt before its alarm");
	stat_add(lat, fired_at - (uint64_t)((int64_t)alarm - offset));
	stat_add(handle, handled);
}

static void aia_ext(void)
{
	struct stat lat = { 0 }, handle = { 0 };
	uint32_t src = mach.rtc_irq;

	if (!mach.rtc || !src || !mach.aplic || src > mach.imsic_ids) {
		out("bench: aia_ext_lat skipped (no goldfish RTC or APLIC)");
		return;
	}
	aia_file_enable(src, true);
	aia_route(src, mach.imsic_idx, src);
	*reg(mach.rtc, RTC_IRQ_ENABLED) = 1;
	harts[0].on_ext = rtc_msi;
	irq_on();
	for (int i = 0; i < N_EXT; i++)
		one_alarm(&lat, &handle);
	irq_off();
	*reg(mach.rtc, RTC_IRQ_ENABLED) = 0;
	aia_unroute(src);
	aia_file_enable(src, false);
	harts[0].on_ext = NULL;
	stat_print("aia_ext_lat", &lat, NULL);
	stat_print("aia_ext_handle", &handle, NULL);
}

static volatile bool reply;
static uint64_t reply_at, partner_at;
static uintptr_t boot_file;	/* the boot hart's, for the partner */

static void boot_msi(struct hart *h)
{
	reply_at = entry_cycle(h);
	if (aia_claim() != IPI_ID)
		wrong_id = 1;
	reply = true;
}

/* Answers whatever came, so that a wrong identity fails the run rather
 * than hanging it. */
static void partner_msi(struct hart *h)
{
	uint32_t id;

	partner_at = entry_cycle(h);
	id = aia_claim();
	if (id != IPI_ID)
		wrong_id = id;
	aia_send(boot_file, IPI_ID);
}

static __noreturn void partner(struct hart *h)
{
	h->on_ext = partner_msi;
	aia_file_on();
	aia_file_enable(IPI_ID, true);
	irq_on();
	aia_send(boot_file, IPI_ID);	/* online */
	for (;;)
		__asm__ volatile("wfi");
}

/* Sleep until the reply came (wfi wakes on a pending interrupt even with
 * sstatus.SIE clear, so none is lost between the test and the wfi). */
static void wait_reply(void)
{
	irq_off();
	while (!reply) {
		__asm__ volatile("wfi");
		irq_on();
		irq_off();
	}
	irq_on();
}

static void aia_ipi(void)
{
	struct stat rtt = { 0 }, oneway = { 0 };

	if (!mach.have_other || !mach.imsic_other) {
		out("bench: aia_ipi_oneway skipped (one hart, or no file of the other)");
		return;
	}
	boot_file = mach.imsic_self;
	aia_file_enable(IPI_ID, true);
	harts[0].on_ext = boot_msi;
	reply = false;
	secondary_start(partner);
	wait_reply();
	for (int i = 0; i < N_IPI; i++) {
		uint64_t c0;

		reply = false;
		c0 = rdcycle();
		aia_send(mach.imsic_other, IPI_ID);
		wait_reply();
		stat_add(&rtt, reply_at - c0);
		stat_add(&oneway, partner_at - c0);
	}
	irq_off();
	harts[0].on_ext = NULL;
	if (wrong_id)
		fail("the IMSIC gave another identity than the IPI's");
	stat_print("aia_ipi_oneway", &oneway, NULL);
	stat_print("aia_ipi_rtt", &rtt, NULL);
}

void bench_aia(void)
{
	if (!mach.imsic_self)
		fail("bench=aia: no IMSIC file of this hart in the device tree");
	out("bench: aia file %#lx idx %u other %#lx ids %u aplic %#lx",
	    (unsigned long)mach.imsic_self, mach.imsic_idx, (unsigned long)mach.imsic_other,
	    mach.imsic_ids, (unsigned long)mach.aplic);
	aia_file_on();
	aia_ext();
	aia_ipi();
}
