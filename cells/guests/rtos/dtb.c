// SPDX-License-Identifier: GPL-2.0-only
/*
 * Everything the guest knows about its machine comes from here: harts,
 * timebase, bootargs, the console UART and the PLIC, read with libfdt.
 */
#include <libfdt.h>
#include <fv/string.h>
#include "aplic.h"
#include "csr.h"
#include "imsic.h"
#include "rtos.h"

static bool node_ok(const void *fdt, int node)
{
	const char *s = fdt_getprop(fdt, node, "status", NULL);

	return !s || !strcmp(s, "okay") || !strcmp(s, "ok");
}

/* 1 or 2 big-endian cells; false for any other count. */
static bool read_cells(const fdt32_t *p, int n, uint64_t *v)
{
	if (n == 1)
		*v = fdt32_to_cpu(p[0]);
	else if (n == 2)
		*v = ((uint64_t)fdt32_to_cpu(p[0]) << 32) | fdt32_to_cpu(p[1]);
	else
		return false;
	return true;
}

static bool read_u32(const void *fdt, int node, const char *name, uint32_t *v)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, node, name, &len);

	if (!p || len != 4)
		return false;
	*v = fdt32_to_cpu(*p);
	return true;
}

/* #address-cells / #size-cells of a bus node, with the spec's defaults. */
static int ncells(const void *fdt, int node, const char *name, int dflt)
{
	uint32_t v;

	if (!read_u32(fdt, node, name, &v))
		return dflt;
	return v <= 2 ? (int)v : -1;	/* more than 64 bits: not for us */
}

static int addr_cells(const void *fdt, int node)
{
	return ncells(fdt, node, "#address-cells", 2);
}

static int size_cells(const void *fdt, int node)
{
	return ncells(fdt, node, "#size-cells", 1);
}

/* Translate a bus address up through each parent's `ranges` to a CPU address. */
static bool translate(const void *fdt, int bus, uint64_t *addr)
{
	while (bus > 0) {
		int parent = fdt_parent_offset(fdt, bus);
		int len, cac, pac, csc, step, i;
		const fdt32_t *r = fdt_getprop(fdt, bus, "ranges", &len);

		if (parent < 0 || !r)
			return false;	/* no ranges: not mapped into the parent */
		if (len == 0) {		/* empty ranges: identity */
			bus = parent;
			continue;
		}
		cac = addr_cells(fdt, bus);
		csc = size_cells(fdt, bus);
		pac = addr_cells(fdt, parent);
		if (cac < 1 || pac < 1 || csc < 1)
			return false;
		step = cac + pac + csc;
		for (i = 0; (i + step) * 4 <= len; i += step) {
			uint64_t child, paddr, size;

			if (!read_cells(r + i, cac, &child) ||
			    !read_cells(r + i + cac, pac, &paddr) ||
			    !read_cells(r + i + cac + pac, csc, &size))
				return false;
			if (*addr >= child && *addr - child < size) {
				*addr = paddr + (*addr - child);
				break;
			}
		}
		if ((i + step) * 4 > len)
			return false;
		bus = parent;
	}
	return true;
}

/* CPU address and size of `reg` entry `idx` of `node`. */
static bool node_reg(const void *fdt, int node, int idx, uintptr_t *out, uint64_t *size)
{
	int parent = fdt_parent_offset(fdt, node);
	int ac, sc, len;
	const fdt32_t *reg;
	uint64_t addr, sz = 0;

	if (parent < 0 || idx < 0)
		return false;
	ac = addr_cells(fdt, parent);
	sc = size_cells(fdt, parent);
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || ac < 1 || sc < 0 || len < (idx + 1) * (ac + sc) * 4)
		return false;
	reg += idx * (ac + sc);
	if (!read_cells(reg, ac, &addr) || (sc && !read_cells(reg + ac, sc, &sz)) ||
	    !translate(fdt, parent, &addr))
		return false;
	*out = (uintptr_t)addr;
	if (size)
		*size = sz;
	return true;
}

/* CPU address of the first `reg` entry of `node`. */
static bool node_addr(const void *fdt, int node, uintptr_t *out)
{
	return node_reg(fdt, node, 0, out, NULL);
}

/* The node's interrupt parent, inherited from ancestors as the spec says. */
static int irq_parent(const void *fdt, int node)
{
	for (; node >= 0; node = fdt_parent_offset(fdt, node)) {
		uint32_t ph;

		if (read_u32(fdt, node, "interrupt-parent", &ph))
			return fdt_node_offset_by_phandle(fdt, ph);
	}
	return -1;
}

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
		*plic = irq_parent(fdt, dev);
		irq = fdt32_to_cpu(p[0]);
	}
	if (*plic < 0 || !is_plic(fdt, *plic) || !node_ok(fdt, *plic))
		return 0;
	return irq;
}

/* The node that /chosen/stdout-path names, through an alias if need be. */
static int stdout_node(const void *fdt)
{
	int chosen = fdt_path_offset(fdt, "/chosen");
	const char *path, *colon;
	int len;

	if (chosen < 0)
		return -1;
	path = fdt_getprop(fdt, chosen, "stdout-path", &len);
	if (!path)
		path = fdt_getprop(fdt, chosen, "linux,stdout-path", &len);
	if (!path || len < 2)
		return -1;
	/* "path:options" - the options (baud rate) do not concern us. */
	colon = memchr(path, ':', (size_t)len);
	len = colon ? (int)(colon - path) : (int)strnlen(path, (size_t)len);
	if (path[0] == '/')
		return fdt_path_offset_namelen(fdt, path, len);
	path = fdt_get_alias_namelen(fdt, path, len);
	return path ? fdt_path_offset(fdt, path) : -1;
}

static void find_uart(const void *fdt, struct platform *p)
{
	int node = stdout_node(fdt), plic = -1;
	uint32_t v;

	if (node < 0 || !node_ok(fdt, node) ||
	    (fdt_node_check_compatible(fdt, node, "ns16550a") &&
	     fdt_node_check_compatible(fdt, node, "ns16550")))
		return;
	if (!node_addr(fdt, node, &p->uart_base))
		return;
	p->uart_shift = read_u32(fdt, node, "reg-shift", &v) ? v : 0;
	p->uart_width = read_u32(fdt, node, "reg-io-width", &v) ? v : 1;
	if (p->uart_shift > 4 || (p->uart_width != 1 && p->uart_width != 4))
		return;
	p->uart = true;

	p->uart_irq = dev_plic_irq(fdt, node, &plic);
	if (p->uart_irq && node_addr(fdt, plic, &p->plic_base)) {
		p->plic_node = plic;
		if (read_u32(fdt, plic, "riscv,ndev", &v) && p->uart_irq > v)
			p->uart_irq = 0;
	} else {
		p->uart_irq = 0;
		p->plic_base = 0;
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

	if (node < 0 || !node_ok(fdt, node) ||
	    !node_reg(fdt, node, 0, &p->db_base, NULL) ||
	    !node_reg(fdt, node, 1, &p->db_shm, &p->db_shm_size))
		return;
	irq = dev_plic_irq(fdt, node, &plic);
	if (!irq || !node_addr(fdt, plic, &plic_base))
		return;
	if (read_u32(fdt, plic, "riscv,ndev", &ndev) && irq > ndev)
		return;
	if (p->plic_node >= 0 && p->plic_node != plic)
		return;		/* one PLIC is all we drive */
	p->plic_node = plic;
	p->plic_base = plic_base;
	p->db_irq = irq;
}

static int find_harts(const void *fdt, struct platform *p)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node, ac;
	uint32_t tb;

	if (cpus < 0)
		return -1;
	ac = addr_cells(fdt, cpus);
	fdt_for_each_subnode(node, fdt, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const fdt32_t *reg;
		uint64_t id;
		int len;

		if (!type || strcmp(type, "cpu") || !node_ok(fdt, node))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg || len < ac * 4 || !read_cells(reg, ac, &id))
			continue;
		if (!p->timebase && read_u32(fdt, node, "timebase-frequency", &tb))
			p->timebase = tb;
		if (p->nharts < MAX_HARTS) {
			p->hartid[p->nharts] = (unsigned long)id;
			p->cpu_node[p->nharts] = node;
			p->nharts++;
		}
	}
	/* /cpus is where the timebase normally is; a cpu node is the fallback. */
	if (read_u32(fdt, cpus, "timebase-frequency", &tb))
		p->timebase = tb;
	return p->nharts && p->timebase ? 0 : -1;
}

int dtb_parse(const void *fdt, struct platform *p)
{
	int chosen;

	memset(p, 0, sizeof(*p));
	if (fdt_check_header(fdt))
		return -1;
	p->fdt = fdt;
	p->bootargs = "";
	p->plic_node = -1;
	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen >= 0) {
		int len;
		const char *s = fdt_getprop(fdt, chosen, "bootargs", &len);

		if (s && len > 0 && s[len - 1] == '\0')
			p->bootargs = s;
	}
	if (find_harts(fdt, p))
		return -1;
	find_uart(fdt, p);
	find_doorbell(fdt, p);
	if (imsic_probe(fdt))
		aplic_probe(fdt);	/* AIA: the sources the PLIC did not give */
	return 0;
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

	if (p->plic_node < 0)
		return -1;
	fdt_for_each_subnode(node, fdt, cpu) {
		if (!fdt_node_check_compatible(fdt, node, "riscv,cpu-intc")) {
			intc = fdt_get_phandle(fdt, node);
			break;
		}
	}
	ie = fdt_getprop(fdt, p->plic_node, "interrupts-extended", &len);
	if (!intc || !ie)
		return -1;
	len /= 4;
	for (i = 0, ctx = 0; i < len; ctx++) {
		uint32_t ph = fdt32_to_cpu(ie[i]);
		int target = fdt_node_offset_by_phandle(fdt, ph);
		uint32_t ncells = 1;

		if (target >= 0)
			read_u32(fdt, target, "#interrupt-cells", &ncells);
		else if (ph != 0xffffffffu && ph != 0)
			return -1;	/* cannot know how many cells to skip */
		if (ph == intc && ncells >= 1 && i + 1 < len &&
		    fdt32_to_cpu(ie[i + 1]) == IRQ_S_EXT)
			return ctx;
		i += 1 + (int)ncells;
	}
	return -1;
}
