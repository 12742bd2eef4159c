/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A guest's side of virtio-mmio for the host tests of src/virtio/: a model
 * cell whose RAM is a host buffer, and a tiny driver that negotiates,
 * sets up split queues, puts chains in them and reads what came back.
 * Written from the virtio 1.x spec, not from the device code.
 */
#ifndef VIRTIO_GUEST_H
#define VIRTIO_GUEST_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fv/cell.h>
#include <fv/virtio.h>

#define G_RAM		0x80000000UL	/* the model cell's RAM, read-write */
#define G_RAM_SIZE	(1UL << 20)
#define G_ROM		0x90000000UL	/* and a read-only region */
#define G_ROM_SIZE	0x10000UL
#define G_QAREA(q)	(G_RAM + (q) * 0x10000UL)	/* queue q's rings */
#define G_BUF		(G_RAM + 0x80000UL)		/* free for buffers */

struct gcell {
	struct layout_cell desc;
	struct cell cell;
	uint8_t *ram, *rom;
};

static inline void gcell_init(struct gcell *g, const char *name)
{
	memset(g, 0, sizeof(*g));
	g->ram = aligned_alloc(4096, G_RAM_SIZE);
	g->rom = aligned_alloc(4096, G_ROM_SIZE);
	memset(g->ram, 0, G_RAM_SIZE);
	memset(g->rom, 0x5a, G_ROM_SIZE);
	g->desc.name = name;
	g->desc.nr_mem = 2;
	g->desc.mem[0] = (struct layout_mem){ G_RAM, (uintptr_t)g->ram, G_RAM_SIZE, MEM_RW };
	g->desc.mem[1] = (struct layout_mem){ G_ROM, (uintptr_t)g->rom, G_ROM_SIZE, MEM_R };
	g->cell.desc = &g->desc;
	g->cell.name = name;
}

static inline void *g_hva(struct gcell *g, uint64_t gpa)
{
	return gpa >= G_ROM ? g->rom + (gpa - G_ROM) : g->ram + (gpa - G_RAM);
}

/* The driver's view of one device. */
struct gdev {
	struct gcell *g;
	struct virtio_dev *d;
	struct emu_dev e;
	uint16_t num[VIRTIO_MAX_QUEUES];
	uint16_t next_desc[VIRTIO_MAX_QUEUES], avail_idx[VIRTIO_MAX_QUEUES];
	uint16_t used_seen[VIRTIO_MAX_QUEUES];
	int last_rc;
};

static inline uint32_t g_rd(struct gdev *v, uint64_t off)
{
	uint64_t val = 0;

	v->last_rc = v->e.ops->read(&v->e, off, 4, &val);
	return (uint32_t)val;
}

static inline void g_wr(struct gdev *v, uint64_t off, uint32_t val)
{
	v->last_rc = v->e.ops->write(&v->e, off, 4, val);
}

static inline void gdev_attach(struct gdev *v, struct gcell *g, struct virtio_dev *d)
{
	memset(v, 0, sizeof(*v));
	v->g = g;
	v->d = d;
	v->e.ops = &virtio_mmio_ops;
	v->e.state = d;
	v->e.base = d->base;
	v->e.size = 0x1000;
}

/* Queue `q` of `num` entries, its rings at G_QAREA(q); ready. */
static inline void gdev_queue(struct gdev *v, unsigned q, uint16_t num)
{
	uint64_t a = G_QAREA(q);

	memset(g_hva(v->g, a), 0, 0x10000);
	g_wr(v, VIRTIO_MMIO_QUEUE_SEL, q);
	g_wr(v, VIRTIO_MMIO_QUEUE_NUM, num);
	g_wr(v, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)a);
	g_wr(v, VIRTIO_MMIO_QUEUE_DESC_HIGH, (uint32_t)(a >> 32));
	g_wr(v, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)(a + 0x4000));
	g_wr(v, VIRTIO_MMIO_QUEUE_DRIVER_HIGH, 0);
	g_wr(v, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)(a + 0x8000));
	g_wr(v, VIRTIO_MMIO_QUEUE_DEVICE_HIGH, 0);
	g_wr(v, VIRTIO_MMIO_QUEUE_READY, 1);
	v->num[q] = num;
	v->next_desc[q] = v->avail_idx[q] = v->used_seen[q] = 0;
}

/* The whole start-up a driver does: negotiate `features` (+VERSION_1),
 * set up `nq` queues of `num`, DRIVER_OK.  Returns the status it reads. */
static inline uint32_t gdev_start(struct gdev *v, uint64_t features, unsigned nq, uint16_t num)
{
	features |= 1ULL << VIRTIO_F_VERSION_1;
	g_wr(v, VIRTIO_MMIO_STATUS, 0);
	g_wr(v, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
	g_wr(v, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	g_wr(v, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	g_wr(v, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)features);
	g_wr(v, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	g_wr(v, VIRTIO_MMIO_DRIVER_FEATURES, (uint32_t)(features >> 32));
	g_wr(v, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
	     VIRTIO_STATUS_FEATURES_OK);
	for (unsigned q = 0; q < nq; q++)
		gdev_queue(v, q, num);
	g_wr(v, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
	     VIRTIO_STATUS_FEATURES_OK | VIRTIO_STATUS_DRIVER_OK);
	return g_rd(v, VIRTIO_MMIO_STATUS);
}

static inline struct vring_desc *g_desc(struct gdev *v, unsigned q, unsigned i)
{
	return (struct vring_desc *)g_hva(v->g, G_QAREA(q)) + i;
}

static inline uint16_t *g_avail(struct gdev *v, unsigned q)
{
	return g_hva(v->g, G_QAREA(q) + 0x4000);	/* flags, idx, ring[] */
}

static inline uint16_t *g_used(struct gdev *v, unsigned q)
{
	return g_hva(v->g, G_QAREA(q) + 0x8000);	/* flags, idx, then elements */
}

struct gseg {
	uint64_t gpa;
	uint32_t len;
	bool write;
};

/* Put a chain of `n` buffers in queue `q` (not yet notified); its head. */
static inline uint16_t gdev_add(struct gdev *v, unsigned q, const struct gseg *s, unsigned n)
{
	uint16_t head = v->next_desc[q];

	for (unsigned i = 0; i < n; i++) {
		uint16_t at = (uint16_t)((head + i) % v->num[q]);
		struct vring_desc *d = g_desc(v, q, at);

		d->addr = s[i].gpa;
		d->len = s[i].len;
		d->flags = (uint16_t)((s[i].write ? VRING_DESC_F_WRITE : 0) |
				      (i + 1 < n ? VRING_DESC_F_NEXT : 0));
		d->next = (uint16_t)((at + 1) % v->num[q]);
	}
	v->next_desc[q] = (uint16_t)((head + n) % v->num[q]);
	g_avail(v, q)[2 + v->avail_idx[q] % v->num[q]] = head;
	v->avail_idx[q]++;
	g_avail(v, q)[1] = v->avail_idx[q];
	return head;
}

static inline void gdev_kick(struct gdev *v, unsigned q)
{
	g_wr(v, VIRTIO_MMIO_QUEUE_NOTIFY, q);
}

/* The next used element of queue `q`, or false if none came back. */
static inline bool gdev_used(struct gdev *v, unsigned q, uint32_t *id, uint32_t *len)
{
	uint16_t *u = g_used(v, q);
	uint32_t *e;

	if (u[1] == v->used_seen[q])
		return false;
	e = (uint32_t *)(u + 2) + 2 * (v->used_seen[q] % v->num[q]);
	*id = e[0];
	*len = e[1];
	v->used_seen[q]++;
	return true;
}

#endif
