// SPDX-License-Identifier: GPL-2.0-only
/*
 * The 16550 model is driven by a guest (any byte of its window) and by the
 * console (received bytes).  An input is a sequence of register reads,
 * writes and received bytes against one heap-allocated UART (so ASan sees
 * any access outside it); after each one the model must keep its promises
 * (see uart16550.h): the FIFO never holds more than its size, the output
 * level is "an enabled source is pending" and changes reach ops->irq as
 * edges only, with the lock held, while ops->tx runs without it.
 */
#include <stdbool.h>
#include <string.h>
#include <fv/uart16550.h>
#include "fuzz.h"

enum { RBR = 0, IER = 1, IIR = 2, LCR = 3, MCR = 4, LSR = 5, MSR = 6 };

static struct uart16550 *cur;
static bool level_seen;		/* last level ops->irq gave */
static unsigned n_tx;

static void cb_tx(void *arg, char c)
{
	(void)c;
	FUZZ_ASSERT(arg == &cur);
	FUZZ_ASSERT(!spin_is_locked(&cur->lock));
	n_tx++;
}

static void cb_irq(void *arg, bool level)
{
	FUZZ_ASSERT(arg == &cur);
	FUZZ_ASSERT(spin_is_locked(&cur->lock));
	FUZZ_ASSERT(level != level_seen);	/* an edge */
	level_seen = level;
}

static const struct uart16550_ops ops = { cb_tx, cb_irq };

/* The interrupt output the registers call for (datasheet, table 4). */
static bool should_fire(const struct uart16550 *u)
{
	return ((u->ier & 0x04) && u->overrun) || ((u->ier & 0x01) && u->rx_count) ||
	       ((u->ier & 0x02) && u->thr_ipending);
}

static void invariants(const struct uart16550 *u)
{
	FUZZ_ASSERT(!spin_is_locked(&u->lock));
	FUZZ_ASSERT(u->rx_count <= UART16550_FIFO_SIZE);
	FUZZ_ASSERT(u->rx_head < UART16550_FIFO_SIZE);
	FUZZ_ASSERT(!(u->ier & 0xf0) && !(u->mcr & 0xe0));
	FUZZ_ASSERT(u->irq_out == level_seen);
	FUZZ_ASSERT(u->irq_out == should_fire(u));
	FUZZ_ASSERT(uart16550_rx_room((struct uart16550 *)u) ==
		    (u->rx_count < UART16550_FIFO_SIZE));
}

static uint64_t offset(struct in *in)
{
	uint8_t k = in_u8(in);

	if (k < 0xe0)
		return k % 8;
	if (k < 0xf8)
		return in_u16(in) % 0x120;
	return in_u64(in);
}

static unsigned width(uint8_t k)
{
	return k < 0xf0 ? 1 : (k == 0xff ? 0 : 1u << (k % 4));
}

static void op_read(struct uart16550 *u, uint64_t off, unsigned w)
{
	struct uart16550 before = *u;
	uint64_t val = ~0ULL;
	int r = uart16550_read(u, off, w, &val);
	bool dlab = before.lcr & 0x80;

	FUZZ_ASSERT(r == (w == 1 && off < UART16550_SIZE ? 0 : -1));
	if (r)
		return;
	FUZZ_ASSERT(val <= 0xff);
	if (off >= 8)
		FUZZ_ASSERT(val == 0);
	if (off == IIR) {
		/* bit 0 clear: an interrupt is pending, and it is what fires */
		FUZZ_ASSERT(!(val & 1) == before.irq_out);
		FUZZ_ASSERT((val & 0xc0) == ((before.fcr & 1) ? 0xc0 : 0));
	}
	if (off == LSR) {
		FUZZ_ASSERT(!!(val & 0x01) == !!before.rx_count);
		FUZZ_ASSERT(!!(val & 0x02) == before.overrun && !u->overrun);
		FUZZ_ASSERT((val & 0x60) == 0x60);
	}
	if (off == RBR && !dlab)
		FUZZ_ASSERT(u->rx_count == (before.rx_count ? before.rx_count - 1 : 0));
	else
		FUZZ_ASSERT(u->rx_count == before.rx_count);
}

static void op_write(struct uart16550 *u, uint64_t off, unsigned w, uint8_t val)
{
	struct uart16550 before = *u;
	unsigned tx = n_tx;
	int r = uart16550_write(u, off, w, val);
	bool sends = off == 0 && !(before.lcr & 0x80) && !(before.mcr & 0x10);

	FUZZ_ASSERT(r == (w == 1 && off < UART16550_SIZE ? 0 : -1));
	FUZZ_ASSERT(n_tx == tx + (r == 0 && sends));
	if (r || off >= 8)
		FUZZ_ASSERT(!memcmp(&before, u, sizeof(*u)));
}

static void op_rx(struct uart16550 *u, char c)
{
	struct uart16550 before = *u;
	bool ok = uart16550_rx(u, c);

	if (before.mcr & 0x10) {	/* loopback: input is discarded */
		FUZZ_ASSERT(ok && u->rx_count == before.rx_count);
		return;
	}
	FUZZ_ASSERT(ok == (before.rx_count < UART16550_FIFO_SIZE));
	FUZZ_ASSERT(u->rx_count == before.rx_count + ok);
	if (!ok)
		FUZZ_ASSERT(u->overrun);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	struct uart16550 *u = malloc(sizeof(*u));

	cur = u;
	level_seen = false;
	n_tx = 0;
	uart16550_init(u, &ops, &cur);
	invariants(u);
	while (in.n) {
		uint8_t op = in_u8(&in);

		switch (op % 4) {
		case 0:
			op_read(u, offset(&in), width(op));
			break;
		case 1:
		case 2: {
			uint64_t off = offset(&in);

			op_write(u, off, width(op), in_u8(&in));
			break;
		}
		default:	/* a burst of input, enough to overrun the FIFO */
			for (unsigned i = 0, n = 1 + (op >> 2) * 2; i < n; i++)
				op_rx(u, (char)i);
			break;
		}
		invariants(u);
	}
	free(u);
	return 0;
}
