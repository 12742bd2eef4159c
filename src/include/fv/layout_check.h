/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Checking a layout against the machine.  The same code runs twice: at
 * build time in the host tool (src/host/layoutcheck.c, against the board's
 * device tree as QEMU dumps it) and at boot (against the firmware's device
 * tree), so a layout that passed the build cannot be applied differently.
 */
#ifndef FV_LAYOUT_CHECK_H
#define FV_LAYOUT_CHECK_H

#include <fv/layout.h>
#include <fv/platform.h>

#define LAYOUT_PAGE		0x1000ULL	/* G-stage mapping granule */
#define LAYOUT_MAX_RESERVED	8

struct layout_check_env {
	const struct platform *plat;	/* RAM, harts, irqchip, plat->fdt for devices */
	/* Physical ranges no cell may use: firmware, hypervisor, /reserved-memory. */
	struct plat_range reserved[LAYOUT_MAX_RESERVED];
	const char *reserved_name[LAYOUT_MAX_RESERVED];	/* "the firmware", ... */
	unsigned nr_reserved;
	/* Ranges that did not fit: each was reported as an error when added,
	 * and each counts as an error of every layout_check() on this env. */
	unsigned nr_reserved_lost;
	const char *file;		/* layout source for messages, or NULL at boot */
	/* Called once per error with one line, no trailing newline; may be NULL. */
	void (*report)(void *arg, const char *msg);
	/* The same for warnings: accepted risks such as DEV_DMA_UNCONFINED. */
	void (*warn)(void *arg, const char *msg);
	void *arg;
};

/*
 * Check `l` against env->plat and the reserved ranges.  Reports every error
 * it finds (never stops at the first) and returns how many there were, the
 * reserved ranges that did not fit the table included: a layout not checked
 * against them has not passed.  Never trusts the layout's counts: anything
 * out of bounds is an error, not a crash.
 */
int layout_check(const struct layout *l, const struct layout_check_env *env);

/* Add a reserved range; `name` is kept, not copied.  If the table is full
 * the range is reported as an error naming it, counted in
 * env->nr_reserved_lost (so layout_check() fails), and -1 returned. */
int layout_check_add_reserved(struct layout_check_env *env, paddr_t base,
			      uint64_t size, const char *name);

/* Add the device tree's /reserved-memory children and /memreserve/ entries;
 * returns how many could not be added because the table was full (each
 * reported and counted as layout_check_add_reserved() does). */
int layout_check_add_fdt_reserved(struct layout_check_env *env, const void *fdt);

/* The guest-physical window of an emulated device (0 for an unknown type),
 * and its name for messages and maps. */
uint64_t layout_emu_size(enum emu_type type);
const char *layout_emu_name(enum emu_type type);

/* EMU_VIRTIO_CONSOLE, EMU_VIRTIO_NET or EMU_VIRTIO_BLK: a virtio-mmio
 * device, one VIRTIO_MMIO_WINDOW at its gpa. */
bool layout_emu_is_virtio(enum emu_type type);

/* The MEM_SHARED region of `lc` whose host address is `hpa` (a doorbell's
 * region_hpa): its index in lc->mem[], or -1. */
int layout_shared_region(const struct layout_cell *lc, paddr_t hpa);

/*
 * The MAC of virtio-net card `e`, which is l->cells[cell].emus[i]: its
 * explicit .net.mac, or if that is all zero the derived, locally
 * administered unicast 02:46:56:<cell>:<link>:<i> (one byte each), unique
 * in the layout.  layout_check() makes sure no two cards on a link share
 * one, explicit or derived.
 */
void layout_virtio_mac(const struct layout *l, unsigned cell, const struct layout_emu *e,
		       uint8_t mac[6]);

#endif
