/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VirtIO devices the hypervisor emulates for cells: the virtio-mmio
 * transport (version 2, no legacy interface) and split virtqueues, shared
 * by the console, net and blk models (src/virtio/).
 *
 * Every guest address a device is given (ring areas, buffers) is checked
 * against the owning cell's memory, with the access it needs (R or W),
 * before the hypervisor reads or writes there, and every ring index and
 * descriptor is checked as it is read (one read of each guest value).  A
 * ring that breaks the rules makes the device "broken": DEVICE_NEEDS_RESET
 * is set, the driver is told by a configuration-change interrupt, the
 * reason is reported once on the cell's console, and no queue of the
 * device is touched again until the driver resets it.
 *
 * Locking: one lock per device, set up once at boot, taken by the cell's
 * own harts for register accesses and notifications.  A hart of another
 * cell (a net frame for this cell) only ever try-locks it and drops the
 * frame if it is busy; it never raises this cell's interrupt itself but
 * leaves that to the cell's own hart (REQ_EMU), so no cell waits for
 * another and none touches another's interrupt controller.
 */
#ifndef FV_VIRTIO_H
#define FV_VIRTIO_H

#include <fv/emul.h>
#include <fv/spinlock.h>
#include <fv/types.h>

struct cell;

/* virtio-mmio registers (offsets into the device's window) */
#define VIRTIO_MMIO_MAGIC		0x000	/* "virt" */
#define VIRTIO_MMIO_VERSION		0x004
#define VIRTIO_MMIO_DEVICE_ID		0x008
#define VIRTIO_MMIO_VENDOR_ID		0x00c
#define VIRTIO_MMIO_DEVICE_FEATURES	0x010
#define VIRTIO_MMIO_DEVICE_FEATURES_SEL	0x014
#define VIRTIO_MMIO_DRIVER_FEATURES	0x020
#define VIRTIO_MMIO_DRIVER_FEATURES_SEL	0x024
#define VIRTIO_MMIO_QUEUE_SEL		0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX	0x034
#define VIRTIO_MMIO_QUEUE_NUM		0x038
#define VIRTIO_MMIO_QUEUE_READY		0x044
#define VIRTIO_MMIO_QUEUE_NOTIFY	0x050
#define VIRTIO_MMIO_INTERRUPT_STATUS	0x060
#define VIRTIO_MMIO_INTERRUPT_ACK	0x064
#define VIRTIO_MMIO_STATUS		0x070
#define VIRTIO_MMIO_QUEUE_DESC_LOW	0x080
#define VIRTIO_MMIO_QUEUE_DESC_HIGH	0x084
#define VIRTIO_MMIO_QUEUE_DRIVER_LOW	0x090
#define VIRTIO_MMIO_QUEUE_DRIVER_HIGH	0x094
#define VIRTIO_MMIO_QUEUE_DEVICE_LOW	0x0a0
#define VIRTIO_MMIO_QUEUE_DEVICE_HIGH	0x0a4
#define VIRTIO_MMIO_SHM_SEL		0x0ac
#define VIRTIO_MMIO_SHM_LEN_LOW		0x0b0
#define VIRTIO_MMIO_SHM_LEN_HIGH	0x0b4
#define VIRTIO_MMIO_SHM_BASE_LOW	0x0b8
#define VIRTIO_MMIO_SHM_BASE_HIGH	0x0bc
#define VIRTIO_MMIO_CONFIG_GENERATION	0x0fc
#define VIRTIO_MMIO_CONFIG		0x100

#define VIRTIO_MMIO_MAGIC_VALUE		0x74726976
#define VIRTIO_VENDOR_ID		0x56564646	/* "FFVV" */

/* device status bits */
#define VIRTIO_STATUS_ACKNOWLEDGE	0x01
#define VIRTIO_STATUS_DRIVER		0x02
#define VIRTIO_STATUS_DRIVER_OK		0x04
#define VIRTIO_STATUS_FEATURES_OK	0x08
#define VIRTIO_STATUS_NEEDS_RESET	0x40
#define VIRTIO_STATUS_FAILED		0x80

/* interrupt status bits */
#define VIRTIO_INT_USED			0x1
#define VIRTIO_INT_CONFIG		0x2

#define VIRTIO_F_VERSION_1		32

/* device ids */
#define VIRTIO_ID_NET			1
#define VIRTIO_ID_BLOCK			2
#define VIRTIO_ID_CONSOLE		3

/* split virtqueue layout */
#define VRING_DESC_F_NEXT		1
#define VRING_DESC_F_WRITE		2
#define VRING_DESC_F_INDIRECT		4
#define VRING_AVAIL_F_NO_INTERRUPT	1

struct vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct vring_used_elem {
	uint32_t id;
	uint32_t len;
};

#define VIRTQ_NUM_MAX		256	/* QueueNumMax of every queue */
#define VIRTQ_MAX_SEGS		64	/* buffers one chain may have */
#define VIRTIO_MAX_QUEUES	2

struct virtq {
	uint16_t num;			/* QueueNum as the driver set it */
	bool ready;
	uint64_t desc_gpa, driver_gpa, device_gpa;
	/* checked and translated when the driver made the queue ready */
	volatile struct vring_desc *desc;
	volatile uint16_t *avail;	/* flags, idx, ring[num] */
	volatile uint16_t *used;	/* flags, idx, then used elements */
	uint16_t last_avail;		/* next chain to take */
	uint16_t used_idx;		/* next used slot to fill */
};

/* One buffer of a chain: checked and translated to a host pointer. */
struct vq_seg {
	uint8_t *p;
	uint32_t len;
	bool write;			/* device-writable */
};

/* A chain taken from the available ring: readable segments first. */
struct vq_chain {
	uint16_t head;
	unsigned nr_read, nr;		/* readable segments, all segments */
	uint64_t read_len, write_len;	/* bytes in each */
	struct vq_seg seg[VIRTQ_MAX_SEGS];
};

struct virtio_dev;

/* What a device model adds to the transport. */
struct virtio_dev_ops {
	const char *name;		/* "virtio-blk", for reports */
	uint32_t device_id;
	unsigned nr_queues;
	uint64_t features;		/* besides VIRTIO_F_VERSION_1 */
	/* The driver notified queue `q`; the device lock is held. */
	void (*notify)(struct virtio_dev *d, unsigned q);
	/* Back to the state at boot (the device lock is held); may be NULL. */
	void (*reset)(struct virtio_dev *d);
};

struct virtio_stats {
	volatile uint64_t requests;	/* chains the device completed */
	volatile uint64_t drops;	/* frames or bytes it had to drop */
	volatile uint64_t errors;	/* requests failed (bad sector, RO) */
	volatile uint64_t broken;	/* times a ring broke the rules */
};

struct virtio_dev {
	spinlock_t lock;
	const struct virtio_dev_ops *ops;
	const struct cell *cell;	/* whose memory the rings are in */
	gpaddr_t base;			/* guest address of the window (reports) */
	void (*irq)(void *arg, bool level);	/* the interrupt line */
	void *irq_arg;
	void *model;			/* struct virtio_blk, ... */
	const uint8_t *config;		/* the device's config space */
	unsigned config_size;
	/* transport state, reset by virtio_reset() */
	uint32_t status;
	uint32_t dev_features_sel, drv_features_sel, queue_sel;
	uint64_t drv_features;
	uint32_t config_gen;
	volatile uint32_t isr;		/* VIRTIO_INT_* pending */
	bool irq_out;			/* the level last given to irq() */
	const char *broken;		/* why it needs a reset, if it does */
	bool broken_told;		/* that was reported */
	struct virtq vq[VIRTIO_MAX_QUEUES];
	struct virtio_stats stats;
};

/* Once, at boot: the lock and the transport's state. */
void virtio_init(struct virtio_dev *d, const struct virtio_dev_ops *ops,
		 const struct cell *cell, gpaddr_t base, void *model);
/* Back to the state at boot (a cell restart), under the device lock. */
void virtio_reset(struct virtio_dev *d);
/* The guest's accesses to the window (struct emu_ops). */
extern const struct emu_ops virtio_mmio_ops;

/* ---- for device models (device lock held) ---- */
bool virtio_live(const struct virtio_dev *d);	/* DRIVER_OK, not broken */
bool virtio_queue_live(const struct virtio_dev *d, unsigned q);
/* Take the next available chain of queue `q` into `ch`: 1 if one was
 * taken, 0 if none waits, -1 if the ring broke the rules (the device is
 * then broken and nothing was taken). */
int virtq_pop(struct virtio_dev *d, unsigned q, struct vq_chain *ch);
/* Put a finished chain in the used ring, `written` bytes written to it. */
void virtq_push(struct virtio_dev *d, unsigned q, const struct vq_chain *ch,
		uint32_t written);
/* Raise the used-buffer interrupt if the driver did not suppress it. */
void virtq_notify_guest(struct virtio_dev *d, unsigned q);
/* The ring broke the rules: `why` is reported once on the cell's console. */
void virtio_set_broken(struct virtio_dev *d, const char *why);
/* Bring the interrupt line in line with the status; report a breakage.
 * Only on the cell's own harts. */
void virtio_sync(struct virtio_dev *d);

/* Copy between a chain's segments and flat memory, from byte `off` of
 * its readable (or writable) part; returns the bytes copied. */
uint64_t vq_read(const struct vq_chain *ch, uint64_t off, void *dst, uint64_t n);
uint64_t vq_write(const struct vq_chain *ch, uint64_t off, const void *src, uint64_t n);

#endif
