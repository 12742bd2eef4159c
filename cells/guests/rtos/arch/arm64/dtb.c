// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM64 parts of the device tree: the GICv3 (distributor and
 * redistributor region) or GICv2 (distributor and CPU interface), the console's PL011 and its SPI, the doorbell's,
 * the PSCI conduit; the timebase is the counter's frequency (CNTFRQ_EL0),
 * which an arm64 tree does not carry.  The shared dtb.c reads harts and
 * bootargs first.
 */
#include <libfdt.h>
#include <fv/string.h>
#include "dtb.h"
#include "gic.h"
#include "rtos.h"

#define GIC_SPI_TYPE	0	/* first cell of a GIC interrupt specifier */

static int find_gic(const void *fdt, struct platform *p)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");

	p->arch.gic_v2 = false;
	if (node < 0) {
		node = gicv2_find(fdt);
		p->arch.gic_v2 = node >= 0;
	}
	if (node < 0 || !dtb_node_ok(fdt, node) ||
	    !dtb_node_reg(fdt, node, 0, &p->arch.gicd, NULL) ||
	    !dtb_node_reg(fdt, node, 1, &p->arch.gicr, &p->arch.gicr_size)) {
		p->arch.gicd = 0;
		return -1;
	}
	/* GICD_TYPER.ITLinesNumber: 32 * (N + 1) INTIDs */
	p->arch.gic_lines = 32 * ((*(volatile uint32_t *)(p->arch.gicd + 4) & 0x1f) + 1);
	return node;
}

/* The INTID of a device's first interrupt if it is an SPI of our GIC that
 * the distributor has; else 0. */
static uint32_t dev_spi(const void *fdt, int dev, int gic)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, dev, "interrupts", &len);
	uint32_t intid;

	if (gic < 0 || !p || len < 12 || dtb_irq_parent(fdt, dev) != gic ||
	    fdt32_to_cpu(p[0]) != GIC_SPI_TYPE)
		return 0;
	intid = fdt32_to_cpu(p[1]) + 32;
	return gic_spi_exists(intid) ? intid : 0;
}

static void find_uart(const void *fdt, struct platform *p, int gic)
{
	int node = dtb_stdout_node(fdt);

	if (node < 0 || !dtb_node_ok(fdt, node) ||
	    fdt_node_check_compatible(fdt, node, "arm,pl011") ||
	    !dtb_node_addr(fdt, node, &p->uart_base))
		return;
	p->uart = true;
	p->uart_irq = dev_spi(fdt, node, gic);
}

/* The first "ferrovisor,doorbell": reg 0 its registers, reg 1 the shared
 * region, its interrupt an SPI of our GIC. */
static void find_doorbell(const void *fdt, struct platform *p, int gic)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "ferrovisor,doorbell");

	if (node < 0 || !dtb_node_ok(fdt, node) ||
	    !dtb_node_reg(fdt, node, 0, &p->db_base, NULL) ||
	    !dtb_node_reg(fdt, node, 1, &p->db_shm, &p->db_shm_size))
		return;
	p->db_irq = dev_spi(fdt, node, gic);
}

static void find_psci(const void *fdt, struct platform *p)
{
	int node = fdt_path_offset(fdt, "/psci");
	const char *m = node >= 0 ? fdt_getprop(fdt, node, "method", NULL) : NULL;

	p->arch.psci_smc = m && !strcmp(m, "smc");
}

int arch_dtb_parse(const void *fdt, struct platform *p)
{
	int gic = find_gic(fdt, p);

	p->timebase = sysreg_read(cntfrq_el0);
	find_psci(fdt, p);
	/* Without a GIC there is no tick: the boot CPU says so on the UART
	 * (arch_irqs_choose) rather than stop here unheard. */
	find_uart(fdt, p, gic);
	find_doorbell(fdt, p, gic);
	return 0;
}
