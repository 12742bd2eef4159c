// SPDX-License-Identifier: GPL-2.0-only
/*
 * The test guest's interrupt tests, through its virtual GICv3 (found in
 * the device tree, driven as a small GIC driver would) and an IRQ vector
 * (entry.S calls guest_irq):
 *   irq   five SGIs of different priorities pending at once (more than
 *         the hypervisor's list registers), taken under a priority mask
 *         and then without, in the order printed; echo typed characters
 *         from the PL011's receive interrupt; with
 *         a second vCPU, an SGI to it first; with a PL031 RTC passed
 *         through, its alarm interrupt; then wait for input for ever
 *   spy=<intid>  try to enable, pend, route and prioritise another
 *         cell's SPI in its own distributor, print what reads back
 *         (all zero: not the cell's), then echo typed input too
 * Kept apart from main.c so the polled tests stay as they were.
 */
#include <libfdt.h>
#include "hello.h"

#define GICD_CTLR	0x0000
#define GICD_TYPER	0x0004
#define GICD_IGROUPR	0x0080
#define GICD_ISENABLER	0x0100
#define GICD_ISPENDR	0x0200
#define GICD_IPRIORITYR	0x0400
#define GICD_IROUTER	0x6000
#define GICR_FRAME	0x20000
#define GICR_WAKER	0x0014
#define GICR_IGROUPR0	0x10080
#define GICR_ISENABLER0	0x10100
#define GICR_IPRIORITYR	0x10400
#define CTLR_ARE_G1	0x13	/* ARE, EnableGrp1, EnableGrp0 (DS) */

#define ICC_SRE_EL1	S3_0_C12_C12_5
#define ICC_PMR_EL1	S3_0_C4_C6_0
#define ICC_IGRPEN1_EL1	S3_0_C12_C12_7
#define ICC_IAR1_EL1	S3_0_C12_C12_0
#define ICC_EOIR1_EL1	S3_0_C12_C12_1
#define ICC_SGI1R_EL1	S3_0_C12_C11_5
#define sysreg_rd(r) ({ uint64_t __v; __asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define sysreg_wr(r, v) __asm__ volatile("msr " #r ", %0\n isb" :: "r"((uint64_t)(v)) : "memory")

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

static volatile uint8_t *gicd, *gicr, *rtc;
static unsigned uart_irq, rtc_irq;
static volatile unsigned sgis, cpu1_ready, alarms;
static volatile unsigned prio_taken, prio_order[SGI_PRIO_N];

extern char vectors[], secondary_entry[];

static uint32_t rd32(volatile uint8_t *b, unsigned off)
{
	return *(volatile uint32_t *)(b + off);
}

static void wr32(volatile uint8_t *b, unsigned off, uint32_t v)
{
	*(volatile uint32_t *)(b + off) = v;
}

/* reg[n] of the first node compatible with `compat`, its SPI's INTID */
static volatile uint8_t *find_dev(const void *fdt, const char *compat, unsigned n,
				  unsigned *intid)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, compat), len;
	const fdt64_t *reg = node >= 0 ? fdt_getprop(fdt, node, "reg", &len) : NULL;
	const fdt32_t *irq = node >= 0 ? fdt_getprop(fdt, node, "interrupts", NULL) : NULL;

	if (intid)
		*intid = irq ? 32 + fdt32_to_cpu(irq[1]) : 0;
	return reg && len >= (int)(16 * (n + 1)) ?
	       (volatile uint8_t *)(uintptr_t)fdt64_to_cpu(reg[2 * n]) : NULL;
}

/* This vCPU's redistributor awake, its CPU interface on, IRQs unmasked. */
static void gic_cpu_on(unsigned cpu, unsigned sgi)
{
	volatile uint8_t *r = gicr + cpu * GICR_FRAME;

	wr32(r, GICR_WAKER, 0);
	while (rd32(r, GICR_WAKER) & 4)
		;
	wr32(r, GICR_IGROUPR0, ~0U);
	if (sgi) {
		r[GICR_IPRIORITYR + sgi] = 0x80;
		wr32(r, GICR_ISENABLER0, 1U << sgi);
	}
	sysreg_wr(ICC_SRE_EL1, 1);
	sysreg_wr(ICC_PMR_EL1, 0xff);
	sysreg_wr(ICC_IGRPEN1_EL1, 1);
	sysreg_wr(vbar_el1, (uintptr_t)vectors);
	__asm__ volatile("msr daifclr, #2" ::: "memory");
}

static void gic_spi_on(unsigned intid, unsigned cpu)
{
	wr32(gicd, GICD_IGROUPR + 4 * (intid / 32), rd32(gicd, GICD_IGROUPR + 4 * (intid / 32)) |
	     1U << (intid % 32));
	gicd[GICD_IPRIORITYR + intid] = 0x80;
	*(volatile uint64_t *)(gicd + GICD_IROUTER + 8 * intid) = cpu;
	wr32(gicd, GICD_ISENABLER + 4 * (intid / 32), 1U << (intid % 32));
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

/* From the IRQ vector (entry.S), on either vCPU. */
void guest_irq(void)
{
	unsigned iar = (unsigned)sysreg_rd(ICC_IAR1_EL1) & 0xffffff;
	uint64_t mpidr = sysreg_rd(mpidr_el1);

	if (iar >= 1020)
		return;
	if (iar >= SGI_PRIO_LO && iar < SGI_PRIO_LO + SGI_PRIO_N) {
		if (prio_taken < SGI_PRIO_N)
			prio_order[prio_taken] = iar;
		prio_taken++;
	} else if (iar == SGI_TEST) {
		say("hello-arm64: cpu %lu: sgi %u received\n", (unsigned long)(mpidr & 0xff), iar);
		sgis++;		/* after the line: vCPU 0 prints next */
	} else if (iar == uart_irq) {
		rx_irq();
	} else if (rtc && iar == rtc_irq) {
		rtc_alarm();
	} else {
		say("hello-arm64: unexpected interrupt %u\n", iar);
	}
	sysreg_wr(ICC_EOIR1_EL1, iar);
}

/* vCPU 1 (secondary_entry with SGI_CTX): take SGIs, nothing else. */
void irq_secondary(void)
{
	gic_cpu_on(1, SGI_TEST);
	cpu1_ready = 1;
	for (;;)
		__asm__ volatile("wfi");
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
	sysreg_wr(ICC_SGI1R_EL1, (uint64_t)SGI_TEST << 24 | 1U << 1);	/* vCPU 1 */
	while (sgis < 1)
		;
	/* vCPU 1 and vCPU 9, which the cell does not have: ignored */
	sysreg_wr(ICC_SGI1R_EL1, (uint64_t)SGI_TEST << 24 | 1U << 9 | 1U << 1);
	while (sgis < 2)
		;
	say("hello-arm64: sgi: cpu 1 took %u\n", sgis);
}

/* SGIs 2..6 to this vCPU with IRQs masked, SGI 6 the most urgent: the
 * three above the priority mask 0x78 come first, highest first (QEMU's
 * virtual interface keeps 5 priority bits: 0x78 is a mask it can hold), then,
 * the mask lifted, the other two. */
static void prio_test(void)
{
	__asm__ volatile("msr daifset, #2" ::: "memory");
	sysreg_wr(ICC_PMR_EL1, 0x78);
	for (unsigned i = 0; i < SGI_PRIO_N; i++)
		gicr[GICR_IPRIORITYR + SGI_PRIO_LO + i] = (uint8_t)(0x90 - 0x10 * i);
	wr32(gicr, GICR_ISENABLER0, ((1U << SGI_PRIO_N) - 1) << SGI_PRIO_LO);
	for (unsigned i = 0; i < SGI_PRIO_N; i++)
		sysreg_wr(ICC_SGI1R_EL1, (uint64_t)(SGI_PRIO_LO + i) << 24 | 1U << 0);
	__asm__ volatile("msr daifclr, #2" ::: "memory");
	while (prio_taken < 3)
		;
	say("hello-arm64: prio: mask 0x78 took %u %u %u\n", prio_order[0], prio_order[1],
	    prio_order[2]);
	sysreg_wr(ICC_PMR_EL1, 0xff);
	while (prio_taken < SGI_PRIO_N)
		;
	say("hello-arm64: prio: unmasked took %u %u\n", prio_order[3], prio_order[4]);
}

static void rtc_test(void)
{
	say("hello-arm64: rtc: alarm in a second, intid %u\n", rtc_irq);
	gic_spi_on(rtc_irq, 0);
	wr32(rtc, RTCICR, 1);
	wr32(rtc, RTCMR, rd32(rtc, RTCDR) + 1);
	wr32(rtc, RTCIMSC, 1);
	while (!alarms)
		__asm__ volatile("wfi");
}

static bool gic_setup(const void *fdt)
{
	gicd = find_dev(fdt, "arm,gic-v3", 0, NULL);
	gicr = find_dev(fdt, "arm,gic-v3", 1, NULL);
	if (!gicd || !gicr) {
		say("hello-arm64: no GICv3 in the device tree\n");
		return false;
	}
	find_dev(fdt, "arm,pl011", 0, &uart_irq);
	rtc = find_dev(fdt, "arm,pl031", 0, &rtc_irq);
	wr32(gicd, GICD_CTLR, CTLR_ARE_G1);
	gic_cpu_on(0, 0);
	return true;
}

static void echo_forever(void)
{
	say("hello-arm64: echo: type away\n");
	gic_spi_on(uart_irq, 0);
	wr32(hello_uart, UARTIMSC, INT_RX_RT);
	for (;;)
		__asm__ volatile("wfi");
}

void irq_main(const void *fdt, bool two_cpus)
{
	if (!gic_setup(fdt))
		return;
	say("hello-arm64: irq: distributor has %u interrupt lines\n",
	    32 * ((rd32(gicd, GICD_TYPER) & 0x1f) + 1));
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

	if (!gic_setup(fdt) || intid < 32 || intid > 1019)
		return;
	wr32(gicd, GICD_IGROUPR + w, bit);
	gicd[GICD_IPRIORITYR + intid] = 0x80;
	*(volatile uint64_t *)(gicd + GICD_IROUTER + 8 * intid) = 0;
	wr32(gicd, GICD_ISENABLER + w, bit);
	wr32(gicd, GICD_ISPENDR + w, bit);
	say("hello-arm64: spy: spi %u group %u prio %u route %#lx enabled %u pending %u\n",
	    intid, !!(rd32(gicd, GICD_IGROUPR + w) & bit), gicd[GICD_IPRIORITYR + intid],
	    (unsigned long)*(volatile uint64_t *)(gicd + GICD_IROUTER + 8 * intid),
	    !!(rd32(gicd, GICD_ISENABLER + w) & bit), !!(rd32(gicd, GICD_ISPENDR + w) & bit));
	echo_forever();
}
