// SPDX-License-Identifier: GPL-2.0-only
/*
 * Device-tree probing (src/platform.c + arch/riscv/platform.c) against the
 * device trees QEMU's virt machine really produces (dumped with
 * -M virt,dumpdtb=... by unit.mk), and against broken ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <libfdt.h>
#include <fv/arch_platform.h>
#include <fv/compiler.h>
#include "stubs.h"
#include "dtb_file.h"
#include "test.h"

static char dir[512];

static void *load(const char *name)
{
	return dtb_load(dir, name);
}

static void test_isa_strings(void)
{
	uint64_t e = riscv_parse_isa_string("rv64imafdch_zicsr_sstc_svpbmt");

	CHECK(e & BIT(ISA_H));
	CHECK(e & BIT(ISA_SSTC));
	CHECK(e & BIT(ISA_SVPBMT));
	CHECK(!(e & BIT(ISA_SSAIA)));
	e = riscv_parse_isa_string("rv64imafdc_zicsr_ssaia_shgatpa");
	CHECK(!(e & BIT(ISA_H)));	/* 'h' only counts as a single letter */
	CHECK(e & BIT(ISA_SSAIA));
	CHECK(!(e & BIT(ISA_SSTC)));
	CHECK_EQ(riscv_parse_isa_string("rv64imac"), 0);
	CHECK_EQ(riscv_parse_isa_string("bogus_h"), 0);
	CHECK_EQ(riscv_parse_isa_string("rv64h"), BIT(ISA_H));
	CHECK_EQ(riscv_parse_isa_string(""), 0);
	CHECK_EQ(riscv_parse_isa_string("rv64i__sstc_"), BIT(ISA_SSTC));
}

static void test_virt_smp4(void)
{
	static struct platform p;
	void *fdt = load("virt-smp4-1G.dtb");

	CHECK_EQ(platform_probe(fdt, &p), 0);
	CHECK_EQ(p.nr_mem, 1);
	CHECK_EQ(p.mem[0].base, 0x80000000);
	CHECK_EQ(p.mem[0].size, 1ULL << 30);
	CHECK_EQ(p.nr_harts, 4);
	for (unsigned i = 0; i < 4; i++) {
		CHECK_EQ(p.harts[i].hwid, i);
		CHECK(p.harts[i].arch.isa_ext & BIT(ISA_H));
		CHECK(p.harts[i].arch.isa_ext & BIT(ISA_SSTC));
		/* QEMU virt: contexts are M0,S0,M1,S1,... */
		CHECK_EQ(p.harts[i].arch.plic_ctx_s, 2 * i + 1);
	}
	CHECK_EQ(p.timebase_hz, 10000000);
	CHECK(p.uart.present);
	CHECK_EQ(p.uart.reg.base, 0x10000000);
	CHECK_EQ(p.uart.irq, 10);
	CHECK_EQ(p.uart.reg_shift, 0);
	CHECK_EQ(p.uart.io_width, 1);
	CHECK_STR(p.uart.path, "/soc/serial@10000000");
	CHECK(p.arch.plic.present);
	CHECK_EQ(p.arch.plic.base, 0x0c000000);
	CHECK(p.arch.plic.ndev >= 95);
	CHECK(!p.arch.aplic_s.present);
	CHECK(p.arch.clint.present);
	CHECK_EQ(p.arch.clint.base, 0x02000000);
	CHECK(p.arch.isa_common & BIT(ISA_H));
	CHECK_EQ(platform_hart_index(&p, 3), 3);
	CHECK_EQ(platform_hart_index(&p, 4), -1);
	stub_log_clear();
	CHECK_EQ(arch_platform_check(&p), 0);
	CHECK_STR(stub_log, "");
	free(fdt);
}

static void test_virt_aia_smp8(void)
{
	static struct platform p;
	void *fdt = load("virt-aia-smp8-2G.dtb");

	CHECK_EQ(platform_probe(fdt, &p), 0);
	CHECK_EQ(p.nr_harts, 8);
	CHECK_EQ(p.mem[0].size, 2ULL << 30);
	CHECK(!p.arch.plic.present);
	CHECK(p.arch.aplic_s.present);
	CHECK_EQ(p.arch.aplic_s.base, 0x0d000000);	/* the S-level APLIC, not M 0xc000000 */
	CHECK(p.arch.imsic_s.present);
	CHECK_EQ(p.arch.imsic_s.base, 0x28000000);	/* the S-level IMSIC files */
	CHECK(p.arch.isa_common & BIT(ISA_SSAIA));
	CHECK_EQ(arch_platform_check(&p), 0);
	free(fdt);
}

static void test_virt_no_h(void)
{
	static struct platform p;
	void *fdt = load("virt-noh.dtb");

	CHECK_EQ(platform_probe(fdt, &p), 0);
	CHECK(!(p.harts[0].arch.isa_ext & BIT(ISA_H)));
	stub_log_clear();
	CHECK(arch_platform_check(&p) < 0);
	CHECK(strstr(stub_log, "hart 0 has no H (hypervisor) extension") != NULL);
	free(fdt);
}

static void test_more_harts_than_config(void)
{
	static struct platform p;
	void *fdt = load("virt-smp12.dtb");

	CHECK_EQ(platform_probe(fdt, &p), 0);
	CHECK_EQ(p.nr_harts, CONFIG_MAX_HARTS);
	CHECK_EQ(p.nr_harts_skipped, 12 - CONFIG_MAX_HARTS);
	free(fdt);
}

/* Trees with parts missing or malformed fail with a message, never crash. */
static void test_broken(void)
{
	static struct platform p;
	void *fdt = load("virt-smp4-1G.dtb");
	char garbage[64] = "not a device tree";
	int node;

	stub_log_clear();
	CHECK(platform_probe(garbage, &p) < 0);
	CHECK(strstr(stub_log, "no valid device tree") != NULL);

	fdt_open_into(fdt, fdt, 1 << 20);
	node = fdt_path_offset(fdt, "/cpus");
	fdt_delprop(fdt, node, "timebase-frequency");
	stub_log_clear();
	CHECK(platform_probe(fdt, &p) < 0);
	CHECK(strstr(stub_log, "timebase-frequency") != NULL);

	fdt_del_node(fdt, fdt_path_offset(fdt, "/memory@80000000"));
	stub_log_clear();
	CHECK(platform_probe(fdt, &p) < 0);
	CHECK(strstr(stub_log, "no memory node") != NULL);

	fdt_del_node(fdt, fdt_path_offset(fdt, "/cpus"));
	stub_log_clear();
	CHECK(platform_probe(fdt, &p) < 0);
	free(fdt);

	/* A stdout-path to a node that is no ns16550: no UART, still fine. */
	fdt = load("virt-smp4-1G.dtb");
	fdt_open_into(fdt, fdt, 1 << 20);
	fdt_setprop_string(fdt, fdt_path_offset(fdt, "/chosen"), "stdout-path", "/soc/plic@c000000");
	CHECK_EQ(platform_probe(fdt, &p), 0);
	CHECK(!p.uart.present);
	fdt_setprop_string(fdt, fdt_path_offset(fdt, "/chosen"), "stdout-path", "/nowhere:115200");
	CHECK_EQ(platform_probe(fdt, &p), 0);
	CHECK(!p.uart.present);
	free(fdt);
}

/* The one-pass walk: stdout-path as an alias or without the unit
 * address, and a property whose length runs past the structure block. */
static void test_walk(void)
{
	static struct platform p;
	void *fdt = load("virt-smp4-1G.dtb");
	int chosen;
	uint8_t *len;

	CHECK_EQ(platform_probe(fdt, &p), 0);
	CHECK(!strcmp(p.uart.path, "/soc/serial@10000000"));
	CHECK_EQ(p.uart.reg.base, 0x10000000);
	CHECK_EQ(p.uart.irq, 10);
	fdt_open_into(fdt, fdt, 1 << 20);
	chosen = fdt_path_offset(fdt, "/chosen");
	fdt_setprop_string(fdt, chosen, "stdout-path", "serial0:115200");
	CHECK_EQ(platform_probe(fdt, &p), 0);
	CHECK(p.uart.present && p.uart.reg.base == 0x10000000);
	CHECK(!strcmp(p.uart.path, "/soc/serial@10000000"));
	fdt_setprop_string(fdt, chosen, "stdout-path", "/soc/serial");
	CHECK_EQ(platform_probe(fdt, &p), 0);
	CHECK(p.uart.present && p.uart.reg.base == 0x10000000);
	fdt_setprop_string(fdt, chosen, "stdout-path", "/soc/serial@10000001");
	CHECK_EQ(platform_probe(fdt, &p), 0);
	CHECK(!p.uart.present);

	/* the root's first property: its length field made huge */
	len = (uint8_t *)fdt + fdt_off_dt_struct(fdt) + fdt_first_property_offset(fdt, 0) + 4;
	len[0] = 0x7f;
	stub_log_clear();
	CHECK(platform_probe(fdt, &p) < 0);
	CHECK(strstr(stub_log, "malformed") != NULL);
	free(fdt);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		printf("usage: %s <dir with QEMU virt DTBs>\n", argv[0]);
		return 2;
	}
	snprintf(dir, sizeof(dir), "%s", argv[1]);
	test_isa_strings();
	test_virt_smp4();
	test_virt_aia_smp8();
	test_virt_no_h();
	test_more_harts_than_config();
	test_broken();
	test_walk();
	return test_report("test_platform");
}
