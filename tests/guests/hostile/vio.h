/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hostile guest's VirtIO driver (vio.c) and its attacks
 * (vio_attacks.c).  Written from the virtio 1.x spec, not from
 * src/virtio/, so that it checks the devices against the spec rather than
 * against themselves: virtio-mmio version 2, split queues whose rings are
 * in the guest's own RAM, polled (the attacker never enables their
 * interrupts; it reads InterruptStatus instead).
 */
#ifndef HOSTILE_VIO_H
#define HOSTILE_VIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hostile.h"

/* virtio-mmio registers (spec 4.2.2) */
#define VIO_MAGIC		0x000
#define VIO_VERSION		0x004
#define VIO_DEVICE_ID		0x008
#define VIO_DEV_FEATURES	0x010
#define VIO_DEV_FEATURES_SEL	0x014
#define VIO_DRV_FEATURES	0x020
#define VIO_DRV_FEATURES_SEL	0x024
#define VIO_QUEUE_SEL		0x030
#define VIO_QUEUE_NUM_MAX	0x034
#define VIO_QUEUE_NUM		0x038
#define VIO_QUEUE_READY		0x044
#define VIO_QUEUE_NOTIFY	0x050
#define VIO_INT_STATUS		0x060
#define VIO_INT_ACK		0x064
#define VIO_STATUS		0x070
#define VIO_QUEUE_DESC		0x080	/* low, high at +4 */
#define VIO_QUEUE_DRIVER	0x090
#define VIO_QUEUE_DEVICE	0x0a0
#define VIO_CONFIG		0x100

/* device status */
#define VIO_S_ACK		0x01
#define VIO_S_DRIVER		0x02
#define VIO_S_DRIVER_OK		0x04
#define VIO_S_FEATURES_OK	0x08
#define VIO_S_NEEDS_RESET	0x40

/* descriptor flags */
#define VD_NEXT			1
#define VD_WRITE		2
#define VD_INDIRECT		4

struct vdesc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

/* One queue: its rings in our RAM (or, for an attack, anywhere). */
struct vq {
	uint16_t num;
	volatile struct vdesc *desc;
	volatile uint16_t *avail;	/* flags, idx, ring[num] */
	volatile uint16_t *used;	/* flags, idx, then { u32 id, len } */
	uint16_t avail_idx;		/* what we published */
};

struct vdev {
	unsigned long base;		/* the MMIO window */
	struct vq q[2];
};

/* Ring areas: queue q's are at vio_ring(q) + 0, 0x1000, 0x2000. */
#define VQ_AVAIL_OFF	0x1000
#define VQ_USED_OFF	0x2000
unsigned long vio_ring(unsigned q);

uint32_t vio_rd(const struct vdev *d, unsigned off);
void vio_wr(const struct vdev *d, unsigned off, uint32_t val);
void vio_wr64(const struct vdev *d, unsigned off, uint64_t val);
/* Status = 0; back to what the device was at boot. */
void vio_reset(const struct vdev *d);
/* Reset, ACKNOWLEDGE, DRIVER, only VERSION_1, FEATURES_OK: true if the
 * device took it. */
bool vio_negotiate(const struct vdev *d);
/* Queue q: `num` entries, its rings at these addresses; QueueReady = 1. */
void vio_queue_at(struct vdev *d, unsigned q, uint16_t num, uint64_t desc, uint64_t avail,
		  uint64_t used);
/* The whole start: negotiate, `nq` queues of `num` in our ring areas,
 * DRIVER_OK.  Returns the Status read back. */
uint32_t vio_start(struct vdev *d, unsigned nq, uint16_t num);
/* Publish head `head` in queue q's available ring; no notify. */
void vio_publish(struct vdev *d, unsigned q, uint16_t head);
void vio_notify(const struct vdev *d, uint32_t q);
/* The used ring's index, and element i of it. */
uint16_t vio_used_idx(const struct vdev *d, unsigned q);
void vio_used_elem(const struct vdev *d, unsigned q, uint16_t i, uint32_t *id, uint32_t *len);
/* A descriptor. */
void vio_desc(struct vdev *d, unsigned q, uint16_t i, uint64_t addr, uint32_t len,
	      uint16_t flags, uint16_t next);

/* virtio-blk requests (spec 5.2.6) */
#define BLK_T_IN	0
#define BLK_T_OUT	1
#define BLK_T_BAD	0x12345	/* no such request type */
#define BLK_S_OK	0
#define BLK_S_IOERR	1
#define BLK_S_UNSUPP	2
#define SECTOR		512
#define VIRTIO_NET_HDR	12	/* virtio_net_hdr with VERSION_1 */

/* vio_attacks.c: what each attack breaks (struct attack's arg[0]) */
enum { CH_LOOP, CH_SELF_LOOP, CH_NEXT_BEYOND, CH_TOO_LONG, CH_READ_AFTER_WRITE,
       CH_INDIRECT, CH_NO_STATUS };		/* do_blk_chain */
enum { RI_AVAIL_IDX, RI_HEAD };			/* do_blk_ring */
enum { QA_NUM, QA_DESC, QA_AVAIL, QA_USED };	/* do_blk_queue */
enum { NT_UNSET, NT_INDEX, NT_SEL };		/* do_blk_notify */

typedef void vio_run_t(const struct attack *a, char *res, size_t n);
vio_run_t do_blk_rw, do_blk_buffer, do_blk_chain, do_blk_ring, do_blk_queue,
	do_blk_notify, do_blk_req, do_blk_write_end, do_net_storm, do_net_buffer,
	do_net_notify;

#endif
