/* SPDX-License-Identifier: GPL-2.0-only */
/* Device tree helpers the shared and the arch parsing both use (dtb.c). */
#ifndef RTOS_DTB_H
#define RTOS_DTB_H

#include <stdbool.h>
#include <stdint.h>
#include <libfdt.h>

/* No status, or "okay". */
bool dtb_node_ok(const void *fdt, int node);
/* 1 or 2 big-endian cells; false for any other count. */
bool dtb_read_cells(const fdt32_t *p, int n, uint64_t *v);
/* A one-cell property. */
bool dtb_read_u32(const void *fdt, int node, const char *name, uint32_t *v);
/* #address-cells / #size-cells of a bus node, with the spec's defaults. */
int dtb_addr_cells(const void *fdt, int node);
int dtb_size_cells(const void *fdt, int node);
/* CPU address (through every parent's ranges) and size of reg entry `idx`. */
bool dtb_node_reg(const void *fdt, int node, int idx, uintptr_t *out, uint64_t *size);
/* CPU address of the first reg entry. */
bool dtb_node_addr(const void *fdt, int node, uintptr_t *out);
/* The node's interrupt parent, inherited from its ancestors. */
int dtb_irq_parent(const void *fdt, int node);
/* The node /chosen/stdout-path names (through an alias if need be). */
int dtb_stdout_node(const void *fdt);

#endif
