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

/* ------------------------------------------------------------- the walk */

/*
 * One pass over the structure block.  libfdt's own walk reads the header
 * byte by byte for every tag and every byte of a node's name (about 100 k
 * instructions for QEMU virt's 8 KiB tree), and its lookups by path and
 * parent walk the tree again from the root: the probe took 1.5 M
 * instructions that way.  Here each tag is read once, every offset is
 * checked against the structure block and every property name against
 * the strings block (whose last byte must be a NUL).
 */
#define WALK_MAX_DEPTH	16
#define TAG_ALIGN(x)	(((x) + 3) & ~3u)	/* libfdt's FDT_TAGALIGN is internal */

static uint32_t be32(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static const uint8_t *st_block(const void *fdt)
{
	return (const uint8_t *)fdt + fdt_off_dt_struct(fdt);
}

/* The end of the properties from `off` on, or -1 if one is malformed. */
static int scan_props(const void *fdt, int off)
{
	const uint8_t *st = st_block(fdt);
	uint32_t size = fdt_size_dt_struct(fdt), nstr = fdt_size_dt_strings(fdt);

	while ((uint32_t)off + 4 <= size) {
		uint32_t tag = be32(st + off), len;

		if (tag == FDT_NOP) {
			off += 4;
			continue;
		}
		if (tag != FDT_PROP)
			return off;
		if ((uint32_t)off + 12 > size)
			return -1;
		len = be32(st + off + 4);
		if (len > size - ((uint32_t)off + 12) || be32(st + off + 8) >= nstr)
			return -1;
		off = (int)TAG_ALIGN((uint32_t)off + 12 + len);
	}
	return -1;
}

const void *fdt_wnode_prop(const struct fdt_wnode *n, const char *name, int *len)
{
	const uint8_t *st = st_block(n->fdt);
	const char *str = (const char *)n->fdt + fdt_off_dt_strings(n->fdt);

	for (int off = n->props; off < n->props_end;) {
		uint32_t plen;

		if (be32(st + off) == FDT_NOP) {
			off += 4;
			continue;
		}
		plen = be32(st + off + 4);
		if (!strcmp(str + be32(st + off + 8), name)) {
			if (len)
				*len = (int)plen;
			return st + off + 12;
		}
		off = (int)TAG_ALIGN((uint32_t)off + 12 + plen);
	}
	return NULL;
}

static int cells_of(const struct fdt_wnode *n, const char *name, int dflt)
{
	int len;
	const uint8_t *v = fdt_wnode_prop(n, name, &len);

	return !v ? dflt : len == 4 ? (int)be32(v) : -1;
}

int fdt_wnode_reg(const struct fdt_wnode *n, int idx, struct plat_range *r)
{
	int ac, sc, len;
	const fdt32_t *reg;

	if (!n->parent)
		return -1;
	ac = cells_of(n->parent, "#address-cells", 2);
	sc = cells_of(n->parent, "#size-cells", 1);
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return -1;
	reg = fdt_wnode_prop(n, "reg", &len);
	if (!reg || len < (idx + 1) * (ac + sc) * 4)
		return -1;
	reg += idx * (ac + sc);
	r->base = read_cells(reg, ac);
	r->size = sc ? read_cells(reg + ac, sc) : 0;
	return 0;
}

bool fdt_wnode_ok(const struct fdt_wnode *n)
{
	const char *s = fdt_wnode_prop(n, "status", NULL);

	return !s || !strcmp(s, "okay") || !strcmp(s, "ok");
}

/* A strings block that ends in a NUL: every name in it is terminated. */
static bool strings_ok(const void *fdt)
{
	uint32_t n = fdt_size_dt_strings(fdt);

	return !n || ((const char *)fdt + fdt_off_dt_strings(fdt))[n - 1] == '\0';
}

/* The node whose FDT_BEGIN_NODE is at `off`: its name and properties into
 * `n`; returns where its subnodes start, or -1 if it is malformed. */
static int read_node(const void *fdt, int off, struct fdt_wnode *n)
{
	const uint8_t *st = st_block(fdt);
	uint32_t size = fdt_size_dt_struct(fdt);
	const char *name = (const char *)st + off + 4;
	size_t max = size - ((uint32_t)off + 4), nlen = strnlen(name, max);

	if (nlen == max)
		return -1;
	n->fdt = fdt;
	n->offset = off;
	n->name = name;
	n->props = (int)TAG_ALIGN((uint32_t)off + 4 + nlen + 1);
	n->props_end = scan_props(fdt, n->props);
	return n->props_end;
}

int fdt_walk(const void *fdt, int (*fn)(const struct fdt_wnode *n, void *arg), void *arg)
{
	struct fdt_wnode stack[WALK_MAX_DEPTH], deep;
	const uint8_t *st;
	uint32_t size;
	int off = 0, depth = -1, stop;

	if (fdt_check_header(fdt) || (fdt_off_dt_struct(fdt) & 3) || !strings_ok(fdt))
		return -FDT_ERR_BADSTRUCTURE;
	st = st_block(fdt);
	size = fdt_size_dt_struct(fdt);
	while ((uint32_t)off + 4 <= size) {
		uint32_t tag = be32(st + off);
		/* a node deeper than anything probed is read, not shown */
		struct fdt_wnode *n = depth + 1 < WALK_MAX_DEPTH ? &stack[depth + 1] : &deep;

		if (tag == FDT_NOP) {
			off += 4;
		} else if (tag == FDT_END_NODE) {
			off += 4;
			if (--depth < 0)
				return 0;
		} else if (tag == FDT_BEGIN_NODE) {
			if ((off = read_node(fdt, off, n)) < 0)
				return -FDT_ERR_BADSTRUCTURE;
			n->depth = ++depth;
			if (n == &deep)
				continue;
			n->parent = depth ? &stack[depth - 1] : NULL;
			if ((stop = fn(n, arg)) != 0)
				return stop;
		} else {
			return -FDT_ERR_BADSTRUCTURE;	/* FDT_END inside a node, or junk */
		}
	}
	return -FDT_ERR_TRUNCATED;
}

/* ------------------------------------------------------------ the probe */

struct probe {
	struct platform *p;
	int err;
	const char *stdout_path;	/* from /chosen, up to an ':' */
	int stdout_len;
	int path_depth;			/* deepest node on that path seen */
	const char *path_next;		/* the rest of the path below it */
	bool path_done;			/* left that node's subtree */
	bool saw_cpus;
};

static void probe_memory(const struct fdt_wnode *n, struct platform *p)
{
	const char *type = fdt_wnode_prop(n, "device_type", NULL);
	struct plat_range r;

	if (!type || strcmp(type, "memory") || !fdt_wnode_ok(n))
		return;
	for (int i = 0; fdt_wnode_reg(n, i, &r) == 0; i++) {
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

static int probe_hart(const struct fdt_wnode *n, struct platform *p)
{
	const char *type = fdt_wnode_prop(n, "device_type", NULL);
	int ac = cells_of(n->parent, "#address-cells", 2);
	const fdt32_t *reg, *tb;
	struct plat_hart *h;

	if (!type || strcmp(type, "cpu") || !fdt_wnode_ok(n))
		return 0;
	reg = fdt_wnode_prop(n, "reg", NULL);
	if (!reg || ac < 1 || ac > 2)
		return 0;
	if (!p->timebase_hz && (tb = fdt_wnode_prop(n, "timebase-frequency", NULL)))
		p->timebase_hz = fdt32_to_cpu(*tb);
	if (p->nr_harts == CONFIG_MAX_HARTS) {
		p->nr_harts_skipped++;
		return 0;
	}
	h = &p->harts[p->nr_harts];
	memset(h, 0, sizeof(*h));
	h->hwid = read_cells(reg, ac);
	h->node = n->offset;
	if (arch_platform_hart(n->fdt, n->offset, h) < 0)
		return -1;
	p->nr_harts++;
	return 0;
}

static void probe_chosen(const struct fdt_wnode *n, struct probe *pr)
{
	int len;
	const char *path = fdt_wnode_prop(n, "stdout-path", &len), *colon;

	if (!path)
		path = fdt_wnode_prop(n, "linux,stdout-path", &len);
	if (!path || len <= 1)
		return;
	colon = memchr(path, ':', len);
	pr->stdout_len = colon ? colon - path : (int)strnlen(path, len);
	pr->stdout_path = path;
	pr->path_next = path;
	pr->path_depth = 0;
	pr->path_done = false;
}

/* The console UART: the node at stdout-path, if it is one we drive. */
static void probe_uart(const struct fdt_wnode *n, struct platform *p)
{
	struct plat_uart *u = &p->uart;
	const fdt32_t *v;
	const char *compat;
	int len;

	compat = fdt_wnode_prop(n, "compatible", &len);
	if (!compat || !fdt_wnode_ok(n))
		return;
	if (fdt_stringlist_contains(compat, len, "arm,pl011"))
		u->kind = UART_PL011;
	else if (!fdt_stringlist_contains(compat, len, "ns16550a") &&
		 !fdt_stringlist_contains(compat, len, "ns16550"))
		return;
	if (fdt_wnode_reg(n, 0, &u->reg) < 0)
		return;
	u->present = true;
	u->reg_shift = (v = fdt_wnode_prop(n, "reg-shift", NULL)) ? fdt32_to_cpu(*v) : 0;
	u->io_width = (v = fdt_wnode_prop(n, "reg-io-width", NULL)) ? fdt32_to_cpu(*v) : 1;
	u->irq = (v = fdt_wnode_prop(n, "interrupts", NULL)) ? fdt32_to_cpu(*v) : 0;
}

/* Is `n` the next node down stdout-path?  A path component without a unit
 * address matches a name with one, as libfdt's lookup does. */
static bool on_stdout_path(const struct fdt_wnode *n, struct probe *pr)
{
	const char *end = pr->stdout_path + pr->stdout_len, *c = pr->path_next, *ce;
	size_t clen, nlen = strlen(n->name);

	if (!n->depth)
		return false;		/* the root: the path starts below it */
	if (n->depth <= pr->path_depth)
		pr->path_done = true;	/* the rest of the path is not in the tree */
	if (pr->path_done || n->depth != pr->path_depth + 1 || c >= end || *c != '/')
		return false;
	for (ce = ++c; ce < end && *ce != '/'; ce++)
		;
	clen = (size_t)(ce - c);
	if (memcmp(n->name, c, clen < nlen ? clen : nlen) ||
	    (clen != nlen && !(clen < nlen && n->name[clen] == '@' && !memchr(c, '@', clen))))
		return false;
	pr->path_depth = n->depth;
	pr->path_next = ce;
	return true;
}

static int uart_node(const struct fdt_wnode *n, void *arg)
{
	struct probe *pr = arg;

	if (pr->stdout_path && pr->stdout_path[0] == '/' && !pr->p->uart.present &&
	    on_stdout_path(n, pr) && pr->path_next == pr->stdout_path + pr->stdout_len)
		probe_uart(n, pr->p);
	return 0;
}

static int probe_node(const struct fdt_wnode *n, void *arg)
{
	struct probe *pr = arg;
	struct platform *p = pr->p;

	if (n->depth == 1 && !strcmp(n->name, "cpus")) {
		const fdt32_t *tb = fdt_wnode_prop(n, "timebase-frequency", NULL);

		pr->saw_cpus = true;
		if (tb)
			p->timebase_hz = fdt32_to_cpu(*tb);
	}
	if (n->depth == 1) {
		probe_memory(n, p);
		if (!strcmp(n->name, "chosen"))
			probe_chosen(n, pr);
	}
	if (n->depth == 2 && !strcmp(n->parent->name, "cpus") && probe_hart(n, p) < 0)
		return pr->err = -1;
	return uart_node(n, pr);	/* once the walk is at the end of stdout-path */
}

static int probe_model(const struct fdt_wnode *n, void *arg)
{
	struct platform *p = arg;
	const char *model = fdt_wnode_prop(n, "model", NULL);

	if (!model)
		model = fdt_wnode_prop(n, "compatible", NULL);
	if (model) {
		size_t len = strnlen(model, sizeof(p->model) - 1);

		memcpy(p->model, model, len);
		p->model[len] = '\0';
	} else {
		memcpy(p->model, "unknown", 8);
	}
	return 1;	/* the root is all it needs */
}

/* A /chosen after the UART's node (or an alias in stdout-path): a second
 * look, for the UART only. */
static void probe_uart_late(const void *fdt, struct probe *pr)
{
	static char path[PLAT_PATH_MAX];

	if (pr->stdout_path[0] != '/') {
		int node = fdt_path_offset_namelen(fdt, pr->stdout_path, pr->stdout_len);

		if (node < 0 || fdt_get_path(fdt, node, path, sizeof(path)) < 0)
			return;
		pr->stdout_path = path;
		pr->stdout_len = (int)strlen(path);
	}
	pr->path_next = pr->stdout_path;
	pr->path_depth = 0;
	pr->path_done = false;
	fdt_walk(fdt, uart_node, pr);
}

int platform_probe(const void *fdt, struct platform *p)
{
	struct probe pr = { .p = p };
	int err;

	memset(p, 0, sizeof(*p));
	if ((err = fdt_check_header(fdt)) != 0) {
		kprintf("platform: no valid device tree at %p: %s\n", fdt, fdt_strerror(err));
		return -1;
	}
	p->fdt = fdt;
	p->fdt_orig = fdt;
	if (fdt_walk(fdt, probe_model, p) < 0 || fdt_walk(fdt, probe_node, &pr) < 0) {
		if (!pr.err)
			kprintf("platform: the device tree at %p is malformed\n", fdt);
		return -1;
	}
	if (!pr.saw_cpus) {
		kprintf("platform: the device tree has no /cpus node\n");
		return -1;
	}
	if (!p->nr_mem) {
		kprintf("platform: the device tree has no memory node\n");
		return -1;
	}
	if (!p->nr_harts) {
		kprintf("platform: the device tree lists no usable cpu\n");
		return -1;
	}
	if (pr.stdout_path && !p->uart.present)
		probe_uart_late(fdt, &pr);
	if (p->uart.present && pr.stdout_path && pr.stdout_path[0] == '/' &&
	    (size_t)pr.stdout_len < sizeof(p->uart.path))
		memcpy(p->uart.path, pr.stdout_path, (size_t)pr.stdout_len);
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
