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
	c->arch.vplic_gpa = 0x0c000000;
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

/* The AIA machine: APLIC source count, IMSIC and M-level APLIC are taken,
 * passthrough interrupts need the virtual APLIC. */
static void test_aia(void)
{
	void *fdt = load("virt-aia-smp8-2G.dtb");
	struct layout l = good();
	struct layout_dev *d = &l.cells[1].devs[0];

	setup(fdt);
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("devs[0] irq 11: passthrough interrupts on an AIA board need "
		     "arch.aplic_gpa and arch.imsic_gpa"));
	for (unsigned i = 0; i < l.nr_cells; i++) {
		l.cells[i].arch.imsic_gpa = 0x28000000;
		l.cells[i].arch.aplic_gpa = 0x0b000000;
	}
	CHECK_EQ(check(&l), 2);		/* this tree was dumped without aia-guests */
	CHECK(LOGGED("cell \"rtos1\": arch.imsic_gpa: the board's IMSIC has no guest "
		     "interrupt files"));
	for (unsigned i = 0; i < l.nr_cells; i++)
		l.cells[i].arch.imsic_gpa = l.cells[i].arch.aplic_gpa = 0;
	d->irqs[0] = 0;			/* the RTC without its interrupt */
	CHECK_EQ(check(&l), 0);
	*d = (struct layout_dev){ 0x28000000, 0x28000000, 0x1000 };
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("devs[0] hpa 0x28000000-0x28000fff belongs to the hypervisor"));
	*d = (struct layout_dev){ 0x0c000000, 0x0c000000, 0x1000 };	/* M-level APLIC */
	l.cells[1].arch.vplic_gpa = 0x20000000;
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("devs[0] hpa 0xc000000-0xc000fff belongs to the hypervisor"));
	*d = (struct layout_dev){ 0x101000, 0x101000, 0x1000, { 97 } };
	CHECK_EQ(check(&l), 2);
	CHECK(LOGGED("devs[0] irq 97 is above the interrupt controller's 96 sources"));
	CHECK(LOGGED("devs[0] irq 97: passthrough interrupts on an AIA board need"));
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

/* ---- virtio devices */

static struct layout_emu vnet(uint64_t gpa, uint32_t irq, unsigned link)
{
	struct layout_emu e = { .type = EMU_VIRTIO_NET, .gpa = gpa, .irq = irq };

	e.net.link = link;
	return e;
}

static struct layout_emu vblk(uint64_t gpa, uint32_t irq, uint64_t hpa, uint64_t size)
{
	struct layout_emu e = { .type = EMU_VIRTIO_BLK, .gpa = gpa, .irq = irq };

	e.blk.hpa = hpa;
	e.blk.size = size;
	return e;
}

static struct layout_emu vcon(uint64_t gpa, uint32_t irq, const char *name)
{
	struct layout_emu e = { .type = EMU_VIRTIO_CONSOLE, .gpa = gpa, .irq = irq };

	e.console.name = name;
	return e;
}

/* good() with a card on link 1, a disk and a console in each cell:
 * rtos0 emus[1..3], rtos1 emus[0..2] (rtos1's IRQ 11 is its RTC's). */
static struct layout good_virtio(void)
{
	struct layout l = good();
	struct layout_cell *c0 = &l.cells[0], *c1 = &l.cells[1];

	c0->nr_emus = 4;
	c0->emus[1] = vnet(0x10001000, 11, 1);
	c0->emus[2] = vblk(0x10002000, 12, 0xa0000000, 1 * MiB);
	c0->emus[3] = vcon(0x10003000, 13, "con0");
	c1->nr_emus = 3;
	c1->emus[0] = vnet(0x10001000, 20, 1);
	c1->emus[1] = vblk(0x10002000, 21, 0xa0100000, 1 * MiB);
	c1->emus[2] = vcon(0x10003000, 22, "con1");
	return l;
}

#define R0 "cell \"rtos0\": "
#define R1 "cell \"rtos1\": "

static void test_virtio_types(void)
{
	struct layout l = good_virtio();

	CHECK_EQ(check(&l), 0);
	CHECK_STR(log_buf, "");
	CHECK_EQ(layout_emu_size(EMU_VIRTIO_CONSOLE), VIRTIO_MMIO_WINDOW);
	CHECK_EQ(layout_emu_size(EMU_VIRTIO_NET), VIRTIO_MMIO_WINDOW);
	CHECK_EQ(layout_emu_size(EMU_VIRTIO_BLK), VIRTIO_MMIO_WINDOW);
	CHECK_STR(layout_emu_name(EMU_VIRTIO_CONSOLE), "virtio-console");
	CHECK_STR(layout_emu_name(EMU_VIRTIO_NET), "virtio-net");
	CHECK_STR(layout_emu_name(EMU_VIRTIO_BLK), "virtio-blk");
	CHECK(!layout_emu_is_virtio(EMU_UART16550) && !layout_emu_is_virtio(EMU_NONE) &&
	      !layout_emu_is_virtio(EMU_TYPE_NR) && layout_emu_is_virtio(EMU_VIRTIO_BLK));

	l.cells[0].emus[2].gpa = 0x10004800;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[2] virtio-blk gpa 0x10004800 is not aligned to its "
		  "window (VIRTIO_MMIO_WINDOW, 0x1000)\n");

	/* the checks every emulated device has, through the size table */
	l = good_virtio();
	l.cells[0].emus[3].gpa = 0x10000000;		/* the UART's page */
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[3] gpa 0x10000000-0x10000fff overlaps emus[0] gpa "
		  "0x10000000-0x100000ff in the guest-physical map\n");
	l = good_virtio();
	l.cells[0].emus[2].gpa = 0x80fff000;		/* the last page of RAM */
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("emus[2] gpa 0x80fff000-0x80ffffff overlaps mem[0]"));
	l = good_virtio();
	l.cells[0].emus[2].gpa = 0x0c000000;		/* the vPLIC */
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("vplic gpa 0xc000000-0xfffffff overlaps emus[2] gpa 0xc000000-0xc000fff"));
	l = good_virtio();
	l.cells[0].emus[3].irq = 10;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[3] irq 10 is also used by emus[0]\n");
	l = good_virtio();
	l.cells[1].emus[1].irq = 11;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R1 "emus[1] irq 11 is also the cell's passthrough devs[0] irq\n");
	l.cells[1].emus[1].irq = 0;
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("emus[1] irq 0 is out of range 1..127"));
}

static void test_virtio_net(void)
{
	struct layout l = good_virtio();
	struct layout_emu *n0 = &l.cells[0].emus[1], *n1 = &l.cells[1].emus[0];

	n0->net.link = 0;
	CHECK_EQ(check(&l), 2);
	CHECK_STR(log_buf, R0 "emus[1] net.link 0 is out of range 1..8 (LAYOUT_MAX_LINKS)\n"
		  "virtio-net link 1 has only cell \"rtos1\" on it (emus[0]): a link joins two "
		  "cells or more\n");
	n0->net.link = LAYOUT_MAX_LINKS + 1;
	CHECK_EQ(check(&l), 2);
	CHECK(LOGGED(R0 "emus[1] net.link 9 is out of range 1..8 (LAYOUT_MAX_LINKS)\n"));
	n0->net.link = ~0u;
	CHECK_EQ(check(&l), 2);
	n0->net.link = LAYOUT_MAX_LINKS;
	n1->net.link = LAYOUT_MAX_LINKS;
	CHECK_EQ(check(&l), 0);

	/* one cell alone on each of two links */
	n1->net.link = 2;
	CHECK_EQ(check(&l), 2);
	CHECK_STR(log_buf, "virtio-net link 2 has only cell \"rtos1\" on it (emus[0]): a link "
		  "joins two cells or more\n"
		  "virtio-net link 8 has only cell \"rtos0\" on it (emus[1]): a link joins two "
		  "cells or more\n");
	/* a third cell joins: both links connect someone */
	l = good_virtio();
	l.nr_cells = 3;
	rtos_cell(&l.cells[2], "rtos2", 2, 0x86000000);
	l.cells[2].emus[0] = vnet(0x10001000, 10, 1);
	l.cells[1].emus[0].net.link = 2;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, "virtio-net link 2 has only cell \"rtos1\" on it (emus[0]): a link "
		  "joins two cells or more\n");

	/* the same cell twice on a link; twice alone is still alone */
	l = good_virtio();
	l.cells[0].nr_emus = 5;
	l.cells[0].emus[4] = vnet(0x10004000, 14, 1);
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[4] net.link 1: the cell is already on that link (emus[1])\n");
	l.cells[1].emus[0].net.link = 3;
	CHECK_EQ(check(&l), 3);
	CHECK(LOGGED("virtio-net link 1 has only cell \"rtos0\" on it (emus[1])"));
	CHECK(LOGGED("virtio-net link 3 has only cell \"rtos1\" on it (emus[0])"));
}

static void test_virtio_mac(void)
{
	static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0xab, 0xcd, 0xef };
	struct layout l = good_virtio();
	struct layout_emu *n0 = &l.cells[0].emus[1], *n1 = &l.cells[1].emus[0];
	uint8_t out[6];

	/* derived: 02:46:56:<cell>:<link>:<emus index> */
	layout_virtio_mac(&l, 0, n0, out);
	CHECK(!memcmp(out, (uint8_t[6]){ 0x02, 0x46, 0x56, 0, 1, 1 }, 6));
	layout_virtio_mac(&l, 1, n1, out);
	CHECK(!memcmp(out, (uint8_t[6]){ 0x02, 0x46, 0x56, 1, 1, 0 }, 6));
	n1->net.link = 7;
	l.cells[1].emus[5] = *n1;
	layout_virtio_mac(&l, 1, &l.cells[1].emus[5], out);
	CHECK(!memcmp(out, (uint8_t[6]){ 0x02, 0x46, 0x56, 1, 7, 5 }, 6));
	CHECK(!(out[0] & 1) && (out[0] & 2));	/* unicast, locally administered */
	/* explicit */
	memcpy(n0->net.mac, mac, 6);
	layout_virtio_mac(&l, 0, n0, out);
	CHECK(!memcmp(out, mac, 6));
	n0->net.mac[5] = 0;			/* only all zero means derived */
	layout_virtio_mac(&l, 0, n0, out);
	CHECK(!memcmp(out, mac, 5) && out[5] == 0);

	/* two cards with one MAC on a link, explicit or derived */
	l = good_virtio();
	n0 = &l.cells[0].emus[1];
	n1 = &l.cells[1].emus[0];
	memcpy(n0->net.mac, mac, 6);
	memcpy(n1->net.mac, mac, 6);
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R1 "emus[0] net.mac 52:54:00:ab:cd:ef on link 1 is also the MAC of "
		  "cell \"rtos0\" emus[1]\n");
	memcpy(n0->net.mac, (uint8_t[6]){ 0 }, 6);
	memcpy(n1->net.mac, (uint8_t[6]){ 0x02, 0x46, 0x56, 0, 1, 1 }, 6);
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R1 "emus[0] net.mac 02:46:56:00:01:01 on link 1 is also the MAC of "
		  "cell \"rtos0\" emus[1]\n");
	/* one MAC on two links is two switches' business: fine */
	memcpy(n0->net.mac, mac, 6);
	memcpy(n1->net.mac, (uint8_t[6]){ 0 }, 6);
	l.cells[0].nr_emus = 5;
	l.cells[0].emus[4] = vnet(0x10004000, 14, 2);
	l.cells[1].nr_emus = 4;
	l.cells[1].emus[3] = vnet(0x10004000, 23, 2);
	memcpy(l.cells[1].emus[3].net.mac, mac, 6);
	CHECK_EQ(check(&l), 0);

	/* multicast (and broadcast) are no card's address */
	memcpy(n1->net.mac, (uint8_t[6]){ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, 6);
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R1 "emus[0] net.mac ff:ff:ff:ff:ff:ff is a multicast address (bit 0 "
		  "of its first byte): a card's MAC must be unicast\n");
	n1->net.mac[0] = 0x03;
	CHECK_EQ(check(&l), 1);
	n1->net.mac[0] = 0x02;
	CHECK_EQ(check(&l), 0);
}

static void test_virtio_blk(void)
{
	struct layout l = good_virtio();
	struct layout_virtio_blk *b0 = &l.cells[0].emus[2].blk;

	b0->size = 0;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[2] blk has size 0\n");
	b0->size = 512;
	CHECK_EQ(check(&l), 0);
	b0->size = 0x1100;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[2] blk size 0x1100 is not a multiple of 512 (a sector)\n");
	b0->size = 1 * MiB;
	b0->hpa = 0xa0200200;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[2] blk hpa 0xa0200200 is not 4 KiB aligned\n");
	b0->hpa = 0xfffffffffff00000;
	b0->size = 2 * MiB;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[2] blk hpa 0xfffffffffff00000 + size 0x200000 wraps around "
		  "the address space\n");
	b0->hpa = 0xbff00000;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[2] blk hpa 0xbff00000-0xc00fffff is outside the board's RAM "
		  "(0x80000000-0xbfffffff)\n");
	b0->hpa = 0x80100000;
	CHECK_EQ(check(&l), 2);
	CHECK_STR(log_buf, R0 "emus[2] blk hpa 0x80100000-0x802fffff overlaps the firmware "
		  "(0x80000000-0x801fffff)\n"
		  R0 "emus[2] blk hpa 0x80100000-0x802fffff overlaps the hypervisor "
		  "(0x80200000-0x821fffff)\n");

	/* any cell's memory, its own or a later cell's */
	b0->hpa = 0x84fff000;
	b0->size = 0x2000;
	CHECK_EQ(check(&l), 2);
	CHECK_STR(log_buf, R0 "emus[2] blk hpa 0x84fff000-0x85000fff overlaps cell \"rtos0\" "
		  "mem[0] (a disk's backing is no cell's memory)\n"
		  R0 "emus[2] blk hpa 0x84fff000-0x85000fff overlaps cell \"rtos1\" "
		  "mem[0] (a disk's backing is no cell's memory)\n");
	/* shared memory is memory too */
	l = good_virtio();
	l.cells[1].nr_mem = 2;
	l.cells[1].mem[1] = (struct layout_mem){ 0x90000000, 0xa0000000, 1 * MiB,
						 MEM_RW | MEM_SHARED };
	CHECK_EQ(check(&l), 2);
	CHECK(LOGGED(R0 "emus[2] blk hpa 0xa0000000-0xa00fffff overlaps cell \"rtos1\" mem[1]"));
	CHECK(LOGGED(R1 "mem[1] hpa 0xa0000000-0xa00fffff is MEM_SHARED but no other cell maps "
		     "it: a shared region needs two cells"));
}

static void test_virtio_blk_images(void)
{
	struct layout l = good_virtio();
	struct layout_virtio_blk *b0 = &l.cells[0].emus[2].blk, *b1 = &l.cells[1].emus[1].blk;

	b0->image_start = img;
	b0->image_end = img + sizeof(img);
	CHECK_EQ(check(&l), 0);
	b0->size = 32 * KiB;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[2] blk image (0x10000 bytes) is larger than its size 0x8000\n");
	b0->size = sizeof(img);
	CHECK_EQ(check(&l), 0);
	b0->image_end = img;			/* empty: nothing to copy */
	CHECK_EQ(check(&l), 0);
	b0->image_start = img + 1;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[2] blk image_start and image_end make no image (set both "
		  "with BLK_IMAGE(sym))\n");
	b0->image_start = NULL;
	CHECK_EQ(check(&l), 1);
	b0->image_start = img;
	b0->image_end = NULL;
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("make no image"));

	/* one backing for two disks: both read-only, one image at most */
	l = good_virtio();
	b0 = &l.cells[0].emus[2].blk;
	b1 = &l.cells[1].emus[1].blk;
	b1->hpa = 0xa0080000;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R1 "emus[1] blk hpa 0xa0080000-0xa017ffff overlaps cell \"rtos0\" "
		  "emus[2] blk (mark both readonly to share)\n");
	b0->readonly = true;
	CHECK_EQ(check(&l), 1);
	b1->readonly = true;
	CHECK_EQ(check(&l), 0);
	b0->image_start = img;
	b0->image_end = img + sizeof(img);
	CHECK_EQ(check(&l), 0);
	b1->image_start = img;
	b1->image_end = img + sizeof(img);
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R1 "emus[1] blk hpa 0xa0080000-0xa017ffff overlaps cell \"rtos0\" "
		  "emus[2] blk and both have an image (give the shared contents once)\n");
	/* two of one cell */
	l = good_virtio();
	l.cells[0].nr_emus = 5;
	l.cells[0].emus[4] = vblk(0x10004000, 14, 0xa0000000, 4096);
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[4] blk hpa 0xa0000000-0xa0000fff overlaps cell \"rtos0\" "
		  "emus[2] blk (mark both readonly to share)\n");
}

/* /reserved-memory applies to disks as to cell memory. */
static void test_virtio_blk_reserved(void)
{
	void *fdt = load("virt-smp4-1G.dtb");
	int rm, node;
	fdt32_t reg[4] = { 0, cpu_to_fdt32(0xa0040000), 0, cpu_to_fdt32(0x1000) };
	struct layout l = good_virtio();

	rm = fdt_add_subnode(fdt, 0, "reserved-memory");
	fdt_setprop_u32(fdt, rm, "#address-cells", 2);
	fdt_setprop_u32(fdt, rm, "#size-cells", 2);
	fdt_setprop(fdt, rm, "ranges", NULL, 0);
	node = fdt_add_subnode(fdt, rm, "shmem@a0040000");
	fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
	setup(fdt);
	CHECK_EQ(layout_check_add_fdt_reserved(&env, fdt), 0);
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[2] blk hpa 0xa0000000-0xa00fffff overlaps reserved memory "
		  "shmem@a0040000 (0xa0040000-0xa0040fff)\n");
	free(fdt);
}

static void test_virtio_console(void)
{
	struct layout l = good_virtio();
	struct layout_emu *c0 = &l.cells[0].emus[3];

	c0->console.name = NULL;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[3] console.name is not set (the port's name in the console "
		  "multiplexer)\n");
	c0->console.name = "";
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("emus[3] console.name is not set"));
	c0->console.name = "abcdefghij-_789";		/* 15: the most */
	CHECK_EQ(check(&l), 0);
	c0->console.name = "abcdefghij-_7890";
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[3] console.name \"abcdefghij-_789...\" is longer than 15 "
		  "characters\n");
	c0->console.name = "con Log";
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[3] console.name has ' ' at [3]: only a-z, 0-9, '_' and '-' "
		  "may be used\n");
	c0->console.name = "con\nlog";
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[3] console.name has byte 0xa at [3]: only a-z, 0-9, '_' and "
		  "'-' may be used\n");
	c0->console.name = "\xc3\xa9";
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED("has byte 0xc3 at [0]"));

	/* unique in the layout, and no cell's name */
	c0->console.name = "con1";
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R1 "emus[2] console.name \"con1\" is also the name of cell \"rtos0\" "
		  "emus[3]\n");
	c0->console.name = "rtos0";
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[3] console.name \"rtos0\" is the name of cell \"rtos0\": the "
		  "console multiplexer tags lines with both\n");
	c0->console.name = "rtos1";
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED(R0 "emus[3] console.name \"rtos1\" is the name of cell \"rtos1\""));
	l = good_virtio();
	l.cells[1].nr_emus = 4;
	l.cells[1].emus[3] = vcon(0x10004000, 23, "con1");
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R1 "emus[3] console.name \"con1\" is also the name of cell \"rtos1\" "
		  "emus[2]\n");
}

/* ---- shared memory and doorbells */

#define SHM_HPA 0xbff00000

static struct layout_emu doorbell(uint64_t gpa, uint32_t irq, uint64_t hpa, const char *peer)
{
	struct layout_emu e = { .type = EMU_DOORBELL, .gpa = gpa, .irq = irq };

	e.doorbell.region_hpa = hpa;
	e.doorbell.peer = peer;
	return e;
}

static void shared_mem(struct layout_cell *c, uint64_t gpa, uint64_t hpa, uint64_t size,
		       uint32_t flags)
{
	c->mem[c->nr_mem++] = (struct layout_mem){ gpa, hpa, size, flags | MEM_SHARED };
}

/* good() with 1 MiB at SHM_HPA shared by both cells (mem[1]) and a
 * doorbell on it in each (emus[1], irq 12), each naming the other. */
static struct layout good_doorbell(void)
{
	struct layout l = good();

	for (unsigned i = 0; i < 2; i++) {
		shared_mem(&l.cells[i], 0x90000000, SHM_HPA, 1 * MiB, MEM_RW);
		l.cells[i].nr_emus = 2;
		l.cells[i].emus[1] = doorbell(0x10001000, 12, SHM_HPA, i ? "rtos0" : "rtos1");
	}
	return l;
}

#define NO_BACK(i, peer) "emus[" #i "] doorbell to cell \"" peer "\" on hpa 0xbff00000 has " \
	"no doorbell back: the peer needs one on that region naming this cell (doorbells " \
	"come in pairs)\n"

static void test_shared_alone(void)
{
	struct layout l = good();

	shared_mem(&l.cells[0], 0x90000000, SHM_HPA, 1 * MiB, MEM_RW);
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "mem[1] hpa 0xbff00000-0xbfffffff is MEM_SHARED but no other cell "
		  "maps it: a shared region needs two cells\n");
	/* an alias in the same cell is not a second cell */
	shared_mem(&l.cells[0], 0x91000000, SHM_HPA, 1 * MiB, MEM_R);
	CHECK_EQ(check(&l), 2);
	CHECK(LOGGED(R0 "mem[2] hpa 0xbff00000-0xbfffffff is MEM_SHARED but no other cell"));
	/* a later cell maps part of it: shared */
	shared_mem(&l.cells[1], 0x90000000, SHM_HPA + 0x80000, 0x80000, MEM_RW);
	CHECK_EQ(check(&l), 0);
	/* a cell that maps it without MEM_SHARED: the overlap is the error */
	l.cells[1].mem[1].flags = MEM_RW;
	CHECK_EQ(check(&l), 2);
	CHECK(LOGGED(R1 "mem[1] hpa 0xbff80000-0xbfffffff overlaps cell \"rtos0\" mem[1] (mark "
		     "both MEM_SHARED to share)\n"));
	CHECK(LOGGED(R1 "mem[1] hpa 0xbff80000-0xbfffffff overlaps cell \"rtos0\" mem[2]"));
}

static void test_doorbell(void)
{
	struct layout l = good_doorbell();
	struct layout_emu *d0 = &l.cells[0].emus[1];

	CHECK_EQ(check(&l), 0);
	CHECK_STR(log_buf, "");
	CHECK_EQ(layout_emu_size(EMU_DOORBELL), DOORBELL_WINDOW);
	CHECK_STR(layout_emu_name(EMU_DOORBELL), "doorbell");
	CHECK(!layout_emu_is_virtio(EMU_DOORBELL));
	CHECK_EQ(layout_shared_region(&l.cells[1], SHM_HPA), 1);
	CHECK_EQ(layout_shared_region(&l.cells[1], 0x85000000), -1);	/* not shared */
	CHECK_EQ(layout_shared_region(&l.cells[1], SHM_HPA + 0x1000), -1);

	/* one side read-only: fine */
	l.cells[1].mem[1].flags = MEM_R | MEM_SHARED;
	CHECK_EQ(check(&l), 0);

	d0->gpa = 0x10001800;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[1] doorbell gpa 0x10001800 is not aligned to its window "
		  "(DOORBELL_WINDOW, 0x1000)\n");

	/* its region: a MEM_SHARED one of its own cell, by hpa */
	l = good_doorbell();
	d0 = &l.cells[0].emus[1];
	d0->doorbell.region_hpa = 0x84000000;	/* its private RAM */
	CHECK_EQ(check(&l), 2);
	CHECK_STR(log_buf, R0 "emus[1] doorbell.region_hpa 0x84000000 is not the hpa of a "
		  "MEM_SHARED region of the cell\n" R1 NO_BACK(1, "rtos0"));
	d0->doorbell.region_hpa = SHM_HPA + 0x1000;	/* inside it, not it */
	CHECK_EQ(check(&l), 2);
	CHECK(LOGGED(R0 "emus[1] doorbell.region_hpa 0xbff01000 is not the hpa"));

	/* its peer: a cell of the layout, not itself */
	l = good_doorbell();
	d0 = &l.cells[0].emus[1];
	d0->doorbell.peer = NULL;
	CHECK_EQ(check(&l), 2);
	CHECK_STR(log_buf, R0 "emus[1] doorbell.peer is not set (the name of the cell it rings)\n"
		  R1 NO_BACK(1, "rtos0"));
	d0->doorbell.peer = "";
	CHECK_EQ(check(&l), 2);
	CHECK(LOGGED(R0 "emus[1] doorbell.peer is not set"));
	d0->doorbell.peer = "rtos9";
	CHECK_EQ(check(&l), 2);
	CHECK(LOGGED(R0 "emus[1] doorbell.peer \"rtos9\" is no cell of the layout\n"));
	d0->doorbell.peer = "rtos0";
	CHECK_EQ(check(&l), 2);
	CHECK(LOGGED(R0 "emus[1] doorbell.peer \"rtos0\" is the cell itself\n"));

	/* the peer maps the same region: same hpa, same size, MEM_SHARED */
	l = good_doorbell();
	l.nr_cells = 3;
	rtos_cell(&l.cells[2], "rtos2", 2, 0x86000000);
	shared_mem(&l.cells[2], 0x90000000, SHM_HPA, 1 * MiB, MEM_RW);
	l.cells[1].nr_mem = 1;
	l.cells[1].nr_emus = 1;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[1] doorbell.peer cell \"rtos1\" does not map the region hpa "
		  "0xbff00000-0xbfffffff (MEM_SHARED, the same hpa and size)\n");
	l = good_doorbell();
	l.cells[0].mem[1].hpa = l.cells[1].mem[1].hpa = 0xbfe00000;
	for (unsigned i = 0; i < 2; i++)
		l.cells[i].emus[1].doorbell.region_hpa = 0xbfe00000;
	CHECK_EQ(check(&l), 0);
	l.cells[1].mem[1].size = 2 * MiB;
	CHECK_EQ(check(&l), 2);
	CHECK(LOGGED(R0 "emus[1] doorbell.peer cell \"rtos1\" does not map the region hpa "
		     "0xbfe00000-0xbfefffff"));
	CHECK(LOGGED(R1 "emus[1] doorbell.peer cell \"rtos0\" does not map the region hpa "
		     "0xbfe00000-0xbfffffff"));

	/* pairs: the peer has one back, on that region, naming this cell */
	l = good_doorbell();
	l.cells[1].nr_emus = 1;
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 NO_BACK(1, "rtos1"));
	l = good_doorbell();
	l.nr_cells = 3;
	rtos_cell(&l.cells[2], "rtos2", 2, 0x86000000);
	shared_mem(&l.cells[2], 0x90000000, SHM_HPA, 1 * MiB, MEM_RW);
	l.cells[2].nr_emus = 2;
	l.cells[2].emus[1] = doorbell(0x10001000, 12, SHM_HPA, "rtos1");
	l.cells[1].emus[1].doorbell.peer = "rtos2";
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 NO_BACK(1, "rtos1"));
	/* ... and rtos0 and rtos1 ring each other over the same region too */
	l.cells[1].nr_emus = 3;
	l.cells[1].emus[2] = doorbell(0x10002000, 13, SHM_HPA, "rtos0");
	CHECK_EQ(check(&l), 0);

	/* one doorbell per region and peer */
	l = good_doorbell();
	l.cells[0].nr_emus = 3;
	l.cells[0].emus[2] = doorbell(0x10002000, 13, SHM_HPA, "rtos1");
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R0 "emus[2] doorbell to cell \"rtos1\" on hpa 0xbff00000 is also "
		  "emus[1] (one doorbell per region and peer)\n");

	/* the checks every emulated device has */
	l = good_doorbell();
	l.cells[1].emus[1].irq = 11;			/* its RTC's */
	CHECK_EQ(check(&l), 1);
	CHECK_STR(log_buf, R1 "emus[1] irq 11 is also the cell's passthrough devs[0] irq\n");
	l = good_doorbell();
	l.cells[1].emus[1].gpa = 0x90000000;		/* the shared window */
	CHECK_EQ(check(&l), 1);
	CHECK(LOGGED(R1 "emus[1] gpa 0x90000000-0x90000fff overlaps mem[1]"));
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
	static const char *const cons[] = {
		NULL, "", "c0", "c2", "rtos0", "Con", "abcdefghijklmnopq", "con_0",
	};
	static const char *const cells[] = { NULL, "", "rtos0", "rtos1", "c2", "c3", "x" };
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
			for (unsigned k = 0; k < LAYOUT_MAX_MEM; k++) {
				c->mem[k] = (struct layout_mem){ V(), V(), V(), R() % 32 };
				if (R() % 4 == 0)	/* a region others may share */
					c->mem[k] = (struct layout_mem){ V(), 0xbff00000, 1 * MiB,
									 MEM_RW | MEM_SHARED };
			}
			for (unsigned k = 0; k < LAYOUT_MAX_DEVS; k++)
				c->devs[k] = (struct layout_dev){ V(), V(), V(),
					{ R() % 140, R() % 140, R() % 2 ? 0 : R(), R() % 140 }, R() % 4 };
			for (unsigned k = 0; k < LAYOUT_MAX_EMUS; k++) {
				struct layout_emu *e = &c->emus[k];

				*e = (struct layout_emu){ R() % (EMU_TYPE_NR + 1), V(), R() % 200 };
				if (e->type == EMU_VIRTIO_NET) {
					e->net.link = R() % (LAYOUT_MAX_LINKS + 2);
					for (unsigned m = 0; m < 6 && R() % 2; m++)
						e->net.mac[m] = R();
				} else if (e->type == EMU_VIRTIO_BLK) {
					e->blk = (struct layout_virtio_blk){ V(), V(),
						R() % 3 ? img : NULL,
						R() % 4 ? img + (R() % 3) * 32 * KiB : NULL,
						R() % 2 };
				} else if (e->type == EMU_VIRTIO_CONSOLE) {
					e->console.name = cons[R() % (sizeof(cons) / sizeof(cons[0]))];
				} else if (e->type == EMU_DOORBELL) {
					e->doorbell.region_hpa = R() % 2 ? 0xbff00000 : V();
					e->doorbell.peer = cells[R() % (sizeof(cells) /
									sizeof(cells[0]))];
				}
			}
			c->arch.vplic_gpa = V();
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
	test_virtio_types();
	test_virtio_net();
	test_virtio_mac();
	test_virtio_blk();
	test_virtio_blk_images();
	test_virtio_console();
	test_shared_alone();
	test_doorbell();
	test_fuzz();
	test_fdt_reserved();
	test_virtio_blk_reserved();
	test_reserved_overflow();
	test_dma();
	test_device_tree_walk();
	test_aia();
	free(fdt);
	CHECK_EQ(bad_reports, 0);
	return test_report("test_layout_check");
}
