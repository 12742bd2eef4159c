// SPDX-License-Identifier: GPL-2.0-only
/*
 * virtio-console with one port (no MULTIPORT): what the guest transmits
 * goes to its port of the console multiplexer (filtered and tagged like a
 * UART's output); what is typed while the port has focus is put in the
 * guest's receive buffers, one byte per buffer, by the cell's own hart.
 */
#include <fv/compiler.h>
#include <fv/string.h>
#include <fv/virtio_console.h>

#define CON_RXQ	0
#define CON_TXQ	1

static void console_notify(struct virtio_dev *d, unsigned q)
{
	struct virtio_console *v = d->model;
	struct vq_chain *ch = &v->chain;
	unsigned budget = d->vq[q].num, done = 0;

	if (q != CON_TXQ)
		return;		/* receive buffers: the glue drains input next */
	while (budget-- && virtq_pop(d, q, ch) > 0) {
		for (unsigned i = 0; i < ch->nr_read; i++)
			mux_write(v->port, (const char *)ch->seg[i].p, ch->seg[i].len);
		virtq_push(d, q, ch, 0);
		done++;
	}
	if (done && virtio_queue_live(d, q))
		virtq_notify_guest(d, q);
}

bool virtio_console_rx(void *arg, char c)
{
	struct virtio_console *v = arg;
	struct virtio_dev *d = &v->dev;
	bool taken = false;

	spin_lock(&d->lock);
	if (virtq_pop(d, CON_RXQ, &v->chain) > 0) {
		taken = vq_write(&v->chain, 0, &c, 1) == 1;
		virtq_push(d, CON_RXQ, &v->chain, taken);
		virtq_notify_guest(d, CON_RXQ);
	}
	virtio_sync(d);
	spin_unlock(&d->lock);
	return taken;
}

static const struct virtio_dev_ops console_ops = {
	.name = "virtio-console",
	.device_id = VIRTIO_ID_CONSOLE,
	.nr_queues = 2,
	.notify = console_notify,
};

void virtio_console_init(struct virtio_console *v, const struct cell *cell, gpaddr_t base,
			 struct mux_port *port)
{
	memset(v, 0, sizeof(*v));
	virtio_init(&v->dev, &console_ops, cell, base, v);
	v->port = port;
	v->config.max_nr_ports = 1;
	v->dev.config = (const uint8_t *)&v->config;
	v->dev.config_size = sizeof(v->config);
}
