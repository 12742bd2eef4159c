// SPDX-License-Identifier: GPL-2.0-only
/*
 * Architecture-neutral device-tree probing: RAM, harts, timebase and the
 * console UART.  The arch fills in the rest through arch_platform_*().
 */
#include <libfdt.h>
#include <fv/arch_platform.h>
#include <fv/console.h>
#include <fv/platform.h>
#include <fv/string.h>

struct platform platform;

static uint64_t read_cells(const fdt32_t *p, int n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 32) | fdt32_to_cpu(*p++);
	return v;
}

int fdt_read_reg(const void *fdt, int node, int idx, struct plat_range *r)
{
	return fdt_read_reg_under(fdt, fdt_parent_offset(fdt, node), node, idx, r);
}

int fdt_read_reg_under(const void *fdt, int parent, int node, int idx, struct plat_range *r)
{
	int ac, sc, len;
	const fdt32_t *reg;

	if (parent < 0)
		return -1;
	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return -1;
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || len < (idx + 1) * (ac + sc) * 4)
		return -1;
	reg += idx * (ac + sc);
	r->base = read_cells(reg, ac);
	r->size = sc ? read_cells(reg + ac, sc) : 0;
	return 0;
}

static bool node_ok(const void *fdt, int node)
{
	const char *s = fdt_getprop(fdt, node, "status", NULL);

	return !s || !strcmp(s, "okay") || !strcmp(s, "ok");
}

static int probe_memory(const void *fdt, struct platform *p)
{
	int node;

	fdt_for_each_subnode(node, fdt, 0) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		struct plat_range r;

		if (!type || strcmp(type, "memory") || !node_ok(fdt, node))
			continue;
		for (int i = 0; fdt_read_reg(fdt, node, i, &r) == 0; i++) {
			if (!r.size)
				continue;
			if (p->nr_mem == PLAT_MAX_MEM) {
				kprintf("platform: more than %d memory ranges, ignoring %#llx\n",
					PLAT_MAX_MEM, (unsigned long long)r.base);
				continue;
			}
			p->mem[p->nr_mem++] = r;
		}
	}
	if (!p->nr_mem) {
		kprintf("platform: the device tree has no memory node\n");
		return -1;
	}
	return 0;
}

static int probe_harts(const void *fdt, struct platform *p)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), node;
	const fdt32_t *tb;

	if (cpus < 0) {
		kprintf("platform: the device tree has no /cpus node\n");
		return -1;
	}
	tb = fdt_getprop(fdt, cpus, "timebase-frequency", NULL);
	if (tb)
		p->timebase_hz = fdt32_to_cpu(*tb);

	fdt_for_each_subnode(node, fdt, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		struct plat_hart *h;
		struct plat_range r;
		int ac = fdt_address_cells(fdt, cpus);
		const fdt32_t *reg;

		if (!type || strcmp(type, "cpu") || !node_ok(fdt, node))
			continue;
		reg = fdt_getprop(fdt, node, "reg", NULL);
		if (!reg || ac < 1 || ac > 2)
			continue;
		if (!p->timebase_hz && (tb = fdt_getprop(fdt, node, "timebase-frequency", NULL)))
			p->timebase_hz = fdt32_to_cpu(*tb);
		if (p->nr_harts == CONFIG_MAX_HARTS) {
			p->nr_harts_skipped++;
			continue;
		}
		h = &p->harts[p->nr_harts];
		memset(h, 0, sizeof(*h));
		r.base = read_cells(reg, ac);
		h->hwid = r.base;
		h->node = node;
		if (arch_platform_hart(fdt, node, h) < 0)
			return -1;
		p->nr_harts++;
	}
	if (!p->nr_harts) {
		kprintf("platform: the device tree lists no usable cpu\n");
		return -1;
	}
	return 0;
}

/* The UART /chosen/stdout-path names, if it is one we drive. */
static void probe_uart(const void *fdt, struct platform *p)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), node, len;
	const char *path, *colon;
	const fdt32_t *v;

	if (chosen < 0)
		return;
	path = fdt_getprop(fdt, chosen, "stdout-path", &len);
	if (!path)
		path = fdt_getprop(fdt, chosen, "linux,stdout-path", &len);
	if (!path || len <= 1)
		return;
	colon = memchr(path, ':', len);
	len = colon ? colon - path : (int)strnlen(path, len);
	node = fdt_path_offset_namelen(fdt, path, len);
	if (node < 0 || !node_ok(fdt, node))
		return;
	if (!fdt_node_check_compatible(fdt, node, "arm,pl011"))
		p->uart.kind = UART_PL011;
	else if (fdt_node_check_compatible(fdt, node, "ns16550a") &&
		 fdt_node_check_compatible(fdt, node, "ns16550"))
		return;
	if (fdt_read_reg(fdt, node, 0, &p->uart.reg) < 0)
		return;
	p->uart.present = true;
	p->uart.reg_shift = (v = fdt_getprop(fdt, node, "reg-shift", NULL)) ? fdt32_to_cpu(*v) : 0;
	p->uart.io_width = (v = fdt_getprop(fdt, node, "reg-io-width", NULL)) ? fdt32_to_cpu(*v) : 1;
	p->uart.irq = (v = fdt_getprop(fdt, node, "interrupts", NULL)) ? fdt32_to_cpu(*v) : 0;
	fdt_get_path(fdt, node, p->uart.path, sizeof(p->uart.path));
}

int platform_probe(const void *fdt, struct platform *p)
{
	const char *model;
	int err;

	memset(p, 0, sizeof(*p));
	if ((err = fdt_check_header(fdt)) != 0) {
		kprintf("platform: no valid device tree at %p: %s\n", fdt, fdt_strerror(err));
		return -1;
	}
	p->fdt = fdt;
	p->fdt_orig = fdt;
	model = fdt_getprop(fdt, 0, "model", NULL);
	if (!model)
		model = fdt_getprop(fdt, 0, "compatible", NULL);
	if (model) {
		size_t n = strnlen(model, sizeof(p->model) - 1);

		memcpy(p->model, model, n);
		p->model[n] = '\0';
	} else {
		memcpy(p->model, "unknown", 8);
	}
	if (probe_memory(fdt, p) < 0 || probe_harts(fdt, p) < 0)
		return -1;
	probe_uart(fdt, p);
	if (arch_platform_probe(fdt, p) < 0)
		return -1;
	/* the arch may know the counter's frequency from elsewhere (ARM64:
	 * CNTFRQ_EL0) */
	if (!p->timebase_hz) {
		kprintf("platform: no timebase-frequency in /cpus\n");
		return -1;
	}
	return 0;
}

int platform_hart_index(const struct platform *p, unsigned long hwid)
{
	for (unsigned i = 0; i < p->nr_harts; i++)
		if (p->harts[i].hwid == hwid)
			return (int)i;
	return -1;
}

void platform_print(const struct platform *p)
{
	uint64_t total = 0;

	for (unsigned i = 0; i < p->nr_mem; i++)
		total += p->mem[i].size;
	kprintf("platform: %s\n", p->model);
	kprintf("harts: %u", p->nr_harts);
	if (p->nr_harts_skipped)
		kprintf(" (%u more ignored: CONFIG_MAX_HARTS=%d)", p->nr_harts_skipped,
			CONFIG_MAX_HARTS);
	kprintf(", timebase %llu Hz\n", (unsigned long long)p->timebase_hz);
	kprintf("RAM: %llu MiB", (unsigned long long)(total >> 20));
	for (unsigned i = 0; i < p->nr_mem; i++)
		kprintf(" [%#llx-%#llx]", (unsigned long long)p->mem[i].base,
			(unsigned long long)(p->mem[i].base + p->mem[i].size - 1));
	kprintf("\n");
	if (p->uart.present && !IS_ENABLED(CONFIG_CONSOLE_UART))
		kprintf("console: firmware (CONFIG_CONSOLE_UART=n; %s unused)\n", p->uart.path);
	else if (p->uart.present)
		kprintf("console: %s (%s at %#llx)\n", p->uart.path,
			p->uart.kind == UART_PL011 ? "pl011" : "ns16550",
			(unsigned long long)p->uart.reg.base);
	else
		kprintf("console: firmware (no ns16550 or pl011 at /chosen/stdout-path)\n");
	arch_platform_print(p);
}
