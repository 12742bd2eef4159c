// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the test guest's irq, spy=<intid> and timer modes on a
 * GICv2 (gicv2.c), printing the same lines as their GICv3 versions
 * (irq.c, main.c) so that one test asserts on both:
 *   irq     five SGIs of different priorities pending at once, taken
 *           under a priority mask (GICC_PMR) and then without, by
 *           priority; an SGI to vCPU 1 (GICD_SGIR), then to vCPUs 1 and 7
 *           (the cell has no vCPU 7: ignored); a PL031's alarm if passed through;
 *           typed characters echoed from the PL011's receive interrupt
 *   spy     another cell's SPI poked in the cell's distributor (group,
 *           priority, target, enable, pend), all read back as zero
 *   timer   10 interrupts of the virtual timer (PPI 27), 10 ms apart,
 *           taken with IRQs masked (WFI, then the IAR)
 */
#include <libfdt.h>
#include "hello.h"
#include "gicv2.h"

#define GICD_IGROUPR	0x0080
#define GICD_ISENABLER	0x0100
#define GICD_ISPENDR	0x0200
#define GICD_IPRIORITYR	0x0400
#define GICD_ITARGETSR	0x0800
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
#define GICC_PMR	0x0004
#define SGI_TEST	1
#define SGI_PRIO_LO	2	/* SGIs 2..6: priorities 0x90 down to 0x50 */
#define SGI_PRIO_N	5
#define VTIMER		27
#define sysreg_rd(r) ({ uint64_t __v; __asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define sysreg_wr(r, v) __asm__ volatile("msr " #r ", %0\n isb" :: "r"((uint64_t)(v)) : "memory")

static volatile uint8_t *rtc;
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

/* The first node compatible with `compat`: reg[0], its SPI's INTID */
static volatile uint8_t *find_dev(const void *fdt, const char *compat, unsigned *intid)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, compat);
	const fdt32_t *irq = node >= 0 ? fdt_getprop(fdt, node, "interrupts", NULL) : NULL;

	*intid = irq ? 32 + fdt32_to_cpu(irq[1]) : 0;
	return gicv2_reg(fdt, node, 0);
}

static void irqs_on(void)
{
	gicv2_cpu_on();
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

/* From the IRQ vector (dispatch.c), on either vCPU. */
void irq2_handler(void)
{
	unsigned iar = gicv2_ack(), intid = GICV2_INTID(iar);

	if (intid >= GICV2_SPURIOUS)
		return;
	if (intid >= SGI_PRIO_LO && intid < SGI_PRIO_LO + SGI_PRIO_N) {
		if (prio_taken < SGI_PRIO_N)
			prio_order[prio_taken] = intid;
		prio_taken++;
	} else if (intid == SGI_TEST) {
		say("hello-arm64: cpu %lu: sgi %u received\n",
		    (unsigned long)(sysreg_rd(mpidr_el1) & 0xff), intid);
		sgis++;
	} else if (intid == uart_irq) {
		rx_irq();
	} else if (rtc && intid == rtc_irq) {
		rtc_alarm();
	} else {
		say("hello-arm64: unexpected interrupt %u\n", intid);
	}
	gicv2_eoi(iar);
}

void irq2_secondary(void)
{
	gicv2_private_on(SGI_TEST);
	irqs_on();
	cpu1_ready = 1;
	for (;;)
		__asm__ volatile("wfi");
}

/* As irq.c's: SGIs 2..6 to this vCPU (vCPU 0) with IRQs masked, SGI 6
 * the most urgent; the three above the mask 0x78 (five priority bits
 * hold it) first, highest first, then, the mask lifted, the other two. */
static void prio_test(void)
{
	volatile uint8_t *d = gicv2_d;

	__asm__ volatile("msr daifset, #2" ::: "memory");
	wr32(gicv2_c, GICC_PMR, 0x78);
	for (unsigned i = 0; i < SGI_PRIO_N; i++) {
		gicv2_private_on(SGI_PRIO_LO + i);	/* at priority 0x80: */
		/* a plain strb (a loop's post-indexed one has no syndrome) */
		__asm__ volatile("strb %w0, [%1]" :: "r"(0x90 - 0x10 * i),
				 "r"(d + GICD_IPRIORITYR + SGI_PRIO_LO + i) : "memory");
	}
	for (unsigned i = 0; i < SGI_PRIO_N; i++)
		gicv2_sgi(SGI_PRIO_LO + i, 1U << 0);
	__asm__ volatile("msr daifclr, #2" ::: "memory");
	while (prio_taken < 3)
		;
	say("hello-arm64: prio: mask 0x78 took %u %u %u\n", prio_order[0], prio_order[1],
	    prio_order[2]);
	wr32(gicv2_c, GICC_PMR, 0xff);
	while (prio_taken < SGI_PRIO_N)
		;
	say("hello-arm64: prio: unmasked took %u %u\n", prio_order[3], prio_order[4]);
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
	gicv2_sgi(SGI_TEST, 1U << 1);
	while (sgis < 1)
		;
	gicv2_sgi(SGI_TEST, 1U << 7 | 1U << 1);
	while (sgis < 2)
		;
	say("hello-arm64: sgi: cpu 1 took %u\n", sgis);
}

static void rtc_test(void)
{
	say("hello-arm64: rtc: alarm in a second, intid %u\n", rtc_irq);
	gicv2_spi_on(rtc_irq, 0);
	wr32(rtc, RTCICR, 1);
	wr32(rtc, RTCMR, rd32(rtc, RTCDR) + 1);
	wr32(rtc, RTCIMSC, 1);
	while (!alarms)
		__asm__ volatile("wfi");
}

static bool setup(const void *fdt)
{
	if (!gicv2_setup(fdt))
		return false;
	find_dev(fdt, "arm,pl011", &uart_irq);
	rtc = find_dev(fdt, "arm,pl031", &rtc_irq);
	irqs_on();
	return true;
}

static void echo_forever(void)
{
	say("hello-arm64: echo: type away\n");
	gicv2_spi_on(uart_irq, 0);
	wr32(hello_uart, UARTIMSC, INT_RX_RT);
	for (;;)
		__asm__ volatile("wfi");
}

void irq2_main(const void *fdt, bool two_cpus)
{
	if (!setup(fdt))
		return;
	say("hello-arm64: irq: distributor has %u interrupt lines\n", gicv2_lines());
	prio_test();
	if (two_cpus)
		sgi_test();
	if (rtc)
		rtc_test();
	echo_forever();
}

void spy2_main(const void *fdt, unsigned intid)
{
	unsigned w = 4 * (intid / 32);
	uint32_t bit = 1U << (intid % 32);
	volatile uint8_t *d;

	if (!setup(fdt) || intid < 32 || intid > 1019)
		return;
	d = gicv2_d;
	wr32(d, GICD_IGROUPR + w, bit);
	d[GICD_IPRIORITYR + intid] = 0x80;
	d[GICD_ITARGETSR + intid] = 1;
	wr32(d, GICD_ISENABLER + w, bit);
	wr32(d, GICD_ISPENDR + w, bit);
	say("hello-arm64: spy: spi %u group %u prio %u route %#lx enabled %u pending %u\n",
	    intid, !!(rd32(d, GICD_IGROUPR + w) & bit), d[GICD_IPRIORITYR + intid],
	    (unsigned long)d[GICD_ITARGETSR + intid], !!(rd32(d, GICD_ISENABLER + w) & bit),
	    !!(rd32(d, GICD_ISPENDR + w) & bit));
	echo_forever();
}

void timer2(const void *fdt)
{
	uint64_t period = sysreg_rd(cntfrq_el0) / 100, t0, t1;
	unsigned ticks = 0, other = 0;

	if (!gicv2_setup(fdt))
		return;
	gicv2_private_on(VTIMER);
	gicv2_cpu_on();
	t0 = sysreg_rd(cntvct_el0);
	sysreg_wr(cntv_tval_el0, period);
	sysreg_wr(cntv_ctl_el0, 1);
	while (ticks < 10) {
		unsigned iar, intid;

		__asm__ volatile("wfi" ::: "memory");	/* IRQs masked: no vector */
		iar = gicv2_ack();
		intid = GICV2_INTID(iar);
		if (intid >= GICV2_SPURIOUS)
			continue;
		if (intid == VTIMER && ++ticks < 10)
			sysreg_wr(cntv_tval_el0, period);
		else if (intid == VTIMER)
			sysreg_wr(cntv_ctl_el0, 0);
		else
			other++;
		gicv2_eoi(iar);
	}
	t1 = sysreg_rd(cntvct_el0);
	say("hello-arm64: timer: %u interrupts of intid 27, %u others, %s\n", ticks, other,
	    t1 - t0 >= 10 * period ? "at least 10 periods apart" : "TOO EARLY");
}
