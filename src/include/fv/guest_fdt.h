/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The device tree a cell's guest boots with, generated from the layout and
 * the platform's tree: its vharts, its memory, its interrupt controller,
 * its passthrough devices (copied from the platform tree, moved to their
 * guest addresses), its emulated devices and /chosen.
 */
#ifndef FV_GUEST_FDT_H
#define FV_GUEST_FDT_H

#include <fv/cell.h>

#define GUEST_FDT_MAX	(64 * 1024)

/* Fill c->dtb, c->dtb_size and c->dtb_gpa.  Returns 0 or -1 (printed). */
int guest_fdt_build(struct cell *c);

/* Write the tree for cell `c` into `buf`; returns its size or -1. */
int guest_fdt_write(struct cell *c, void *buf, int bufsize);

#endif
