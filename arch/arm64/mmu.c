// SPDX-License-Identifier: GPL-2.0-only
/*
 * The boot CPU's EL2 stage-1 map, built once with the MMU off: RAM the
 * device tree names (the hypervisor's pool and the guests' memory, which
 * it writes: images, device trees, virtio rings, doorbells) Normal
 * write-back execute-never; the image's text read-only executable, its
 * rodata read-only; the GIC and the console UART Device-nGnRE; nothing
 * else, so a wild hypervisor pointer faults (trap.c prints ESR/FAR and
 * stops).  Every CPU then loads the same registers (entry.S).
 */
#include <libfdt.h>
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <fv/console.h>
#include <fv/hv.h>
#include <fv/panic.h>
#include <fv/platform.h>
#include <fv/string.h>

#define MMU_POOL_PAGES	32
#define MAX_RANGES	24

extern char hv_text_end[], hv_data_start[];

static uint64_t mmu_pool[MMU_POOL_PAGES][MMU_ENTRIES] __aligned(4096);
struct mmu_regs arm64_mmu_regs;

struct range_list {
	struct mmu_range { uint64_t base, end, attr; } r[MAX_RANGES];
	unsigned n;
	bool overflow;
};

static void add(struct range_list *l, uint64_t base, uint64_t size, uint64_t attr)
{
	if (!size)
		return;
	if (l->n == MAX_RANGES) {
		l->overflow = true;
		return;
	}
	l->r[l->n++] = (struct mmu_range){ base & ~0xfffULL, (base + size + 0xfff) & ~0xfffULL,
					   attr };
}

/* Every reg range of `node`, whose parent (the one that says the cell
 * sizes) is `parent`: known to the callers, so that libfdt need not walk
 * the tree from its start to find it for each range. */
static void add_node_regs(struct range_list *l, const void *fdt, int parent, int node,
			  uint64_t attr)
{
	struct plat_range r;

	for (int i = 0; fdt_read_reg_under(fdt, parent, node, i, &r) == 0; i++)
		add(l, r.base, r.size, attr);
}

/* Every memory node under the root: Normal, read/write, execute-never. */
static void add_memory(struct range_list *l, const void *fdt)
{
	int node;

	fdt_for_each_subnode(node, fdt, 0) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);

		if (type && !strcmp(type, "memory"))
			add_node_regs(l, fdt, 0, node, MMU_DATA);
	}
}

/* The GIC (either version) and its children (an ITS): Device. */
static void add_gic(struct range_list *l, const void *fdt)
{
	static const char *const compat[] = { "arm,gic-v3", "arm,gic-400", "arm,cortex-a15-gic" };
	int gic = -1, child;

	for (unsigned i = 0; i < 3 && gic < 0; i++)
		gic = fdt_node_offset_by_compatible(fdt, -1, compat[i]);
	if (gic < 0)
		return;
	add_node_regs(l, fdt, fdt_parent_offset(fdt, gic), gic, MMU_DEVICE);
	fdt_for_each_subnode(child, fdt, gic) {
		add_node_regs(l, fdt, gic, child, MMU_DEVICE);
	}
}

/* The image's sections over the RAM mapping: after it, so they win. */
static void add_image(struct range_list *l)
{
	uint64_t start = (uintptr_t)hv_image_start, text = (uintptr_t)hv_text_end;
	uint64_t data = (uintptr_t)hv_data_start, end = (uintptr_t)hv_image_end;

	add(l, start, text - start, MMU_TEXT);
	add(l, text, data - text, MMU_RODATA);
	add(l, data, end - data, MMU_DATA);
}

static int build(struct mmu_map *m, const struct range_list *l)
{
	uint64_t top = 0;

	for (unsigned i = 0; i < l->n; i++)
		if (l->r[i].end > top)
			top = l->r[i].end;
	if (l->overflow || mmu_map_init(m, mmu_pool, MMU_POOL_PAGES, mmu_va_bits(top)) < 0)
		return -1;
	for (unsigned i = 0; i < l->n; i++)
		if (mmu_map_range(m, l->r[i].base, l->r[i].end - l->r[i].base, l->r[i].attr) < 0)
			return -1;
	return 0;
}

/* What was written with the MMU off (data, bss: the tables, the stacks,
 * arm64_mmu_regs) went to memory; drop any line a cache may still hold for
 * it before the caches are turned on.  Invalidate, not clean: a dirty line
 * left by the loader (which cleans the image to memory before it enters,
 * as for Linux) written back now would overwrite what we wrote since. */
static void inval_data(void)
{
	uint64_t line = 4ULL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
	uint64_t p = (uintptr_t)hv_data_start & ~(line - 1);

	dsb(sy);
	for (; p < (uintptr_t)hv_image_end; p += line)
		__asm__ volatile("dc ivac, %0" :: "r"(p) : "memory");
	dsb(sy);
}

int arm64_mmu_setup(const void *fdt, uint64_t uart_base)
{
	static struct range_list l;
	struct mmu_map m;
	unsigned parange = (unsigned)read_sysreg(id_aa64mmfr0_el1) & 0xf;

	if (fdt_check_header(fdt))
		return -1;
	add_memory(&l, fdt);
	add_image(&l);
	add_gic(&l, fdt);
	if (uart_base)
		add(&l, uart_base, 0x1000, MMU_DEVICE);
	if (build(&m, &l) < 0)
		return -1;
	arm64_mmu_regs = (struct mmu_regs){
		.mair = MMU_MAIR,
		.tcr = mmu_tcr(&m, parange),
		.ttbr = (uintptr_t)mmu_pool[0],
		.sctlr = SCTLR_EL2_RES1 | SCTLR_EL2_MMU_ON,
	};
	inval_data();
	arm64_mmu_on(&arm64_mmu_regs);
	kprintf("Ferrovisor: EL2 MMU on, caches on (%u-bit identity map, %u table pages)\n",
		m.va_bits, m.used);
	return 0;
}
