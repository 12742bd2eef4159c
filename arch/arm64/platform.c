// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the ARM64 code reads from the device tree: each CPU's MPIDR, the
 * GIC (version and register ranges), the PSCI conduit, the counter
 * frequency, the console UART's interrupt.  Compiled for the host's layout checker too: no system
 * register is read here (arm64_cntfrq() is cpu.c's on the target).
 */
#include <libfdt.h>
#include <arch/psci.h>
#include <fv/arch_platform.h>
#include <fv/console.h>
#include <fv/layout.h>
#include <fv/string.h>

/* The host checker cannot read CNTFRQ_EL0 and needs no time: any non-zero
 * value; the image links cpu.c's. */
__attribute__((weak)) uint64_t arm64_cntfrq(void)
{
	return 1;
}

int arch_platform_hart(const void *fdt, int cpu_node, struct plat_hart *h)
{
	const char *method = fdt_getprop(fdt, cpu_node, "enable-method", NULL);

	h->arch.mpidr = h->hwid;
	if (method && strcmp(method, "psci"))
		kprintf("platform: cpu %#lx: enable-method \"%s\", not psci; "
			"it will not be started\n", h->hwid, method);
	return 0;
}

enum psci_conduit arm64_psci_conduit(const void *fdt)
{
	int node = fdt_path_offset(fdt, "/psci");
	const char *m;

	if (node < 0 || !(m = fdt_getprop(fdt, node, "method", NULL)))
		return PSCI_NONE;
	if (!strcmp(m, "smc"))
		return PSCI_SMC;
	if (!strcmp(m, "hvc"))
		return PSCI_HVC;
	return PSCI_NONE;
}

static void add_hv_owned(struct arch_platform *a, const struct plat_range *r)
{
	if (a->nr_hv_owned < ARM64_HV_OWNED_MAX)
		a->hv_owned[a->nr_hv_owned++] = *r;
}

/* Every reg range of `node` (the GIC, its ITS): the hypervisor's. */
static void own_node(const void *fdt, int node, struct arch_platform *a)
{
	struct plat_range r;

	for (int i = 0; fdt_read_reg(fdt, node, i, &r) == 0; i++)
		add_hv_owned(a, &r);
}

static void probe_gic(const void *fdt, struct arch_platform *a)
{
	static const char *const v2[] = { "arm,gic-400", "arm,cortex-a15-gic" };
	int node, child;

	node = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");
	if (node >= 0) {
		a->gic_version = 3;
	} else {
		for (unsigned i = 0; i < 2 && node < 0; i++)
			node = fdt_node_offset_by_compatible(fdt, -1, v2[i]);
		if (node < 0)
			return;
		a->gic_version = 2;
	}
	if (fdt_read_reg(fdt, node, 0, &a->gicd) < 0 ||
	    fdt_read_reg(fdt, node, 1, &a->gicr) < 0) {
		a->gic_version = 0;
		return;
	}
	/* a GICv2's virtualization extensions: GICH, then GICV */
	if (a->gic_version == 2 && (fdt_read_reg(fdt, node, 2, &a->gich) < 0 ||
				    fdt_read_reg(fdt, node, 3, &a->gicv) < 0))
		a->gich.size = a->gicv.size = 0;
	/* architectural maximum of SPIs; the distributor says how many exist */
	a->gic_nr_irqs = 1019;
	own_node(fdt, node, a);
	fdt_for_each_subnode(child, fdt, node) {
		own_node(fdt, child, a);
	}
}

/* The console UART's interrupt as a GIC INTID: the core read the first
 * cell of a three-cell specifier (type, number, flags). */
static void uart_intid(const void *fdt, struct platform *p)
{
	int node = p->uart.present ? fdt_path_offset(fdt, p->uart.path) : -1, len;
	const fdt32_t *v = node >= 0 ? fdt_getprop(fdt, node, "interrupts", &len) : NULL;

	p->uart.irq = 0;
	if (!v || len < 12)
		return;
	p->uart.irq = fdt32_to_cpu(v[1]) + (fdt32_to_cpu(v[0]) == 0 ? 32 : 16);
}

int arch_platform_probe(const void *fdt, struct platform *p)
{
	struct arch_platform *a = &p->arch;
	int node;

	probe_gic(fdt, a);
	uart_intid(fdt, p);
	a->psci = arm64_psci_conduit(fdt);
	node = fdt_path_offset(fdt, "/psci");
	if (node >= 0) {
		const char *compat = fdt_getprop(fdt, node, "compatible", NULL);
		size_t n = compat ? strnlen(compat, sizeof(a->psci_compat) - 1) : 0;

		memcpy(a->psci_compat, compat ? compat : "", n);
		a->psci_compat[n] = '\0';
	}
	if (!p->timebase_hz) {
		const fdt32_t *f;

		node = fdt_node_offset_by_compatible(fdt, -1, "arm,armv8-timer");
		f = node >= 0 ? fdt_getprop(fdt, node, "clock-frequency", NULL) : NULL;
		p->timebase_hz = f ? fdt32_to_cpu(*f) : arm64_cntfrq();
	}
	return 0;
}

void arch_platform_print(const struct platform *p)
{
	const struct arch_platform *a = &p->arch;
	static const char *const conduit[] = { "none", "smc", "hvc" };

	if (a->gic_version)
		kprintf("irqchip: GICv%u, distributor at %#llx, %s at %#llx\n",
			a->gic_version, (unsigned long long)a->gicd.base,
			a->gic_version == 3 ? "redistributors" : "CPU interface",
			(unsigned long long)a->gicr.base);
	else
		kprintf("irqchip: no GIC in the device tree\n");
	kprintf("psci: %s, conduit %s\n", a->psci_compat[0] ? a->psci_compat : "absent",
		conduit[a->psci]);
}

unsigned arch_platform_nr_irqs(const struct platform *p)
{
	return p->arch.gic_version ? p->arch.gic_nr_irqs : 0;
}

bool arch_platform_is_hv_owned(const struct platform *p, paddr_t base, uint64_t size)
{
	const struct arch_platform *a = &p->arch;

	for (unsigned i = 0; i < a->nr_hv_owned; i++)
		if (base < a->hv_owned[i].base + a->hv_owned[i].size &&
		    a->hv_owned[i].base < base + size)
			return true;
	return false;
}

/* A layout's interrupt must be an SPI: SGIs and PPIs are per vCPU (the
 * virtual redistributors'), and INTIDs from 1020 on are special. */
static bool is_spi(uint32_t irq)
{
	return irq >= 32 && irq <= 1019;
}

/* A GICv2 names at most eight CPUs (CPU interfaces 0..7: GICD_ITARGETSR's
 * and GICD_SGIR's target bytes, an SGI's source field), and a cell's
 * virtual GICv2 is one: vCPU k is CPU interface k. */
#define GICV2_MAX_CPUS	8

/*
 * The arch part of an ARM64 cell (its vGIC windows) needs nothing from
 * the platform beyond what the core checks through arch_layout_windows():
 * the same layout is good on a GICv2 and a GICv3 board, if it has at most
 * GICV2_MAX_CPUS harts on a GICv2 one.  Every interrupt the cell names
 * must be an SPI; that a passthrough SPI has one owner is the core's
 * check (src/layout_check.c, "is also owned by").
 */
void arch_layout_check_cell(const struct platform *p, const struct layout_cell *lc,
			    arch_layout_report report, void *arg)
{
	if (p->arch.gic_version == 2 && lc->nr_harts > GICV2_MAX_CPUS)
		report(arg, "has %u harts: a virtual GICv2 names at most %d CPUs "
		       "(CPU interfaces 0..%d)", lc->nr_harts, GICV2_MAX_CPUS,
		       GICV2_MAX_CPUS - 1);
	for (unsigned i = 0; i < lc->nr_devs && i < LAYOUT_MAX_DEVS; i++)
		for (unsigned q = 0; q < LAYOUT_DEV_IRQS && lc->devs[i].irqs[q]; q++)
			if (!is_spi(lc->devs[i].irqs[q]))
				report(arg, "devs[%u] irq %u is no SPI (INTID 32..1019): SGIs and "
				       "PPIs are the vCPUs' own, never passed through", i,
				       lc->devs[i].irqs[q]);
	for (unsigned i = 0; i < lc->nr_emus && i < LAYOUT_MAX_EMUS; i++)
		if (lc->emus[i].irq && !is_spi(lc->emus[i].irq))
			report(arg, "emus[%u] irq %u is no SPI (INTID 32..1019): the virtual "
			       "GIC gives emulated devices SPIs", i, lc->emus[i].irq);
}
