// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the guest knows about its machine, read from the device tree it was
 * handed: harts and timebase, Sstc, the console UART, the PLIC (and this
 * hart's S-mode context in it) or on an AIA machine the IMSIC files and
 * the APLIC, the goldfish RTC and the bootargs.  The same code reads
 * QEMU's tree natively and the hypervisor's generated tree in a cell.
 */
#include <libfdt.h>
#include <fv/string.h>
#include "bench.h"

static bool okay(const void *fdt, int node)
{
	const char *s = fdt_getprop(fdt, node, "status", NULL);

	return !s || !strcmp(s, "okay") || !strcmp(s, "ok");
}

/* A 1- or 2-cell number. */
static uint64_t cells(const fdt32_t *p, int n)
{
	return n == 2 ? ((uint64_t)fdt32_to_cpu(p[0]) << 32) | fdt32_to_cpu(p[1])
		      : fdt32_to_cpu(p[0]);
}

static int prop_u32(const void *fdt, int node, const char *name, int dflt)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, node, name, &len);

	return p && len == 4 ? (int)fdt32_to_cpu(*p) : dflt;
}

/* First reg address of a node.  Both trees map their buses 1:1 (empty
 * `ranges`), so no translation is needed. */
static uintptr_t reg_base(const void *fdt, int node)
{
	int parent = fdt_parent_offset(fdt, node), len;
	int ac = prop_u32(fdt, parent, "#address-cells", 2);
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

	if (!reg || (ac != 1 && ac != 2) || len < ac * 4)
		return 0;
	return (uintptr_t)cells(reg, ac);
}

static bool has_sstc(const void *fdt, int cpu)
{
	int len;
	const char *s = fdt_getprop(fdt, cpu, "riscv,isa-extensions", &len);

	if (s) {
		for (const char *e = s; e < s + len; e += strlen(e) + 1)
			if (!strcmp(e, "sstc"))
				return true;
		return false;
	}
	s = fdt_getprop(fdt, cpu, "riscv,isa", NULL);
	for (; s && (s = strchr(s, '_')); s++)
		if (!strncmp(s + 1, "sstc", 4) && (s[5] == '_' || !s[5]))
			return true;
	return false;
}

/* The phandle of a cpu node's riscv,cpu-intc, 0 if none. */
static uint32_t cpu_intc(const void *fdt, int cpu)
{
	int sub;

	fdt_for_each_subnode(sub, fdt, cpu)
		if (!fdt_node_check_compatible(fdt, sub, "riscv,cpu-intc"))
			return fdt_get_phandle(fdt, sub);
	return 0;
}

/* intc[0]: this hart's interrupt controller, intc[1]: the other hart's */
static void read_cpus(const void *fdt, unsigned long hartid, struct machine *m,
		      uint32_t intc[2])
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node, len;
	const fdt32_t *tb = fdt_getprop(fdt, cpus, "timebase-frequency", &len);

	if (tb)
		m->timebase = cells(tb, len / 4);
	fdt_for_each_subnode(node, fdt, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		unsigned long id = (unsigned long)prop_u32(fdt, node, "reg", -1);

		if (!type || strcmp(type, "cpu") || !okay(fdt, node))
			continue;
		if (id != hartid) {
			if (!m->have_other) {
				m->have_other = true;
				m->other_hartid = id;
				intc[1] = cpu_intc(fdt, node);
			}
			continue;
		}
		m->sstc = has_sstc(fdt, node);
		intc[0] = cpu_intc(fdt, node);
	}
}

static void read_uart(const void *fdt, struct machine *m)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), node, len;
	const char *path = fdt_getprop(fdt, chosen, "stdout-path", NULL);
	const char *colon;

	if (!path)
		return;
	colon = strchr(path, ':');
	len = colon ? (int)(colon - path) : (int)strlen(path);
	node = fdt_path_offset_namelen(fdt, path, len);
	if (node < 0 || (fdt_node_check_compatible(fdt, node, "ns16550a") &&
			 fdt_node_check_compatible(fdt, node, "ns16550")))
		return;
	m->uart = reg_base(fdt, node);
	m->uart_shift = prop_u32(fdt, node, "reg-shift", 0);
}

/* Our S-mode context: the index of <intc 9> in interrupts-extended. */
static void read_plic(const void *fdt, uint32_t intc, struct machine *m)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "riscv,plic0"), len;
	const fdt32_t *ie;

	if (node < 0)
		node = fdt_node_offset_by_compatible(fdt, -1, "sifive,plic-1.0.0");
	if (node < 0 || !intc)
		return;
	ie = fdt_getprop(fdt, node, "interrupts-extended", &len);
	for (int i = 0; ie && (i + 1) * 8 <= len; i++) {
		if (fdt32_to_cpu(ie[2 * i]) == intc && fdt32_to_cpu(ie[2 * i + 1]) == 9) {
			m->plic = reg_base(fdt, node);
			m->plic_ctx = i;
			return;
		}
	}
}

/* The RTC's source: the first cell of its interrupts (one cell under a
 * PLIC, two under an APLIC, QEMU's or a cell's virtual one). */
static void read_rtc(const void *fdt, struct machine *m)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "google,goldfish-rtc"), len;
	const fdt32_t *irq;

	if (node < 0 || !okay(fdt, node))
		return;
	m->rtc = reg_base(fdt, node);
	irq = fdt_getprop(fdt, node, "interrupts", &len);
	m->rtc_irq = irq && len >= 4 ? fdt32_to_cpu(irq[0]) : 0;
}

/*
 * AIA: the IMSIC whose interrupts-extended names S-level external
 * interrupts (<intc 9>), and in it the files of this hart and the other:
 * the file of the i-th pair is at base + i * (4 KiB << riscv,guest-index-bits)
 * (natively a hart's S-level file is followed by its guest files; in a
 * cell the files are a page apart).  Returns its phandle.
 */
static uint32_t read_imsic(const void *fdt, const uint32_t intc[2], struct machine *m)
{
	int node, len;

	for (node = fdt_node_offset_by_compatible(fdt, -1, "riscv,imsics"); node >= 0;
	     node = fdt_node_offset_by_compatible(fdt, node, "riscv,imsics")) {
		const fdt32_t *ie = fdt_getprop(fdt, node, "interrupts-extended", &len);
		uintptr_t base = reg_base(fdt, node);
		uintptr_t stride = 0x1000UL << prop_u32(fdt, node, "riscv,guest-index-bits", 0);

		if (!okay(fdt, node) || !ie || len < 8 || fdt32_to_cpu(ie[1]) != 9)
			continue;
		for (int i = 0; i < len / 8; i++) {
			uint32_t ph = fdt32_to_cpu(ie[2 * i]);

			if (ph == intc[0]) {
				m->imsic_self = base + i * stride;
				m->imsic_idx = (unsigned)i;
			} else if (ph == intc[1] && intc[1]) {
				m->imsic_other = base + i * stride;
			}
		}
		m->imsic_ids = (uint32_t)prop_u32(fdt, node, "riscv,num-ids", 0);
		return m->imsic_self ? fdt_get_phandle(fdt, node) : 0;
	}
	return 0;
}

/* The APLIC domain in MSI mode whose messages go to that IMSIC. */
static void read_aplic(const void *fdt, uint32_t imsic, struct machine *m)
{
	int node;

	if (!imsic)
		return;
	for (node = fdt_node_offset_by_compatible(fdt, -1, "riscv,aplic"); node >= 0;
	     node = fdt_node_offset_by_compatible(fdt, node, "riscv,aplic"))
		if (okay(fdt, node) && (uint32_t)prop_u32(fdt, node, "msi-parent", 0) == imsic)
			m->aplic = reg_base(fdt, node);
}

int dtb_read(const void *fdt, unsigned long hartid, struct machine *m)
{
	uint32_t intc[2] = { 0, 0 };

	if (fdt_check_header(fdt))
		return -1;
	m->boot_hartid = hartid;
	m->plic_ctx = -1;
	m->fdt = fdt;
	m->bootargs = fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "bootargs", NULL);
	if (!m->bootargs)
		m->bootargs = "";
	read_cpus(fdt, hartid, m, intc);
	read_uart(fdt, m);
	read_plic(fdt, intc[0], m);
	read_rtc(fdt, m);
	read_aplic(fdt, read_imsic(fdt, intc, m), m);
	return m->timebase ? 0 : -1;
}
