// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the test guest's interrupt modes, written once against
 * gic.h (a GICv3 or a GICv2, dispatch.c picks) and its IRQ vector
 * (entry.S calls guest_irq), printing the same lines on either GIC:
 *   irq   five SGIs of different priorities pending at once (more than
 *         the hypervisor's list registers), taken under a priority mask
 *         and then without, in the order printed; with a second vCPU, an
 *         SGI to it, then to it and a vCPU the cell does not have (9 on a
 *         GICv3, 7 on a GICv2, whose target list has 8 bits: ignored);
 *         then, IRQs masked, one to itself and (asked by a third) one
 *         from vCPU 1, taken once unmasked: twice on a GICv2, where an
 *         SGI is pending per source, once on a GICv3; each receiver
 *         prints the sender its GICv2 IAR names;
 *         with a PL031 RTC passed through, its alarm interrupt; then
 *         echo typed characters from the PL011's receive interrupt for ever
 *   spy=<intid>  try to enable, pend, route and prioritise another
 *         cell's SPI in its own distributor, print what reads back
 *         (all zero: not the cell's), then echo typed input too
 * Kept apart from main.c so the polled tests stay as they were.
 */
#include "hello.h"
#include "gic.h"
#include "io.h"

#define UARTDR		0x000
#define UARTFR		0x018
#define UARTIMSC	0x038
#define FR_RXFE		(1U << 4)
#define INT_RX_RT	((1U << 4) | (1U << 6))
#define RTCDR		0x00
#define RTCMR		0x04
#define RTCIMSC		0x10
#define RTCMIS		0x18
#define RTCICR		0x1c
#define SGI_TEST	1
#define SGI_PRIO_LO	2	/* SGIs 2..6: priorities 0x90 down to 0x50 */
#define SGI_PRIO_N	5
#define SGI_FENCE	7	/* sources_test: after SGI_TEST's sources */
#define PRIO		0x80

static volatile uint8_t *rtc;
static unsigned uart_irq, rtc_irq;
static volatile unsigned sgis, cpu1_ready, alarms;
static volatile unsigned cpu0_sgis, cpu0_srcs, reply, fences;
static volatile unsigned prio_taken, prio_order[SGI_PRIO_N];

extern char vectors[], secondary_entry[];

/* The vector table in, IRQs unmasked. */
static void irqs_on(void)
{
	sysreg_wr(vbar_el1, (uintptr_t)vectors);
	__asm__ volatile("msr daifclr, #2" ::: "memory");
}

static void rx_irq(void)
{
	while (!(rd32(hello_uart, UARTFR) & FR_RXFE)) {
		unsigned ch = rd32(hello_uart, UARTDR) & 0xff;

		if (ch >= 0x20 && ch < 0x7f)
			say("hello-arm64: rx '%c' by interrupt\n", ch);
		else
			say("hello-arm64: rx %#x by interrupt\n", ch);
	}
}

static void rtc_alarm(void)
{
	uint32_t mis = rd32(rtc, RTCMIS);

	wr32(rtc, RTCICR, 1);
	wr32(rtc, RTCIMSC, 0);
	say("hello-arm64: rtc alarm: intid %u, mis %u\n", rtc_irq, mis);
	alarms++;
}

/* SGI_TEST, acknowledged as `iar`: said with its sender if the GIC
 * names one; vCPU 1 answers with one to vCPU 0 when asked (reply). */
static void sgi_received(unsigned iar)
{
	unsigned me = this_cpu(), src;
	bool named = gic->sgi_source(iar, &src);

	if (named)
		say("hello-arm64: cpu %u: sgi %u received from cpu %u\n", me, SGI_TEST, src);
	else
		say("hello-arm64: cpu %u: sgi %u received\n", me, SGI_TEST);
	if (me == 0) {
		cpu0_srcs |= named ? 1U << (src & 7) : 0;
		cpu0_sgis++;
		return;
	}
	if (reply) {
		reply = 0;
		gic->sgi(SGI_TEST, 1U << 0);
	}
	sgis++;		/* after the line: vCPU 0 prints next */
}

/* From the IRQ vector (entry.S), on either vCPU. */
void guest_irq(void)
{
	unsigned iar, intid = gic->ack(&iar);

	if (intid >= GIC_SPURIOUS)
		return;
	if (intid >= SGI_PRIO_LO && intid < SGI_PRIO_LO + SGI_PRIO_N) {
		if (prio_taken < SGI_PRIO_N)
			prio_order[prio_taken] = intid;
		prio_taken++;
	} else if (intid == SGI_TEST) {
		sgi_received(iar);
	} else if (intid == SGI_FENCE) {
		fences++;
	} else if (intid == uart_irq) {
		rx_irq();
	} else if (rtc && intid == rtc_irq) {
		rtc_alarm();
	} else {
		say("hello-arm64: unexpected interrupt %u\n", intid);
	}
	gic->eoi(iar);
}

/* vCPU 1 (secondary_entry with SGI_CTX): take SGIs, nothing else. */
void irq_secondary(void)
{
	gic->cpu_on();
	gic->private_on(SGI_TEST, PRIO);
	irqs_on();
	cpu1_ready = 1;
	for (;;)
		__asm__ volatile("wfi");
}

/* SGI_TEST to this vCPU (0) from itself and from vCPU 1 while its IRQs
 * are masked, then taken: per source on a GICv2, once on a GICv3.  The
 * count is said once a less urgent SGI, sent after the first was taken,
 * came: every source pending then was taken before it. */
static void sources_test(void)
{
	__asm__ volatile("msr daifset, #2" ::: "memory");
	gic->private_on(SGI_TEST, PRIO);
	gic->sgi(SGI_TEST, 1U << 0);
	reply = 1;
	gic->sgi(SGI_TEST, 1U << 1);
	while (sgis < 3)
		;
	__asm__ volatile("msr daifclr, #2" ::: "memory");
	while (cpu0_sgis < 1)
		;
	/* a less urgent one now: taken after any other source of SGI_TEST */
	gic->private_on(SGI_FENCE, PRIO + 0x20);
	gic->sgi(SGI_FENCE, 1U << 0);
	while (!fences)
		;
	say("hello-arm64: sgi: cpu 0 took %u, sources %#x\n", cpu0_sgis, cpu0_srcs);
}

static void sgi_test(void)
{
	long on = hello_hvc3(PSCI_CPU_ON, 1, (uintptr_t)secondary_entry, SGI_CTX);

	if (on) {
		say("hello-arm64: sgi: no second vCPU (%ld)\n", on);
		return;
	}
	while (!cpu1_ready)
		;
	gic->sgi(SGI_TEST, 1U << 1);
	while (sgis < 1)
		;
	gic->sgi(SGI_TEST, 1U << gic->absent_cpu | 1U << 1);
	while (sgis < 2)
		;
	say("hello-arm64: sgi: cpu 1 took %u\n", sgis);
	sources_test();
}

/* SGIs 2..6 to this vCPU with IRQs masked, SGI 6 the most urgent: the
 * three above the priority mask 0x78 come first, highest first (QEMU's
 * virtual interface keeps 5 priority bits: 0x78 is a mask it can hold), then,
 * the mask lifted, the other two. */
static void prio_test(void)
{
	__asm__ volatile("msr daifset, #2" ::: "memory");
	gic->set_pmr(0x78);
	for (unsigned i = 0; i < SGI_PRIO_N; i++)
		gic->private_on(SGI_PRIO_LO + i, 0x90 - 0x10 * i);
	for (unsigned i = 0; i < SGI_PRIO_N; i++)
		gic->sgi(SGI_PRIO_LO + i, 1U << 0);
	__asm__ volatile("msr daifclr, #2" ::: "memory");
	while (prio_taken < 3)
		;
	say("hello-arm64: prio: mask 0x78 took %u %u %u\n", prio_order[0], prio_order[1],
	    prio_order[2]);
	gic->set_pmr(0xff);
	while (prio_taken < SGI_PRIO_N)
		;
	say("hello-arm64: prio: unmasked took %u %u\n", prio_order[3], prio_order[4]);
}

static void rtc_test(void)
{
	say("hello-arm64: rtc: alarm in a second, intid %u\n", rtc_irq);
	gic->spi_on(rtc_irq, 0);
	wr32(rtc, RTCICR, 1);
	wr32(rtc, RTCMR, rd32(rtc, RTCDR) + 1);
	wr32(rtc, RTCIMSC, 1);
	while (!alarms)
		__asm__ volatile("wfi");
}

static bool setup(const void *fdt)
{
	if (!gic->setup(fdt))
		return false;
	find_dev(fdt, "arm,pl011", &uart_irq);
	rtc = find_dev(fdt, "arm,pl031", &rtc_irq);
	gic->cpu_on();
	irqs_on();
	return true;
}

static void echo_forever(void)
{
	say("hello-arm64: echo: type away\n");
	gic->spi_on(uart_irq, 0);
	wr32(hello_uart, UARTIMSC, INT_RX_RT);
	for (;;)
		__asm__ volatile("wfi");
}

void irq_main(const void *fdt, bool two_cpus)
{
	if (!setup(fdt))
		return;
	say("hello-arm64: irq: distributor has %u interrupt lines\n", gic->lines());
	prio_test();
	if (two_cpus)
		sgi_test();
	if (rtc)
		rtc_test();
	echo_forever();
}

/* Another cell's SPI: every write goes nowhere, every read is zero. */
void spy_main(const void *fdt, unsigned intid)
{
	unsigned w = 4 * (intid / 32);
	uint32_t bit = 1U << (intid % 32);
	volatile uint8_t *d;

	if (!setup(fdt) || intid < 32 || intid > 1019)
		return;
	d = gic->dist();
	wr32(d, GICD_IGROUPR + w, bit);
	wr8(d, GICD_IPRIORITYR + intid, PRIO);
	gic->route(intid, 0);
	wr32(d, GICD_ISENABLER + w, bit);
	wr32(d, GICD_ISPENDR + w, bit);
	say("hello-arm64: spy: spi %u group %u prio %u route %#lx enabled %u pending %u\n",
	    intid, !!(rd32(d, GICD_IGROUPR + w) & bit), d[GICD_IPRIORITYR + intid],
	    (unsigned long)gic->route_rd(intid), !!(rd32(d, GICD_ISENABLER + w) & bit),
	    !!(rd32(d, GICD_ISPENDR + w) & bit));
	echo_forever();
}
