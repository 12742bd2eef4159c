// SPDX-License-Identifier: GPL-2.0-only
/*
 * Split virtqueues, device side: take a chain of buffers from the
 * available ring, give it back in the used ring.  The rings live in guest
 * memory the driver may change at any moment, so each guest value is read
 * once, into a local, and checked there: the available index may run at
 * most a queue ahead, a head and every next index must be inside the
 * queue, a chain may not be longer than the queue (a loop) or than what
 * the device takes, readable buffers come before writable ones, indirect
 * descriptors are refused (the feature is not offered), and every buffer
 * must lie in one memory region of the cell that allows the access.
 * The device state both the rings and the transport (mmio.c) read and
 * set (live, broken, the interrupt line) is here too, below mmio.c.
 */
#include <fv/cell.h>
#include <fv/compiler.h>
#include <fv/console.h>
#include <fv/string.h>
#include <fv/virtio.h>

bool virtio_live(const struct virtio_dev *d)
{
	return (d->status & VIRTIO_STATUS_DRIVER_OK) && !d->broken;
}

bool virtio_queue_live(const struct virtio_dev *d, unsigned q)
{
	return virtio_live(d) && q < d->ops->nr_queues && d->vq[q].ready;
}

void virtio_set_broken(struct virtio_dev *d, const char *why)
{
	if (!d->broken) {
		d->broken = why;
		d->stats.broken++;
	}
	d->status |= VIRTIO_STATUS_NEEDS_RESET;
	if (d->status & VIRTIO_STATUS_DRIVER_OK)
		__atomic_fetch_or(&d->isr, VIRTIO_INT_CONFIG, __ATOMIC_RELAXED);
}

void virtio_sync(struct virtio_dev *d)
{
	bool level = READ_ONCE(d->isr) != 0;

	if (d->broken && !d->broken_told) {
		d->broken_told = true;
		kprintf("cell %s: %s at %#llx: %s; the device needs a reset\n",
			d->cell->name, d->ops->name, (unsigned long long)d->base, d->broken);
	}
	if (level != d->irq_out && d->irq) {
		d->irq_out = level;
		d->irq(d->irq_arg, level);
	}
}

/* One descriptor, read once and checked: its segment in `seg`. */
static const char *take_desc(struct virtio_dev *d, const struct virtq *q, uint16_t i,
			     struct vq_seg *seg, uint16_t *flags, uint16_t *next)
{
	struct vring_desc v;

	v.addr = READ_ONCE(q->desc[i].addr);
	v.len = READ_ONCE(q->desc[i].len);
	v.flags = READ_ONCE(q->desc[i].flags);
	v.next = READ_ONCE(q->desc[i].next);
	if (v.flags & VRING_DESC_F_INDIRECT)
		return "an indirect descriptor (not offered)";
	if ((v.flags & VRING_DESC_F_NEXT) && v.next >= q->num)
		return "a descriptor's next index is outside the queue";
	seg->write = v.flags & VRING_DESC_F_WRITE;
	seg->len = v.len;
	seg->p = cell_gpa_to_hva(d->cell, v.addr, v.len ? v.len : 1,
				 seg->write ? MEM_R | MEM_W : MEM_R);
	if (!seg->p)
		return seg->write ? "a buffer the device writes is not writable memory of the cell"
				  : "a buffer is outside the cell's memory";
	*flags = v.flags;
	*next = v.next;
	return NULL;
}

/* Walk the chain from `head`; NULL, or why the ring breaks the rules. */
static const char *walk(struct virtio_dev *d, const struct virtq *q, uint16_t head,
			struct vq_chain *ch)
{
	uint16_t i = head, flags = VRING_DESC_F_NEXT, next;

	ch->head = head;
	ch->nr = ch->nr_read = 0;
	ch->read_len = ch->write_len = 0;
	while (flags & VRING_DESC_F_NEXT) {
		struct vq_seg *s = &ch->seg[ch->nr];
		const char *why;

		if (ch->nr >= q->num)
			return "a descriptor chain loops";
		if (ch->nr >= VIRTQ_MAX_SEGS)
			return "a descriptor chain is longer than the device takes";
		why = take_desc(d, q, i, s, &flags, &next);
		if (why)
			return why;
		if (!s->write && ch->nr > ch->nr_read)
			return "a readable buffer follows a writable one";
		if (s->write)
			ch->write_len += s->len;
		else {
			ch->read_len += s->len;
			ch->nr_read++;
		}
		ch->nr++;
		i = next;
	}
	return NULL;
}

int virtq_pop(struct virtio_dev *d, unsigned qi, struct vq_chain *ch)
{
	struct virtq *q = &d->vq[qi];
	uint16_t avail_idx, head;
	const char *why;

	if (!virtio_queue_live(d, qi))
		return 0;
	avail_idx = __atomic_load_n(&q->avail[1], __ATOMIC_ACQUIRE);
	if (avail_idx == q->last_avail)
		return 0;
	if ((uint16_t)(avail_idx - q->last_avail) > q->num) {
		virtio_set_broken(d, "the available index ran more than a queue ahead");
		return -1;
	}
	head = READ_ONCE(q->avail[2 + q->last_avail % q->num]);
	if (head >= q->num) {
		virtio_set_broken(d, "an available head is outside the queue");
		return -1;
	}
	why = walk(d, q, head, ch);
	if (why) {
		virtio_set_broken(d, why);
		return -1;
	}
	q->last_avail++;
	return 1;
}

void virtq_push(struct virtio_dev *d, unsigned qi, const struct vq_chain *ch,
		uint32_t written)
{
	struct virtq *q = &d->vq[qi];
	volatile struct vring_used_elem *e =
		(volatile struct vring_used_elem *)(q->used + 2) + q->used_idx % q->num;

	e->id = ch->head;
	e->len = written;
	q->used_idx++;
	__atomic_store_n(&q->used[1], q->used_idx, __ATOMIC_RELEASE);
	d->stats.requests++;
}

void virtq_notify_guest(struct virtio_dev *d, unsigned qi)
{
	const struct virtq *q = &d->vq[qi];

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (!(READ_ONCE(q->avail[0]) & VRING_AVAIL_F_NO_INTERRUPT))
		__atomic_fetch_or(&d->isr, VIRTIO_INT_USED, __ATOMIC_RELAXED);
}

/* Copy over the segments of one direction, from byte `off` of it. */
static uint64_t copy(const struct vq_chain *ch, bool write, uint64_t off, uint8_t *flat,
		     uint64_t n)
{
	uint64_t done = 0;

	for (unsigned i = write ? ch->nr_read : 0; i < (write ? ch->nr : ch->nr_read) && done < n;
	     i++) {
		const struct vq_seg *s = &ch->seg[i];
		uint64_t take;

		if (off >= s->len) {
			off -= s->len;
			continue;
		}
		take = MIN(s->len - off, n - done);
		if (write)
			memcpy(s->p + off, flat + done, take);
		else
			memcpy(flat + done, s->p + off, take);
		done += take;
		off = 0;
	}
	return done;
}

uint64_t vq_read(const struct vq_chain *ch, uint64_t off, void *dst, uint64_t n)
{
	return copy(ch, false, off, dst, n);
}

uint64_t vq_write(const struct vq_chain *ch, uint64_t off, const void *src, uint64_t n)
{
	return copy(ch, true, off, (uint8_t *)(uintptr_t)src, n);
}
