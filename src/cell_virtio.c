// SPDX-License-Identifier: GPL-2.0-only
/*
 * The glue between a cell and its VirtIO devices: each model is made at
 * boot from the layout (memory for it from the hypervisor's pool), its
 * interrupt line is the cell's interrupt controller's, raised only on the
 * cell's own harts, and a restart resets it under its own lock.
 */
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include <fv/cell_virtio.h>
#include <fv/compiler.h>
#include <fv/console.h>
#include <fv/layout_check.h>
#include <fv/page_alloc.h>
#include <fv/string.h>
#include <fv/virtio_blk.h>
#include <fv/virtio_console.h>
#include <fv/virtio_net.h>

static struct net_switch switches[LAYOUT_MAX_LINKS + 1];	/* by link number */

static void *alloc(size_t size)
{
	return page_alloc(ALIGN_UP(size, PAGE_SIZE) / PAGE_SIZE, 1);
}

static void set_irq(void *arg, bool level)
{
	struct cell_virtio *v = arg;

	arch_cell_set_irq(v->cell, v->irq, level);
}

/* A hart of the cell that runs its guest, to bring a device up to date. */
static void kick(void *arg)
{
	struct cell *c = arg;

	for (unsigned i = 0; i < c->nr_vcpus; i++) {
		if (READ_ONCE(c->vcpu[i]->state) == VCPU_RUNNING) {
			cpu_request(c->vcpu[i]->cpu, REQ_EMU);
			return;
		}
	}
}

static void *make_blk(struct cell *c, const struct layout_emu *e)
{
	struct virtio_blk *b = alloc(sizeof(*b));
	uint8_t *backing = (uint8_t *)(uintptr_t)e->blk.hpa;

	if (!b)
		return NULL;
	if (e->blk.image_start) {
		uint64_t n = (uint64_t)(e->blk.image_end - e->blk.image_start);

		memcpy(backing, e->blk.image_start, n);
		memset(backing + n, 0, e->blk.size - n);
	}
	virtio_blk_init(b, c, e->gpa, backing, e->blk.size, e->blk.readonly, c->name);
	return b;
}

static void *make_net(struct cell *c, const struct layout_emu *e)
{
	struct virtio_net *n = alloc(sizeof(*n));
	uint8_t mac[6];

	if (!n || e->net.link > LAYOUT_MAX_LINKS)
		return NULL;
	layout_virtio_mac(&fv_layout, c->id, e, mac);
	virtio_net_init(n, c, e->gpa, mac, &switches[e->net.link]);
	n->kick = kick;
	n->kick_arg = c;
	return n;
}

static void *make_console(struct cell *c, struct cell_virtio *v, const struct layout_emu *e)
{
	struct virtio_console *con = alloc(sizeof(*con));

	v->port = alloc(sizeof(*v->port));
	if (!con || !v->port)
		return NULL;
	v->port->name = e->console.name;
	virtio_console_init(con, c, e->gpa, v->port);
	v->port->rx = virtio_console_rx;
	v->port->rx_arg = con;
	v->port->owner = c;
	return con;
}

/* The guest may have given the console new receive buffers: fill them. */
static int console_write(struct emu_dev *d, uint64_t off, unsigned width, uint64_t val)
{
	struct cell_virtio *v = d->owner;
	int r = virtio_mmio_ops.write(d, off, width, val);

	if (v->port)
		mux_rx_drain(v->port);
	return r;
}

static int console_read(struct emu_dev *d, uint64_t off, unsigned width, uint64_t *val)
{
	return virtio_mmio_ops.read(d, off, width, val);
}

static const struct emu_ops console_mmio_ops = { console_read, console_write };

int cell_virtio_add(struct cell *c, const struct layout_emu *e, struct emu_dev *d)
{
	struct cell_virtio *v = alloc(sizeof(*v));

	if (!v || c->nr_virtio >= LAYOUT_MAX_EMUS)
		return -1;
	v->cell = c;
	v->irq = e->irq;
	v->type = e->type;
	switch (e->type) {
	case EMU_VIRTIO_BLK: v->model = make_blk(c, e); break;
	case EMU_VIRTIO_NET: v->model = make_net(c, e); break;
	case EMU_VIRTIO_CONSOLE: v->model = make_console(c, v, e); break;
	default: return -1;
	}
	if (!v->model)
		return -1;
	v->dev = v->model;	/* each model starts with its struct virtio_dev */
	v->dev->irq = set_irq;
	v->dev->irq_arg = v;
	d->ops = e->type == EMU_VIRTIO_CONSOLE ? &console_mmio_ops : &virtio_mmio_ops;
	d->state = v->dev;
	d->owner = v;
	d->base = e->gpa;
	d->size = VIRTIO_MMIO_WINDOW;
	c->virtio[c->nr_virtio++] = v;
	return 0;
}

int cell_virtio_add_ports(struct cell *c)
{
	for (unsigned i = 0; i < c->nr_virtio; i++) {
		struct mux_port *p = c->virtio[i]->port;

		if (p && mux_add_port(p, p->name) < 0) {
			kprintf("cell %s: no room for console %s on the multiplexer\n", c->name,
				p->name);
			return -1;
		}
	}
	return 0;
}

/* The monitor's lines: one per device, what it did and dropped. */
void cell_virtio_print_locked(const struct cell *c)
{
	for (unsigned i = 0; i < c->nr_virtio; i++) {
		const struct cell_virtio *v = c->virtio[i];
		const struct virtio_dev *d = v->dev;
		uint64_t drops = d->stats.drops;

		if (v->type == EMU_VIRTIO_NET) {
			const struct virtio_net *n = v->model;

			drops += n->rx_drops + n->tx_drops;
		}
		kprintf_locked("[fv] %s %s at %#llx: status %#x, requests %llu, errors %llu, "
			       "dropped %llu, broken %llu%s%s\n", c->name, d->ops->name,
			       (unsigned long long)d->base, d->status,
			       (unsigned long long)d->stats.requests,
			       (unsigned long long)d->stats.errors, (unsigned long long)drops,
			       (unsigned long long)d->stats.broken, d->broken ? ": " : "",
			       d->broken ? d->broken : "");
	}
}

void cell_virtio_reset(struct cell *c)
{
	for (unsigned i = 0; i < c->nr_virtio; i++)
		virtio_reset(c->virtio[i]->dev);
}

void cell_virtio_sync(struct cell *c)
{
	for (unsigned i = 0; i < c->nr_virtio; i++) {
		struct virtio_dev *d = c->virtio[i]->dev;

		spin_lock(&d->lock);
		virtio_sync(d);
		spin_unlock(&d->lock);
	}
}

void cell_virtio_rx(struct cell *c)
{
	for (unsigned i = 0; i < c->nr_virtio; i++)
		if (c->virtio[i]->port)
			mux_rx_drain(c->virtio[i]->port);
}

void cell_virtio_open(struct cell *c, bool open)
{
	for (unsigned i = 0; i < c->nr_virtio; i++) {
		struct mux_port *p = c->virtio[i]->port;

		if (p && open)
			mux_open(p);
		else if (p)
			mux_close(p);
	}
}
