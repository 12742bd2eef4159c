/* SPDX-License-Identifier: GPL-2.0-only */
/* virtio-blk backed by host memory (src/virtio/blk.c). */
#ifndef FV_VIRTIO_BLK_H
#define FV_VIRTIO_BLK_H

#include <fv/virtio.h>

struct virtio_blk_config {
	uint64_t capacity;		/* in 512-byte sectors */
	uint32_t size_max;
	uint32_t seg_max;
} __packed;

struct virtio_blk {
	struct virtio_dev dev;
	uint8_t *backing;
	uint64_t size;
	bool readonly;
	const char *id;			/* what GET_ID answers (20 bytes at most) */
	struct vq_chain chain;		/* the request being served */
	struct virtio_blk_config config;
};

/* Once, at boot: a disk of `size` bytes at `backing` for `cell`'s window
 * at `base`.  The backing is not touched (a restart keeps the data). */
void virtio_blk_init(struct virtio_blk *b, const struct cell *cell, gpaddr_t base,
		     uint8_t *backing, uint64_t size, bool readonly, const char *id);

#endif
