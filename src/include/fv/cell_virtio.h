/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A cell's VirtIO devices: made from its layout at boot, reset when it
 * restarts, their interrupt lines kept up to date on its own harts.
 */
#ifndef FV_CELL_VIRTIO_H
#define FV_CELL_VIRTIO_H

#include <fv/cell.h>
#include <fv/virtio.h>

struct cell_virtio {
	struct cell *cell;
	uint32_t irq;			/* its line on the cell's interrupt controller */
	enum emu_type type;
	struct virtio_dev *dev;		/* inside the model below */
	void *model;			/* struct virtio_blk, virtio_net, ... */
	struct mux_port *port;		/* virtio-console: its multiplexer port */
};

/* Boot: the device `e` of the cell's layout into emulated-device slot `d`. */
int cell_virtio_add(struct cell *c, const struct layout_emu *e, struct emu_dev *d);
/* Boot, once every cell is set up: its virtio consoles join the
 * multiplexer (after every cell's own console). */
int cell_virtio_add_ports(struct cell *c);
/* Restart: every device as at boot (each under its own lock). */
void cell_virtio_reset(struct cell *c);
/* On a hart of the cell (REQ_EMU, REQ_RX): interrupt lines, reports, input. */
void cell_virtio_sync(struct cell *c);
void cell_virtio_rx(struct cell *c);
/* For the monitor (console lock held): a line per device. */
void cell_virtio_print_locked(const struct cell *c);
/* The cell starts or stops: its virtio consoles take input or drop it. */
void cell_virtio_open(struct cell *c, bool open);

#endif
