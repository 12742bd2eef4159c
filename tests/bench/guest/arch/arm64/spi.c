// SPDX-License-Identifier: GPL-2.0-only
/*
 * The passthrough SPI rows: the PL031 RTC's alarm (QEMU virt: SPI 2,
 * INTID 34) through the GIC distributor.  Natively QEMU's GIC; in a cell
 * the PL031 passed through and the virtual GIC injecting its SPI (a
 * distributor with no SPI lines makes the rows n/a).  QEMU arms the alarm at the match
 * write's instant + (match - count) seconds of the RTC's clock, which
 * with -rtc clock=vm is the virtual clock: so the deadline is known to
 * the instruction, and the guest waits for it in WFI (skipped time).
 */
#include <libfdt.h>
#include "bench.h"

#define RTCDR		0x00
#define RTCMR		0x04
#define RTCIMSC		0x10
#define RTCICR		0x1c
#define SPI_ROUNDS	8
#define NS_PER_S	1000000000ULL

static volatile uint32_t *rtc;
static uint32_t rtc_intid;
static const char *why = "no PL031 in the device tree";
static volatile unsigned spi_irqs;
static volatile uint64_t spi_at, spi_handle;

/* The RTC and its SPI from the tree; 0 if there is one to measure. */
int spi_init(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,pl031");
	const fdt32_t *irq;
	const fdt64_t *reg;
	int len;

	if (node < 0)
		return -1;
	reg = fdt_getprop(fdt, node, "reg", &len);
	irq = fdt_getprop(fdt, node, "interrupts", NULL);
	if (!reg || len < 16 || !irq || fdt32_ld(&irq[0]) != 0) {
		why = "no usable PL031 node";
		return -1;
	}
	if (!gic_spi_lines()) {
		why = "no SPI injection yet";
		return -1;
	}
	rtc = (volatile uint32_t *)(uintptr_t)fdt64_ld(&reg[0]);
	rtc_intid = 32 + fdt32_ld(&irq[1]);
	gic_enable_spi(rtc_intid, sysreg_rd(mpidr_el1));
	rtc[RTCICR / 4] = 1;
	rtc[RTCIMSC / 4] = 1;
	why = NULL;
	return 0;
}

/* From bench_irq with the INTID acknowledged at `t0`: the RTC's alarm
 * cleared and the interrupt ended; spi_handle is what that took. */
bool spi_irq(uint32_t intid, uint64_t at, uint64_t t0)
{
	if (!rtc || intid != rtc_intid)
		return false;
	rtc[RTCICR / 4] = 1;
	gic_eoi(intid);
	spi_handle = pmc() - t0;
	spi_at = at;
	spi_irqs++;
	return true;
}

/* One alarm a second ahead: its instant to the vector, in ns. */
static uint64_t spi_once(uint64_t *handle)
{
	unsigned before = spi_irqs;
	uint64_t at;

	irqs_off();
	at = probe_store32_at((uintptr_t)&rtc[RTCMR / 4], rtc[RTCDR / 4] + 1) + 1;
	irqs_on();
	while (spi_irqs == before)
		__asm__ volatile("wfi" ::: "memory");
	*handle = spi_handle;
	return spi_at - at - NS_PER_S;	/* one counter: no offset */
}

void fig_spi(void)
{
	struct stat lat = { 0 }, handle = { 0 };
	uint64_t h;

	if (why) {
		out("bench: spi_lat n/a (%s)", why);
		out("bench: spi_handle n/a (%s)", why);
		return;
	}
	for (unsigned i = 0; i < SPI_ROUNDS; i++) {
		stat_add(&lat, spi_once(&h));
		stat_add(&handle, h);
	}
	stat_print("spi_lat", &lat, NULL);
	stat_print("spi_handle", &handle, NULL);
}
