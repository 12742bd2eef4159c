// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtio-mmio transport, version 2: the register window a cell's
 * driver programs (identification, feature negotiation, the status state
 * machine, queue setup, notifications, interrupt status, config space).
 * The queues themselves are walked in virtqueue.c; what a notification
 * means is the device model's business (blk.c, net.c, console.c).
 */
#include <fv/cell.h>
#include <fv/compiler.h>
#include <fv/string.h>
#include <fv/virtio.h>

static uint64_t dev_features(const struct virtio_dev *d)
{
	return d->ops->features | BIT(VIRTIO_F_VERSION_1);
}

void virtio_init(struct virtio_dev *d, const struct virtio_dev_ops *ops,
		 const struct cell *cell, gpaddr_t base, void *model)
{
	memset(d, 0, sizeof(*d));
	d->lock = (spinlock_t)SPINLOCK_INIT;
	d->ops = ops;
	d->cell = cell;
	d->base = base;
	d->model = model;
}

/* The transport's state as at boot; the caller holds the lock. */
static void reset_locked(struct virtio_dev *d)
{
	d->status = 0;
	d->dev_features_sel = d->drv_features_sel = d->queue_sel = 0;
	d->drv_features = 0;
	d->isr = 0;
	d->broken = NULL;
	d->broken_told = false;
	memset(d->vq, 0, sizeof(d->vq));
	if (d->ops->reset)
		d->ops->reset(d);
	d->config_gen++;
	if (d->irq_out && d->irq)
		d->irq(d->irq_arg, false);
	d->irq_out = false;
}

void virtio_reset(struct virtio_dev *d)
{
	spin_lock(&d->lock);
	reset_locked(d);
	spin_unlock(&d->lock);
}

/* The selected queue, or NULL if QueueSel names none. */
static struct virtq *sel_queue(struct virtio_dev *d)
{
	return d->queue_sel < d->ops->nr_queues ? &d->vq[d->queue_sel] : NULL;
}

/* Status writes: 0 resets; FEATURES_OK sticks only if the driver accepted
 * VERSION_1 and nothing the device did not offer. */
static void write_status(struct virtio_dev *d, uint32_t val)
{
	if (!val) {
		reset_locked(d);
		return;
	}
	val &= ~(uint32_t)VIRTIO_STATUS_NEEDS_RESET;	/* the device's bit */
	if ((val & VIRTIO_STATUS_FEATURES_OK) && !(d->status & VIRTIO_STATUS_FEATURES_OK)) {
		bool ok = (d->drv_features & BIT(VIRTIO_F_VERSION_1)) &&
			  !(d->drv_features & ~dev_features(d));

		if (!ok)
			val &= ~(uint32_t)VIRTIO_STATUS_FEATURES_OK;
	}
	/* DRIVER_OK without FEATURES_OK: the driver skipped negotiation */
	if ((val & VIRTIO_STATUS_DRIVER_OK) && !(val & VIRTIO_STATUS_FEATURES_OK))
		val &= ~(uint32_t)VIRTIO_STATUS_DRIVER_OK;
	d->status = (d->status & VIRTIO_STATUS_NEEDS_RESET) | val;
}

/* The driver made a queue ready: check and translate its three areas. */
static void queue_ready(struct virtio_dev *d, struct virtq *q)
{
	uint64_t n = q->num;
	void *desc, *avail, *used;

	if (!n || n > VIRTQ_NUM_MAX || (n & (n - 1))) {
		virtio_set_broken(d, "queue size is not a power of two up to 256");
		return;
	}
	if ((q->desc_gpa & 15) || (q->driver_gpa & 1) || (q->device_gpa & 3)) {
		virtio_set_broken(d, "a queue area is not aligned");
		return;
	}
	desc = cell_gpa_to_hva(d->cell, q->desc_gpa, 16 * n, MEM_R);
	avail = cell_gpa_to_hva(d->cell, q->driver_gpa, 6 + 2 * n, MEM_R);
	used = cell_gpa_to_hva(d->cell, q->device_gpa, 6 + 8 * n, MEM_R | MEM_W);
	if (!desc || !avail || !used) {
		virtio_set_broken(d, "a queue area is outside the cell's memory");
		return;
	}
	q->desc = desc;
	q->avail = avail;
	q->used = used;
	q->last_avail = q->used_idx = 0;
	q->used[1] = 0;
	q->ready = true;
}

static void set_lo(uint64_t *v, uint32_t lo)
{
	*v = (*v & ~0xffffffffULL) | lo;
}

static void set_hi(uint64_t *v, uint32_t hi)
{
	*v = (*v & 0xffffffffULL) | (uint64_t)hi << 32;
}

/* Queue registers: writable only while the queue is not ready. */
static void write_queue_reg(struct virtio_dev *d, uint64_t off, uint32_t val)
{
	struct virtq *q = sel_queue(d);

	if (!q || (q->ready && off != VIRTIO_MMIO_QUEUE_READY))
		return;
	switch (off) {
	case VIRTIO_MMIO_QUEUE_NUM: q->num = (uint16_t)MIN(val, 0xffffU); break;
	case VIRTIO_MMIO_QUEUE_DESC_LOW: set_lo(&q->desc_gpa, val); break;
	case VIRTIO_MMIO_QUEUE_DESC_HIGH: set_hi(&q->desc_gpa, val); break;
	case VIRTIO_MMIO_QUEUE_DRIVER_LOW: set_lo(&q->driver_gpa, val); break;
	case VIRTIO_MMIO_QUEUE_DRIVER_HIGH: set_hi(&q->driver_gpa, val); break;
	case VIRTIO_MMIO_QUEUE_DEVICE_LOW: set_lo(&q->device_gpa, val); break;
	case VIRTIO_MMIO_QUEUE_DEVICE_HIGH: set_hi(&q->device_gpa, val); break;
	case VIRTIO_MMIO_QUEUE_READY:
		if (!(val & 1))
			q->ready = false;
		else if (!q->ready && !d->broken)
			queue_ready(d, q);
		break;
	}
}

static void write_reg(struct virtio_dev *d, uint64_t off, uint32_t val)
{
	switch (off) {
	case VIRTIO_MMIO_DEVICE_FEATURES_SEL: d->dev_features_sel = val; break;
	case VIRTIO_MMIO_DRIVER_FEATURES_SEL: d->drv_features_sel = val; break;
	case VIRTIO_MMIO_DRIVER_FEATURES:
		/* features are fixed once FEATURES_OK is set */
		if (d->status & VIRTIO_STATUS_FEATURES_OK)
			break;
		if (d->drv_features_sel == 0)
			set_lo(&d->drv_features, val);
		else if (d->drv_features_sel == 1)
			set_hi(&d->drv_features, val);
		break;
	case VIRTIO_MMIO_QUEUE_SEL: d->queue_sel = val; break;
	case VIRTIO_MMIO_QUEUE_NOTIFY:
		if (val < d->ops->nr_queues && virtio_queue_live(d, val) && d->ops->notify)
			d->ops->notify(d, val);
		break;
	case VIRTIO_MMIO_INTERRUPT_ACK:
		__atomic_fetch_and(&d->isr, ~val, __ATOMIC_RELAXED);
		break;
	case VIRTIO_MMIO_STATUS: write_status(d, val); break;
	default:
		write_queue_reg(d, off, val);
	}
}

static uint32_t read_reg(struct virtio_dev *d, uint64_t off)
{
	const struct virtq *q = sel_queue(d);

	switch (off) {
	case VIRTIO_MMIO_MAGIC: return VIRTIO_MMIO_MAGIC_VALUE;
	case VIRTIO_MMIO_VERSION: return 2;
	case VIRTIO_MMIO_DEVICE_ID: return d->ops->device_id;
	case VIRTIO_MMIO_VENDOR_ID: return VIRTIO_VENDOR_ID;
	case VIRTIO_MMIO_DEVICE_FEATURES:
		return d->dev_features_sel < 2 ?
		       (uint32_t)(dev_features(d) >> (32 * d->dev_features_sel)) : 0;
	case VIRTIO_MMIO_QUEUE_NUM_MAX: return q ? VIRTQ_NUM_MAX : 0;
	case VIRTIO_MMIO_QUEUE_READY: return q && q->ready;
	case VIRTIO_MMIO_INTERRUPT_STATUS: return READ_ONCE(d->isr);
	case VIRTIO_MMIO_STATUS: return d->status;
	case VIRTIO_MMIO_SHM_LEN_LOW:
	case VIRTIO_MMIO_SHM_LEN_HIGH:
	case VIRTIO_MMIO_SHM_BASE_LOW:
	case VIRTIO_MMIO_SHM_BASE_HIGH:
		return ~0U;	/* no shared memory regions */
	case VIRTIO_MMIO_CONFIG_GENERATION: return d->config_gen;
	}
	return 0;	/* write-only or reserved registers */
}

/* Config space: any width up to 4 (8 split by drivers), naturally aligned. */
static int read_config(struct virtio_dev *d, uint64_t off, unsigned width, uint64_t *val)
{
	uint64_t v = 0;

	if (off + width > d->config_size) {
		*val = 0;	/* past the end: reads 0, as on QEMU */
		return 0;
	}
	for (unsigned i = 0; i < width; i++)
		v |= (uint64_t)d->config[off + i] << (8 * i);
	*val = v;
	return 0;
}

static int mmio_read(struct emu_dev *e, uint64_t off, unsigned width, uint64_t *val)
{
	struct virtio_dev *d = e->state;
	int r = 0;

	if (off & (width - 1))
		return -1;
	spin_lock(&d->lock);
	if (off >= VIRTIO_MMIO_CONFIG)
		r = width <= 4 ? read_config(d, off - VIRTIO_MMIO_CONFIG, width, val) : -1;
	else if (width == 4)
		*val = read_reg(d, off);
	else
		r = -1;
	virtio_sync(d);
	spin_unlock(&d->lock);
	return r;
}

static int mmio_write(struct emu_dev *e, uint64_t off, unsigned width, uint64_t val)
{
	struct virtio_dev *d = e->state;

	if (off & (width - 1))
		return -1;
	if (off >= VIRTIO_MMIO_CONFIG)
		return width <= 4 ? 0 : -1;	/* no writable config fields */
	if (width != 4)
		return -1;
	spin_lock(&d->lock);
	write_reg(d, off, (uint32_t)val);
	virtio_sync(d);
	spin_unlock(&d->lock);
	return 0;
}

const struct emu_ops virtio_mmio_ops = { mmio_read, mmio_write };
