// SPDX-License-Identifier: GPL-2.0-only
/*
 * An external interrupt from a device the guest owns: the goldfish RTC's
 * alarm through the PLIC (natively QEMU's PLIC, in a cell the virtual
 * PLIC the hypervisor shows at the guest's address).
 *
 * ext_irq_lat: from the alarm's time to the handler's first instruction.
 * The RTC counts nanoseconds of the same virtual clock as rdcycle, so the
 * alarm's cycle is its time minus (RTC time - cycle), read together.
 * ext_irq_handle: the handler's claim, device acknowledge and complete.
 */
#include "bench.h"
#include "csr.h"

#define N		300
#define AHEAD_NS	20000

#define PLIC_PRIO(irq)		(4 * (irq))
#define PLIC_ENABLE(ctx, irq)	(0x2000 + 0x80 * (ctx) + 4 * ((irq) / 32))
#define PLIC_THRESHOLD(ctx)	(0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx)		(0x200004 + 0x1000 * (ctx))

static volatile bool fired;
static uint64_t fired_at, handled;
static uint32_t wrong_id;

static void rtc_irq(struct hart *h)
{
	uint64_t entry = entry_cycle(h);
	uint32_t id = *reg(mach.plic, PLIC_CLAIM(mach.plic_ctx));

	if (id == mach.rtc_irq)
		*reg(mach.rtc, RTC_CLEAR_IRQ) = 1;
	else
		wrong_id = id;
	if (id)
		*reg(mach.plic, PLIC_CLAIM(mach.plic_ctx)) = id;
	handled = rdcycle() - entry;
	fired_at = entry;
	fired = true;
}

/* RTC nanoseconds now, and RTC time minus cycle count. */
uint64_t rtc_now(int64_t *offset)
{
	uint64_t c0, lo, hi;

	__asm__ volatile("rdcycle %0\n lwu %1, 0(%2)"
			 : "=&r"(c0), "=&r"(lo) : "r"(mach.rtc + RTC_TIME_LOW) : "memory");
	hi = *reg(mach.rtc, RTC_TIME_HIGH);	/* latched by the TIME_LOW read */
	*offset = (int64_t)(((hi << 32) | lo) - (c0 + 1));
	return (hi << 32) | lo;
}

void bench_extirq(void)
{
	struct stat lat = { 0 }, handle = { 0 };
	uint32_t irq = mach.rtc_irq;

	if (!mach.rtc || !irq || !mach.plic) {
		out("bench: ext_irq_lat skipped (no goldfish RTC or PLIC)");
		return;
	}
	*reg(mach.plic, PLIC_PRIO(irq)) = 1;
	*reg(mach.plic, PLIC_THRESHOLD(mach.plic_ctx)) = 0;
	*reg(mach.plic, PLIC_ENABLE(mach.plic_ctx, irq)) |= 1U << (irq % 32);
	*reg(mach.rtc, RTC_IRQ_ENABLED) = 1;
	harts[0].on_ext = rtc_irq;
	csr_set(sie, SIE_SEIE);
	irq_on();
	for (int i = 0; i < N; i++) {
		int64_t offset;
		uint64_t alarm = rtc_now(&offset) + AHEAD_NS;

		fired = false;
		*reg(mach.rtc, RTC_ALARM_HIGH) = (uint32_t)(alarm >> 32);
		*reg(mach.rtc, RTC_ALARM_LOW) = (uint32_t)alarm;	/* arms it */
		while (!fired)
			;
		if (wrong_id)
			fail("the PLIC gave another interrupt than the RTC's");
		if ((int64_t)fired_at < (int64_t)alarm - offset)
			fail("RTC interrupt before its alarm");
		stat_add(&lat, fired_at - (uint64_t)((int64_t)alarm - offset));
		stat_add(&handle, handled);
	}
	irq_off();
	csr_clear(sie, SIE_SEIE);
	*reg(mach.rtc, RTC_IRQ_ENABLED) = 0;
	*reg(mach.plic, PLIC_ENABLE(mach.plic_ctx, irq)) &= ~(1U << (irq % 32));
	harts[0].on_ext = NULL;
	stat_print("ext_irq_lat", &lat, NULL);
	stat_print("ext_irq_handle", &handle, NULL);
}
