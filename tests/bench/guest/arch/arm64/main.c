// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM64 bench guest: what a Ferrovisor cell costs a guest, measured by
 * the guest itself, natively at EL1 on QEMU virt and unchanged in a cell,
 * under -icount shift=0 (one instruction = 1 ns of virtual time).
 *
 * The clock is PMCCNTR_EL0: QEMU derives it from its virtual clock at
 * 1 GHz, so under icount it counts 1 per instruction of every CPU, at
 * any EL (PMCCFILTR_EL0.NSH set, so EL2's count in a cell too).  CNTVCT
 * ticks only every 16 ns at virt's 62.5 MHz.  Each figure is one line
 *
 *   bench: <name> cycles_mean=<m.d> cycles_min=<a> cycles_max=<b> n=<n>
 *
 * or "bench: <name> n/a (<why>)" for one this machine cannot give (the
 * SPI rows, spi.c, without a PL031 or SPI lines; the SGI rows, sgi.c,
 * with one CPU); then "bench: done" and PSCI SYSTEM_OFF.  "bench: error ..." on failure.
 */
#include <libfdt.h>
#include <fv/string.h>
#include "bench.h"

#define PSCI_VERSION	0x84000000U
#define PSCI_SYSTEM_OFF	0x84000008U
#define UARTFR		0x18
#define ROUNDS		100
#define LAT_ROUNDS	64
#define WORK_ROUNDS	1000000		/* 2 M instructions */
#define TIMER_PERIOD_NS	10000
#define SETTLE_ROUNDS	100000		/* 200 us */

static bool use_smc;
uint64_t ns_per_tick;
static bool periodic;
static uint64_t period_ticks;
static volatile unsigned vtimer_irqs, other_irqs;
static volatile uint64_t vtimer_at;	/* cycle counter at its vector */

static uint64_t call(uint64_t fn)
{
	return use_smc ? probe_smc(fn) : probe_hvc(fn);
}

/* An SMCCC call (PSCI) through the tree's conduit; x0 back. */
long smccc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 __asm__("x0") = fn;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	if (use_smc)
		__asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) :: "memory");
	else
		__asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) :: "memory");
	return (long)x0;
}

static __noreturn void power_off(void)
{
	smccc(PSCI_SYSTEM_OFF, 0, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

void bench_bad(uint64_t kind, uint64_t esr, uint64_t elr)
{
	out("bench: error exception %lu esr %#lx elr %#lx", (unsigned long)kind,
	    (unsigned long)esr, (unsigned long)elr);
	power_off();
}

static void vtimer_irq(uint64_t at)
{
	vtimer_at = at;
	if (periodic)
		sysreg_wr(cntv_cval_el0, sysreg_rd(cntv_cval_el0) + period_ticks);
	else
		sysreg_wr(cntv_ctl_el0, 0);
	vtimer_irqs++;
}

/* From the IRQ vector: `at` is the cycle counter at its first
 * instruction.  spi_irq() ends its own interrupt (it times that). */
void bench_irq(uint64_t at)
{
	uint64_t t0 = pmc();
	uint32_t iar = gic_ack();

	if (iar >= 1020 || spi_irq(iar, at, t0))
		return;
	if (iar == VTIMER_INTID)
		vtimer_irq(at);
	else if (!sgi_irq(iar, at))
		other_irqs++;
	gic_eoi(iar);
}

/* The cycle counter on, counting at every EL (NSH), 64 bits. */
int pmu_init(void)
{
	uint64_t ver = (sysreg_rd(id_aa64dfr0_el1) >> 8) & 0xf;

	if (ver == 0 || ver == 0xf)
		return -1;
	sysreg_wr(pmccfiltr_el0, 1U << 27);
	sysreg_wr(pmcntenset_el0, 1U << 31);
	sysreg_wr(pmcr_el0, (sysreg_rd(pmcr_el0) & ~8UL) | 0x40 | 4 | 1);	/* LC, C, E */
	return 0;
}

/* ns of virtual time minus this CPU's cycle counter (probe_clock()) */
static uint64_t clock_offset_once(void)
{
	uint64_t c[18];
	unsigned i;

	probe_clock(c);
	for (i = 1; i < 17 && c[i] == c[0]; i++)
		;
	return c[i] * ns_per_tick + (17 - i) - c[17];
}

/* Another CPU's instructions between the reads (QEMU runs CPUs in
 * turns) could only make one reading too small: the largest of three. */
uint64_t clock_offset(void)
{
	uint64_t best = 0;

	for (unsigned i = 0; i < 3; i++) {
		uint64_t o = clock_offset_once();

		best = o > best ? o : best;
	}
	return best;
}

/* Before each figure: let the console line just printed drain.  In a
 * cell the hypervisor's housekeeping CPU writes it out, and under icount
 * its instructions advance the clock this guest counts. */
static void settle(void)
{
	probe_work(SETTLE_ROUNDS);
}

static void fig_call(void)
{
	struct stat s = { 0 };

	for (unsigned i = 0; i < ROUNDS; i++)
		stat_add(&s, call(PSCI_VERSION) - probe_empty());
	stat_print("psci_call", &s, NULL);
}

static void fig_mmio(uintptr_t uart)
{
	struct stat s = { 0 };

	for (unsigned i = 0; i < ROUNDS; i++)
		stat_add(&s, probe_load32(uart + UARTFR) - probe_empty());
	stat_print("mmio_emul", &s, NULL);
}

/* One CNTV deadline a few ticks ahead, the guest spinning: deadline to
 * the vector's first instruction, in ns of virtual time. */
static uint64_t vtimer_once(unsigned i)
{
	unsigned before = vtimer_irqs;
	uint64_t off, deadline;

	irqs_off();
	off = clock_offset();
	deadline = sysreg_rd(cntvct_el0) + 4 + i % 16;
	sysreg_wr(cntv_cval_el0, deadline);
	sysreg_wr(cntv_ctl_el0, 1);
	irqs_on();
	while (vtimer_irqs == before)
		;
	return vtimer_at + off - deadline * ns_per_tick;
}

static void fig_timer_lat(void)
{
	struct stat s = { 0 };

	for (unsigned i = 0; i < LAT_ROUNDS; i++)
		stat_add(&s, vtimer_once(i));
	stat_print("vtimer_lat", &s, NULL);
}

/* The work loop alone, then with CNTV every 10 us: extra cycles per
 * interrupt (handler, GIC and, in a cell, the hypervisor's part). */
static void fig_timer_cost(void)
{
	uint64_t alone, with, extra;
	unsigned before;
	struct stat s = { 0 };

	alone = probe_work(WORK_ROUNDS);
	period_ticks = TIMER_PERIOD_NS / ns_per_tick;
	periodic = true;
	before = vtimer_irqs;
	sysreg_wr(cntv_cval_el0, sysreg_rd(cntvct_el0) + period_ticks);
	sysreg_wr(cntv_ctl_el0, 1);
	with = probe_work(WORK_ROUNDS);
	sysreg_wr(cntv_ctl_el0, 0);
	periodic = false;
	s.n = vtimer_irqs - before;
	if (!s.n || with < alone) {
		out("bench: error vtimer_cost: %llu interrupts", (unsigned long long)s.n);
		return;
	}
	extra = with - alone;
	s.sum = extra;
	s.min = extra / s.n;
	s.max = (extra + s.n - 1) / s.n;
	stat_print("vtimer_cost", &s, NULL);
}

static int reg_of(const void *fdt, int node, int idx, uintptr_t *out)
{
	int len;
	const fdt64_t *reg = node >= 0 ? fdt_getprop(fdt, node, "reg", &len) : NULL;

	if (!reg || len < (idx + 1) * 16)
		return -1;
	*out = (uintptr_t)fdt64_ld(&reg[2 * idx]);	/* may be unaligned */
	return 0;
}

static int probe_tree(const void *fdt, uintptr_t *uart, uintptr_t *gicd, uintptr_t *gicr)
{
	const char *path = fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "stdout-path", NULL);
	int gic = fdt_node_offset_by_compatible(fdt, -1, GIC_COMPAT);
	int psci = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-1.0");
	const char *method, *colon;

	if (!path)
		return -1;
	colon = strchr(path, ':');
	if (psci < 0)
		psci = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-0.2");
	method = psci >= 0 ? fdt_getprop(fdt, psci, "method", NULL) : NULL;
	use_smc = method && !strcmp(method, "smc");
	if (reg_of(fdt, fdt_path_offset_namelen(fdt, path, colon ? (int)(colon - path) :
						       (int)strlen(path)), 0, uart))
		return -1;
	return reg_of(fdt, gic, 0, gicd) || reg_of(fdt, gic, 1, gicr) ? -2 : 0;
}

void bench_main(const void *fdt)
{
	uintptr_t uart = 0, gicd = 0, gicr = 0;
	uint64_t freq = sysreg_rd(cntfrq_el0);

	if (fdt_check_header(fdt) || probe_tree(fdt, &uart, &gicd, &gicr) == -1)
		power_off();
	out_init(uart);
	out("bench: arm64 EL%lu psci %s cntfrq %lu", (unsigned long)(sysreg_rd(CurrentEL) >> 2),
	    use_smc ? "smc" : "hvc", (unsigned long)freq);
	if (!freq || 1000000000UL % freq || gicd == 0 || pmu_init() || gic_init(gicd, gicr)) {
		out("bench: error no PMU, " GIC_NAME " or usable CNTFRQ");
		power_off();
	}
	ns_per_tick = 1000000000UL / freq;
	gic_enable_ppi(VTIMER_INTID);
	spi_init(fdt);
	sgi_init(fdt, gicr);
	settle();
	fig_call();
	settle();
	fig_mmio(uart);
	settle();
	fig_timer_lat();
	settle();
	fig_timer_cost();
	settle();
	fig_spi();
	settle();
	fig_sgi();
	out("bench: done (%u other interrupts)", other_irqs);
	power_off();
}
