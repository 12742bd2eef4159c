// SPDX-License-Identifier: GPL-2.0-only
/*
 * The SGI rows: CPU 0 sends SGI 1 to a second CPU (PSCI CPU_ON; GICv3: its
 * redistributor the next one, GICv2: the same banked CPU interface; the
 * send is the variant's gic_sgi_at()), whose handler sends one back.  One
 * way is CPU 0's write to the other's vector, each CPU's cycle counter
 * turned into ns of the shared virtual clock (clock_offset() on each); the
 * round trip is CPU 0's write to its own vector.  Both wait in WFI: under
 * icount a spinning CPU would keep the other from running.  In a cell
 * this needs two vCPUs and SGIs between them; a one-CPU tree says n/a.
 */
#include <libfdt.h>
#include <fv/string.h>
#include "bench.h"

#define PSCI_CPU_ON	0xc4000003U
#define SGI_ROUNDS	32

extern char secondary_entry[];

static const char *why = "one CPU in the device tree";
static uint64_t other_mpidr;
static uintptr_t other_gicr;
static volatile bool other_ready;
static volatile uint64_t other_off, other_at, back_at;
static volatile unsigned other_irqs, back_irqs;

/* The second CPU of the tree, if any; 0 if there is one to start. */
int sgi_init(const void *fdt, uintptr_t gicr)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node, n = 0;
	uint64_t me = sysreg_rd(mpidr_el1) & 0xff00ffffffULL;

	fdt_for_each_subnode(node, fdt, cpus) {
		const fdt32_t *reg = fdt_getprop(fdt, node, "reg", NULL);
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);

		if (!reg || !type || strcmp(type, "cpu"))
			continue;
		if (fdt32_ld(&reg[0]) != me && !other_mpidr)
			other_mpidr = fdt32_ld(&reg[0]);
		n++;
	}
	if (n < 2 || !other_mpidr)
		return -1;
	other_gicr = gic_cpu_frame(gicr, other_mpidr);
	gic_enable_ppi(SGI_INTID);
	if (smccc(PSCI_CPU_ON, other_mpidr, (uintptr_t)secondary_entry, 0)) {
		why = "PSCI CPU_ON refused";
		return -1;
	}
	while (!other_ready)
		__asm__ volatile("wfe" ::: "memory");	/* QEMU: a yield */
	why = NULL;
	return 0;
}

/* The second CPU: its GIC, its clock offset, then idle in WFI. */
void bench_secondary(void)
{
	if (pmu_init() || gic_cpu_init(other_gicr))
		for (;;)
			__asm__ volatile("wfi");
	gic_enable_ppi(SGI_INTID);
	other_off = clock_offset();
	__asm__ volatile("dmb ish" ::: "memory");
	other_ready = true;
	__asm__ volatile("sev");
	irqs_on();
	for (;;)
		__asm__ volatile("wfi" ::: "memory");
}

bool sgi_irq(uint32_t intid, uint64_t at)
{
	if (intid != SGI_INTID)
		return false;
	if ((sysreg_rd(mpidr_el1) & 0xff) == (other_mpidr & 0xff)) {
		other_at = at;
		other_irqs++;
		gic_sgi_at(0);	/* back to CPU 0 (MPIDR 0) */
	} else {
		back_at = at;
		back_irqs++;
	}
	return true;
}

static void sgi_once(struct stat *oneway, struct stat *rtt, uint64_t off)
{
	unsigned before = back_irqs;
	uint64_t t0;

	irqs_on();
	t0 = gic_sgi_at(other_mpidr);
	while (back_irqs == before)
		__asm__ volatile("wfi" ::: "memory");
	stat_add(oneway, other_at + other_off - (t0 + off));
	stat_add(rtt, back_at - t0);
}

void fig_sgi(void)
{
	struct stat oneway = { 0 }, rtt = { 0 };
	uint64_t off;

	if (why) {
		out("bench: sgi_oneway n/a (%s)", why);
		out("bench: sgi_rtt n/a (%s)", why);
		return;
	}
	irqs_off();
	off = clock_offset();
	for (unsigned i = 0; i < SGI_ROUNDS; i++)
		sgi_once(&oneway, &rtt, off);
	stat_print("sgi_oneway", &oneway, NULL);
	stat_print("sgi_rtt", &rtt, NULL);
}
