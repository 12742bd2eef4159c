/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The layout: the cells of one board, as C data compiled into the image.
 *
 * A layout file (cells/<board>/<layout>.c) defines `fv_layout` with the
 * helper macros below.  The same file is compiled for the host, where
 * src/host/layoutcheck.c checks it against the board before any image is
 * made; the hypervisor checks it again at boot against the firmware's
 * device tree (src/layout_check.c does both).
 *
 *	GUEST_IMAGE(rtos, "rtos/rtos.bin");
 *
 *	const struct layout fv_layout = {
 *		.board = "qemu-riscv64-virt",
 *		CELLS({
 *			.name = "rtos0",
 *			HARTS(1),
 *			MEMORY({ .gpa = 0x80000000, .hpa = 0x84000000,
 *				 .size = 16 * MiB, .flags = MEM_RWX }),
 *			.arch.vplic_gpa = 0x0c000000,
 *			.kernel = IMAGE(rtos, 0x80200000),
 *			.entry = 0x80200000,
 *			.bootargs = "tick_us=1000",
 *		}),
 *	};
 */
#ifndef FV_LAYOUT_H
#define FV_LAYOUT_H

#include <fv/types.h>

#define KiB (1ULL << 10)
#define MiB (1ULL << 20)
#define GiB (1ULL << 30)

/* memory region flags */
#define MEM_R		0x1
#define MEM_W		0x2
#define MEM_X		0x4
#define MEM_RW		(MEM_R | MEM_W)
#define MEM_RX		(MEM_R | MEM_X)
#define MEM_RWX		(MEM_R | MEM_W | MEM_X)
#define MEM_SHARED	0x8	/* also mapped by another cell, which marks it MEM_SHARED too */
#define MEM_KEEP	0x10	/* kept across a restart of the cell (not zeroed) */

struct layout_mem {
	gpaddr_t gpa;
	paddr_t hpa;
	uint64_t size;
	uint32_t flags;
};

#define LAYOUT_DEV_IRQS 4

/*
 * Passthrough device flags.  DEV_DMA_UNCONFINED accepts a device that can
 * do DMA (virtio-mmio, fw_cfg, a PCIe host bridge: see dma_devices[] in
 * src/layout_check.c) although nothing confines it: Ferrovisor programs no
 * IOMMU, so the device reads and writes wherever the cell tells it to, all
 * of physical memory, other cells' and the hypervisor's included.  Without
 * the flag such a device is refused; with it the layout is accepted with a
 * warning at build and at boot.
 */
#define DEV_DMA_UNCONFINED	0x1

/* A device passed straight through: its MMIO window and its interrupts.
 * Guest interrupt numbers equal the physical ones. */
struct layout_dev {
	gpaddr_t gpa;
	paddr_t hpa;
	uint64_t size;
	uint32_t irqs[LAYOUT_DEV_IRQS];	/* 0-terminated */
	uint32_t flags;			/* DEV_* */
};

enum emu_type {
	EMU_NONE,
	EMU_UART16550,		/* ns16550a-compatible console UART */
	EMU_VIRTIO_CONSOLE,	/* virtio-mmio console: a port of the multiplexer */
	EMU_VIRTIO_NET,		/* virtio-mmio network card on a link between cells */
	EMU_VIRTIO_BLK,		/* virtio-mmio disk backed by host memory */
	EMU_DOORBELL,		/* rings a peer cell sharing a MEM_SHARED region */
	EMU_PL011,		/* Arm PL011 console UART (4 KiB window) */
	EMU_TYPE_NR,
};

/* Every virtio-mmio device takes one 4 KiB page of guest-physical space. */
#define VIRTIO_MMIO_WINDOW	0x1000
/* Links between cells are numbered 1..LAYOUT_MAX_LINKS. */
#define LAYOUT_MAX_LINKS	8

/* virtio-net: every card on link N is on one small learning switch. */
struct layout_virtio_net {
	unsigned link;
	uint8_t mac[6];		/* all zero: derived from the cell's name and link */
};

/* virtio-blk: a disk backed by host memory that no cell maps.  An image,
 * if given, is copied into the backing once, at boot; restarts keep what
 * the cell wrote. */
struct layout_virtio_blk {
	paddr_t hpa;
	uint64_t size;		/* bytes, a multiple of 512 */
	const uint8_t *image_start, *image_end;
	bool readonly;		/* writes fail with VIRTIO_BLK_S_IOERR */
};

/* virtio-console: one port, named in the multiplexer (tags, focus). */
struct layout_virtio_console {
	const char *name;
};

/*
 * A doorbell: one end of a channel between two cells over a region both
 * map MEM_SHARED.  Each of the two cells has an EMU_DOORBELL naming the
 * other (.peer) and the region (.region_hpa, the host address of a
 * MEM_SHARED region of its own that the peer maps too, same hpa and size;
 * either side may map it read-only).  Its guest window, DOORBELL_WINDOW
 * at a page-aligned .gpa, has three 32-bit registers:
 *
 *	DOORBELL_RING	write (any value): ring the peer; its .irq rises
 *	DOORBELL_STATUS	read: rings received and not yet acknowledged
 *	DOORBELL_ACK	write n: acknowledge n of them (0xffffffff: all);
 *			the line (.irq) is high while any is left
 *
 * Rings are counted, up to 0xffffffff (then the count stays there), so
 * none is lost while the cell runs; rings to a cell that is not running
 * are dropped (and counted as dropped at the ringing end).  Ringing never
 * waits for the peer.  A guest may also ring through the SBI extension
 * SBI_EXT_FERROVISOR (arch/riscv/vsbi.h), by the doorbell's index among
 * the cell's doorbells in layout order.
 */
#define DOORBELL_WINDOW		0x1000
#define DOORBELL_RING		0x0
#define DOORBELL_STATUS		0x4
#define DOORBELL_ACK		0x8

struct layout_doorbell {
	paddr_t region_hpa;	/* the MEM_SHARED region it goes with */
	const char *peer;	/* the name of the cell at the other end */
};

/* A device the hypervisor emulates at `gpa`, raising guest interrupt `irq`. */
struct layout_emu {
	enum emu_type type;
	gpaddr_t gpa;
	uint32_t irq;
	union {
		struct layout_virtio_net net;
		struct layout_virtio_blk blk;
		struct layout_virtio_console console;
		struct layout_doorbell doorbell;
	};
};

/* A guest image embedded in the hypervisor image (see GUEST_IMAGE). */
struct layout_image {
	const char *name;
	const uint8_t *start, *end;
	gpaddr_t load_gpa;
};

enum cell_policy {
	POLICY_STOP,		/* the cell stays stopped */
	POLICY_RESTART,		/* the cell is reloaded and started again */
};

#define LAYOUT_MAX_HARTS	16
#define LAYOUT_MAX_MEM		8
#define LAYOUT_MAX_DEVS		8
#define LAYOUT_MAX_EMUS		8

/* A guest-physical window the architecture's part of a cell adds (its
 * interrupt controller): arch_layout_windows() in <arch/layout.h>. */
struct layout_window {
	const char *name;	/* in the guest-physical map: "vplic" */
	const char *field;	/* in the layout file: "arch.vplic_gpa" */
	const char *what;	/* for "not set" messages */
	gpaddr_t gpa;		/* 0: not set */
	uint64_t size;
};

#include <arch/layout.h>

struct layout_cell {
	const char *name;
	unsigned nr_harts;
	unsigned long harts[LAYOUT_MAX_HARTS];	/* physical hart ids; vhart i = harts[i] */
	unsigned nr_mem;
	struct layout_mem mem[LAYOUT_MAX_MEM];
	unsigned nr_devs;
	struct layout_dev devs[LAYOUT_MAX_DEVS];
	unsigned nr_emus;
	struct layout_emu emus[LAYOUT_MAX_EMUS];
	struct arch_layout_cell arch;	/* <arch/layout.h>: e.g. .arch.vplic_gpa */
	struct layout_image kernel;
	struct layout_image initrd;	/* optional */
	const uint8_t *dtb;		/* optional: the guest's own device tree */
	gpaddr_t entry;
	const char *bootargs;
	enum cell_policy on_fault;	/* bad access, illegal instruction */
	enum cell_policy on_reboot;	/* SBI SRST reboot (shutdown always stops) */
};

struct layout {
	const char *board;
	unsigned nr_cells;
	struct layout_cell cells[CONFIG_MAX_CELLS];
};

extern const struct layout fv_layout;

/* ---- helpers for layout files ---- */
#define __LAYOUT_COUNT(type, ...) (sizeof((type[]){ __VA_ARGS__ }) / sizeof(type))
#define HARTS(...) .nr_harts = __LAYOUT_COUNT(unsigned long, __VA_ARGS__), \
		   .harts = { __VA_ARGS__ }
#define MEMORY(...) .nr_mem = __LAYOUT_COUNT(struct layout_mem, __VA_ARGS__), \
		    .mem = { __VA_ARGS__ }
#define DEVICES(...) .nr_devs = __LAYOUT_COUNT(struct layout_dev, __VA_ARGS__), \
		     .devs = { __VA_ARGS__ }
#define EMULATED(...) .nr_emus = __LAYOUT_COUNT(struct layout_emu, __VA_ARGS__), \
		      .emus = { __VA_ARGS__ }
#define CELLS(...) .nr_cells = __LAYOUT_COUNT(struct layout_cell, __VA_ARGS__), \
		   .cells = { __VA_ARGS__ }

/*
 * Embed a guest image built into $(O)/guests/: defines sym##_start and
 * sym##_end, page-aligned, in the image's .guest_images section.
 */
#define GUEST_IMAGE(sym, file) \
	__asm__(".pushsection .guest_images, \"a\"\n" \
		".balign 4096\n" \
		".global " #sym "_start\n" #sym "_start:\n" \
		".incbin \"" file "\"\n" \
		".global " #sym "_end\n" #sym "_end:\n" \
		".popsection\n"); \
	extern const uint8_t sym##_start[], sym##_end[]

#define IMAGE(sym, gpa) { .name = #sym, .start = sym##_start, .end = sym##_end, \
			  .load_gpa = (gpa) }
/* The initial contents of a virtio-blk backing: an embedded image. */
#define BLK_IMAGE(sym) .image_start = sym##_start, .image_end = sym##_end

#endif
