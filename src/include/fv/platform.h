/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the hypervisor learned about the machine from the firmware's device
 * tree.  The architecture-neutral part (RAM, harts, timebase, console UART)
 * is filled by platform_probe(); struct arch_platform holds what only the
 * architecture knows how to read (ISA extensions, interrupt controllers).
 */
#ifndef FV_PLATFORM_H
#define FV_PLATFORM_H

#include <fv/types.h>

/* before <arch/platform.h>, which keeps ranges too */
struct plat_range {
	paddr_t base;
	uint64_t size;
};

#include <arch/platform.h>

#define PLAT_MAX_MEM	8
#define PLAT_PATH_MAX	64

struct plat_hart {
	unsigned long hwid;		/* hart id / MPIDR: what firmware calls use */
	int node;			/* its /cpus/cpu@N node offset */
	struct arch_hart arch;
};

/* The kinds of console UART the hypervisor drives. */
enum plat_uart_kind { UART_NS16550, UART_PL011 };

struct plat_uart {
	bool present;
	enum plat_uart_kind kind;
	struct plat_range reg;
	unsigned reg_shift;
	unsigned io_width;
	uint32_t irq;			/* 0: none */
	char path[PLAT_PATH_MAX];
};

struct platform {
	const void *fdt;		/* our copy, in the hypervisor's memory */
	const void *fdt_orig;		/* where the firmware put it */
	char model[PLAT_PATH_MAX];
	unsigned nr_mem;
	struct plat_range mem[PLAT_MAX_MEM];
	unsigned nr_harts;		/* usable harts, at most CONFIG_MAX_HARTS */
	unsigned nr_harts_skipped;	/* beyond CONFIG_MAX_HARTS */
	struct plat_hart harts[CONFIG_MAX_HARTS];
	uint64_t timebase_hz;
	struct plat_uart uart;
	struct arch_platform arch;
};

extern struct platform platform;

/*
 * Fill `p` from the flattened device tree `fdt`.  Returns 0, or a negative
 * value after printing one line that says what is missing or malformed.
 */
int platform_probe(const void *fdt, struct platform *p);

/* Index of the hart with hardware id `hwid` in p->harts, or -1. */
int platform_hart_index(const struct platform *p, unsigned long hwid);

/* Print the short platform summary of the boot log. */
void platform_print(const struct platform *p);

/* Read a (#address-cells, #size-cells) `reg` entry of `node`. */
int fdt_read_reg(const void *fdt, int node, int idx, struct plat_range *r);
/* The same when the caller knows the node's parent (fdt_parent_offset()
 * walks the tree from its root: a probe that walks the tree itself passes
 * the parent it saw). */
int fdt_read_reg_under(const void *fdt, int parent, int node, int idx, struct plat_range *r);

/*
 * One pass over a device tree (see platform.c): `fn` sees every node, in
 * tree order, parents before children, with its properties found and
 * bounds-checked once.  A node and its parents are valid during the call
 * only.  Returns 0, a negative libfdt error for a malformed tree, or what
 * `fn` returned when it stopped the walk with a value other than 0.
 */
struct fdt_wnode {
	const void *fdt;
	int offset;			/* libfdt's offset of the node */
	int depth;			/* 0: the root */
	const char *name;
	const struct fdt_wnode *parent;	/* NULL for the root */
	int props, props_end;		/* its properties (structure block) */
};

int fdt_walk(const void *fdt, int (*fn)(const struct fdt_wnode *n, void *arg), void *arg);
/* A property of a walked node (no walk), or NULL. */
const void *fdt_wnode_prop(const struct fdt_wnode *n, const char *name, int *len);
/* Its reg entry `idx`, read with its parent's #address-cells and #size-cells. */
int fdt_wnode_reg(const struct fdt_wnode *n, int idx, struct plat_range *r);
/* A missing status, "okay" or "ok". */
bool fdt_wnode_ok(const struct fdt_wnode *n);

#endif
