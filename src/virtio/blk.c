// SPDX-License-Identifier: GPL-2.0-only
/*
 * virtio-blk backed by host memory: read, write, flush and get-id, one
 * request queue.  The backing is RAM no cell maps (the layout checker
 * makes sure), so a request is a copy between it and the guest's buffers,
 * done at once on the notifying hart.  A request past the capacity, or a
 * write to a read-only disk, fails with IOERR before any byte moves.
 */
#include <fv/compiler.h>
#include <fv/string.h>
#include <fv/virtio_blk.h>

#define VIRTIO_BLK_T_IN		0
#define VIRTIO_BLK_T_OUT	1
#define VIRTIO_BLK_T_FLUSH	4
#define VIRTIO_BLK_T_GET_ID	8
#define VIRTIO_BLK_S_OK		0
#define VIRTIO_BLK_S_IOERR	1
#define VIRTIO_BLK_S_UNSUPP	2
#define VIRTIO_BLK_ID_BYTES	20

#define VIRTIO_BLK_F_SEG_MAX	2
#define VIRTIO_BLK_F_RO		5
#define VIRTIO_BLK_F_FLUSH	9

struct blk_req_hdr {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};

/* Bytes [off, off + n) of the disk, or false if they are not all on it. */
static bool in_disk(const struct virtio_blk *b, uint64_t sector, uint64_t n)
{
	uint64_t size = b->size;

	return sector < size / 512 && n <= size - sector * 512;
}

/* Serve one request; the status byte is the chain's last writable byte. */
static uint32_t serve(struct virtio_blk *b, const struct vq_chain *ch)
{
	struct blk_req_hdr h;
	uint64_t data = ch->write_len - 1;	/* writable bytes before status */
	uint8_t status = VIRTIO_BLK_S_OK;
	uint32_t written = 0;

	if (vq_read(ch, 0, &h, sizeof(h)) != sizeof(h))
		return 0;
	switch (h.type) {
	case VIRTIO_BLK_T_IN:
		if (!in_disk(b, h.sector, data)) {
			status = VIRTIO_BLK_S_IOERR;
			break;
		}
		written = (uint32_t)vq_write(ch, 0, b->backing + h.sector * 512, data);
		break;
	case VIRTIO_BLK_T_OUT: {
		uint64_t n = ch->read_len - sizeof(h);

		if (b->readonly || !in_disk(b, h.sector, n)) {
			status = VIRTIO_BLK_S_IOERR;
			break;
		}
		vq_read(ch, sizeof(h), b->backing + h.sector * 512, n);
		break;
	}
	case VIRTIO_BLK_T_FLUSH:
		break;		/* RAM: nothing is cached */
	case VIRTIO_BLK_T_GET_ID: {
		char id[VIRTIO_BLK_ID_BYTES] = { 0 };

		memcpy(id, b->id, MIN(strlen(b->id), sizeof(id)));
		written = (uint32_t)vq_write(ch, 0, id, MIN(data, sizeof(id)));
		break;
	}
	default:
		status = VIRTIO_BLK_S_UNSUPP;
	}
	if (status != VIRTIO_BLK_S_OK) {
		b->dev.stats.errors++;
		written = 0;
	}
	vq_write(ch, data, &status, 1);
	return written + 1;
}

static void blk_notify(struct virtio_dev *d, unsigned q)
{
	struct virtio_blk *b = d->model;
	struct vq_chain *ch = &b->chain;
	unsigned budget = d->vq[q].num;		/* bounded work per notify */
	unsigned done = 0;

	while (budget-- && virtq_pop(d, q, ch) > 0) {
		/* a header to read and a status byte to write, at least */
		if (ch->read_len < sizeof(struct blk_req_hdr) || ch->write_len < 1) {
			virtio_set_broken(d, "a request without its header or status byte");
			return;
		}
		virtq_push(d, q, ch, serve(b, ch));
		done++;
	}
	/* nothing used, or the ring broke: no used-buffer interrupt */
	if (done && virtio_queue_live(d, q))
		virtq_notify_guest(d, q);
}

static const struct virtio_dev_ops blk_ops = {
	.name = "virtio-blk",
	.device_id = VIRTIO_ID_BLOCK,
	.nr_queues = 1,
	.features = BIT(VIRTIO_BLK_F_SEG_MAX) | BIT(VIRTIO_BLK_F_FLUSH),
	.notify = blk_notify,
};

static const struct virtio_dev_ops blk_ro_ops = {
	.name = "virtio-blk",
	.device_id = VIRTIO_ID_BLOCK,
	.nr_queues = 1,
	.features = BIT(VIRTIO_BLK_F_SEG_MAX) | BIT(VIRTIO_BLK_F_FLUSH) | BIT(VIRTIO_BLK_F_RO),
	.notify = blk_notify,
};

void virtio_blk_init(struct virtio_blk *b, const struct cell *cell, gpaddr_t base,
		     uint8_t *backing, uint64_t size, bool readonly, const char *id)
{
	virtio_init(&b->dev, readonly ? &blk_ro_ops : &blk_ops, cell, base, b);
	b->backing = backing;
	b->size = size;
	b->readonly = readonly;
	b->id = id;
	memset(&b->config, 0, sizeof(b->config));
	b->config.capacity = size / 512;
	b->config.seg_max = VIRTQ_MAX_SEGS - 2;	/* + header and status */
	b->dev.config = (const uint8_t *)&b->config;
	b->dev.config_size = sizeof(b->config);
}
