// SPDX-License-Identifier: GPL-2.0-only
/*
 * Everything the guest knows about its machine comes from the device
 * tree: here the parts every architecture reads (harts, timebase,
 * bootargs, address translation, stdout-path), with libfdt; the arch's
 * dtb.c reads its console UART, interrupt controller and doorbell.
 */
#include <libfdt.h>
#include <fv/string.h>
#include "dtb.h"
#include "rtos.h"

bool dtb_node_ok(const void *fdt, int node)
{
	const char *s = fdt_getprop(fdt, node, "status", NULL);

	return !s || !strcmp(s, "okay") || !strcmp(s, "ok");
}

/* 1 or 2 big-endian cells; false for any other count. */
bool dtb_read_cells(const fdt32_t *p, int n, uint64_t *v)
{
	if (n == 1)
		*v = fdt32_to_cpu(p[0]);
	else if (n == 2)
		*v = ((uint64_t)fdt32_to_cpu(p[0]) << 32) | fdt32_to_cpu(p[1]);
	else
		return false;
	return true;
}

bool dtb_read_u32(const void *fdt, int node, const char *name, uint32_t *v)
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

	if (!dtb_read_u32(fdt, node, name, &v))
		return dflt;
	return v <= 2 ? (int)v : -1;	/* more than 64 bits: not for us */
}

int dtb_addr_cells(const void *fdt, int node)
{
	return ncells(fdt, node, "#address-cells", 2);
}

int dtb_size_cells(const void *fdt, int node)
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
		cac = dtb_addr_cells(fdt, bus);
		csc = dtb_size_cells(fdt, bus);
		pac = dtb_addr_cells(fdt, parent);
		if (cac < 1 || pac < 1 || csc < 1)
			return false;
		step = cac + pac + csc;
		for (i = 0; (i + step) * 4 <= len; i += step) {
			uint64_t child, paddr, size;

			if (!dtb_read_cells(r + i, cac, &child) ||
			    !dtb_read_cells(r + i + cac, pac, &paddr) ||
			    !dtb_read_cells(r + i + cac + pac, csc, &size))
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
bool dtb_node_reg(const void *fdt, int node, int idx, uintptr_t *out, uint64_t *size)
{
	int parent = fdt_parent_offset(fdt, node);
	int ac, sc, len;
	const fdt32_t *reg;
	uint64_t addr, sz = 0;

	if (parent < 0 || idx < 0)
		return false;
	ac = dtb_addr_cells(fdt, parent);
	sc = dtb_size_cells(fdt, parent);
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || ac < 1 || sc < 0 || len < (idx + 1) * (ac + sc) * 4)
		return false;
	reg += idx * (ac + sc);
	if (!dtb_read_cells(reg, ac, &addr) || (sc && !dtb_read_cells(reg + ac, sc, &sz)) ||
	    !translate(fdt, parent, &addr))
		return false;
	*out = (uintptr_t)addr;
	if (size)
		*size = sz;
	return true;
}

/* CPU address of the first `reg` entry of `node`. */
bool dtb_node_addr(const void *fdt, int node, uintptr_t *out)
{
	return dtb_node_reg(fdt, node, 0, out, NULL);
}

/* The node's interrupt parent, inherited from ancestors as the spec says. */
int dtb_irq_parent(const void *fdt, int node)
{
	for (; node >= 0; node = fdt_parent_offset(fdt, node)) {
		uint32_t ph;

		if (dtb_read_u32(fdt, node, "interrupt-parent", &ph))
			return fdt_node_offset_by_phandle(fdt, ph);
	}
	return -1;
}

/* The node that /chosen/stdout-path names, through an alias if need be. */
int dtb_stdout_node(const void *fdt)
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

static int find_harts(const void *fdt, struct platform *p)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node, ac;
	uint32_t tb;

	if (cpus < 0)
		return -1;
	ac = dtb_addr_cells(fdt, cpus);
	fdt_for_each_subnode(node, fdt, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const fdt32_t *reg;
		uint64_t id;
		int len;

		if (!type || strcmp(type, "cpu") || !dtb_node_ok(fdt, node))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg || len < ac * 4 || !dtb_read_cells(reg, ac, &id))
			continue;
		if (!p->timebase && dtb_read_u32(fdt, node, "timebase-frequency", &tb))
			p->timebase = tb;
		if (p->nharts < MAX_HARTS) {
			p->hartid[p->nharts] = (unsigned long)id;
			p->cpu_node[p->nharts] = node;
			p->nharts++;
		}
	}
	/* /cpus is where the timebase normally is; a cpu node is the fallback. */
	if (dtb_read_u32(fdt, cpus, "timebase-frequency", &tb))
		p->timebase = tb;
	return p->nharts ? 0 : -1;
}

int dtb_parse(const void *fdt, struct platform *p)
{
	int chosen;

	memset(p, 0, sizeof(*p));
	if (fdt_check_header(fdt))
		return -1;
	p->fdt = fdt;
	p->bootargs = "";
	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen >= 0) {
		int len;
		const char *s = fdt_getprop(fdt, chosen, "bootargs", &len);

		if (s && len > 0 && s[len - 1] == '\0')
			p->bootargs = s;
	}
	if (find_harts(fdt, p) || arch_dtb_parse(fdt, p))
		return -1;
	return p->timebase ? 0 : -1;
}

