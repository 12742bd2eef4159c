// SPDX-License-Identifier: GPL-2.0-only
/* A cell's emulated PL011; see <fv/cell_pl011.h>. */
#include <fv/arch_cell.h>
#include <fv/cell_pl011.h>
#include <fv/emul_pl011.h>

static struct pl011_emu models[CONFIG_MAX_CELLS * LAYOUT_MAX_EMUS];
static unsigned nr_models;

/* Straight into the cell's console port (cell.c calls this file, not
 * the other way round). */
static void tx(void *arg, char ch)
{
	struct cell *c = arg;

	mux_putc(&c->con, ch);
}

static void irq(void *arg, bool level)
{
	struct cell *c = arg;

	arch_cell_set_irq(c, c->console_irq, level);
}

static const struct pl011_emu_ops ops = { tx, irq };

/* Typed input; a full FIFO: the multiplexer keeps the byte. */
static bool rx(void *arg, char ch)
{
	struct pl011_emu *u = arg;

	return pl011_emu_rx_room(u) && pl011_emu_rx(u, ch);
}

/* The guest's reads may make room in its receive FIFO: refill it. */
static int cell_read(struct emu_dev *d, uint64_t off, unsigned width, uint64_t *val)
{
	struct cell *c = d->owner;
	int r = pl011_emu_ops.read(d, off, width, val);

	mux_rx_drain(&c->con);
	return r;
}

static int cell_write(struct emu_dev *d, uint64_t off, unsigned width, uint64_t val)
{
	return pl011_emu_ops.write(d, off, width, val);
}

static const struct emu_ops cell_ops = { cell_read, cell_write };

int cell_pl011_add(struct cell *c, const struct layout_emu *e, struct emu_dev *d)
{
	struct pl011_emu *u;

	if (nr_models == sizeof(models) / sizeof(models[0]))
		return -1;
	u = &models[nr_models++];
	pl011_emu_init(u, &ops, c);
	d->ops = &cell_ops;
	d->state = u;
	d->owner = c;
	d->base = e->gpa;
	d->size = PL011_SIZE;
	c->console_irq = e->irq;
	c->con.rx = rx;		/* typed characters go to this UART */
	c->con.rx_arg = u;
	return 0;
}

void cell_pl011_reset(struct cell *c)
{
	for (unsigned i = 0; i < c->nr_emus; i++)
		if (c->emus[i].ops == &cell_ops)
			pl011_emu_reset(c->emus[i].state);
}
