// SPDX-License-Identifier: GPL-2.0-only
/*
 * The layout checker: is every hart, memory range, device and interrupt a
 * cell names on this machine, and owned by one cell only?  Shared by the
 * build (src/host/layoutcheck.c) and the boot, so it uses only fmt, string
 * and libfdt, and never trusts a count in the layout: a count beyond its
 * array is reported and the array ignored, never followed.
 */
#include <stdarg.h>
#include <libfdt.h>
#include <fv/arch_platform.h>
#include <fv/compiler.h>
#include <fv/fmt.h>
#include <fv/layout_check.h>
#include <fv/string.h>

#define MSG_MAX		320
#define LABEL_MAX	48
#define DT_MAX_DEPTH	16	/* deeper device-tree nodes are no devices to us */

typedef unsigned long long ull;

/* The board's device reg ranges, read from the tree once per check. */
#define DEVTAB_MAX	64

struct devtab {
	int n;			/* entries; -1 not read yet; -2 the tree has more */
	struct devreg {
		int node;
		struct plat_range r;
	} reg[DEVTAB_MAX];
};

struct ctx {
	const struct layout *l;
	const struct layout_check_env *env;
	const struct platform *p;
	unsigned nr_cells;	/* 0 if more than CONFIG_MAX_CELLS */
	int cell;		/* the cell being checked, -1: the layout */
	int errors;
	struct devtab devs;
	int nr_power;		/* power controls: -1 not read; -2 too many */
	struct plat_range power[4];
};

static const struct {
	const char *name;
	uint64_t size;
} emu_types[EMU_TYPE_NR] = {
	[EMU_UART16550] = { "uart16550", 0x100 },
	[EMU_VIRTIO_CONSOLE] = { "virtio-console", VIRTIO_MMIO_WINDOW },
	[EMU_VIRTIO_NET] = { "virtio-net", VIRTIO_MMIO_WINDOW },
	[EMU_VIRTIO_BLK] = { "virtio-blk", VIRTIO_MMIO_WINDOW },
	[EMU_DOORBELL] = { "doorbell", DOORBELL_WINDOW },
	[EMU_PL011] = { "pl011", 0x1000 },
};

uint64_t layout_emu_size(enum emu_type type)
{
	return type > EMU_NONE && type < EMU_TYPE_NR ? emu_types[type].size : 0;
}

const char *layout_emu_name(enum emu_type type)
{
	return type > EMU_NONE && type < EMU_TYPE_NR ? emu_types[type].name : "?";
}

bool layout_emu_is_virtio(enum emu_type type)
{
	return type == EMU_VIRTIO_CONSOLE || type == EMU_VIRTIO_NET || type == EMU_VIRTIO_BLK;
}

void layout_virtio_mac(const struct layout *l, unsigned cell, const struct layout_emu *e,
		       uint8_t mac[6])
{
	static const uint8_t derived[6] = { 0x02, 0x46, 0x56 };	/* local, unicast, "FV" */

	if (memcmp(e->net.mac, (const uint8_t[6]){ 0 }, 6)) {
		memcpy(mac, e->net.mac, 6);
		return;
	}
	memcpy(mac, derived, 6);
	mac[3] = (uint8_t)cell;
	mac[4] = (uint8_t)e->net.link;
	mac[5] = (uint8_t)(e - l->cells[cell].emus);
}

/* ---------------------------------------------------------------- ranges */

/* [base, base+size) is non-empty and does not wrap; `last` is inclusive. */
static bool range_ok(uint64_t base, uint64_t size)
{
	return size && base + (size - 1) >= base;
}

static uint64_t last(uint64_t base, uint64_t size)
{
	return base + (size - 1);
}

static bool overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return range_ok(a, alen) && range_ok(b, blen) &&
	       a <= last(b, blen) && b <= last(a, alen);
}

static bool inside(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return range_ok(a, alen) && range_ok(b, blen) &&
	       a >= b && last(a, alen) <= last(b, blen);
}

/* Round out to whole pages (what a G-stage mapping or trap really covers). */
static void page_round(uint64_t *base, uint64_t *size)
{
	uint64_t first = ALIGN_DOWN(*base, LAYOUT_PAGE);
	uint64_t end = last(*base, *size) | (LAYOUT_PAGE - 1);

	*base = first;
	*size = end - first + 1;	/* 0 only for the whole address space */
}

/* Entries of a layout array to look at: a count beyond the array is
 * reported once and the array ignored, not trusted in part. */
static unsigned count(unsigned n, unsigned max)
{
	return n <= max ? n : 0;
}

/* ---------------------------------------------------------------- messages */

static void append(char *buf, size_t *n, const char *fmt, ...) __printf(3, 4);

static void append(char *buf, size_t *n, const char *fmt, ...)
{
	va_list ap;

	if (*n >= MSG_MAX - 1)
		return;
	va_start(ap, fmt);
	*n += fmt_vsnprintf(buf + *n, MSG_MAX - *n, fmt, ap);
	va_end(ap);
	if (*n > MSG_MAX - 1)
		*n = MSG_MAX - 1;
}

static const struct layout_cell *cell(const struct ctx *c, unsigned i)
{
	return &c->l->cells[i];
}

/* `cell "name"`, or `cell #i` for a cell without a name. */
static const char *cell_label(const struct ctx *c, unsigned i, char *buf)
{
	const char *name = cell(c, i)->name;

	if (name && name[0])
		fmt_snprintf(buf, LABEL_MAX, "cell \"%.32s\"", name);
	else
		fmt_snprintf(buf, LABEL_MAX, "cell #%u", i);
	return buf;
}

/* One line, "file: cell: ..." as far as known, to `sink` if there is one. */
static void message(struct ctx *c, void (*sink)(void *, const char *),
		    const char *fmt, va_list ap)
{
	char msg[MSG_MAX], label[LABEL_MAX];
	size_t n = 0;

	msg[0] = '\0';
	if (c->env->file)
		append(msg, &n, "%s: ", c->env->file);
	if (c->cell >= 0)
		append(msg, &n, "%s: ", cell_label(c, c->cell, label));
	if (n < MSG_MAX - 1)
		fmt_vsnprintf(msg + n, MSG_MAX - n, fmt, ap);
	if (sink)
		sink(c->env->arg, msg);
}

static void error(struct ctx *c, const char *fmt, ...) __printf(2, 3);

static void error(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	c->errors++;
	va_start(ap, fmt);
	message(c, c->env->report, fmt, ap);
	va_end(ap);
}

/* A risk the layout accepted explicitly: said, not counted. */
static void warning(struct ctx *c, const char *fmt, ...) __printf(2, 3);

static void warning(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	message(c, c->env->warn, fmt, ap);
	va_end(ap);
}

/* "the firmware" reads well as is; a device-tree node name needs a noun. */
static const char *reserved_prefix(const char *name)
{
	return !strncmp(name, "the ", 4) ? "" : "reserved memory ";
}

/* ---------------------------------------------------------------- layout */

static void check_layout(struct ctx *c)
{
	const struct layout *l = c->l;

	if (!l->board)
		error(c, "the layout names no board (.board = \"%s\")", CONFIG_PLATFORM);
	else if (strcmp(l->board, CONFIG_PLATFORM))
		error(c, "the layout is for board \"%.32s\", not the configured platform \"%s\"",
		      l->board, CONFIG_PLATFORM);
	/* No cells is allowed: the hypervisor alone boots and idles. */
	if (l->nr_cells > CONFIG_MAX_CELLS)
		error(c, "the layout has %u cells, more than CONFIG_MAX_CELLS (%d)",
		      l->nr_cells, CONFIG_MAX_CELLS);
}

static void check_name(struct ctx *c)
{
	const char *name = cell(c, c->cell)->name;

	if (!name || !name[0]) {
		error(c, "has no name (.name)");
		return;
	}
	for (int j = 0; j < c->cell; j++) {
		const char *other = cell(c, j)->name;

		if (other && !strcmp(name, other)) {
			error(c, "name is also used by cell #%d", j);
			return;
		}
	}
}

/* ---------------------------------------------------------------- harts */

/* "0-3", "0 2-5": the board's hart ids, for a message. */
static void board_harts(const struct platform *p, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < p->nr_harts && n < size - 1; ) {
		unsigned j = i;

		while (j + 1 < p->nr_harts && p->harts[j + 1].hwid == p->harts[j].hwid + 1)
			j++;
		n += fmt_snprintf(buf + n, size - n, j > i ? "%s%lu-%lu" : "%s%lu",
				  i ? " " : "", p->harts[i].hwid, p->harts[j].hwid);
		i = j + 1;
	}
}

static void check_harts(struct ctx *c)
{
	const struct layout_cell *lc = cell(c, c->cell);
	unsigned n = count(lc->nr_harts, LAYOUT_MAX_HARTS);
	char label[LABEL_MAX], list[96];

	if (!lc->nr_harts)
		error(c, "has no harts (HARTS(...))");
	else if (lc->nr_harts > LAYOUT_MAX_HARTS)
		error(c, "nr_harts %u is more than LAYOUT_MAX_HARTS (%d)",
		      lc->nr_harts, LAYOUT_MAX_HARTS);
	for (unsigned i = 0; i < n; i++) {
		unsigned long h = lc->harts[i];

		if (platform_hart_index(c->p, h) < 0) {
			board_harts(c->p, list, sizeof(list));
			error(c, "harts[%u]: hart %lu is not on the board (its harts: %s%s)",
			      i, h, list, c->p->nr_harts_skipped ?
			      "; harts beyond CONFIG_MAX_HARTS are not used" : "");
		}
		for (unsigned j = 0; j < i; j++)
			if (lc->harts[j] == h) {
				error(c, "harts[%u]: hart %lu is listed twice (also harts[%u])",
				      i, h, j);
				break;
			}
		for (int k = 0; k < c->cell; k++) {
			const struct layout_cell *o = cell(c, k);

			for (unsigned j = 0; j < count(o->nr_harts, LAYOUT_MAX_HARTS); j++)
				if (o->harts[j] == h)
					error(c, "harts[%u]: hart %lu is also owned by %s (harts[%u])",
					      i, h, cell_label(c, k, label), j);
		}
	}
}

/* ---------------------------------------------------------------- memory */

/* Zero size, misalignment and wrapping of a gpa/hpa/size triple; true if
 * the ranges are usable for the checks that follow. */
static bool check_window(struct ctx *c, const char *what, unsigned i,
			 uint64_t gpa, uint64_t hpa, uint64_t size)
{
	bool ok = true;

	if (!size) {
		error(c, "%s[%u] has size 0", what, i);
		return false;
	}
	if (!IS_ALIGNED(gpa, LAYOUT_PAGE))
		error(c, "%s[%u] gpa %#llx is not 4 KiB aligned", what, i, (ull)gpa);
	if (!IS_ALIGNED(hpa, LAYOUT_PAGE))
		error(c, "%s[%u] hpa %#llx is not 4 KiB aligned", what, i, (ull)hpa);
	if (!IS_ALIGNED(size, LAYOUT_PAGE))
		error(c, "%s[%u] size %#llx is not a multiple of 4 KiB", what, i, (ull)size);
	if (!range_ok(hpa, size)) {
		error(c, "%s[%u] hpa %#llx + size %#llx wraps around the address space",
		      what, i, (ull)hpa, (ull)size);
		ok = false;
	}
	if (!range_ok(gpa, size)) {
		error(c, "%s[%u] gpa %#llx + size %#llx wraps around the address space",
		      what, i, (ull)gpa, (ull)size);
		ok = false;
	}
	return ok;
}

static void ram_list(const struct platform *p, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < p->nr_mem && n < size - 1; i++)
		n += fmt_snprintf(buf + n, size - n, "%s%#llx-%#llx", i ? ", " : "",
				  (ull)p->mem[i].base, (ull)last(p->mem[i].base, p->mem[i].size));
}

/* Host memory a cell or a disk takes: inside RAM, clear of the firmware,
 * the hypervisor and the reserved ranges.  `what` names it: "mem[0]". */
static void check_ram_place(struct ctx *c, const char *what, uint64_t hpa, uint64_t size)
{
	const struct layout_check_env *env = c->env;
	bool in_ram = false;
	char list[128];

	for (unsigned r = 0; r < c->p->nr_mem; r++)
		in_ram |= inside(hpa, size, c->p->mem[r].base, c->p->mem[r].size);
	if (!in_ram) {
		ram_list(c->p, list, sizeof(list));
		error(c, "%s hpa %#llx-%#llx is outside the board's RAM (%s)",
		      what, (ull)hpa, (ull)last(hpa, size), list);
	}
	for (unsigned r = 0; r < MIN(env->nr_reserved, (unsigned)LAYOUT_MAX_RESERVED); r++) {
		const struct plat_range *res = &env->reserved[r];
		const char *name = env->reserved_name[r] ?: "a reserved range";

		if (overlap(hpa, size, res->base, res->size))
			error(c, "%s hpa %#llx-%#llx overlaps %s%s (%#llx-%#llx)",
			      what, (ull)hpa, (ull)last(hpa, size),
			      reserved_prefix(name), name,
			      (ull)res->base, (ull)last(res->base, res->size));
	}
}

static void check_mem_place(struct ctx *c, unsigned i, const struct layout_mem *m)
{
	char what[16];

	fmt_snprintf(what, sizeof(what), "mem[%u]", i);
	check_ram_place(c, what, m->hpa, m->size);
}

/* Host-physical overlap with earlier regions (this cell's and earlier
 * cells'), so each conflict is reported once. */
static void check_mem_owner(struct ctx *c, unsigned i, const struct layout_mem *m)
{
	char label[LABEL_MAX];

	for (int k = 0; k <= c->cell; k++) {
		const struct layout_cell *o = cell(c, k);
		unsigned n = k == c->cell ? i : count(o->nr_mem, LAYOUT_MAX_MEM);

		for (unsigned j = 0; j < n; j++) {
			const struct layout_mem *om = &o->mem[j];

			if (!overlap(m->hpa, m->size, om->hpa, om->size) ||
			    (m->flags & om->flags & MEM_SHARED))
				continue;
			if (k == c->cell)
				error(c, "mem[%u] hpa %#llx-%#llx overlaps mem[%u] of the same cell "
				      "(mark both MEM_SHARED to alias)",
				      i, (ull)m->hpa, (ull)last(m->hpa, m->size), j);
			else
				error(c, "mem[%u] hpa %#llx-%#llx overlaps %s mem[%u] "
				      "(mark both MEM_SHARED to share)",
				      i, (ull)m->hpa, (ull)last(m->hpa, m->size),
				      cell_label(c, k, label), j);
		}
	}
}

/* A shared region is there to be shared: some other cell maps it too (if
 * that one does not mark it MEM_SHARED, check_mem_owner() says so). */
static void check_mem_shared(struct ctx *c, unsigned i, const struct layout_mem *m)
{
	if (!(m->flags & MEM_SHARED))
		return;
	for (unsigned k = 0; k < c->nr_cells; k++) {
		const struct layout_cell *o = cell(c, k);

		if ((int)k == c->cell)
			continue;
		for (unsigned j = 0; j < count(o->nr_mem, LAYOUT_MAX_MEM); j++)
			if (overlap(m->hpa, m->size, o->mem[j].hpa, o->mem[j].size))
				return;
	}
	error(c, "mem[%u] hpa %#llx-%#llx is MEM_SHARED but no other cell maps it: "
	      "a shared region needs two cells", i, (ull)m->hpa, (ull)last(m->hpa, m->size));
}

static void check_memory(struct ctx *c)
{
	const struct layout_cell *lc = cell(c, c->cell);

	if (!lc->nr_mem)
		error(c, "has no memory (MEMORY(...))");
	else if (lc->nr_mem > LAYOUT_MAX_MEM)
		error(c, "nr_mem %u is more than LAYOUT_MAX_MEM (%d)", lc->nr_mem, LAYOUT_MAX_MEM);
	for (unsigned i = 0; i < count(lc->nr_mem, LAYOUT_MAX_MEM); i++) {
		const struct layout_mem *m = &lc->mem[i];

		if (!(m->flags & MEM_RWX))
			error(c, "mem[%u] has no access flags (MEM_R, MEM_W, MEM_X)", i);
		if (m->flags & ~(uint32_t)(MEM_RWX | MEM_SHARED | MEM_KEEP))
			error(c, "mem[%u] has unknown flags %#x", i,
			      m->flags & ~(uint32_t)(MEM_RWX | MEM_SHARED | MEM_KEEP));
		if (!check_window(c, "mem", i, m->gpa, m->hpa, m->size))
			continue;
		check_mem_place(c, i, m);
		check_mem_owner(c, i, m);
		check_mem_shared(c, i, m);
	}
}

/* ---------------------------------------------------------------- devices */

static uint64_t read_cells(const fdt32_t *p, int n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 32) | fdt32_to_cpu(*p++);
	return v;
}

/* Translate `r` from `bus`'s children's address space to that of its
 * parent `up`.  A bus without `ranges` (or with an empty one) maps one to
 * one. */
static int translate(const void *fdt, int bus, int up, struct plat_range *r)
{
	int len, cac, csc, pac, n;
	const fdt32_t *rg = fdt_getprop(fdt, bus, "ranges", &len);

	if (!rg || len <= 0)
		return 0;
	cac = fdt_address_cells(fdt, bus);
	csc = fdt_size_cells(fdt, bus);
	pac = fdt_address_cells(fdt, up);
	if (cac < 1 || cac > 2 || csc < 1 || csc > 2 || pac < 1 || pac > 2)
		return -1;
	n = cac + pac + csc;
	for (int e = 0; (e + 1) * n * 4 <= len; e++) {
		const fdt32_t *ent = rg + e * n;
		uint64_t cbase = read_cells(ent, cac), pbase = read_cells(ent + cac, pac);
		uint64_t size = read_cells(ent + cac + pac, csc);

		if (inside(r->base, r->size, cbase, size)) {
			r->base = pbase + (r->base - cbase);
			return 0;
		}
	}
	return -1;
}

/*
 * Reg entry `idx` of the node path[depth] (path[0] is the root), as a CPU
 * address: translated through the `ranges` of its ancestors.  -1: no such
 * entry; -2: an address the CPU cannot reach (skip it).
 */
static int path_reg(const void *fdt, const int *path, int depth, int idx,
		    struct plat_range *r)
{
	int ac = fdt_address_cells(fdt, path[depth - 1]);
	int sc = fdt_size_cells(fdt, path[depth - 1]), len;
	const fdt32_t *reg = fdt_getprop(fdt, path[depth], "reg", &len);

	if (ac < 1 || ac > 2 || sc < 1 || sc > 2 || !reg || len < (idx + 1) * (ac + sc) * 4)
		return -1;
	reg += idx * (ac + sc);
	r->base = read_cells(reg, ac);
	r->size = read_cells(reg + ac, sc);
	for (int d = depth - 1; d >= 1; d--)
		if (translate(fdt, path[d], path[d - 1], r) < 0)
			return -2;
	return 0;
}

/* Reg entry `idx` of `node`, as path_reg(), for a node found by other
 * means than a walk. */
static int node_reg(const void *fdt, int node, int idx, struct plat_range *r)
{
	int path[DT_MAX_DEPTH], depth = fdt_node_depth(fdt, node);

	if (depth < 1 || depth >= DT_MAX_DEPTH)
		return -1;
	for (int d = 0; d <= depth; d++)
		path[d] = fdt_supernode_atdepth_offset(fdt, node, d, NULL);
	return path_reg(fdt, path, depth, idx, r);
}

/* A node whose reg is a device's MMIO: not RAM, a cpu or a reserved-memory
 * node, and enabled. */
static bool is_device_node(const void *fdt, const int *path, int depth)
{
	const char *type = fdt_getprop(fdt, path[depth], "device_type", NULL);
	const char *status = fdt_getprop(fdt, path[depth], "status", NULL);
	const char *top = fdt_get_name(fdt, path[1], NULL);

	if (!top || (type && (!strcmp(type, "memory") || !strcmp(type, "cpu"))))
		return false;
	if (status && strcmp(status, "okay") && strcmp(status, "ok"))
		return false;
	return strcmp(top, "cpus") && strncmp(top, "reserved-memory", 15);
}

typedef void (*device_visit)(const void *fdt, int node, const struct plat_range *r,
			     void *arg);

/* Call `visit` with every page-rounded reg range, as a CPU address, of
 * every device node.  One walk of the tree, keeping the path from the root
 * so that no parent has to be searched for. */
static void walk_device_regs(const void *fdt, device_visit visit, void *arg)
{
	int path[DT_MAX_DEPTH], depth = -1, node, err;
	struct plat_range r;

	for (node = fdt_next_node(fdt, -1, &depth); node >= 0 && depth >= 0;
	     node = fdt_next_node(fdt, node, &depth)) {
		if (depth >= DT_MAX_DEPTH)
			continue;
		path[depth] = node;
		if (depth < 1 || !is_device_node(fdt, path, depth))
			continue;
		for (int idx = 0; (err = path_reg(fdt, path, depth, idx, &r)) != -1; idx++) {
			if (err || !range_ok(r.base, r.size))
				continue;
			page_round(&r.base, &r.size);
			visit(fdt, node, &r, arg);
		}
	}
}

static void visit_record(const void *fdt, int node, const struct plat_range *r, void *arg)
{
	struct devtab *t = arg;

	(void)fdt;
	if (t->n >= 0 && t->n < DEVTAB_MAX)
		t->reg[t->n++] = (struct devreg){ node, *r };
	else
		t->n = -2;	/* too many: walk the tree each time instead */
}

/* As walk_device_regs(), from the table the first call of a check fills:
 * a check asks for devices several times per passthrough window. */
static void for_each_device_reg(struct ctx *c, device_visit visit, void *arg)
{
	const void *fdt = c->p->fdt;
	struct devtab *t = &c->devs;

	if (t->n == -1) {
		t->n = 0;
		walk_device_regs(fdt, visit_record, t);
	}
	if (t->n < 0) {
		walk_device_regs(fdt, visit, arg);
		return;
	}
	for (int i = 0; i < t->n; i++)
		visit(fdt, t->reg[i].node, &t->reg[i].r, arg);
}

struct device_at {
	uint64_t addr, end;
	bool found;
};

static void visit_device_at(const void *fdt, int node, const struct plat_range *r,
			    void *arg)
{
	struct device_at *a = arg;

	(void)fdt;
	(void)node;
	if (a->addr >= r->base && a->addr - r->base <= r->size - 1 &&
	    (!a->found || last(r->base, r->size) > a->end)) {
		a->end = last(r->base, r->size);
		a->found = true;
	}
}

/* The end (inclusive) of the furthest-reaching device page range that
 * contains `addr`; false if no device does. */
static bool device_at(struct ctx *c, uint64_t addr, uint64_t *end)
{
	struct device_at a = { .addr = addr };

	for_each_device_reg(c, visit_device_at, &a);
	*end = a.end;
	return a.found;
}

/* Every page of [base, base+size) belongs to some device of the board;
 * otherwise `*hole` is the first address that does not. */
static bool is_board_device(struct ctx *c, uint64_t base, uint64_t size, uint64_t *hole)
{
	uint64_t cur = base, end = 0, stop = last(base, size);

	if (!c->p->fdt) {
		*hole = base;
		return false;
	}
	for (;;) {
		if (!device_at(c, cur, &end)) {
			*hole = cur;
			return false;
		}
		if (end >= stop)
			return true;
		cur = end + 1;
	}
}

/* Call `fn` with the range of each syscon that powers off or resets the
 * whole machine (QEMU's sifive,test): the firmware's, for SBI SRST. */
static void walk_power_controls(const void *fdt, void (*fn)(const struct plat_range *, void *),
				void *arg)
{
	static const char *const compat[] = { "syscon-poweroff", "syscon-reboot" };
	struct plat_range r;

	for (unsigned i = 0; fdt && i < ARRAY_SIZE(compat); i++) {
		int node = -1;

		while ((node = fdt_node_offset_by_compatible(fdt, node, compat[i])) >= 0) {
			const fdt32_t *ph = fdt_getprop(fdt, node, "regmap", NULL);
			int target = ph ? fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(*ph)) : -1;

			for (int idx = 0, err = 0; target >= 0 && err != -1; idx++) {
				if ((err = node_reg(fdt, target, idx, &r)) < 0 ||
				    !range_ok(r.base, r.size))
					continue;
				page_round(&r.base, &r.size);
				fn(&r, arg);
			}
		}
	}
}

static void record_power(const struct plat_range *r, void *arg)
{
	struct ctx *c = arg;

	if (c->nr_power >= 0 && c->nr_power < (int)ARRAY_SIZE(c->power))
		c->power[c->nr_power++] = *r;
	else
		c->nr_power = -2;
}

struct power_query {
	uint64_t base, size;
	bool hit;
};

static void overlaps_power(const struct plat_range *r, void *arg)
{
	struct power_query *q = arg;

	q->hit |= overlap(q->base, q->size, r->base, r->size);
}

/* Does [base, base+size) reach a power control?  Read once per check. */
static bool is_power_control(struct ctx *c, uint64_t base, uint64_t size)
{
	struct power_query q = { base, size, false };

	if (c->nr_power == -1) {
		c->nr_power = 0;
		walk_power_controls(c->p->fdt, record_power, c);
	}
	if (c->nr_power < 0) {
		walk_power_controls(c->p->fdt, overlaps_power, &q);
		return q.hit;
	}
	for (int i = 0; i < c->nr_power; i++)
		overlaps_power(&c->power[i], &q);
	return q.hit;
}

/*
 * Devices that can master the bus (DMA).  Ferrovisor programs no IOMMU, so
 * such a device reads and writes any physical address its cell gives it:
 * passing it through hands the cell all of memory.
 */
static const char *const dma_devices[] = {
	/* virtio's MMIO transport: every virtio device moves its queues and
	 * buffers by DMA, at the physical addresses the driver writes. */
	"virtio,mmio",
	/* QEMU's fw_cfg: its DMA interface copies to and from any address
	 * written to its DMA register. */
	"qemu,fw-cfg-mmio",
	/* A PCIe host bridge: its config space lets the cell enable bus
	 * mastering of the devices behind it. */
	"pci-host-ecam-generic",
};

/* The entry of dma_devices[] `node` is compatible with, or NULL. */
static const char *dma_compatible(const void *fdt, int node)
{
	for (unsigned i = 0; i < ARRAY_SIZE(dma_devices); i++)
		if (!fdt_node_check_compatible(fdt, node, dma_devices[i]))
			return dma_devices[i];
	return NULL;
}

/* The DMA-capable device nodes a window reaches: the one at the lowest
 * address, and how many. */
struct dma_find {
	uint64_t base, size;
	int node, last;		/* the lowest; the last counted */
	uint64_t node_base;
	const char *compat;
	unsigned n;
};

static void visit_dma(const void *fdt, int node, const struct plat_range *r, void *arg)
{
	struct dma_find *f = arg;
	const char *compat;

	if (!overlap(f->base, f->size, r->base, r->size) ||
	    !(compat = dma_compatible(fdt, node)))
		return;
	f->n += node != f->last;	/* a node with several reg entries counts once */
	f->last = node;
	if (f->node < 0 || r->base < f->node_base) {
		f->node = node;
		f->node_base = r->base;
		f->compat = compat;
	}
}

/* Refuse a DMA-capable device unless the layout accepts the risk with
 * DEV_DMA_UNCONFINED; then say so anyway. */
static void check_dev_dma(struct ctx *c, unsigned i, const struct layout_dev *d)
{
	struct dma_find f = { .base = d->hpa, .size = d->size, .node = -1, .last = -1 };
	char path[72] = "?", more[24] = "";
	ull first = d->hpa, end = last(d->hpa, d->size);

	for_each_device_reg(c, visit_dma, &f);
	if (!f.n) {
		/* Not known to do DMA: the layout says it does, so say it. */
		if (d->flags & DEV_DMA_UNCONFINED)
			warning(c, "devs[%u] hpa %#llx-%#llx is marked DEV_DMA_UNCONFINED: if it "
				"does DMA, the cell can read and write all of memory", i, first, end);
		return;
	}
	if (fdt_get_path(c->p->fdt, f.node, path, sizeof(path)))
		fmt_snprintf(path, sizeof(path), "%.60s",
			     fdt_get_name(c->p->fdt, f.node, NULL) ?: "?");
	if (f.n > 1)
		fmt_snprintf(more, sizeof(more), " and %u more", f.n - 1);
	if (d->flags & DEV_DMA_UNCONFINED)
		warning(c, "devs[%u] hpa %#llx-%#llx holds %s (%s)%s: DMA-capable with no IOMMU, "
			"the cell can read and write all of memory (DEV_DMA_UNCONFINED)",
			i, first, end, path, f.compat, more);
	else
		error(c, "devs[%u] hpa %#llx-%#llx holds %s (%s)%s: DMA-capable with no IOMMU, "
		      "the cell could read and write all of memory (set DEV_DMA_UNCONFINED in "
		      ".flags to accept that)", i, first, end, path, f.compat, more);
}

static void check_dev_place(struct ctx *c, unsigned i, const struct layout_dev *d)
{
	const struct platform *p = c->p;
	uint64_t hole, ub, us;
	ull first = d->hpa, end = last(d->hpa, d->size);

	if (!is_board_device(c, d->hpa, d->size, &hole)) {
		error(c, "devs[%u] hpa %#llx-%#llx is no device of the board "
		      "(no device-tree node's reg covers %#llx)", i, first, end, (ull)hole);
		return;		/* whose it is does not matter then */
	}
	if (arch_platform_is_hv_owned(p, d->hpa, d->size))
		error(c, "devs[%u] hpa %#llx-%#llx belongs to the hypervisor "
		      "(interrupt controller, timer or IPI device)", i, first, end);
	if (is_power_control(c, d->hpa, d->size))
		error(c, "devs[%u] hpa %#llx-%#llx is the machine's power/reset control "
		      "(the firmware's)", i, first, end);
	if (p->uart.present && range_ok(p->uart.reg.base, p->uart.reg.size)) {
		ub = p->uart.reg.base;
		us = p->uart.reg.size;
		page_round(&ub, &us);
		if (overlap(d->hpa, d->size, ub, us))
			error(c, "devs[%u] hpa %#llx-%#llx is the hypervisor console UART %s",
			      i, first, end, p->uart.path);
	}
	check_dev_dma(c, i, d);
}

static void check_dev_owner(struct ctx *c, unsigned i, const struct layout_dev *d)
{
	char label[LABEL_MAX];

	for (int k = 0; k <= c->cell; k++) {
		const struct layout_cell *o = cell(c, k);
		unsigned n = k == c->cell ? i : count(o->nr_devs, LAYOUT_MAX_DEVS);

		for (unsigned j = 0; j < n; j++) {
			if (!overlap(d->hpa, d->size, o->devs[j].hpa, o->devs[j].size))
				continue;
			if (k == c->cell)
				error(c, "devs[%u] hpa %#llx-%#llx overlaps devs[%u] of the same cell",
				      i, (ull)d->hpa, (ull)last(d->hpa, d->size), j);
			else
				error(c, "devs[%u] hpa %#llx-%#llx is also passed through to %s "
				      "(devs[%u]); a device has one owner",
				      i, (ull)d->hpa, (ull)last(d->hpa, d->size),
				      cell_label(c, k, label), j);
		}
	}
}

/* Number of IRQs in devs[].irqs: up to the first 0. */
static unsigned dev_nr_irqs(const struct layout_dev *d)
{
	unsigned n = 0;

	while (n < LAYOUT_DEV_IRQS && d->irqs[n])
		n++;
	return n;
}

/* Does an earlier passthrough IRQ (earlier cell, or earlier in this cell)
 * equal `irq`?  Reports the first clash. */
static void check_irq_owner(struct ctx *c, unsigned i, unsigned q, uint32_t irq)
{
	char label[LABEL_MAX];

	for (int k = 0; k <= c->cell; k++) {
		const struct layout_cell *o = cell(c, k);
		unsigned nd = count(o->nr_devs, LAYOUT_MAX_DEVS);

		for (unsigned j = 0; j < nd && !(k == c->cell && j > i); j++) {
			unsigned nq = k == c->cell && j == i ? q : dev_nr_irqs(&o->devs[j]);

			for (unsigned x = 0; x < nq; x++) {
				if (o->devs[j].irqs[x] != irq)
					continue;
				if (k == c->cell)
					error(c, "devs[%u] irq %u is listed twice (also devs[%u])",
					      i, irq, j);
				else
					error(c, "devs[%u] irq %u is also owned by %s (devs[%u])",
					      i, irq, cell_label(c, k, label), j);
				return;
			}
		}
	}
}

static void check_dev_irqs(struct ctx *c, unsigned i, const struct layout_dev *d)
{
	unsigned max = arch_platform_nr_irqs(c->p), n = dev_nr_irqs(d);

	for (unsigned q = n; q < LAYOUT_DEV_IRQS; q++)
		if (d->irqs[q]) {
			error(c, "devs[%u] irqs[%u] = %u follows a 0 (IRQ 0 is no interrupt "
			      "and ends the list)", i, q, d->irqs[q]);
			break;
		}
	for (unsigned q = 0; q < n; q++) {
		uint32_t irq = d->irqs[q];

		if (!max)
			error(c, "devs[%u] irq %u: the board has no interrupt controller "
			      "the hypervisor drives", i, irq);
		else if (irq > max)
			error(c, "devs[%u] irq %u is above the interrupt controller's %u sources",
			      i, irq, max);
		else if (irq > ARCH_LAYOUT_MAX_IRQ)
			error(c, "devs[%u] irq %u is above %s's %d sources",
			      i, irq, ARCH_LAYOUT_IRQC, ARCH_LAYOUT_MAX_IRQ);
		if (c->p->uart.present && irq == c->p->uart.irq)
			error(c, "devs[%u] irq %u is the hypervisor console UART's interrupt",
			      i, irq);
		check_irq_owner(c, i, q, irq);
	}
}

static void check_devices(struct ctx *c)
{
	const struct layout_cell *lc = cell(c, c->cell);

	if (lc->nr_devs > LAYOUT_MAX_DEVS)
		error(c, "nr_devs %u is more than LAYOUT_MAX_DEVS (%d)",
		      lc->nr_devs, LAYOUT_MAX_DEVS);
	for (unsigned i = 0; i < count(lc->nr_devs, LAYOUT_MAX_DEVS); i++) {
		const struct layout_dev *d = &lc->devs[i];

		if (d->flags & ~(uint32_t)DEV_DMA_UNCONFINED)
			error(c, "devs[%u] has unknown flags %#x", i,
			      d->flags & ~(uint32_t)DEV_DMA_UNCONFINED);
		if (check_window(c, "devs", i, d->gpa, d->hpa, d->size)) {
			check_dev_place(c, i, d);
			check_dev_owner(c, i, d);
		}
		check_dev_irqs(c, i, d);
	}
}

/* ---------------------------------------------------------------- virtio */

/* The emus of cell k, as far as its count can be trusted. */
static unsigned nr_emus(const struct ctx *c, unsigned k)
{
	return count(cell(c, k)->nr_emus, LAYOUT_MAX_EMUS);
}

/* Visit the earlier emus of type `type`: every one of the earlier cells,
 * and those before `i` in the cell being checked; each pair is then seen
 * once.  Stops early when `fn` returns true. */
static void for_earlier_emus(struct ctx *c, unsigned i, enum emu_type type,
			     bool (*fn)(struct ctx *c, int k, unsigned j, void *arg),
			     void *arg)
{
	for (int k = 0; k <= c->cell; k++) {
		unsigned n = k == c->cell ? i : nr_emus(c, k);

		for (unsigned j = 0; j < n; j++)
			if (cell(c, k)->emus[j].type == type && fn(c, k, j, arg))
				return;
	}
}

static const char *mac_str(const uint8_t mac[6], char buf[18])
{
	fmt_snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x",
		     mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	return buf;
}

struct net_query {
	unsigned i;		/* the card being checked, in cell c->cell */
	uint8_t mac[6];		/* its MAC */
	bool mac_said;		/* its MAC clash is reported (once) */
};

/* The same cell twice on a link; the same MAC twice on a link. */
static bool net_clash(struct ctx *c, int k, unsigned j, void *arg)
{
	struct net_query *q = arg;
	const struct layout_emu *e = &cell(c, c->cell)->emus[q->i];
	const struct layout_emu *o = &cell(c, k)->emus[j];
	char label[LABEL_MAX], s[18];
	uint8_t mac[6];

	if (o->net.link != e->net.link)
		return false;
	if (k == c->cell) {
		error(c, "emus[%u] net.link %u: the cell is already on that link (emus[%u])",
		      q->i, e->net.link, j);
		return true;
	}
	layout_virtio_mac(c->l, k, o, mac);
	if (q->mac_said || memcmp(mac, q->mac, 6))
		return false;
	error(c, "emus[%u] net.mac %s on link %u is also the MAC of %s emus[%u]",
	      q->i, mac_str(mac, s), e->net.link, cell_label(c, k, label), j);
	q->mac_said = true;
	return false;
}

static void check_net(struct ctx *c, unsigned i, const struct layout_emu *e)
{
	struct net_query q = { .i = i };
	char s[18];

	if (e->net.mac[0] & 1)
		error(c, "emus[%u] net.mac %s is a multicast address (bit 0 of its first "
		      "byte): a card's MAC must be unicast", i, mac_str(e->net.mac, s));
	if (e->net.link < 1 || e->net.link > LAYOUT_MAX_LINKS) {
		error(c, "emus[%u] net.link %u is out of range 1..%d (LAYOUT_MAX_LINKS)",
		      i, e->net.link, LAYOUT_MAX_LINKS);
		return;
	}
	layout_virtio_mac(c->l, (unsigned)c->cell, e, q.mac);
	for_earlier_emus(c, i, EMU_VIRTIO_NET, net_clash, &q);
}

/* A link with one cell on it connects nothing: the layout-wide check. */
static void check_links(struct ctx *c)
{
	char label[LABEL_MAX];

	for (unsigned link = 1; link <= LAYOUT_MAX_LINKS; link++) {
		int only = -1;
		unsigned emu = 0, cells = 0;

		for (unsigned k = 0; k < c->nr_cells; k++)
			for (unsigned j = 0; j < nr_emus(c, k); j++) {
				const struct layout_emu *e = &cell(c, k)->emus[j];

				if (e->type != EMU_VIRTIO_NET || e->net.link != link ||
				    (int)k == only)
					continue;
				cells++;
				only = (int)k;
				emu = j;
			}
		if (cells == 1)
			error(c, "virtio-net link %u has only %s on it (emus[%u]): a link "
			      "joins two cells or more", link, cell_label(c, (unsigned)only, label),
			      emu);
	}
}

static bool has_image(const struct layout_virtio_blk *b)
{
	return b->image_start || b->image_end;
}

static uint64_t blk_image_size(const struct layout_virtio_blk *b)
{
	uintptr_t start = (uintptr_t)b->image_start, end = (uintptr_t)b->image_end;

	return start && end > start ? end - start : 0;
}

/* Size, alignment and wrapping; true if the backing is a usable range. */
static bool check_blk_window(struct ctx *c, unsigned i, const struct layout_virtio_blk *b)
{
	if (!b->size) {
		error(c, "emus[%u] blk has size 0", i);
		return false;
	}
	if (b->size % 512)
		error(c, "emus[%u] blk size %#llx is not a multiple of 512 (a sector)",
		      i, (ull)b->size);
	if (!IS_ALIGNED(b->hpa, LAYOUT_PAGE))
		error(c, "emus[%u] blk hpa %#llx is not 4 KiB aligned", i, (ull)b->hpa);
	if (!range_ok(b->hpa, b->size)) {
		error(c, "emus[%u] blk hpa %#llx + size %#llx wraps around the address space",
		      i, (ull)b->hpa, (ull)b->size);
		return false;
	}
	return true;
}

static void check_blk_image(struct ctx *c, unsigned i, const struct layout_virtio_blk *b)
{
	uintptr_t start = (uintptr_t)b->image_start, end = (uintptr_t)b->image_end;

	if (has_image(b) && (!start || end < start))
		error(c, "emus[%u] blk image_start and image_end make no image "
		      "(set both with BLK_IMAGE(sym))", i);
	else if (blk_image_size(b) > b->size)
		error(c, "emus[%u] blk image (%#llx bytes) is larger than its size %#llx",
		      i, (ull)blk_image_size(b), (ull)b->size);
}

/* A disk's backing is no cell's memory, its own cell's included. */
static void check_blk_memory(struct ctx *c, unsigned i, const struct layout_virtio_blk *b)
{
	char label[LABEL_MAX];

	for (unsigned k = 0; k < c->nr_cells; k++) {
		const struct layout_cell *o = cell(c, k);

		for (unsigned j = 0; j < count(o->nr_mem, LAYOUT_MAX_MEM); j++)
			if (overlap(b->hpa, b->size, o->mem[j].hpa, o->mem[j].size))
				error(c, "emus[%u] blk hpa %#llx-%#llx overlaps %s mem[%u] "
				      "(a disk's backing is no cell's memory)",
				      i, (ull)b->hpa, (ull)last(b->hpa, b->size),
				      cell_label(c, k, label), j);
	}
}

/* Two disks on the same backing: only if neither can write it, and only
 * one of them may give its contents. */
static bool blk_clash(struct ctx *c, int k, unsigned j, void *arg)
{
	const unsigned *i = arg;
	const struct layout_virtio_blk *b = &cell(c, c->cell)->emus[*i].blk;
	const struct layout_virtio_blk *o = &cell(c, k)->emus[j].blk;
	char label[LABEL_MAX];

	if (!overlap(b->hpa, b->size, o->hpa, o->size))
		return false;
	if (!b->readonly || !o->readonly)
		error(c, "emus[%u] blk hpa %#llx-%#llx overlaps %s emus[%u] blk "
		      "(mark both readonly to share)", *i, (ull)b->hpa,
		      (ull)last(b->hpa, b->size), cell_label(c, k, label), j);
	else if (has_image(b) && has_image(o))
		error(c, "emus[%u] blk hpa %#llx-%#llx overlaps %s emus[%u] blk and both "
		      "have an image (give the shared contents once)", *i, (ull)b->hpa,
		      (ull)last(b->hpa, b->size), cell_label(c, k, label), j);
	return false;
}

static void check_blk(struct ctx *c, unsigned i, const struct layout_emu *e)
{
	const struct layout_virtio_blk *b = &e->blk;
	char what[24];

	check_blk_image(c, i, b);
	if (!check_blk_window(c, i, b))
		return;
	fmt_snprintf(what, sizeof(what), "emus[%u] blk", i);
	check_ram_place(c, what, b->hpa, b->size);
	check_blk_memory(c, i, b);
	for_earlier_emus(c, i, EMU_VIRTIO_BLK, blk_clash, &i);
}

static bool console_char_ok(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
}

/* A name the multiplexer can show: 1..15 of [a-z0-9_-]. */
static bool check_console_name(struct ctx *c, unsigned i, const char *name)
{
	size_t len = name ? strnlen(name, 16) : 0;

	if (!len) {
		error(c, "emus[%u] console.name is not set (the port's name in the console "
		      "multiplexer)", i);
		return false;
	}
	for (size_t n = 0; n < len; n++) {
		unsigned char ch = (unsigned char)name[n];

		if (console_char_ok((char)ch))
			continue;
		if (ch >= 0x20 && ch < 0x7f)
			error(c, "emus[%u] console.name has '%c' at [%u]: only a-z, 0-9, '_' "
			      "and '-' may be used", i, ch, (unsigned)n);
		else
			error(c, "emus[%u] console.name has byte %#x at [%u]: only a-z, 0-9, '_' "
			      "and '-' may be used", i, ch, (unsigned)n);
		return false;
	}
	if (len > 15) {
		error(c, "emus[%u] console.name \"%.15s...\" is longer than 15 characters",
		      i, name);
		return false;
	}
	return true;
}

static bool console_clash(struct ctx *c, int k, unsigned j, void *arg)
{
	const unsigned *i = arg;
	const char *name = cell(c, c->cell)->emus[*i].console.name;
	const char *other = cell(c, k)->emus[j].console.name;
	char label[LABEL_MAX];

	if (!other || strcmp(name, other))
		return false;
	error(c, "emus[%u] console.name \"%s\" is also the name of %s emus[%u]",
	      *i, name, cell_label(c, k, label), j);
	return true;
}

/* Names are unique on the multiplexer, where cells are named too. */
static void check_console(struct ctx *c, unsigned i, const struct layout_emu *e)
{
	const char *name = e->console.name;
	char label[LABEL_MAX];

	if (!check_console_name(c, i, name))
		return;
	for (unsigned k = 0; k < c->nr_cells; k++) {
		const char *cname = cell(c, k)->name;

		if (cname && !strcmp(name, cname))
			error(c, "emus[%u] console.name \"%s\" is the name of %s: the console "
			      "multiplexer tags lines with both", i, name,
			      cell_label(c, k, label));
	}
	for_earlier_emus(c, i, EMU_VIRTIO_CONSOLE, console_clash, &i);
}

static void check_virtio(struct ctx *c, unsigned i, const struct layout_emu *e)
{
	if (!IS_ALIGNED(e->gpa, VIRTIO_MMIO_WINDOW))
		error(c, "emus[%u] %s gpa %#llx is not aligned to its window "
		      "(VIRTIO_MMIO_WINDOW, %#x)", i, layout_emu_name(e->type),
		      (ull)e->gpa, VIRTIO_MMIO_WINDOW);
	if (e->type == EMU_VIRTIO_NET)
		check_net(c, i, e);
	else if (e->type == EMU_VIRTIO_BLK)
		check_blk(c, i, e);
	else
		check_console(c, i, e);
}

/* ---------------------------------------------------------------- doorbells */

int layout_shared_region(const struct layout_cell *lc, paddr_t hpa)
{
	for (unsigned j = 0; j < count(lc->nr_mem, LAYOUT_MAX_MEM); j++)
		if ((lc->mem[j].flags & MEM_SHARED) && lc->mem[j].hpa == hpa)
			return (int)j;
	return -1;
}

static int shared_region(const struct ctx *c, unsigned k, uint64_t hpa)
{
	return layout_shared_region(cell(c, k), hpa);
}

/* The cell named `name`, or -1. */
static int cell_named(const struct ctx *c, const char *name)
{
	for (unsigned k = 0; k < c->nr_cells; k++) {
		const char *n = cell(c, k)->name;

		if (n && !strcmp(n, name))
			return (int)k;
	}
	return -1;
}

/* Does cell k have a doorbell on region `hpa` that rings cell `name`? */
static bool doorbell_back(const struct ctx *c, unsigned k, uint64_t hpa, const char *name)
{
	const struct layout_cell *o = cell(c, k);

	for (unsigned j = 0; name && j < nr_emus(c, k); j++) {
		const struct layout_emu *e = &o->emus[j];

		if (e->type == EMU_DOORBELL && e->doorbell.region_hpa == hpa &&
		    e->doorbell.peer && !strcmp(e->doorbell.peer, name))
			return true;
	}
	return false;
}

/* Two doorbells of one cell on one region to one peer: which would ring? */
static bool doorbell_clash(struct ctx *c, int k, unsigned j, void *arg)
{
	const unsigned *i = arg;
	const struct layout_doorbell *d = &cell(c, c->cell)->emus[*i].doorbell;
	const struct layout_doorbell *o = &cell(c, k)->emus[j].doorbell;

	if (k != c->cell || o->region_hpa != d->region_hpa || !o->peer ||
	    strcmp(o->peer, d->peer))
		return false;
	error(c, "emus[%u] doorbell to cell \"%.32s\" on hpa %#llx is also emus[%u] "
	      "(one doorbell per region and peer)", *i, d->peer, (ull)d->region_hpa, j);
	return true;
}

/* The peer cell named by doorbell emus[i], or -1 (reported). */
static int doorbell_peer(struct ctx *c, unsigned i, const struct layout_doorbell *d)
{
	int k;

	if (!d->peer || !d->peer[0]) {
		error(c, "emus[%u] doorbell.peer is not set (the name of the cell it rings)", i);
		return -1;
	}
	k = cell_named(c, d->peer);
	if (k < 0)
		error(c, "emus[%u] doorbell.peer \"%.32s\" is no cell of the layout", i, d->peer);
	else if (k == c->cell)
		error(c, "emus[%u] doorbell.peer \"%.32s\" is the cell itself", i, d->peer);
	return k == c->cell ? -1 : k;
}

/* Its region is a MEM_SHARED one of the cell's; the peer maps the same
 * (hpa and size) and has a doorbell back on it. */
static void check_doorbell(struct ctx *c, unsigned i, const struct layout_emu *e)
{
	const struct layout_doorbell *d = &e->doorbell;
	const struct layout_cell *lc = cell(c, c->cell);
	int own = shared_region(c, (unsigned)c->cell, d->region_hpa), k, theirs;
	char label[LABEL_MAX];

	if (!IS_ALIGNED(e->gpa, DOORBELL_WINDOW))
		error(c, "emus[%u] doorbell gpa %#llx is not aligned to its window "
		      "(DOORBELL_WINDOW, %#x)", i, (ull)e->gpa, DOORBELL_WINDOW);
	if (own < 0)
		error(c, "emus[%u] doorbell.region_hpa %#llx is not the hpa of a MEM_SHARED "
		      "region of the cell", i, (ull)d->region_hpa);
	k = doorbell_peer(c, i, d);
	if (k < 0)
		return;
	for_earlier_emus(c, i, EMU_DOORBELL, doorbell_clash, &i);
	if (own < 0)
		return;
	theirs = shared_region(c, (unsigned)k, d->region_hpa);
	if (theirs < 0 || cell(c, k)->mem[theirs].size != lc->mem[own].size) {
		error(c, "emus[%u] doorbell.peer %s does not map the region hpa %#llx-%#llx "
		      "(MEM_SHARED, the same hpa and size)", i, cell_label(c, k, label),
		      (ull)d->region_hpa, (ull)last(d->region_hpa, lc->mem[own].size));
		return;
	}
	if (!doorbell_back(c, k, d->region_hpa, lc->name))
		error(c, "emus[%u] doorbell to %s on hpa %#llx has no doorbell back: the peer "
		      "needs one on that region naming this cell (doorbells come in pairs)",
		      i, cell_label(c, k, label), (ull)d->region_hpa);
}

/* ---------------------------------------------------------------- emulated */

static bool is_passthrough_irq(const struct layout_cell *lc, uint32_t irq, unsigned *dev)
{
	for (unsigned j = 0; j < count(lc->nr_devs, LAYOUT_MAX_DEVS); j++)
		for (unsigned x = 0; x < dev_nr_irqs(&lc->devs[j]); x++)
			if (lc->devs[j].irqs[x] == irq) {
				*dev = j;
				return true;
			}
	return false;
}

/* The windows the architecture's part of the cell adds: set, aligned, and
 * inside the address space (overlaps are checked with the others). */
static void check_arch_windows(struct ctx *c, const struct layout_cell *lc)
{
	struct layout_window w[ARCH_LAYOUT_MAX_WINDOWS];
	unsigned n = arch_layout_windows(&lc->arch, w);

	for (unsigned i = 0; i < n; i++) {
		if (!w[i].gpa)
			error(c, "%s is not set (%s)", w[i].field, w[i].what);
		else if (!IS_ALIGNED(w[i].gpa, LAYOUT_PAGE))
			error(c, "%s %#llx is not 4 KiB aligned", w[i].field, (ull)w[i].gpa);
		else if (!range_ok(w[i].gpa, w[i].size))
			error(c, "%s %#llx + %#llx wraps around the address space", w[i].field,
			      (ull)w[i].gpa, (ull)w[i].size);
	}
}

static void check_emu_irq(struct ctx *c, unsigned i, const struct layout_emu *e)
{
	const struct layout_cell *lc = cell(c, c->cell);
	unsigned dev;

	if (e->irq < 1 || e->irq > ARCH_LAYOUT_MAX_IRQ) {
		error(c, "emus[%u] irq %u is out of range 1..%d (%s's sources)",
		      i, e->irq, ARCH_LAYOUT_MAX_IRQ, ARCH_LAYOUT_IRQC);
		return;
	}
	for (unsigned j = 0; j < i; j++)
		if (lc->emus[j].irq == e->irq) {
			error(c, "emus[%u] irq %u is also used by emus[%u]", i, e->irq, j);
			break;
		}
	if (is_passthrough_irq(lc, e->irq, &dev))
		error(c, "emus[%u] irq %u is also the cell's passthrough devs[%u] irq",
		      i, e->irq, dev);
}

static void arch_error(void *arg, const char *fmt, ...) __printf(2, 3);

static void arch_error(void *arg, const char *fmt, ...)
{
	struct ctx *c = arg;
	va_list ap;

	c->errors++;
	va_start(ap, fmt);
	message(c, c->env->report, fmt, ap);
	va_end(ap);
}

static void check_emulated(struct ctx *c)
{
	const struct layout_cell *lc = cell(c, c->cell);
	unsigned n = count(lc->nr_emus, LAYOUT_MAX_EMUS);

	if (lc->nr_emus > LAYOUT_MAX_EMUS)
		error(c, "nr_emus %u is more than LAYOUT_MAX_EMUS (%d)",
		      lc->nr_emus, LAYOUT_MAX_EMUS);
	for (unsigned i = 0; i < n; i++) {
		const struct layout_emu *e = &lc->emus[i];

		if (e->type == EMU_NONE)
			error(c, "emus[%u] has no type (.type = EMU_...)", i);
		else if (!layout_emu_size(e->type))
			error(c, "emus[%u] has unknown type %d", i, (int)e->type);
		else if (layout_emu_is_virtio(e->type))
			check_virtio(c, i, e);
		else if (e->type == EMU_DOORBELL)
			check_doorbell(c, i, e);
		check_emu_irq(c, i, e);
	}
	check_arch_windows(c, lc);
	arch_layout_check_cell(c->p, lc, arch_error, c);	/* e.g. AIA's needs */
}

/* ---------------------------------------------------------------- guest map */

struct window {
	char name[16];		/* "mem[0]", "devs[1]", "emus[0]", the arch's ("vplic") */
	uint64_t base, size;
	bool trapped;		/* emulated: unmapped, every access traps */
};

#define MAX_WINDOWS (LAYOUT_MAX_MEM + LAYOUT_MAX_DEVS + LAYOUT_MAX_EMUS + ARCH_LAYOUT_MAX_WINDOWS)

static unsigned cell_windows(const struct layout_cell *lc, struct window *w)
{
	unsigned n = 0;

	for (unsigned i = 0; i < count(lc->nr_mem, LAYOUT_MAX_MEM); i++, n++) {
		fmt_snprintf(w[n].name, sizeof(w[n].name), "mem[%u]", i);
		w[n].base = lc->mem[i].gpa;
		w[n].size = lc->mem[i].size;
		w[n].trapped = false;
	}
	for (unsigned i = 0; i < count(lc->nr_devs, LAYOUT_MAX_DEVS); i++, n++) {
		fmt_snprintf(w[n].name, sizeof(w[n].name), "devs[%u]", i);
		w[n].base = lc->devs[i].gpa;
		w[n].size = lc->devs[i].size;
		w[n].trapped = false;
	}
	for (unsigned i = 0; i < count(lc->nr_emus, LAYOUT_MAX_EMUS); i++, n++) {
		fmt_snprintf(w[n].name, sizeof(w[n].name), "emus[%u]", i);
		w[n].base = lc->emus[i].gpa;
		w[n].size = layout_emu_size(lc->emus[i].type);
		w[n].trapped = true;
	}
	struct layout_window aw[ARCH_LAYOUT_MAX_WINDOWS];
	unsigned na = arch_layout_windows(&lc->arch, aw);

	for (unsigned i = 0; i < na; i++) {
		if (!aw[i].gpa)
			continue;
		fmt_snprintf(w[n].name, sizeof(w[n].name), "%s", aw[i].name);
		w[n].base = aw[i].gpa;
		w[n].size = aw[i].size;
		w[n].trapped = true;
		n++;
	}
	return n;
}

/* A trapped window next to a mapped one takes its whole page: a page is
 * either mapped or trapping. */
static bool windows_clash(const struct window *a, const struct window *b)
{
	uint64_t ab = a->base, as = a->size, bb = b->base, bs = b->size;

	if (!range_ok(ab, as) || !range_ok(bb, bs))
		return false;
	if (a->trapped != b->trapped) {
		page_round(&ab, &as);
		page_round(&bb, &bs);
	}
	return overlap(ab, as, bb, bs) || (as == 0 || bs == 0);
}

static void check_guest_map(struct ctx *c)
{
	struct window w[MAX_WINDOWS];
	unsigned n = cell_windows(cell(c, c->cell), w);

	for (unsigned i = 0; i < n; i++)
		for (unsigned j = 0; j < i; j++)
			if (windows_clash(&w[i], &w[j]))
				error(c, "%s gpa %#llx-%#llx overlaps %s gpa %#llx-%#llx "
				      "in the guest-physical map", w[i].name, (ull)w[i].base,
				      (ull)last(w[i].base, w[i].size), w[j].name,
				      (ull)w[j].base, (ull)last(w[j].base, w[j].size));
}

/* ---------------------------------------------------------------- images */

static uint64_t image_size(const struct layout_image *img)
{
	return img->start && img->end > img->start ? (uint64_t)(img->end - img->start) : 0;
}

/* The region of the cell holding guest address `gpa`, or -1. */
static int region_at(const struct layout_cell *lc, uint64_t gpa)
{
	for (unsigned i = 0; i < count(lc->nr_mem, LAYOUT_MAX_MEM); i++)
		if (inside(gpa, 1, lc->mem[i].gpa, lc->mem[i].size))
			return (int)i;
	return -1;
}

static void check_image_place(struct ctx *c, const char *what, const struct layout_image *img)
{
	const struct layout_cell *lc = cell(c, c->cell);
	uint64_t gpa = img->load_gpa, size = image_size(img);
	const char *name = img->name ? img->name : "?";
	int r = region_at(lc, gpa);
	const struct layout_mem *m = r >= 0 ? &lc->mem[r] : NULL;

	if (!m) {
		error(c, "%s \"%.32s\" (%llu KiB) at gpa %#llx is not inside any memory region "
		      "of the cell", what, name, (ull)(size >> 10), (ull)gpa);
	} else if (!(m->flags & MEM_W)) {
		error(c, "%s \"%.32s\" at gpa %#llx lies in mem[%d], which is not writable "
		      "(MEM_W)", what, name, (ull)gpa, r);
	} else if (!inside(gpa, size, m->gpa, m->size)) {
		error(c, "%s \"%.32s\" (%llu KiB) at gpa %#llx-%#llx is larger than its region "
		      "mem[%d] (gpa %#llx-%#llx)", what, name, (ull)(size >> 10), (ull)gpa,
		      (ull)last(gpa, size), r, (ull)m->gpa, (ull)last(m->gpa, m->size));
	}
}

static void check_images(struct ctx *c)
{
	const struct layout_cell *lc = cell(c, c->cell);
	const struct layout_image *k = &lc->kernel, *rd = &lc->initrd;
	bool have_k = image_size(k), have_rd = image_size(rd);
	int r;

	if (!k->start)
		error(c, "has no kernel image (.kernel = IMAGE(...))");
	else if (!have_k)
		error(c, "kernel image \"%.32s\" is empty", k->name ? k->name : "?");
	else
		check_image_place(c, "kernel", k);
	if (rd->start && !have_rd)
		error(c, "initrd image \"%.32s\" is empty", rd->name ? rd->name : "?");
	else if (have_rd)
		check_image_place(c, "initrd", rd);
	if (have_k && have_rd &&
	    overlap(k->load_gpa, image_size(k), rd->load_gpa, image_size(rd)))
		error(c, "kernel gpa %#llx-%#llx overlaps initrd gpa %#llx-%#llx",
		      (ull)k->load_gpa, (ull)last(k->load_gpa, image_size(k)),
		      (ull)rd->load_gpa, (ull)last(rd->load_gpa, image_size(rd)));

	r = region_at(lc, lc->entry);
	if (r < 0)
		error(c, "entry %#llx is not inside any memory region of the cell",
		      (ull)lc->entry);
	else if (!(lc->mem[r].flags & MEM_X))
		error(c, "entry %#llx lies in mem[%d], which is not executable (MEM_X)",
		      (ull)lc->entry, r);
}

static void check_policies(struct ctx *c)
{
	const struct layout_cell *lc = cell(c, c->cell);

	if ((unsigned)lc->on_fault > POLICY_RESTART)
		error(c, "on_fault %u is not a policy (POLICY_STOP or POLICY_RESTART)",
		      (unsigned)lc->on_fault);
	if ((unsigned)lc->on_reboot > POLICY_RESTART)
		error(c, "on_reboot %u is not a policy (POLICY_STOP or POLICY_RESTART)",
		      (unsigned)lc->on_reboot);
}

int layout_check(const struct layout *l, const struct layout_check_env *env)
{
	struct ctx c = {
		.l = l, .env = env, .p = env->plat, .cell = -1,
		.nr_cells = count(l->nr_cells, CONFIG_MAX_CELLS),
		.errors = (int)env->nr_reserved_lost,	/* reported when added */
		.devs.n = -1,
		.nr_power = -1,
	};

	check_layout(&c);
	for (c.cell = 0; c.cell < (int)c.nr_cells; c.cell++) {
		check_name(&c);
		check_harts(&c);
		check_memory(&c);
		check_devices(&c);
		check_emulated(&c);
		check_guest_map(&c);
		check_images(&c);
		check_policies(&c);
	}
	c.cell = -1;
	check_links(&c);
	return c.errors;
}

/* ---------------------------------------------------------------- reserved */

/* A reserved range the table has no room for: the check cannot see it, so
 * it is an error, reported now with the range's name. */
static void reserved_lost(struct layout_check_env *env, paddr_t base,
			  uint64_t size, const char *name)
{
	char msg[MSG_MAX];
	size_t n = 0;

	name = name ?: "a reserved range";
	msg[0] = '\0';
	if (env->file)
		append(msg, &n, "%s: ", env->file);
	append(msg, &n, "%s%s (%#llx-%#llx) does not fit the checker's table of %d "
	       "reserved ranges (LAYOUT_MAX_RESERVED): no cell can be checked against it",
	       reserved_prefix(name), name, (ull)base, (ull)last(base, size),
	       LAYOUT_MAX_RESERVED);
	env->nr_reserved_lost++;
	if (env->report)
		env->report(env->arg, msg);
}

int layout_check_add_reserved(struct layout_check_env *env, paddr_t base,
			      uint64_t size, const char *name)
{
	if (env->nr_reserved >= LAYOUT_MAX_RESERVED) {
		reserved_lost(env, base, size, name);
		return -1;
	}
	env->reserved[env->nr_reserved] = (struct plat_range){ base, size };
	env->reserved_name[env->nr_reserved++] = name;
	return 0;
}

struct reserved_walk {
	struct layout_check_env *env;
	int lost;
};

/* Each reg range of a child of /reserved-memory. */
static int reserved_node(const struct fdt_wnode *n, void *arg)
{
	struct reserved_walk *w = arg;
	struct plat_range r;

	if (n->depth != 2 || strcmp(n->parent->name, "reserved-memory"))
		return 0;
	for (int idx = 0; idx < 64 && !fdt_wnode_reg(n, idx, &r); idx++)
		if (r.size)
			w->lost += layout_check_add_reserved(w->env, r.base, r.size, n->name) < 0;
	return 0;
}

int layout_check_add_fdt_reserved(struct layout_check_env *env, const void *fdt)
{
	struct reserved_walk w = { env, 0 };
	uint64_t base, size;

	for (int i = 0; i < fdt_num_mem_rsv(fdt); i++)
		if (!fdt_get_mem_rsv(fdt, i, &base, &size) && size)
			w.lost += layout_check_add_reserved(env, base, size, "/memreserve/") < 0;
	/* one pass over the tree (platform.c), no lookup from its root; a
	 * malformed tree never gets here (platform_probe() refused it) */
	fdt_walk(fdt, reserved_node, &w);
	return w.lost;
}
