// SPDX-License-Identifier: GPL-2.0-only
/*
 * layout_check() itself, the code both the build and the boot run, against
 * QEMU virt device trees: the messages' boot format (no file name), what
 * only a device tree can say (reserved-memory, buses with `ranges`,
 * disabled nodes, the AIA interrupt controllers), and that no layout, not
 * even one with nonsense counts, makes it crash (ASan/UBSan are on).
 * tests/integration/test_layout_check.py covers each error class through
 * the host tool.
 */
#include <stdio.h>
#include <stdlib.h>
#include <libfdt.h>
#include <fv/layout_check.h>
#include "dtb_file.h"
#include "test.h"

static char dir[512];
static uint8_t img[64 * 1024];
static char log_buf[16384], warn_buf[4096];
static int nr_reports, bad_reports;

static void *load(const char *name)
{
	return dtb_load(dir, name);
}

static void report(void *arg, const char *msg)
{
	size_t n = strlen(log_buf);

	/* One line per error, no newline, the env's argument. */
	bad_reports += arg != &nr_reports || strchr(msg, '\n') || !msg[0];
	nr_reports++;
	snprintf(log_buf + n, sizeof(log_buf) - n, "%s\n", msg);
}

static void warn(void *arg, const char *msg)
{
	size_t n = strlen(warn_buf);

	bad_reports += arg != &nr_reports || strchr(msg, '\n') || !msg[0];
	snprintf(warn_buf + n, sizeof(warn_buf) - n, "%s\n", msg);
}

static struct platform plat;
static struct layout_check_env env;

static void setup(const void *fdt)
{
	CHECK_EQ(platform_probe(fdt, &plat), 0);
	memset(&env, 0, sizeof(env));
	env.plat = &plat;
	env.report = report;
	env.warn = warn;
	env.arg = &nr_reports;
	layout_check_add_reserved(&env, 0x80000000, 0x200000, "the firmware");
	layout_check_add_reserved(&env, 0x80200000, 0x2000000, "the hypervisor");
}

static int check(const struct layout *l)
{
	log_buf[0] = '\0';
	warn_buf[0] = '\0';
	nr_reports = 0;
	return layout_check(l, &env);
}

#define LOGGED(s) (strstr(log_buf, (s)) != NULL)

/* One valid RTOS-like cell on hart `hart`, RAM at `hpa`. */
static void rtos_cell(struct layout_cell *c, const char *name, unsigned long hart, uint64_t hpa)
{
	memset(c, 0, sizeof(*c));
	c->name = name;
	c->nr_harts = 1;
	c->harts[0] = hart;
	c->nr_mem = 1;
	c->mem[0] = (struct layout_mem){ 0x80000000, hpa, 16 * MiB, MEM_RWX };
	c->nr_emus = 1;
	c->emus[0] = (struct layout_emu){ EMU_UART16550, 0x10000000, 10 };
	c->vplic_gpa = 0x0c000000;
	c->kernel = (struct layout_image){ "img", img, img + sizeof(img), 0x80200000 };
	c->entry = 0x80200000;
}

static struct layout good(void)
{
	struct layout l = { .board = CONFIG_PLATFORM, .nr_cells = 2 };

	rtos_cell(&l.cells[0], "rtos0", 0, 0x84000000);
	rtos_cell(&l.cells[1], "rtos1", 1, 0x85000000);
	l.cells[1].nr_devs = 1;
	/* the goldfish RTC: a device that does no DMA */
	l.cells[1].devs[0] = (struct layout_dev){ 0x101000, 0x101000, 0x1000, { 11 } };
	return l;
}

static void test_good_and_boot_format(void)
{
	struct layout l = good();

	CHECK_EQ(check(&l), 0);
	CHECK_STR(log_buf, "");
	CHECK_STR(warn_buf, "");

	/* At boot there is no file name: the message starts at the cell. */
	l.cells[1].harts[0] = 0;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, "cell \"rtos1\": harts[0]: hart 0 is also owned by cell \"rtos0\" "
		  "(harts[0])\n");
	env.file = "cells/x/y.c";
	CHECK_EQ(check(&l), 1);
	CHECK(!strncmp(log_buf, "cells/x/y.c: cell \"rtos1\": harts[0]", 35));
	env.file = NULL;

	/* No report callback: errors are still counted. */
	env.report = NULL;
	CHECK_EQ(check(&l), 1);
	CHECK_EQ(nr_reports, 0);
	env.report = report;
}

static void test_shared_memory(void)
{
	struct layout l = good();

	l.cells[0].nr_mem = 2;
	l.cells[0].mem[1] = (struct layout_mem){ 0x90000000, 0xbff00000, 1 * MiB,
						 MEM_RW | MEM_SHARED };
	l.cells[1].nr_mem = 2;
	l.cells[1].mem[1] = (struct layout_mem){ 0x90000000, 0xbff00000, 1 * MiB, MEM_RW };
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("cell \"rtos1\": mem[1] hpa 0xbff00000-0xbfffffff overlaps cell \"rtos0\" "
		     "mem[1] (mark both MEM_SHARED to share)"));
	l.cells[1].mem[1].flags |= MEM_SHARED;
	CHECK_EQ(check(&l), 0);
}

/* What the firmware's tree adds: /reserved-memory, /memreserve/. */
static void test_fdt_reserved(void)
{
	void *fdt = load("virt-smp4-1G.dtb");
	int rm, node;
	fdt32_t reg[4] = { 0, cpu_to_fdt32(0x84000000), 0, cpu_to_fdt32(0x40000) };
	struct layout l = good();

	rm = fdt_add_subnode(fdt, 0, "reserved-memory");
	fdt_setprop_u32(fdt, rm, "#address-cells", 2);
	fdt_setprop_u32(fdt, rm, "#size-cells", 2);
	fdt_setprop(fdt, rm, "ranges", NULL, 0);
	node = fdt_add_subnode(fdt, rm, "mmode_resv0@84000000");
	fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
	fdt_add_mem_rsv(fdt, 0x85f00000, 0x1000);
	setup(fdt);
	CHECK_EQ(layout_check_add_fdt_reserved(&env, fdt), 0);
	CHECK_EQ(env.nr_reserved, 4);
	CHECK_EQ(check(&l), 2);
	CHECK(LOGGED("cell \"rtos0\": mem[0] hpa 0x84000000-0x84ffffff overlaps reserved memory "
		     "mmode_resv0@84000000 (0x84000000-0x8403ffff)"));
	CHECK(LOGGED("cell \"rtos1\": mem[0] hpa 0x85000000-0x85ffffff overlaps reserved memory "
		     "/memreserve/ (0x85f00000-0x85f00fff)"));

	/* A reserved-memory node is no device either. */
	l.cells[1].devs[0].hpa = 0x84000000;
	l.cells[1].devs[0].irqs[0] = 0;
	check(&l);
	CHECK(LOGGED("devs[0] hpa 0x84000000-0x84000fff is no device of the board"));

	free(fdt);
}

/* The reserved table is bounded: a range that does not fit is not written,
 * but reported by name, and fails every check on that env. */
static void test_reserved_overflow(void)
{
	void *fdt = load("virt-smp4-1G.dtb");
	struct layout l = good();

	for (int i = 0; i < 8; i++)
		fdt_add_mem_rsv(fdt, 0x90000000 + i * 0x1000, 0x1000);
	setup(fdt);
	log_buf[0] = '\0';
	nr_reports = 0;
	CHECK_EQ(layout_check_add_fdt_reserved(&env, fdt), 2 + 8 - LAYOUT_MAX_RESERVED);
	CHECK_EQ(env.nr_reserved, LAYOUT_MAX_RESERVED);
	CHECK_EQ(env.nr_reserved_lost, 2);
	CHECK_EQ(nr_reports, 2);
	CHECK_STR(log_buf,
		  "reserved memory /memreserve/ (0x90006000-0x90006fff) does not fit the "
		  "checker's table of 8 reserved ranges (LAYOUT_MAX_RESERVED): no cell can be "
		  "checked against it\n"
		  "reserved memory /memreserve/ (0x90007000-0x90007fff) does not fit the "
		  "checker's table of 8 reserved ranges (LAYOUT_MAX_RESERVED): no cell can be "
		  "checked against it\n");

	/* A good layout fails: it was not checked against those two. */
	CHECK_EQ(check(&l), 2);
	CHECK_STR(log_buf, "");

	/* One more, by hand, with the file name the build gives. */
	env.file = "cells/x/y.c";
	log_buf[0] = '\0';
	CHECK_EQ(layout_check_add_reserved(&env, 0xa0000000, 0x2000, "the firmware"), -1);
	CHECK_STR(log_buf, "cells/x/y.c: the firmware (0xa0000000-0xa0001fff) does not fit "
		  "the checker's table of 8 reserved ranges (LAYOUT_MAX_RESERVED): no cell can "
		  "be checked against it\n");
	CHECK_EQ(check(&l), 3);
	env.file = NULL;

	/* Without a report callback the ranges still count. */
	env.report = NULL;
	CHECK_EQ(layout_check_add_reserved(&env, 0xa0000000, 0x2000, NULL), -1);
	CHECK_EQ(check(&l), 4);
	env.report = report;
	free(fdt);
}

#define NO_IOMMU ": DMA-capable with no IOMMU, the cell could read and write all of memory " \
	"(set DEV_DMA_UNCONFINED in .flags to accept that)\n"
#define ACCEPTED ": DMA-capable with no IOMMU, the cell can read and write all of memory " \
	"(DEV_DMA_UNCONFINED)\n"

/* DMA-capable devices: refused, or accepted with DEV_DMA_UNCONFINED and a
 * warning; found through the device-tree node the window matches. */
static void test_dma(void)
{
	void *fdt = load("virt-smp4-1G.dtb");
	struct layout l = good();
	struct layout_dev *d = &l.cells[1].devs[0];

	setup(fdt);
	*d = (struct layout_dev){ 0x10001000, 0x10001000, 0x1000, { 1 } };
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, "cell \"rtos1\": devs[0] hpa 0x10001000-0x10001fff holds "
		  "/soc/virtio_mmio@10001000 (virtio,mmio)" NO_IOMMU);
	CHECK_STR(warn_buf, "");

	d->flags = DEV_DMA_UNCONFINED;
	CHECK_EQ(check(&l), 0);
	CHECK_STR(log_buf, "");
	CHECK_STR(warn_buf, "cell \"rtos1\": devs[0] hpa 0x10001000-0x10001fff holds "
		  "/soc/virtio_mmio@10001000 (virtio,mmio)" ACCEPTED);
	env.warn = NULL;		/* no warning callback: accepted all the same */
	CHECK_EQ(check(&l), 0);
	env.warn = warn;

	/* fw_cfg, at the root, its 0x18 bytes rounded to a page */
	*d = (struct layout_dev){ 0x10100000, 0x10100000, 0x1000 };
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, "cell \"rtos1\": devs[0] hpa 0x10100000-0x10100fff holds "
		  "/fw-cfg@10100000 (qemu,fw-cfg-mmio)" NO_IOMMU);

	/* the PCIe host bridge's config space */
	*d = (struct layout_dev){ 0x30000000, 0x30000000, 0x1000 };
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("holds /soc/pci@30000000 (pci-host-ecam-generic): DMA-capable"));

	/* one window over all eight virtio transports: one error, counted */
	*d = (struct layout_dev){ 0x10001000, 0x10001000, 0x8000, { 1, 2 } };
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("devs[0] hpa 0x10001000-0x10008fff holds /soc/virtio_mmio@10001000 "
		     "(virtio,mmio) and 7 more: DMA-capable"));

	/* the second device of a cell: the error names it */
	l = good();
	l.cells[1].nr_devs = 2;
	l.cells[1].devs[1] = (struct layout_dev){ 0x10002000, 0x10002000, 0x1000, { 2 } };
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("cell \"rtos1\": devs[1] hpa 0x10002000-0x10002fff holds "
		     "/soc/virtio_mmio@10002000 (virtio,mmio): DMA-capable"));

	/* the flag on a device not known to do DMA: accepted, still said */
	l = good();
	l.cells[1].devs[0].flags = DEV_DMA_UNCONFINED;
	CHECK_EQ(check(&l), 0);
	CHECK_STR(warn_buf, "cell \"rtos1\": devs[0] hpa 0x101000-0x101fff is marked "
		  "DEV_DMA_UNCONFINED: if it does DMA, the cell can read and write all of "
		  "memory\n");

	/* unknown flags */
	l.cells[1].devs[0].flags = 0x80000002;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, "cell \"rtos1\": devs[0] has unknown flags 0x80000002\n");
	free(fdt);
}

/* Devices behind a bus with `ranges`, and disabled devices. */
static void test_device_tree_walk(void)
{
	void *fdt = load("virt-smp4-1G.dtb");
	int bus = fdt_path_offset(fdt, "/platform-bus@4000000"), node;
	fdt32_t reg[2] = { cpu_to_fdt32(0x1000), cpu_to_fdt32(0x1000) };
	struct layout l = good();
	struct layout_dev *d = &l.cells[1].devs[0];

	CHECK(bus >= 0);
	node = fdt_add_subnode(fdt, bus, "dev@1000");
	fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
	setup(fdt);

	/* The bus maps its 0x0 to 0x4000000: the device is at 0x4001000. */
	*d = (struct layout_dev){ 0x4001000, 0x4001000, 0x1000, { 5 } };
	CHECK_EQ(check(&l), 0);
	d->hpa = 0x1000;
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("devs[0] hpa 0x1000-0x1fff is no device of the board"));

	/* Adjacent devices may be passed as one window; a gap may not. */
	*d = (struct layout_dev){ 0x10001000, 0x10001000, 0x8000, { 1, 2 }, DEV_DMA_UNCONFINED };
	CHECK_EQ(check(&l), 0);
	d->size = 0x9000;
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("covers 0x10009000)"));

	/* A disabled device is not the board's to give. */
	*d = (struct layout_dev){ 0x10001000, 0x10001000, 0x1000, { 1 } };
	fdt_setprop_string(fdt, fdt_path_offset(fdt, "/soc/virtio_mmio@10001000"),
			   "status", "disabled");
	setup(fdt);
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("devs[0] hpa 0x10001000-0x10001fff is no device of the board"));

	/* Without a device tree nothing is a device, and nothing crashes. */
	plat.fdt = NULL;
	CHECK_EQ(check(&l), 1);
	free(fdt);
}

/* The AIA machine: APLIC source count, IMSIC and M-level APLIC are taken. */
static void test_aia(void)
{
	void *fdt = load("virt-aia-smp8-2G.dtb");
	struct layout l = good();
	struct layout_dev *d = &l.cells[1].devs[0];

	setup(fdt);
	CHECK_EQ(check(&l), 0);
	*d = (struct layout_dev){ 0x28000000, 0x28000000, 0x1000 };
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("devs[0] hpa 0x28000000-0x28000fff belongs to the hypervisor"));
	*d = (struct layout_dev){ 0x0c000000, 0x0c000000, 0x1000 };	/* M-level APLIC */
	l.cells[1].vplic_gpa = 0x20000000;
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("devs[0] hpa 0xc000000-0xc000fff belongs to the hypervisor"));
	*d = (struct layout_dev){ 0x101000, 0x101000, 0x1000, { 97 } };
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("devs[0] irq 97 is above the interrupt controller's 96 sources"));
	free(fdt);
}

/* Counts beyond the arrays are reported, their arrays ignored. */
static void test_bad_counts(void)
{
	struct layout l = good();

	l.nr_cells = 1000;
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("the layout has 1000 cells, more than CONFIG_MAX_CELLS (4)"));

	l = good();
	l.cells[0].nr_harts = ~0u;
	l.cells[0].nr_mem = LAYOUT_MAX_MEM + 1;
	l.cells[0].nr_devs = 1u << 31;
	l.cells[0].nr_emus = LAYOUT_MAX_EMUS + 1;
	check(&l);
	CHECK(LOGGED("nr_harts 4294967295 is more than LAYOUT_MAX_HARTS (16)"));
	CHECK(LOGGED("nr_mem 9 is more than LAYOUT_MAX_MEM (8)"));
	CHECK(LOGGED("nr_devs 2147483648 is more than LAYOUT_MAX_DEVS (8)"));
	CHECK(LOGGED("nr_emus 9 is more than LAYOUT_MAX_EMUS (8)"));

	l = good();
	l.board = NULL;
	l.cells[0].name = NULL;
	l.cells[1].name = "";
	l.cells[0].kernel.name = NULL;
	l.cells[0].kernel.load_gpa = 0;
	CHECK_EQ(check(&l), 4);
	CHECK(LOGGED("the layout names no board"));
	CHECK(LOGGED("cell #0: has no name (.name)"));
	CHECK(LOGGED("cell #1: has no name (.name)"));
	CHECK(LOGGED("cell #0: kernel \"?\" (64 KiB) at gpa 0x0 is not inside any memory region"));
}

/* Messages are cut, never overflowed. */
static void test_long_names(void)
{
	static char name[4096];
	struct layout l = good();

	memset(name, 'x', sizeof(name) - 1);
	env.file = name;
	l.cells[0].harts[0] = 9;
	CHECK_EQ(check(&l), 1);
	CHECK(strlen(log_buf) < 400);
	env.file = NULL;
	l = good();
	l.cells[0].name = name;
	l.cells[0].harts[0] = 9;
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("cell \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\": harts[0]: hart 9 is not on the board"));
}

/* Layouts with every number field drawn from edge values: any error count
 * is fine, a crash or sanitizer report is not. */
static void test_fuzz(void)
{
	static const uint64_t v[] = {
		0, 1, 0xfff, 0x1000, 0x1001, 0x10000000, 0x10001000, 0x0c000000,
		0x80000000, 0x84000000, 0xbffff000, 0xc0000000, 16 * MiB, 1ULL << 63,
		~0ULL - 0xfff, ~0ULL,
	};
	uint32_t seed = 12345;
	int total = 0;

#define R() (seed = seed * 1103515245 + 12345, (seed >> 8))
#define V() (v[R() % (sizeof(v) / sizeof(v[0]))])
	for (int iter = 0; iter < 1000; iter++) {
		struct layout l = good();

		l.nr_cells = R() % (CONFIG_MAX_CELLS + 2);
		for (unsigned i = 0; i < CONFIG_MAX_CELLS; i++) {
			struct layout_cell *c = &l.cells[i];

			if (i >= 2)
				rtos_cell(c, i & 1 ? "c3" : "c2", i, 0x86000000);
			c->nr_harts = R() % (LAYOUT_MAX_HARTS + 2);
			c->nr_mem = R() % (LAYOUT_MAX_MEM + 2);
			c->nr_devs = R() % (LAYOUT_MAX_DEVS + 2);
			c->nr_emus = R() % (LAYOUT_MAX_EMUS + 2);
			for (unsigned k = 0; k < LAYOUT_MAX_HARTS; k++)
				c->harts[k] = R() % 3 ? R() % 10 : V();
			for (unsigned k = 0; k < LAYOUT_MAX_MEM; k++)
				c->mem[k] = (struct layout_mem){ V(), V(), V(), R() % 32 };
			for (unsigned k = 0; k < LAYOUT_MAX_DEVS; k++)
				c->devs[k] = (struct layout_dev){ V(), V(), V(),
					{ R() % 140, R() % 140, R() % 2 ? 0 : R(), R() % 140 }, R() % 4 };
			for (unsigned k = 0; k < LAYOUT_MAX_EMUS; k++)
				c->emus[k] = (struct layout_emu){ R() % 4, V(), R() % 200 };
			c->vplic_gpa = V();
			c->kernel.load_gpa = V();
			if (R() % 2)
				c->initrd = (struct layout_image){ "rd", img,
					img + (R() % 2) * 4096, V() };
			c->entry = V();
			c->on_fault = R() % 3;
			c->on_reboot = R() % 3;
		}
		total += check(&l) > 0;
	}
	CHECK(total > 800);
#undef R
#undef V
}

int main(int argc, char **argv)
{
	void *fdt;

	if (argc < 2) {
		printf("usage: %s <dir with QEMU virt DTBs>\n", argv[0]);
		return 2;
	}
	snprintf(dir, sizeof(dir), "%s", argv[1]);
	fdt = load("virt-smp4-1G.dtb");
	setup(fdt);
	test_good_and_boot_format();
	test_shared_memory();
	test_bad_counts();
	test_long_names();
	test_fuzz();
	test_fdt_reserved();
	test_reserved_overflow();
	test_dma();
	test_device_tree_walk();
	test_aia();
	free(fdt);
	CHECK_EQ(bad_reports, 0);
	return test_report("test_layout_check");
}
