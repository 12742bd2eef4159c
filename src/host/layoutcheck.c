// SPDX-License-Identifier: GPL-2.0-only
/*
 * layoutcheck: check a layout against the board at build time.
 *
 *	layoutcheck [-m] <platform.dtb> <layout-source-name>
 *
 * The layout (fv_layout) is linked in: its source is compiled for the host
 * with the build's autoconf.h.  The board is the device tree QEMU dumps for
 * the configured machine; the firmware's and the hypervisor's ranges come
 * from the configuration.  The check itself is src/layout_check.c, the code
 * the hypervisor runs again at boot.  Every error goes to stderr as one
 * "error: " line and the exit status is 1; otherwise one OK line.  Risks
 * the layout accepted (DEV_DMA_UNCONFINED) go to stderr as "warning: "
 * lines, whether it passes or not.  -m also
 * prints the memory map of the cells (host-physical to guest-physical).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>
#include <fv/compiler.h>
#include <fv/layout_check.h>

typedef unsigned long long ull;

static void *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	long size;
	void *buf;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (size = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return NULL;
	}
	buf = malloc(size);
	if (buf && fread(buf, 1, size, f) != (size_t)size) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static void report(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "error: %s\n", msg);
}

/* On stderr too: make prints it, the stamp ($(O)/layout.ok) keeps stdout. */
static void warn(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "warning: %s\n", msg);
}

static unsigned clamp(unsigned n, unsigned max)
{
	return n < max ? n : max;
}

static const char *size_str(uint64_t size, char *buf, size_t len)
{
	static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	unsigned u = 0;

	while (u + 1 < ARRAY_SIZE(unit) && size && !(size & 1023)) {
		size >>= 10;
		u++;
	}
	snprintf(buf, len, "%llu %s", (ull)size, unit[u]);
	return buf;
}

/* ---------------------------------------------------------------- map */

struct map_ent {
	uint64_t hpa, size;
	bool has_gpa;
	uint64_t gpa;
	char flags[8];
	char owner[96];
};

#define MAP_MAX 512

static struct map_ent map[MAP_MAX];
static unsigned nr_map;

static struct map_ent *map_add(uint64_t hpa, uint64_t size, const char *owner)
{
	struct map_ent *e;

	if (nr_map == MAP_MAX || !size)
		return NULL;
	e = &map[nr_map++];
	memset(e, 0, sizeof(*e));
	e->hpa = hpa;
	e->size = size;
	snprintf(e->flags, sizeof(e->flags), "-");
	snprintf(e->owner, sizeof(e->owner), "%s", owner);
	return e;
}

static int map_cmp(const void *a, const void *b)
{
	const struct map_ent *x = a, *y = b;

	if (x->hpa != y->hpa)
		return x->hpa < y->hpa ? -1 : 1;
	return x->size < y->size ? -1 : x->size > y->size;
}

static const char *cell_name(const struct layout_cell *c, unsigned i, char *buf, size_t len)
{
	if (c->name && c->name[0])
		snprintf(buf, len, "%s", c->name);
	else
		snprintf(buf, len, "#%u", i);
	return buf;
}

static void map_cell(const struct layout_cell *c, unsigned i)
{
	char name[40];
	char owner[96];
	struct map_ent *e;

	cell_name(c, i, name, sizeof(name));
	for (unsigned m = 0; m < clamp(c->nr_mem, LAYOUT_MAX_MEM); m++) {
		const struct layout_mem *lm = &c->mem[m];

		snprintf(owner, sizeof(owner), "%s mem[%u]", name, m);
		if (!(e = map_add(lm->hpa, lm->size, owner)))
			continue;
		e->has_gpa = true;
		e->gpa = lm->gpa;
		snprintf(e->flags, sizeof(e->flags), "%c%c%c%s",
			 lm->flags & MEM_R ? 'r' : '-', lm->flags & MEM_W ? 'w' : '-',
			 lm->flags & MEM_X ? 'x' : '-', lm->flags & MEM_SHARED ? "s" : "");
	}
	for (unsigned d = 0; d < clamp(c->nr_devs, LAYOUT_MAX_DEVS); d++) {
		const struct layout_dev *ld = &c->devs[d];
		int n = snprintf(owner, sizeof(owner), "%s devs[%u]", name, d);

		for (unsigned q = 0; q < LAYOUT_DEV_IRQS && ld->irqs[q] &&
		     n < (int)sizeof(owner); q++)
			n += snprintf(owner + n, sizeof(owner) - n, "%s%u", q ? "," : " irq ",
				      ld->irqs[q]);
		if (!(e = map_add(ld->hpa, ld->size, owner)))
			continue;
		e->has_gpa = true;
		e->gpa = ld->gpa;
		snprintf(e->flags, sizeof(e->flags), "dev");
	}
	/* virtio-blk backings: host RAM no cell maps, reached through the disk */
	for (unsigned d = 0; d < clamp(c->nr_emus, LAYOUT_MAX_EMUS); d++) {
		const struct layout_emu *le = &c->emus[d];

		if (le->type != EMU_VIRTIO_BLK)
			continue;
		snprintf(owner, sizeof(owner), "%s emus[%u] virtio-blk backing", name, d);
		if (!(e = map_add(le->blk.hpa, le->blk.size, owner)))
			continue;
		snprintf(e->flags, sizeof(e->flags), "%s", le->blk.readonly ? "disk-r" : "disk");
	}
}

/* RAM no one uses, so the map shows what is left. */
static void map_free_ram(const struct platform *p)
{
	unsigned n = nr_map;

	qsort(map, n, sizeof(map[0]), map_cmp);
	for (unsigned r = 0; r < p->nr_mem; r++) {
		uint64_t cur = p->mem[r].base, end = p->mem[r].base + p->mem[r].size;

		for (unsigned i = 0; i < n && cur < end; i++) {
			uint64_t e_end = map[i].hpa + map[i].size;

			if (e_end <= cur || map[i].hpa >= end)
				continue;
			if (map[i].hpa > cur)
				map_add(cur, map[i].hpa - cur, "(free)");
			cur = MAX(cur, e_end);
		}
		if (cur < end)
			map_add(cur, end - cur, "(free)");
	}
	qsort(map, nr_map, sizeof(map[0]), map_cmp);
}

static void print_emulated(const struct layout *l)
{
	char name[40];

	if (!l->nr_cells)
		return;
	printf("guest-physical only (emulated):\n");
	for (unsigned i = 0; i < clamp(l->nr_cells, CONFIG_MAX_CELLS); i++) {
		const struct layout_cell *c = &l->cells[i];

		struct layout_window w[ARCH_LAYOUT_MAX_WINDOWS];
		unsigned nw = arch_layout_windows(&c->arch, w);

		printf("  %-12s", cell_name(c, i, name, sizeof(name)));
		for (unsigned k = 0; k < nw; k++)
			printf("%s %s gpa %#llx-%#llx", k ? "," : "", w[k].name, (ull)w[k].gpa,
			       (ull)(w[k].gpa + w[k].size - 1));
		for (unsigned e = 0; e < clamp(c->nr_emus, LAYOUT_MAX_EMUS); e++)
			printf(", %s gpa %#llx irq %u", layout_emu_name(c->emus[e].type),
			       (ull)c->emus[e].gpa, c->emus[e].irq);
		printf("\n");
	}
}

static void print_map(const struct layout *l, const struct layout_check_env *env)
{
	char sz[24];
	int w = 8;

	for (unsigned r = 0; r < env->nr_reserved; r++)
		map_add(env->reserved[r].base, env->reserved[r].size,
			env->reserved_name[r] ? env->reserved_name[r] : "reserved");
	for (unsigned i = 0; i < clamp(l->nr_cells, CONFIG_MAX_CELLS); i++)
		map_cell(&l->cells[i], i);
	map_free_ram(env->plat);
	for (unsigned i = 0; i < nr_map; i++)
		while (w < 16 && ((map[i].hpa + map[i].size - 1) >> (4 * w)))
			w++;

	printf("memory map (host-physical -> guest-physical):\n");
	printf("  %-*s %10s  %-*s %-5s %s\n", 2 * w + 5, "hpa", "size", w + 2, "gpa",
	       "flags", "owner");
	for (unsigned i = 0; i < nr_map; i++) {
		const struct map_ent *e = &map[i];
		char gpa[24] = "-";

		if (e->has_gpa)
			snprintf(gpa, sizeof(gpa), "0x%0*llx", w, (ull)e->gpa);
		printf("  0x%0*llx-0x%0*llx %10s  %-*s %-5s %s\n", w, (ull)e->hpa, w,
		       (ull)(e->hpa + e->size - 1), size_str(e->size, sz, sizeof(sz)),
		       w + 2, gpa, e->flags, e->owner);
	}
	print_emulated(l);
}

/* ---------------------------------------------------------------- main */

/* src/host/guest_dtb.c */
int host_dump_guest_dtb(const struct layout *l, const char *cell);

static void print_ok(const struct layout *l, const char *file, const struct platform *p)
{
	char sz[24];

	printf("%s: layout OK on %s:", file, p->model);
	if (!l->nr_cells)
		printf(" no cells, the hypervisor alone");
	for (unsigned i = 0; i < l->nr_cells; i++) {
		const struct layout_cell *c = &l->cells[i];
		uint64_t mem = 0;

		for (unsigned m = 0; m < c->nr_mem; m++)
			mem += c->mem[m].size;
		printf("%s %s (%u hart%s, %s, %u dev%s)", i ? "," : "", c->name, c->nr_harts,
		       c->nr_harts == 1 ? "" : "s", size_str(mem, sz, sizeof(sz)), c->nr_devs,
		       c->nr_devs == 1 ? "" : "s");
	}
	printf("\n");
}

static void usage(void)
{
	fprintf(stderr, "usage: layoutcheck [-m | -d <cell>] <platform.dtb> <layout-source-name>\n"
		"  -m         also print the memory map of the cells\n"
		"  -d <cell>  write the device tree generated for <cell> (binary) to stdout\n");
	exit(2);
}

int main(int argc, char **argv)
{
	/* the global one: the guest device-tree code reads it */
	struct platform *pl = &platform;
	struct layout_check_env env = { .plat = pl, .report = report, .warn = warn };
	bool show_map = false;
	const char *dtb, *file, *dump = NULL;
	void *fdt;
	int errors;

	if (argc > 1 && !strcmp(argv[1], "-m")) {
		show_map = true;
		argc--;
		argv++;
	} else if (argc > 2 && !strcmp(argv[1], "-d")) {
		dump = argv[2];
		argc -= 2;
		argv += 2;
	}
	if (argc != 3)
		usage();
	dtb = argv[1];
	file = argv[2];
	env.file = file;

	if (!(fdt = read_file(dtb))) {
		fprintf(stderr, "error: cannot read the board's device tree %s\n", dtb);
		return 1;
	}
	if (platform_probe(fdt, pl) < 0) {
		fprintf(stderr, "error: %s is not a usable device tree of the board\n", dtb);
		return 1;
	}
	layout_check_add_reserved(&env, CONFIG_FW_BASE, CONFIG_FW_SIZE, "the firmware");
	layout_check_add_reserved(&env, CONFIG_HV_LOAD_ADDR, CONFIG_HV_MEM_SIZE,
				  "the hypervisor");
	/* A range that does not fit is reported and fails the check below. */
	layout_check_add_fdt_reserved(&env, fdt);

	errors = layout_check(&fv_layout, &env);
	if (!errors && dump)
		return host_dump_guest_dtb(&fv_layout, dump) < 0 ? 1 : 0;
	if (!errors)
		print_ok(&fv_layout, file, pl);
	if (show_map)
		print_map(&fv_layout, &env);
	free(fdt);
	return errors ? 1 : 0;
}
