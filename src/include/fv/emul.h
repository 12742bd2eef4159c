/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Emulated MMIO devices.  A guest load or store that hits no mapped page
 * arrives here decoded (offset into the device, width, value); the device
 * answers.  A device returns 0, or a negative value for an access it
 * refuses (unaligned, wrong width where it matters), which the hypervisor
 * treats like an access to nothing: the cell's fault policy applies.
 * read and write run in the trap of the access and must not take a trap
 * of their own (no guest-memory access that may fault): an arch's short
 * path reads the fault's registers again after the call.
 */
#ifndef FV_EMUL_H
#define FV_EMUL_H

#include <fv/types.h>

struct emu_dev;

struct emu_ops {
	int (*read)(struct emu_dev *d, uint64_t off, unsigned width, uint64_t *val);
	int (*write)(struct emu_dev *d, uint64_t off, unsigned width, uint64_t val);
};

struct emu_dev {
	const struct emu_ops *ops;
	gpaddr_t base;
	uint64_t size;
	void *state;		/* the model: struct vplic, struct uart16550, ... */
	void *owner;		/* the cell, for the glue around a model */
	const char *name;	/* its kind, for the monitor ("uart16550") */
	uint64_t accesses;	/* emulated loads and stores (atomic adds) */
};

#endif
