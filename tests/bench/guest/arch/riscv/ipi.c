// SPDX-License-Identifier: GPL-2.0-only
/*
 * ipi_rtt: the boot hart sends an SBI IPI to the second hart, whose
 * handler (on sip.SSIP) sends one back; from just before the send to the
 * first instruction of the boot hart's handler (ipi_oneway: to the
 * first instruction of the second hart's handler).  Both harts wait in wfi:
 * QEMU runs the harts of a -icount machine in turns, and a hart that spins
 * keeps the other from running until its turn ends.
 */
#include "bench.h"
#include "csr.h"
#include "sbi.h"

#define N 500

static volatile bool reply;
static uint64_t reply_at, partner_at;

static void boot_soft(struct hart *h)
{
	reply_at = entry_cycle(h);
	reply = true;
}

static void partner_soft(struct hart *h)
{
	partner_at = entry_cycle(h);
	sbi_send_ipi(1, mach.boot_hartid);
}

static __noreturn void partner(struct hart *h)
{
	h->on_soft = partner_soft;
	csr_set(sie, SIE_SSIE);
	irq_on();
	sbi_send_ipi(1, mach.boot_hartid);	/* online */
	for (;;)
		__asm__ volatile("wfi");
}

/* Sleep until the reply came; wfi wakes on a pending interrupt even with
 * sstatus.SIE clear, so none is lost between the test and the wfi. */
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

void bench_ipi(void)
{
	struct stat s = { 0 }, oneway = { 0 };
	unsigned long other;

	if (!mach.have_other) {
		out("bench: ipi_rtt skipped (one hart)");
		out("bench: ipi_oneway skipped (one hart)");
		return;
	}
	harts[0].on_soft = boot_soft;
	csr_set(sie, SIE_SSIE);
	reply = false;
	other = secondary_start(partner);
	wait_reply();
	for (int i = 0; i < N; i++) {
		uint64_t c0;

		reply = false;
		c0 = rdcycle();
		if (sbi_send_ipi(1, other))
			fail("SBI send_ipi failed");
		wait_reply();
		stat_add(&s, reply_at - c0);
		stat_add(&oneway, partner_at - c0);
	}
	irq_off();
	csr_clear(sie, SIE_SSIE);
	harts[0].on_soft = NULL;
	stat_print("ipi_rtt", &s, NULL);
	stat_print("ipi_oneway", &oneway, NULL);
}
