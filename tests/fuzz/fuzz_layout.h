/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A struct layout made from fuzzer bytes, and the boards to check it
 * against, for fuzz_layout_check and fuzz_guest_fdt.
 *
 * Every field is one selector byte and, for some choices, more bytes.
 * Selector 0 (and so an empty or exhausted input) is a sensible default
 * that differs per cell (cell i on hart i with its own 16 MiB of RAM, a
 * UART, the vPLIC, a kernel image in its memory), so short inputs give
 * layouts the checker accepts and mutations walk from there to every
 * kind of error: counts beyond their arrays, unaligned and wrapping
 * ranges, foreign harts and devices, bad IRQs, names, flags, policies.
 *
 * An emulated device is type, gpa, irq; a virtio type (selector byte
 * type + 1) reads its own fields after those, each again 0 = a default
 * that passes: a net card's link (1) and MAC selector (derived); a disk's
 * hpa (1 MiB of its own at 0xb0000000 up), size (1 MiB), image selector
 * (none) and readonly byte (bit 0); a console's name ("con<cell>-<emu>").
 * A doorbell (selector EMU_DOORBELL + 1) reads two more: its region_hpa
 * (default: the hpa of the cell's first MEM_SHARED region, 0xbff00000 if
 * it has none) and its peer (default: the default name of cell i ^ 1, so
 * cells 0 and 1, 2 and 3 pair up).  Other types read nothing more, so
 * inputs made before virtio mean what they meant.  Cards of two cells on
 * one link make a layout that passes; one cell alone on its link is an
 * error.  Two cells that mark a region of the same hpa and size
 * MEM_SHARED (0xbff00000, 1 MiB is in the tables) and have a doorbell
 * each with default fields pass too.
 *
 * The layout is malloc'ed at its exact size and its unused slots (beyond
 * each count) are filled with a poison pattern, pointers included: the
 * checker must read neither past the struct nor past a count.
 */
#ifndef FUZZ_LAYOUT_H
#define FUZZ_LAYOUT_H

#include <string.h>
#include <libfdt.h>
#include <fv/compiler.h>
#include <fv/layout_check.h>
#include <fv/platform.h>
#include "fuzz.h"

/* ------------------------------------------------------------ the boards */

/* QEMU virt device trees, dumped at build time and embedded (fuzz.mk) */
#define FUZZ_EMBED(sym, file) \
	__asm__(".pushsection .rodata\n.balign 8\n" #sym ":\n" \
		".incbin \"" file "\"\n.popsection\n"); \
	extern const uint8_t sym[]

FUZZ_EMBED(fuzz_dtb_smp4, FUZZ_DTB_SMP4);
FUZZ_EMBED(fuzz_dtb_aia, FUZZ_DTB_AIA);

#define FUZZ_NR_BOARDS 2

struct fuzz_board {
	void *fdt;		/* malloc'ed at its exact size */
	struct platform plat;
};

static struct fuzz_board fuzz_boards[FUZZ_NR_BOARDS];

static void fuzz_boards_init(void)
{
	const uint8_t *src[FUZZ_NR_BOARDS] = { fuzz_dtb_smp4, fuzz_dtb_aia };

	for (unsigned i = 0; i < FUZZ_NR_BOARDS; i++) {
		struct fuzz_board *b = &fuzz_boards[i];
		size_t size = fdt_totalsize(src[i]);

		b->fdt = malloc(size);
		memcpy(b->fdt, src[i], size);
		if (fdt_check_header(b->fdt) || platform_probe(b->fdt, &b->plat) < 0) {
			fprintf(stderr, "fuzz: embedded device tree %u is unusable\n", i);
			abort();
		}
	}
}

/* The firmware, the hypervisor and the tree's own reservations, as the
 * host tool and the boot add them. */
static void fuzz_env(struct layout_check_env *env, const struct fuzz_board *b)
{
	memset(env, 0, sizeof(*env));
	env->plat = &b->plat;
	layout_check_add_reserved(env, 0x80000000, 0x200000, "the firmware");
	layout_check_add_reserved(env, 0x80200000, 0x2000000, "the hypervisor");
	layout_check_add_fdt_reserved(env, b->fdt);
}

/* ------------------------------------------------------------ the layout */

#define POISON		0xbe
#define MAX_STRINGS	(CONFIG_MAX_CELLS * (2 + LAYOUT_MAX_EMUS) + 1)
#define IMG_MAX		(32 * MiB)

static uint8_t fuzz_img[IMG_MAX];	/* never read: images are pointers and sizes */

struct fuzz_layout {
	struct layout *l;
	char *strings[MAX_STRINGS];	/* names and bootargs made from input */
	unsigned nr_strings;
};

static const uint64_t addrs[] = {
	0, 0x1000, 0x2000000, 0x0c000000, 0x10000000, 0x10001000, 0x10008000,
	0x30000000, 0x40000000, 0x80000000, 0x80200000, 0x84000000, 0xbff00000,
	0xc0000000, 0x100000000, 0xfffffffffffff000, ~0ULL,
};

static const uint64_t sizes[] = {
	0, 1, 0x100, 0x1000, 0x2000, 0x8000, 1 * MiB, 16 * MiB, 0x4000000, 256 * MiB,
	1 * GiB, 0x100000000, 1ULL << 63, ~0ULL,
};

/* An address or size: `def`, or near it, or something interesting. */
static uint64_t f_u64(struct in *in, uint64_t def, const uint64_t *tab, unsigned n)
{
	uint8_t k = in_u8(in);

	switch (k % 8) {
	case 1: return def + 0x1000 * (uint64_t)in_u16(in);
	case 2: return def - 0x1000 * (uint64_t)in_u16(in);
	case 3: return def + in_u8(in);			/* unaligned */
	case 4: return in_u64(in);
	case 5: return tab[in_u8(in) % n];
	case 6: return tab[in_u8(in) % n] + 0x1000 * (uint64_t)in_u8(in);
	default: return def;
	}
}

#define f_addr(in, def)	f_u64(in, def, addrs, sizeof(addrs) / sizeof(addrs[0]))
#define f_size(in, def)	f_u64(in, def, sizes, sizeof(sizes) / sizeof(sizes[0]))

/* A count: `def`, 0..max+1, or any. */
static unsigned f_count(struct in *in, unsigned def, unsigned max)
{
	uint8_t k = in_u8(in);

	if (!k)
		return def;
	if (k < 0xf0)
		return (k - 1) % (max + 2);
	return in_u32(in);
}

/* A small number (hart id, IRQ, flags, type, policy): `def`, k-1, or any. */
static uint64_t f_small(struct in *in, uint64_t def)
{
	uint8_t k = in_u8(in);

	if (!k)
		return def;
	return k < 0xff ? k - 1u : in_u64(in);
}

static const char *f_string(struct fuzz_layout *f, struct in *in, const char *def)
{
	static const char *const fixed[] = { "cell0", "cell1", "linux", "rtos" };
	uint8_t k = in_u8(in);
	unsigned len;
	char *s;

	switch (k % 5) {
	case 1: return NULL;
	case 2: return "";
	case 3: return fixed[in_u8(in) % 4];
	case 4:
		if (f->nr_strings == MAX_STRINGS)
			return def;
		len = in_u8(in) % 80;
		s = malloc(len + 1);		/* exact: ASan sees any over-read */
		for (unsigned i = 0; i < len; i++)
			s[i] = (char)(in_u8(in) | 1);	/* no NUL inside */
		s[len] = '\0';
		f->strings[f->nr_strings++] = s;
		return s;
	default: return def;
	}
}

static void f_image(struct in *in, struct layout_image *img, const char *name,
		    uint64_t size, uint64_t gpa)
{
	static const uint64_t isizes[] = { 0, 0x1000, 64 * KiB, 1 * MiB, 17 * MiB, IMG_MAX };
	uint8_t k = in_u8(in);

	img->name = name;
	img->load_gpa = gpa;
	if (!k) {
		img->start = size ? fuzz_img : NULL;
		img->end = fuzz_img + size;
		return;
	}
	img->start = (k & 1) ? fuzz_img : NULL;
	img->end = fuzz_img + isizes[(k >> 1) % 6];
	if (k & 0x80) {		/* ends before it starts */
		img->start = fuzz_img + 0x1000;
		img->end = fuzz_img;
	}
	img->load_gpa = f_addr(in, gpa);
}

/* A MAC: derived (all zero), any, multicast, or one that others may share. */
static void f_mac(struct in *in, uint8_t mac[6])
{
	static const uint8_t fixed[3][6] = {
		{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
		{ 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 },
		{ 0x02, 0x46, 0x56, 0x00, 0x01, 0x01 },	/* cell 0's emus[1] on link 1 */
	};
	uint8_t k = in_u8(in);

	memset(mac, 0, 6);
	if (k % 5 == 1)
		for (unsigned b = 0; b < 6; b++)
			mac[b] = in_u8(in);
	else if (k % 5 >= 2)
		memcpy(mac, fixed[k % 5 - 2], 6);
}

/* A disk image: none, a start or an end alone, any size up to IMG_MAX,
 * or one that ends before it starts. */
static void f_blk_image(struct in *in, struct layout_virtio_blk *b)
{
	static const uint64_t isizes[] = { 0, 512, 0x1000, 64 * KiB, 1 * MiB, IMG_MAX };
	uint8_t k = in_u8(in);

	b->image_start = NULL;
	b->image_end = NULL;
	if (!k)
		return;
	if (k & 1)
		b->image_start = fuzz_img;
	if (k & 2)
		b->image_end = fuzz_img + isizes[(k >> 2) % 6];
	if (k & 0x80) {
		b->image_start = fuzz_img + 0x1000;
		b->image_end = fuzz_img;
	}
}

/* Default console names, unique in the layout and no cell's name. */
static char fuzz_con_names[CONFIG_MAX_CELLS][LAYOUT_MAX_EMUS][8];

/* The fields of virtio device `e`, emus[j] of cell i: every one is set,
 * the other members of the union stay poison. */
static void f_virtio(struct fuzz_layout *f, struct in *in, struct layout_emu *e,
		     unsigned i, unsigned j)
{
	char *con = fuzz_con_names[i][j];

	if (e->type == EMU_VIRTIO_NET) {
		e->net.link = f_small(in, 1);
		f_mac(in, e->net.mac);
	} else if (e->type == EMU_VIRTIO_BLK) {
		e->blk.hpa = f_addr(in, 0xb0000000 + (i * LAYOUT_MAX_EMUS + j) * MiB);
		e->blk.size = f_size(in, 1 * MiB);
		f_blk_image(in, &e->blk);
		e->blk.readonly = in_u8(in) & 1;
	} else {
		snprintf(con, sizeof(fuzz_con_names[i][j]), "con%u-%u", i, j);
		e->console.name = f_string(f, in, con);
	}
}

static const char *const fuzz_cell_names[] = { "cell0", "cell1", "cell2", "cell3" };

/* A doorbell's fields, emus[j] of cell i: its region by default the
 * cell's first shared one, its peer the cell it pairs with by default. */
static void f_doorbell(struct fuzz_layout *f, struct in *in, struct layout_emu *e, unsigned i)
{
	const struct layout_cell *c = &f->l->cells[i];
	uint64_t hpa = 0xbff00000;

	for (unsigned j = MIN(c->nr_mem, (unsigned)LAYOUT_MAX_MEM); j--; )
		if (c->mem[j].flags & MEM_SHARED)
			hpa = c->mem[j].hpa;
	e->doorbell.region_hpa = f_addr(in, hpa);
	e->doorbell.peer = f_string(f, in, fuzz_cell_names[(i ^ 1) % 4]);
}

static void f_cell(struct fuzz_layout *f, struct in *in, unsigned i)
{
	const char *const *names = fuzz_cell_names;
	struct layout_cell *c = &f->l->cells[i];
	uint64_t hpa = 0x84000000 + i * 16 * MiB;

	c->name = f_string(f, in, names[i % 4]);
	c->nr_harts = f_count(in, 1, LAYOUT_MAX_HARTS);
	for (unsigned j = 0; j < MIN(c->nr_harts, (unsigned)LAYOUT_MAX_HARTS); j++)
		c->harts[j] = f_small(in, i + j);

	c->nr_mem = f_count(in, 1, LAYOUT_MAX_MEM);
	for (unsigned j = 0; j < MIN(c->nr_mem, (unsigned)LAYOUT_MAX_MEM); j++) {
		struct layout_mem *m = &c->mem[j];

		m->gpa = f_addr(in, 0x80000000 + j * 16 * MiB);
		m->hpa = f_addr(in, hpa + j * 64 * MiB);
		m->size = f_size(in, 16 * MiB);
		m->flags = f_small(in, MEM_RWX);
	}

	c->nr_devs = f_count(in, 0, LAYOUT_MAX_DEVS);
	for (unsigned j = 0; j < MIN(c->nr_devs, (unsigned)LAYOUT_MAX_DEVS); j++) {
		struct layout_dev *d = &c->devs[j];
		uint64_t def = 0x10001000 + (i * LAYOUT_MAX_DEVS + j) * 0x1000;	/* virtio */

		d->gpa = f_addr(in, def);
		d->hpa = f_addr(in, def);
		d->size = f_size(in, 0x1000);
		for (unsigned q = 0; q < LAYOUT_DEV_IRQS; q++)
			d->irqs[q] = f_small(in, q ? 0 : 1 + i * LAYOUT_MAX_DEVS + j);
		/* the default, a virtio-mmio transport, does DMA */
		d->flags = f_small(in, DEV_DMA_UNCONFINED);
	}

	c->nr_emus = f_count(in, 1, LAYOUT_MAX_EMUS);
	for (unsigned j = 0; j < MIN(c->nr_emus, (unsigned)LAYOUT_MAX_EMUS); j++) {
		struct layout_emu *e = &c->emus[j];

		e->type = f_small(in, EMU_UART16550);
		e->gpa = f_addr(in, 0x10000000 + j * 0x1000);
		e->irq = f_small(in, 100 + j);
		if (layout_emu_is_virtio(e->type))
			f_virtio(f, in, e, i, j);
		else if (e->type == EMU_DOORBELL)
			f_doorbell(f, in, e, i);
	}

	c->arch.vplic_gpa = f_addr(in, 0x0c000000);
	f_image(in, &c->kernel, "kernel", 64 * KiB, 0x80200000);
	f_image(in, &c->initrd, "initrd", 0, 0x80800000);
	c->dtb = NULL;
	c->entry = f_addr(in, 0x80200000);
	c->bootargs = f_string(f, in, NULL);
	c->on_fault = f_small(in, POLICY_STOP);
	c->on_reboot = f_small(in, POLICY_RESTART);
}

static void fuzz_layout_make(struct fuzz_layout *f, struct in *in)
{
	static const char *const boards[] = { CONFIG_PLATFORM, "qemu-arm64-virt", NULL, "" };
	struct layout *l = malloc(sizeof(*l));
	uint8_t k = in_u8(in);

	memset(l, POISON, sizeof(*l));
	f->l = l;
	f->nr_strings = 0;
	l->board = boards[k % 4];
	l->nr_cells = f_count(in, 1, CONFIG_MAX_CELLS);
	/* the counted part of each array is set, the rest stays poison */
	for (unsigned i = 0; i < MIN(l->nr_cells, (unsigned)CONFIG_MAX_CELLS); i++)
		f_cell(f, in, i);
}

static void fuzz_layout_free(struct fuzz_layout *f)
{
	for (unsigned i = 0; i < f->nr_strings; i++)
		free(f->strings[i]);
	free(f->l);
}

#endif
