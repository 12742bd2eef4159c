// SPDX-License-Identifier: GPL-2.0-only
/*
 * The goldfish RTC, where the cell owns one and its interrupt comes from
 * the APLIC: at the first status line the boot hart sets ten alarms, 1 ms
 * apart, each taken as a message in its interrupt file, and says how many
 * arrived.  A device interrupt passed through to the cell, end to end.
 */
#include <libfdt.h>
#include "aplic.h"
#include "console.h"
#include "csr.h"
#include "rtc.h"
#include "rtos.h"

#define TIME_LOW	0x00
#define TIME_HIGH	0x04
#define ALARM_LOW	0x08
#define ALARM_HIGH	0x0c
#define IRQ_ENABLED	0x10
#define CLEAR_IRQ	0x1c
#define ALARMS		10

static uintptr_t rtc;
static volatile unsigned alarms;
static bool tested;

static volatile uint32_t *reg(uintptr_t off)
{
	return (volatile uint32_t *)(rtc + off);
}

uint32_t rtc_probe(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "google,goldfish-rtc");
	const fdt32_t *r;
	uint32_t src;
	int len;

	if (node < 0 || !(r = fdt_getprop(fdt, node, "reg", &len)) || len < 16 ||
	    !(src = aplic_dev_source(fdt, node)))
		return 0;
	rtc = (uintptr_t)(((uint64_t)fdt32_to_cpu(r[0]) << 32) | fdt32_to_cpu(r[1]));
	return src;
}

void rtc_irq(void)
{
	*reg(CLEAR_IRQ) = 1;
	alarms++;
}

static uint64_t now_ns(void)
{
	uint32_t lo = *reg(TIME_LOW);	/* latches TIME_HIGH */

	return ((uint64_t)*reg(TIME_HIGH) << 32) | lo;
}

void rtc_alarm_test(struct hart *h)
{
	unsigned n = 0;

	if (tested || !rtc || h->idx != 0)
		return;
	tested = true;
	*reg(IRQ_ENABLED) = 1;
	for (; n < ALARMS; n++) {
		unsigned before = alarms;
		uint64_t at = now_ns() + 1000000, until = rdtime() + plat.timebase / 10;

		*reg(ALARM_HIGH) = (uint32_t)(at >> 32);
		*reg(ALARM_LOW) = (uint32_t)at;		/* arms it */
		while (alarms == before && (int64_t)(rdtime() - until) < 0)
			;
		if (alarms == before)
			break;
	}
	*reg(IRQ_ENABLED) = 0;
	rprintf("rtos: rtc: %u of %u alarms taken\n", n, ALARMS);
}
