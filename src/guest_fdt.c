// SPDX-License-Identifier: GPL-2.0-only
/* Generated guest device trees; see <fv/guest_fdt.h>. */
#include <libfdt.h>
#include <fv/arch_cell.h>
#include <fv/console.h>
#include <fv/emul_pl011.h>
#include <fv/fmt.h>
#include <fv/guest_fdt.h>
#include <fv/layout_check.h>
#include <fv/page_alloc.h>
#include <fv/platform.h>
#include <fv/string.h>
#include <fv/uart16550.h>

#define PHANDLE_IRQC	1	/* the cell's interrupt controller */
#define PHANDLE_CLK	2	/* a fixed clock, for AMBA devices (below) */
#define APB_CLK_HZ	24000000

/* Abort the tree on the first libfdt error. */
#define TRY(x) do { int __e = (x); if (__e < 0) return __e; } while (0)

static int prop_reg(void *fdt, uint64_t base, uint64_t size)
{
	fdt64_t reg[2] = { cpu_to_fdt64(base), cpu_to_fdt64(size) };

	return fdt_property(fdt, "reg", reg, sizeof(reg));
}

static int begin_node_at(void *fdt, const char *name, uint64_t addr)
{
	char buf[64];

	fmt_snprintf(buf, sizeof(buf), "%s@%llx", name, (unsigned long long)addr);
	return fdt_begin_node(fdt, buf);
}

static int write_memory(struct cell *c, void *fdt)
{
	const struct layout_cell *d = c->desc;

	for (unsigned i = 0; i < d->nr_mem; i++) {
		const struct layout_mem *m = &d->mem[i];

		if (m->flags & MEM_SHARED)
			continue;	/* shared windows are described by their users
					   (a doorbell's node) */
		TRY(begin_node_at(fdt, "memory", m->gpa));
		TRY(fdt_property_string(fdt, "device_type", "memory"));
		TRY(prop_reg(fdt, m->gpa, m->size));
		TRY(fdt_end_node(fdt));
	}
	return 0;
}

static int write_chosen(struct cell *c, void *fdt)
{
	const struct layout_cell *d = c->desc;
	char path[64];

	TRY(fdt_begin_node(fdt, "chosen"));
	if (d->bootargs)
		TRY(fdt_property_string(fdt, "bootargs", d->bootargs));
	for (unsigned i = 0; i < d->nr_emus; i++) {
		if (d->emus[i].type != EMU_UART16550 && d->emus[i].type != EMU_PL011)
			continue;
		fmt_snprintf(path, sizeof(path), "/soc/serial@%llx",
			     (unsigned long long)d->emus[i].gpa);
		TRY(fdt_property_string(fdt, "stdout-path", path));
		break;
	}
	if (d->initrd.start) {
		TRY(fdt_property_u64(fdt, "linux,initrd-start", d->initrd.load_gpa));
		TRY(fdt_property_u64(fdt, "linux,initrd-end", d->initrd.load_gpa +
				     (d->initrd.end - d->initrd.start)));
	}
	return fdt_end_node(fdt);
}

static int write_uart(const struct cell *c, void *fdt, const struct layout_emu *e)
{
	TRY(begin_node_at(fdt, "serial", e->gpa));
	TRY(fdt_property_string(fdt, "compatible", "ns16550a"));
	TRY(prop_reg(fdt, e->gpa, UART16550_SIZE));
	TRY(fdt_property_u32(fdt, "clock-frequency", 3686400));
	TRY(arch_cell_fdt_irqs(c, fdt, &e->irq, 1));
	TRY(fdt_property_u32(fdt, "interrupt-parent", PHANDLE_IRQC));
	return fdt_end_node(fdt);
}

/* `n` references to the fixed clock, as a "clocks" property. */
static int prop_clocks(void *fdt, unsigned n)
{
	fdt32_t v[4];

	for (unsigned i = 0; i < n && i < 4; i++)
		v[i] = cpu_to_fdt32(PHANDLE_CLK);
	return fdt_property(fdt, "clocks", v, (int)((n < 4 ? n : 4) * sizeof(fdt32_t)));
}

/* The PL011 model (<fv/emul_pl011.h>), with the clocks Linux's AMBA bus
 * and its driver want (uartclk, apb_pclk: the fixed clock). */
static int write_pl011(const struct cell *c, void *fdt, const struct layout_emu *e)
{
	static const char compat[] = "arm,pl011\0arm,primecell";
	static const char clock_names[] = "uartclk\0apb_pclk";

	TRY(begin_node_at(fdt, "serial", e->gpa));
	TRY(fdt_property(fdt, "compatible", compat, sizeof(compat)));
	TRY(prop_reg(fdt, e->gpa, PL011_SIZE));
	TRY(prop_clocks(fdt, 2));
	TRY(fdt_property(fdt, "clock-names", clock_names, sizeof(clock_names)));
	TRY(arch_cell_fdt_irqs(c, fdt, &e->irq, 1));
	TRY(fdt_property_u32(fdt, "interrupt-parent", PHANDLE_IRQC));
	return fdt_end_node(fdt);
}

/* A virtio-mmio transport: Linux's virtio_mmio driver binds by the
 * compatible alone and reads from the device what kind it is. */
static int write_virtio(const struct cell *c, void *fdt, const struct layout_emu *e)
{
	TRY(begin_node_at(fdt, "virtio_mmio", e->gpa));
	TRY(fdt_property_string(fdt, "compatible", "virtio,mmio"));
	TRY(prop_reg(fdt, e->gpa, VIRTIO_MMIO_WINDOW));
	TRY(arch_cell_fdt_irqs(c, fdt, &e->irq, 1));
	TRY(fdt_property_u32(fdt, "interrupt-parent", PHANDLE_IRQC));
	return fdt_end_node(fdt);
}

/*
 * A doorbell and the shared region it goes with, in the form Linux's
 * uio_pdrv_genirq binds to (uio_pdrv_genirq.of_id=ferrovisor,doorbell):
 * map 0 its registers, map 1 the region, and its interrupt.  The checker
 * made sure the region is one of the cell's (MEM_SHARED).
 */
static int write_doorbell(struct cell *c, void *fdt, const struct layout_emu *e)
{
	int r = layout_shared_region(c->desc, e->doorbell.region_hpa);
	const struct layout_mem *m = r >= 0 ? &c->desc->mem[r] : NULL;
	fdt64_t reg[4] = {
		cpu_to_fdt64(e->gpa), cpu_to_fdt64(DOORBELL_WINDOW),
		cpu_to_fdt64(m ? m->gpa : 0), cpu_to_fdt64(m ? m->size : 0),
	};

	if (!m)
		return -FDT_ERR_BADVALUE;
	TRY(begin_node_at(fdt, "doorbell", e->gpa));
	TRY(fdt_property_string(fdt, "compatible", "ferrovisor,doorbell"));
	TRY(fdt_property(fdt, "reg", reg, sizeof(reg)));
	TRY(arch_cell_fdt_irqs(c, fdt, &e->irq, 1));
	TRY(fdt_property_u32(fdt, "interrupt-parent", PHANDLE_IRQC));
	return fdt_end_node(fdt);
}

/* Is `name` a property we copy from a passed-through platform node? */
static bool copy_prop(const char *name)
{
	static const char *const skip[] = {
		"reg", "interrupts", "interrupt-parent", "interrupts-extended",
		"phandle", "linux,phandle", "clocks", "status",
	};

	for (unsigned i = 0; i < ARRAY_SIZE(skip); i++)
		if (!strcmp(name, skip[i]))
			return false;
	return true;
}

/* The platform node whose first reg entry contains [base, base+size). */
static int find_platform_node(paddr_t base, uint64_t size)
{
	const void *pfdt = platform.fdt;
	int node;

	for (node = fdt_next_node(pfdt, -1, NULL); node >= 0;
	     node = fdt_next_node(pfdt, node, NULL)) {
		struct plat_range r;

		if (fdt_read_reg(pfdt, node, 0, &r) == 0 && r.size &&
		    base >= r.base && base + size <= r.base + r.size)
			return node;
	}
	return -1;
}

/* How many clocks a platform node names (its clock-names; 1 without). */
static unsigned nr_clock_names(const void *pfdt, int node)
{
	int len;
	const char *names = fdt_getprop(pfdt, node, "clock-names", &len);
	unsigned n = 0;

	for (int i = 0; names && i < len; i++)
		n += names[i] == '\0';
	return n ? n : 1;
}

/* A passed-through device's platform clocks are not the cell's: each
 * becomes the fixed clock, enough for Linux's AMBA bus to probe it. */
static int write_passthrough(const struct cell *c, void *fdt, const struct layout_dev *dv)
{
	const void *pfdt = platform.fdt;
	int node = find_platform_node(dv->hpa, dv->size), off;
	const char *name = node >= 0 ? fdt_get_name(pfdt, node, NULL) : NULL;
	char base[32] = "device";
	unsigned n = 0;

	if (name) {
		const char *at = strchr(name, '@');
		size_t len = at ? (size_t)(at - name) : strlen(name);

		if (len >= sizeof(base))
			len = sizeof(base) - 1;
		memcpy(base, name, len);
		base[len] = '\0';
	}
	TRY(begin_node_at(fdt, base, dv->gpa));
	if (node >= 0) {
		fdt_for_each_property_offset(off, pfdt, node) {
			const char *pname;
			int len;
			const void *val = fdt_getprop_by_offset(pfdt, off, &pname, &len);

			if (val && copy_prop(pname))
				TRY(fdt_property(fdt, pname, val, len));
		}
	}
	TRY(prop_reg(fdt, dv->gpa, dv->size));
	if (node >= 0 && fdt_getprop(pfdt, node, "clocks", NULL))
		TRY(prop_clocks(fdt, nr_clock_names(pfdt, node)));
	while (n < LAYOUT_DEV_IRQS && dv->irqs[n])
		n++;
	if (n) {
		TRY(arch_cell_fdt_irqs(c, fdt, dv->irqs, n));
		TRY(fdt_property_u32(fdt, "interrupt-parent", PHANDLE_IRQC));
	}
	return fdt_end_node(fdt);
}

/* Does any node of the cell's tree use the fixed clock? */
static bool wants_clock(const struct cell *c)
{
	const struct layout_cell *d = c->desc;

	for (unsigned i = 0; i < d->nr_emus; i++)
		if (d->emus[i].type == EMU_PL011)
			return true;
	for (unsigned i = 0; i < d->nr_devs; i++) {
		int node = find_platform_node(d->devs[i].hpa, d->devs[i].size);

		if (node >= 0 && fdt_getprop(platform.fdt, node, "clocks", NULL))
			return true;
	}
	return false;
}

static int write_clock(void *fdt)
{
	TRY(fdt_begin_node(fdt, "apb-pclk"));
	TRY(fdt_property_string(fdt, "compatible", "fixed-clock"));
	TRY(fdt_property_u32(fdt, "#clock-cells", 0));
	TRY(fdt_property_u32(fdt, "clock-frequency", APB_CLK_HZ));
	TRY(fdt_property_string(fdt, "clock-output-names", "clk24mhz"));
	TRY(fdt_property_u32(fdt, "phandle", PHANDLE_CLK));
	return fdt_end_node(fdt);
}

static int write_soc(struct cell *c, void *fdt)
{
	const struct layout_cell *d = c->desc;

	TRY(fdt_begin_node(fdt, "soc"));
	TRY(fdt_property_u32(fdt, "#address-cells", 2));
	TRY(fdt_property_u32(fdt, "#size-cells", 2));
	TRY(fdt_property_string(fdt, "compatible", "simple-bus"));
	TRY(fdt_property(fdt, "ranges", NULL, 0));
	TRY(arch_cell_fdt_irqc(c, fdt, PHANDLE_IRQC));
	/* emulated devices in the layout's order: the tree depends on the
	 * layout alone */
	for (unsigned i = 0; i < d->nr_emus; i++) {
		const struct layout_emu *e = &d->emus[i];

		if (e->type == EMU_UART16550)
			TRY(write_uart(c, fdt, e));
		else if (e->type == EMU_PL011)
			TRY(write_pl011(c, fdt, e));
		else if (layout_emu_is_virtio(e->type))
			TRY(write_virtio(c, fdt, e));
		else if (e->type == EMU_DOORBELL)
			TRY(write_doorbell(c, fdt, e));
	}
	for (unsigned i = 0; i < d->nr_devs; i++)
		TRY(write_passthrough(c, fdt, &d->devs[i]));
	return fdt_end_node(fdt);
}

int guest_fdt_write(struct cell *c, void *buf, int bufsize)
{
	char model[64];
	void *fdt = buf;

	fmt_snprintf(model, sizeof(model), "Ferrovisor cell %s", c->name);
	/* Property names not shared: libfdt's sharing compares each new name
	 * with every one before it (140 k instructions of a Linux cell's boot);
	 * the tree grows by a few hundred bytes. */
	TRY(fdt_create_with_flags(fdt, bufsize, FDT_CREATE_FLAG_NO_NAME_DEDUP));
	TRY(fdt_finish_reservemap(fdt));
	TRY(fdt_begin_node(fdt, ""));
	TRY(fdt_property_u32(fdt, "#address-cells", 2));
	TRY(fdt_property_u32(fdt, "#size-cells", 2));
	TRY(fdt_property_string(fdt, "compatible", "ferrovisor,cell"));
	TRY(fdt_property_string(fdt, "model", model));
	TRY(write_chosen(c, fdt));
	TRY(arch_cell_fdt_cpus(c, fdt));
	TRY(write_memory(c, fdt));
	if (wants_clock(c))
		TRY(write_clock(fdt));
	TRY(write_soc(c, fdt));
	TRY(fdt_end_node(fdt));
	TRY(fdt_finish(fdt));
	return fdt_totalsize(fdt);
}

/* Where the tree goes: the top of the cell's first writable region, clear
 * of the images. */
static int place(struct cell *c)
{
	const struct layout_cell *d = c->desc;
	uint64_t size = ALIGN_UP(c->dtb_size, PAGE_SIZE);

	for (unsigned i = 0; i < d->nr_mem; i++) {
		const struct layout_mem *m = &d->mem[i];
		gpaddr_t at = m->gpa + m->size - size;
		const struct layout_image *imgs[2] = { &d->kernel, &d->initrd };
		bool clash = false;

		if (!(m->flags & MEM_W) || (m->flags & MEM_SHARED) || m->size < size)
			continue;
		for (int k = 0; k < 2; k++) {
			const struct layout_image *img = imgs[k];

			if (img->start && RANGES_OVERLAP(at, size, img->load_gpa,
							 (uint64_t)(img->end - img->start)))
				clash = true;
		}
		if (!clash) {
			c->dtb_gpa = at;
			return 0;
		}
	}
	kprintf("cell %s: no room for its device tree (%llu bytes) clear of its images\n",
		c->name, (unsigned long long)c->dtb_size);
	return -1;
}

int guest_fdt_build(struct cell *c)
{
	const uint8_t *own = c->desc->dtb;
	int size;

	if (own) {	/* the layout brings its own tree */
		if (fdt_check_header(own) != 0) {
			kprintf("cell %s: its dtb is not a valid device tree\n", c->name);
			return -1;
		}
		c->dtb = (void *)own;
		c->dtb_size = fdt_totalsize(own);
		return place(c);
	}
	c->dtb = page_alloc(GUEST_FDT_MAX / PAGE_SIZE, 1);
	if (!c->dtb) {
		kprintf("cell %s: out of memory for its device tree\n", c->name);
		return -1;
	}
	size = guest_fdt_write(c, c->dtb, GUEST_FDT_MAX);
	if (size < 0) {
		kprintf("cell %s: building its device tree failed: %s\n", c->name,
			fdt_strerror(size));
		return -1;
	}
	c->dtb_size = size;
	return place(c);
}
