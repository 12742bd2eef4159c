// SPDX-License-Identifier: GPL-2.0-only
/*
 * The guest device-tree generator runs on layouts the checker accepted
 * (at build time and at boot), so that is what it gets here: layouts made
 * as in fuzz_layout_check, and only those layout_check() passes.  For each
 * cell the tree must be written, be well-formed (the libfdt we fetch has no
 * fdt_check_full(), so it is walked tag by tag and node by node), and describe
 * the cell: one cpu per vhart, its private memory, its vPLIC, UARTs,
 * virtio-mmio transports, doorbells (with their shared regions) and
 * passthrough devices at their guest addresses (emulated devices in the
 * layout's order), its bootargs.
 */
#include <stdbool.h>
#include <fv/guest_fdt.h>
#include "fuzz_layout.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_boards_init();
	return 0;
}

/* Every tag in order, nodes balanced, the struct block ends with FDT_END. */
static void walk_tags(const void *fdt)
{
	int off = 0, next, depth = 0;
	uint32_t tag;

	do {
		tag = fdt_next_tag(fdt, off, &next);
		FUZZ_ASSERT(next > off);
		if (tag == FDT_BEGIN_NODE)
			depth++;
		else if (tag == FDT_END_NODE)
			FUZZ_ASSERT(--depth >= 0);
		else
			FUZZ_ASSERT(tag == FDT_PROP || tag == FDT_NOP || tag == FDT_END);
		off = next;
	} while (tag != FDT_END);
	FUZZ_ASSERT(depth == 0);
}

/* Properties readable and named, children named and unique. */
static void walk_node(const void *fdt, int node, int depth)
{
	int off, child, len;

	FUZZ_ASSERT(depth < 8);
	fdt_for_each_property_offset(off, fdt, node) {
		const char *name = NULL;

		FUZZ_ASSERT(fdt_getprop_by_offset(fdt, off, &name, &len) && name && name[0]);
		FUZZ_ASSERT(len >= 0);
	}
	FUZZ_ASSERT(off == -FDT_ERR_NOTFOUND);
	fdt_for_each_subnode(child, fdt, node) {
		const char *name = fdt_get_name(fdt, child, &len);

		FUZZ_ASSERT(name && len > 0 && (int)strlen(name) == len);
		FUZZ_ASSERT(fdt_subnode_offset(fdt, node, name) == child);
		walk_node(fdt, child, depth + 1);
	}
	FUZZ_ASSERT(child == -FDT_ERR_NOTFOUND);
}

/* The node `name`@`addr` under `parent`, whose reg is (addr, size). */
static int has_node(const void *fdt, int parent, const char *name, uint64_t addr,
		    uint64_t size)
{
	char buf[96];
	const fdt64_t *reg;
	int node, len;

	snprintf(buf, sizeof(buf), "%s@%llx", name, (unsigned long long)addr);
	node = fdt_subnode_offset(fdt, parent, buf);
	FUZZ_ASSERT(node >= 0);
	reg = fdt_getprop(fdt, node, "reg", &len);
	FUZZ_ASSERT(reg && len == 16);
	FUZZ_ASSERT(fdt64_ld(&reg[0]) == addr && fdt64_ld(&reg[1]) == size);	/* 4-aligned */
	return node;
}

/* A one-cell property holding `v`. */
static void has_u32(const void *fdt, int node, const char *name, uint32_t v)
{
	const fdt32_t *p;
	int len;

	p = fdt_getprop(fdt, node, name, &len);
	FUZZ_ASSERT(p && len == 4 && fdt32_ld(p) == v);
}

/* What Linux's virtio_mmio driver binds to: compatible, reg, and the
 * device's interrupt on the cell's interrupt controller. */
static int has_virtio(const void *fdt, int soc, const struct layout_emu *e, uint32_t irqc)
{
	int node = has_node(fdt, soc, "virtio_mmio", e->gpa, VIRTIO_MMIO_WINDOW), len;
	const char *compat = fdt_getprop(fdt, node, "compatible", &len);

	FUZZ_ASSERT(compat && len == sizeof("virtio,mmio") && !strcmp(compat, "virtio,mmio"));
	has_u32(fdt, node, "interrupts", e->irq);
	has_u32(fdt, node, "interrupt-parent", irqc);
	return node;
}

/* What uio_pdrv_genirq binds to: the registers, then the shared region at
 * the cell's guest address for it, and the doorbell's interrupt. */
static int has_doorbell(const void *fdt, int soc, const struct layout_cell *d,
			const struct layout_emu *e, uint32_t irqc)
{
	int r = layout_shared_region(d, e->doorbell.region_hpa), node, len;
	const char *compat;
	const fdt64_t *reg;
	char buf[64];

	FUZZ_ASSERT(r >= 0);	/* the checker passed it */
	snprintf(buf, sizeof(buf), "doorbell@%llx", (unsigned long long)e->gpa);
	node = fdt_subnode_offset(fdt, soc, buf);
	FUZZ_ASSERT(node >= 0);
	compat = fdt_getprop(fdt, node, "compatible", &len);
	FUZZ_ASSERT(compat && len == sizeof("ferrovisor,doorbell") &&
		    !strcmp(compat, "ferrovisor,doorbell"));
	reg = fdt_getprop(fdt, node, "reg", &len);
	FUZZ_ASSERT(reg && len == 32);
	FUZZ_ASSERT(fdt64_ld(&reg[0]) == e->gpa && fdt64_ld(&reg[1]) == DOORBELL_WINDOW);
	FUZZ_ASSERT(fdt64_ld(&reg[2]) == d->mem[r].gpa && fdt64_ld(&reg[3]) == d->mem[r].size);
	FUZZ_ASSERT(d->mem[r].flags & MEM_SHARED);
	has_u32(fdt, node, "interrupts", e->irq);
	has_u32(fdt, node, "interrupt-parent", irqc);
	return node;
}

/* /soc holds the vPLIC, then the emulated devices in the layout's order,
 * then the passthrough devices; `emus` are the emulated ones' nodes. */
static void soc_order(const void *fdt, int soc, const int *emus, unsigned n)
{
	int node = fdt_first_subnode(fdt, soc);

	FUZZ_ASSERT(node >= 0 && !strncmp(fdt_get_name(fdt, node, NULL), "plic@", 5));
	for (unsigned i = 0; i < n; i++) {
		node = fdt_next_subnode(fdt, node);
		FUZZ_ASSERT(node == emus[i]);
	}
}

static void check_tree(const struct layout_cell *d, const void *fdt, int size)
{
	int cpus, soc, chosen, n = 0, node, emus[LAYOUT_MAX_EMUS];
	uint32_t irqc;
	const char *args;

	FUZZ_ASSERT(fdt_check_header(fdt) == 0);
	FUZZ_ASSERT(fdt_totalsize(fdt) == (unsigned)size);
	walk_tags(fdt);
	walk_node(fdt, 0, 0);

	cpus = fdt_path_offset(fdt, "/cpus");
	FUZZ_ASSERT(cpus >= 0);
	fdt_for_each_subnode(node, fdt, cpus)
		n++;
	FUZZ_ASSERT(n == (int)d->nr_harts);

	for (unsigned i = 0; i < d->nr_mem; i++)
		if (!(d->mem[i].flags & MEM_SHARED))
			has_node(fdt, 0, "memory", d->mem[i].gpa, d->mem[i].size);

	soc = fdt_path_offset(fdt, "/soc");
	FUZZ_ASSERT(soc >= 0);
	node = has_node(fdt, soc, "plic", d->arch.vplic_gpa, VPLIC_SIZE);
	irqc = fdt_get_phandle(fdt, node);
	FUZZ_ASSERT(irqc != 0);
	for (unsigned i = 0; i < d->nr_emus; i++) {
		const struct layout_emu *e = &d->emus[i];

		/* the checker passed it: each is one of these */
		FUZZ_ASSERT(e->type == EMU_UART16550 || layout_emu_is_virtio(e->type) ||
			    e->type == EMU_DOORBELL);
		if (e->type == EMU_UART16550) {
			emus[i] = has_node(fdt, soc, "serial", e->gpa,
					   layout_emu_size(EMU_UART16550));
			has_u32(fdt, emus[i], "interrupt-parent", irqc);
		} else if (e->type == EMU_DOORBELL) {
			emus[i] = has_doorbell(fdt, soc, d, e, irqc);
		} else {
			emus[i] = has_virtio(fdt, soc, e, irqc);
		}
	}
	soc_order(fdt, soc, emus, d->nr_emus);
	n = 0;
	fdt_for_each_subnode(node, fdt, soc)
		n++;
	FUZZ_ASSERT(n == 1 + (int)d->nr_emus + (int)d->nr_devs);

	chosen = fdt_path_offset(fdt, "/chosen");
	FUZZ_ASSERT(chosen >= 0);
	args = fdt_getprop(fdt, chosen, "bootargs", NULL);
	FUZZ_ASSERT(!d->bootargs == !args);
	if (args)
		FUZZ_ASSERT(!strcmp(args, d->bootargs));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	const struct fuzz_board *b = &fuzz_boards[in_u8(&in) % FUZZ_NR_BOARDS];
	struct layout_check_env env;
	struct fuzz_layout f;

	fuzz_env(&env, b);
	env.file = (in_u8(&in) & 1) ? "cells/fuzz/layout.c" : NULL;	/* as fuzz_layout_check */
	fuzz_layout_make(&f, &in);
	if (layout_check(f.l, &env) == 0) {
		void *buf = malloc(GUEST_FDT_MAX);

		platform = b->plat;	/* the generator reads the global one */
		for (unsigned i = 0; i < f.l->nr_cells; i++) {
			struct cell c = { .desc = &f.l->cells[i], .name = f.l->cells[i].name, .id = i };
			int n;

			memset(buf, 0xee, GUEST_FDT_MAX);
			n = guest_fdt_write(&c, buf, GUEST_FDT_MAX);
			if (n < 0)
				fprintf(stderr, "cell %u: guest_fdt_write: %s\n", i, fdt_strerror(n));
			FUZZ_ASSERT(n > 0 && n <= GUEST_FDT_MAX);
			check_tree(c.desc, buf, n);
		}
		free(buf);
	}
	fuzz_layout_free(&f);
	return 0;
}
