// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM64 parts of a guest's device tree: its vCPUs (MPIDR Aff0 = the
 * vCPU's index, started with PSCI), the PSCI node, the GIC (the image's
 * variant: irqc_variant.h) and the generic timer, and the GIC's
 * interrupt specifiers.  Compiled for the
 * host's layout checker too.
 */
#include <libfdt.h>
#include <fv/arch_cell.h>
#include <fv/fmt.h>
#include <fv/platform.h>
#include <irqc_variant.h>

#define TRY(x) do { int __e = (x); if (__e < 0) return __e; } while (0)

/* GIC interrupt specifier: type (0 SPI, 1 PPI), number, flags */
#define GIC_SPI		0
#define GIC_PPI		1
#define IRQ_LEVEL_HIGH	4

static int psci_node(void *fdt)
{
	static const char compat[] = "arm,psci-1.0\0arm,psci-0.2";

	TRY(fdt_begin_node(fdt, "psci"));
	TRY(fdt_property(fdt, "compatible", compat, sizeof(compat)));
	TRY(fdt_property_string(fdt, "method", "hvc"));
	return fdt_end_node(fdt);
}

int arch_cell_fdt_cpus(struct cell *c, void *fdt)
{
	char name[24];

	TRY(fdt_begin_node(fdt, "cpus"));
	TRY(fdt_property_u32(fdt, "#address-cells", 1));
	TRY(fdt_property_u32(fdt, "#size-cells", 0));
	for (unsigned k = 0; k < c->desc->nr_harts; k++) {
		if (platform_hart_index(&platform, c->desc->harts[k]) < 0)
			return -FDT_ERR_NOTFOUND;
		fmt_snprintf(name, sizeof(name), "cpu@%u", k);
		TRY(fdt_begin_node(fdt, name));
		TRY(fdt_property_string(fdt, "device_type", "cpu"));
		TRY(fdt_property_string(fdt, "compatible", "arm,armv8"));
		TRY(fdt_property_u32(fdt, "reg", k));
		TRY(fdt_property_string(fdt, "enable-method", "psci"));
		TRY(fdt_end_node(fdt));
	}
	TRY(fdt_end_node(fdt));
	return psci_node(fdt);
}

static int timer_node(void *fdt, uint32_t phandle, unsigned nr_vcpus)
{
	/* secure, non-secure physical, virtual, hypervisor physical PPIs */
	static const uint32_t ppis[] = { 13, 14, 11, 10 };
	static const char compat[] = "arm,armv8-timer";
	fdt32_t irqs[12];

	(void)nr_vcpus;		/* (a GICv3's PPI specifiers have no CPU mask) */
	for (unsigned i = 0; i < 4; i++) {
		irqs[3 * i] = cpu_to_fdt32(GIC_PPI);
		irqs[3 * i + 1] = cpu_to_fdt32(ppis[i]);
		irqs[3 * i + 2] = cpu_to_fdt32(IRQ_LEVEL_HIGH | IRQC_FDT_PPI_MASK(nr_vcpus));
	}
	TRY(fdt_begin_node(fdt, "timer"));
	TRY(fdt_property(fdt, "compatible", compat, sizeof(compat)));
	TRY(fdt_property(fdt, "interrupts", irqs, sizeof(irqs)));
	TRY(fdt_property_u32(fdt, "interrupt-parent", phandle));
	return fdt_end_node(fdt);
}

int arch_cell_fdt_irqc(struct cell *c, void *fdt, uint32_t phandle)
{
	const struct arch_layout_cell *a = &c->desc->arch;
	fdt64_t reg[4] = {
		cpu_to_fdt64(a->vgicd_gpa), cpu_to_fdt64(IRQC_FDT_GICD_SIZE),
		cpu_to_fdt64(a->vgicr_gpa), cpu_to_fdt64(IRQC_FDT_WIN2_SIZE(c->desc->nr_harts)),
	};
	char name[32];

	fmt_snprintf(name, sizeof(name), "interrupt-controller@%llx",
		     (unsigned long long)a->vgicd_gpa);
	TRY(fdt_begin_node(fdt, name));
	TRY(fdt_property_string(fdt, "compatible", IRQC_FDT_COMPAT));
	TRY(fdt_property(fdt, "reg", reg, sizeof(reg)));
	if (IRQC_FDT_REDIST_REGIONS)
		TRY(fdt_property_u32(fdt, "#redistributor-regions", IRQC_FDT_REDIST_REGIONS));
	TRY(fdt_property_u32(fdt, "#address-cells", 0));
	TRY(fdt_property_u32(fdt, "#interrupt-cells", 3));
	TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
	TRY(fdt_property_u32(fdt, "phandle", phandle));
	TRY(fdt_end_node(fdt));
	return timer_node(fdt, phandle, c->desc->nr_harts);
}

/* The GIC's specifier: three cells per interrupt, SPI (INTID - 32) or PPI
 * (INTID - 16), level-high. */
int arch_cell_fdt_irqs(const struct cell *c, void *fdt, const uint32_t *irqs, unsigned n)
{
	(void)c;
	fdt32_t v[3 * LAYOUT_DEV_IRQS];

	for (unsigned i = 0; i < n && i < LAYOUT_DEV_IRQS; i++) {
		bool spi = irqs[i] >= 32;

		v[3 * i] = cpu_to_fdt32(spi ? GIC_SPI : GIC_PPI);
		v[3 * i + 1] = cpu_to_fdt32(irqs[i] - (spi ? 32 : 16));
		v[3 * i + 2] = cpu_to_fdt32(IRQ_LEVEL_HIGH);
	}
	return fdt_property(fdt, "interrupts", v, (int)(n * 3 * sizeof(fdt32_t)));
}
