/* SPDX-License-Identifier: GPL-2.0-only */
/* virtio-console: one port on the console multiplexer (src/virtio/console.c). */
#ifndef FV_VIRTIO_CONSOLE_H
#define FV_VIRTIO_CONSOLE_H

#include <fv/console_mux.h>
#include <fv/virtio.h>

struct virtio_console_config {
	uint16_t cols, rows;
	uint32_t max_nr_ports;
	uint32_t emerg_wr;
} __packed;

struct virtio_console {
	struct virtio_dev dev;
	struct mux_port *port;
	struct vq_chain chain;
	struct virtio_console_config config;
};

/* Once, at boot: a console on multiplexer port `port`. */
void virtio_console_init(struct virtio_console *v, const struct cell *cell, gpaddr_t base,
			 struct mux_port *port);
/* A typed byte for the guest (the port's rx hook, on the cell's own
 * hart): false while the guest gave no buffer to put it in. */
bool virtio_console_rx(void *arg, char c);

#endif
