// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RISC-V parts of the device tree: the console's ns16550 and its
 * PLIC source, the doorbell's, the IMSIC and APLIC of an AIA machine,
 * and per hart its Sstc, V and PLIC context.  The shared dtb.c reads
 * harts, timebase and bootargs first.
 */
#include <libfdt.h>
#include <fv/string.h>
#include "aplic.h"
#include "dtb.h"
#include "imsic.h"
#include "riscv.h"
#include "rtos.h"

static bool is_plic(const void *fdt, int node)
{
	return !fdt_node_check_compatible(fdt, node, "riscv,plic0") ||
	       !fdt_node_check_compatible(fdt, node, "sifive,plic-1.0.0");
}

/* A device's PLIC source number if it has one on a PLIC, else 0. */
static uint32_t dev_plic_irq(const void *fdt, int dev, int *plic)
{
	int len;
	const fdt32_t *p;
	uint32_t irq;

	p = fdt_getprop(fdt, dev, "interrupts-extended", &len);
	if (p && len >= 8) {
		*plic = fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(p[0]));
		irq = fdt32_to_cpu(p[1]);
	} else {
		p = fdt_getprop(fdt, dev, "interrupts", &len);
		if (!p || len < 4)
			return 0;
		*plic = dtb_irq_parent(fdt, dev);
		irq = fdt32_to_cpu(p[0]);
	}
	if (*plic < 0 || !is_plic(fdt, *plic) || !dtb_node_ok(fdt, *plic))
		return 0;
	return irq;
}

static void find_uart(const void *fdt, struct platform *p)
{
	int node = dtb_stdout_node(fdt), plic = -1;
	uint32_t v;

	if (node < 0 || !dtb_node_ok(fdt, node) ||
	    (fdt_node_check_compatible(fdt, node, "ns16550a") &&
	     fdt_node_check_compatible(fdt, node, "ns16550")))
		return;
	if (!dtb_node_addr(fdt, node, &p->uart_base))
		return;
	p->arch.uart_shift = dtb_read_u32(fdt, node, "reg-shift", &v) ? v : 0;
	p->arch.uart_width = dtb_read_u32(fdt, node, "reg-io-width", &v) ? v : 1;
	if (p->arch.uart_shift > 4 || (p->arch.uart_width != 1 && p->arch.uart_width != 4))
		return;
	p->uart = true;

	p->uart_irq = dev_plic_irq(fdt, node, &plic);
	if (p->uart_irq && dtb_node_addr(fdt, plic, &p->arch.plic_base)) {
		p->arch.plic_node = plic;
		if (dtb_read_u32(fdt, plic, "riscv,ndev", &v) && p->uart_irq > v)
			p->uart_irq = 0;
	} else {
		p->uart_irq = 0;
		p->arch.plic_base = 0;
	}
}

/*
 * The first "ferrovisor,doorbell" node (the hypervisor's, see its README,
 * "Doorbells"): reg 0 its registers, reg 1 the shared region; its
 * interrupt on our PLIC.  Without one (or without an interrupt) the
 * doorbell stays off.
 */
static void find_doorbell(const void *fdt, struct platform *p)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "ferrovisor,doorbell");
	int plic = -1;
	uintptr_t plic_base;
	uint32_t irq, ndev;

	if (node < 0 || !dtb_node_ok(fdt, node) ||
	    !dtb_node_reg(fdt, node, 0, &p->db_base, NULL) ||
	    !dtb_node_reg(fdt, node, 1, &p->db_shm, &p->db_shm_size))
		return;
	irq = dev_plic_irq(fdt, node, &plic);
	if (!irq || !dtb_node_addr(fdt, plic, &plic_base))
		return;
	if (dtb_read_u32(fdt, plic, "riscv,ndev", &ndev) && irq > ndev)
		return;
	if (p->arch.plic_node >= 0 && p->arch.plic_node != plic)
		return;		/* one PLIC is all we drive */
	p->arch.plic_node = plic;
	p->arch.plic_base = plic_base;
	p->db_irq = irq;
}

/* Sstc from riscv,isa-extensions, or else from the riscv,isa string. */
bool dtb_hart_has_sstc(const struct platform *p, int cpu)
{
	const char *isa, *s;
	int len;

	if (fdt_getprop(p->fdt, cpu, "riscv,isa-extensions", &len))
		return fdt_stringlist_contains(fdt_getprop(p->fdt, cpu,
				"riscv,isa-extensions", NULL), len, "sstc");
	isa = fdt_getprop(p->fdt, cpu, "riscv,isa", NULL);
	if (!isa)
		return false;
	/* Multi-letter extensions are '_'-separated after the base. */
	for (s = strchr(isa, '_'); s; s = strchr(s + 1, '_'))
		if (!strncmp(s + 1, "sstc", 4) && (s[5] == '_' || s[5] == '\0'))
			return true;
	return false;
}

/* The vector extension: 'v' among the single letters of riscv,isa, or in
 * riscv,isa-extensions. */
bool dtb_hart_has_v(const struct platform *p, int cpu)
{
	const char *isa;
	int len;

	if (fdt_getprop(p->fdt, cpu, "riscv,isa-extensions", &len))
		return fdt_stringlist_contains(fdt_getprop(p->fdt, cpu,
				"riscv,isa-extensions", NULL), len, "v");
	isa = fdt_getprop(p->fdt, cpu, "riscv,isa", NULL);
	if (!isa || strlen(isa) < 4)
		return false;
	for (const char *s = isa + 4; *s && *s != '_'; s++)
		if (*s == 'v')
			return true;
	return false;
}

int arch_dtb_parse(const void *fdt, struct platform *p)
{
	p->arch.plic_node = -1;
	find_uart(fdt, p);
	find_doorbell(fdt, p);
	if (imsic_probe(fdt))
		aplic_probe(fdt);	/* AIA: the sources the PLIC did not give */
	return 0;
}

/*
 * The PLIC context of this hart's S-mode: the index of the
 * `interrupts-extended` entry naming the hart's cpu-intc with IRQ 9.
 */
int dtb_plic_context(const struct platform *p, int cpu)
{
	const void *fdt = p->fdt;
	const fdt32_t *ie;
	uint32_t intc = 0;
	int node, len, i, ctx;

	if (p->arch.plic_node < 0)
		return -1;
	fdt_for_each_subnode(node, fdt, cpu) {
		if (!fdt_node_check_compatible(fdt, node, "riscv,cpu-intc")) {
			intc = fdt_get_phandle(fdt, node);
			break;
		}
	}
	ie = fdt_getprop(fdt, p->arch.plic_node, "interrupts-extended", &len);
	if (!intc || !ie)
		return -1;
	len /= 4;
	for (i = 0, ctx = 0; i < len; ctx++) {
		uint32_t ph = fdt32_to_cpu(ie[i]);
		int target = fdt_node_offset_by_phandle(fdt, ph);
		uint32_t ncells = 1;

		if (target >= 0)
			dtb_read_u32(fdt, target, "#interrupt-cells", &ncells);
		else if (ph != 0xffffffffu && ph != 0)
			return -1;	/* cannot know how many cells to skip */
		if (ph == intc && ncells >= 1 && i + 1 < len &&
		    fdt32_to_cpu(ie[i + 1]) == IRQ_S_EXT)
			return ctx;
		i += 1 + (int)ncells;
	}
	return -1;
}
