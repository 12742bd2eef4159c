// SPDX-License-Identifier: GPL-2.0-only
/*
 * A small virtio-mmio driver for the hostile guest: just enough to start
 * a device, lay out split queues in our own RAM and put chains in them,
 * so that vio_attacks.c can then break one rule at a time.  Everything is
 * polled: a notify is handled by the hypervisor before the store that
 * makes it returns, so the used ring is up to date right after it.
 */
#include <fv/string.h>
#include "vio.h"

#define RING_AREA	0x4000		/* one queue's three rings */

static uint8_t rings[2][RING_AREA] __aligned(4096);

unsigned long vio_ring(unsigned q)
{
	return (unsigned long)rings[q];
}

uint32_t vio_rd(const struct vdev *d, unsigned off)
{
	__asm__ volatile("fence rw, rw" ::: "memory");
	return *(volatile uint32_t *)(d->base + off);
}

void vio_wr(const struct vdev *d, unsigned off, uint32_t val)
{
	__asm__ volatile("fence rw, rw" ::: "memory");
	*(volatile uint32_t *)(d->base + off) = val;
}

void vio_wr64(const struct vdev *d, unsigned off, uint64_t val)
{
	vio_wr(d, off, (uint32_t)val);
	vio_wr(d, off + 4, (uint32_t)(val >> 32));
}

void vio_reset(const struct vdev *d)
{
	vio_wr(d, VIO_STATUS, 0);
}

bool vio_negotiate(const struct vdev *d)
{
	vio_reset(d);
	vio_wr(d, VIO_STATUS, VIO_S_ACK);
	vio_wr(d, VIO_STATUS, VIO_S_ACK | VIO_S_DRIVER);
	vio_wr(d, VIO_DRV_FEATURES_SEL, 0);
	vio_wr(d, VIO_DRV_FEATURES, 0);
	vio_wr(d, VIO_DRV_FEATURES_SEL, 1);
	vio_wr(d, VIO_DRV_FEATURES, 1);		/* VIRTIO_F_VERSION_1 (bit 32) */
	vio_wr(d, VIO_STATUS, VIO_S_ACK | VIO_S_DRIVER | VIO_S_FEATURES_OK);
	return vio_rd(d, VIO_STATUS) & VIO_S_FEATURES_OK;
}

void vio_queue_at(struct vdev *d, unsigned q, uint16_t num, uint64_t desc, uint64_t avail,
		  uint64_t used)
{
	struct vq *v = &d->q[q];

	v->num = num;
	v->desc = (volatile struct vdesc *)desc;
	v->avail = (volatile uint16_t *)avail;
	v->used = (volatile uint16_t *)used;
	v->avail_idx = 0;
	vio_wr(d, VIO_QUEUE_SEL, q);
	vio_wr(d, VIO_QUEUE_NUM, num);
	vio_wr64(d, VIO_QUEUE_DESC, desc);
	vio_wr64(d, VIO_QUEUE_DRIVER, avail);
	vio_wr64(d, VIO_QUEUE_DEVICE, used);
	vio_wr(d, VIO_QUEUE_READY, 1);
}

uint32_t vio_start(struct vdev *d, unsigned nq, uint16_t num)
{
	if (!vio_negotiate(d))
		return vio_rd(d, VIO_STATUS);
	for (unsigned q = 0; q < nq; q++) {
		unsigned long r = vio_ring(q);

		memset(rings[q], 0, RING_AREA);
		vio_queue_at(d, q, num, r, r + VQ_AVAIL_OFF, r + VQ_USED_OFF);
	}
	vio_wr(d, VIO_STATUS, VIO_S_ACK | VIO_S_DRIVER | VIO_S_FEATURES_OK | VIO_S_DRIVER_OK);
	return vio_rd(d, VIO_STATUS);
}

void vio_desc(struct vdev *d, unsigned q, uint16_t i, uint64_t addr, uint32_t len,
	      uint16_t flags, uint16_t next)
{
	volatile struct vdesc *e = &d->q[q].desc[i];

	e->addr = addr;
	e->len = len;
	e->flags = flags;
	e->next = next;
}

void vio_publish(struct vdev *d, unsigned q, uint16_t head)
{
	struct vq *v = &d->q[q];

	v->avail[2 + v->avail_idx % v->num] = head;
	v->avail_idx++;
	__asm__ volatile("fence w, w" ::: "memory");
	v->avail[1] = v->avail_idx;
}

void vio_notify(const struct vdev *d, uint32_t q)
{
	vio_wr(d, VIO_QUEUE_NOTIFY, q);
}

uint16_t vio_used_idx(const struct vdev *d, unsigned q)
{
	__asm__ volatile("fence rw, rw" ::: "memory");
	return d->q[q].used[1];
}

void vio_used_elem(const struct vdev *d, unsigned q, uint16_t i, uint32_t *id, uint32_t *len)
{
	const volatile uint32_t *e = (const volatile uint32_t *)(d->q[q].used + 2) +
				     2 * (i % d->q[q].num);

	*id = e[0];
	*len = e[1];
}
