// SPDX-License-Identifier: GPL-2.0-only
/* The PL011 UART model, driven as a polled and an interrupt-driven
 * driver would (register offsets and bits from Arm's PL011 TRM). */
#include <stdint.h>
#include <stdlib.h>
#include <fv/emul_pl011.h>
#include "test.h"

enum { DR = 0x00, RSR = 0x04, FR = 0x18, IBRD = 0x24, LCR_H = 0x2c, CR = 0x30,
       IFLS = 0x34, IMSC = 0x38, RIS = 0x3c, MIS = 0x40, ICR = 0x44 };
#define FR_RXFE	0x10
#define FR_TXFF	0x20
#define FR_RXFF	0x40
#define FR_TXFE	0x80
#define INT_RX	0x10
#define INT_TX	0x20
#define INT_OE	0x400

static char txbuf[256];
static unsigned ntx, nirq, bad_edges, irq_unlocked;
static bool irq_level;
static struct pl011_emu *cur;

static void cb_tx(void *arg, char c)
{
	(void)arg;
	if (ntx < sizeof(txbuf))
		txbuf[ntx] = c;
	ntx++;
}

static void cb_irq(void *arg, bool level)
{
	(void)arg;
	if (cur && !spin_is_locked(&cur->lock))
		irq_unlocked++;
	if (level == irq_level)
		bad_edges++;
	irq_level = level;
	nirq++;
}

static const struct pl011_emu_ops ops = { cb_tx, cb_irq };

static struct pl011_emu *new_uart(void)
{
	struct pl011_emu *u = malloc(sizeof(*u));

	pl011_emu_init(u, &ops, NULL);
	cur = u;
	ntx = nirq = 0;
	irq_level = false;
	return u;
}

static uint64_t rd(struct pl011_emu *u, uint64_t off)
{
	uint64_t v = 0xdead;

	CHECK_EQ(pl011_emu_read(u, off, 4, &v), 0);
	return v;
}

static void wr(struct pl011_emu *u, uint64_t off, uint64_t v)
{
	CHECK_EQ(pl011_emu_write(u, off, 4, v), 0);
}

static void test_reset_and_ids(void)
{
	struct pl011_emu *u = new_uart();
	static const uint8_t ids[8] = { 0x11, 0x10, 0x34, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

	CHECK_EQ(rd(u, FR), FR_TXFE | FR_RXFE);
	CHECK_EQ(rd(u, CR), 0x300);
	CHECK_EQ(rd(u, IFLS), 0x12);
	CHECK_EQ(rd(u, IMSC), 0);
	for (unsigned i = 0; i < 8; i++)
		CHECK_EQ(rd(u, 0xfe0 + 4 * i), ids[i]);
	CHECK_EQ(rd(u, 0x800), 0);		/* nothing there */
	free(u);
}

static void test_access(void)
{
	struct pl011_emu *u = new_uart();
	uint64_t v;

	CHECK_EQ(pl011_emu_read(u, FR, 8, &v), -1);	/* width */
	CHECK_EQ(pl011_emu_read(u, FR + 2, 4, &v), -1);	/* alignment */
	CHECK_EQ(pl011_emu_read(u, PL011_SIZE, 4, &v), -1);
	CHECK_EQ(pl011_emu_write(u, DR + 1, 2, 0), -1);
	CHECK_EQ(pl011_emu_read(u, FR, 1, &v), 0);	/* byte reads of a register */
	CHECK_EQ(v, FR_TXFE | FR_RXFE);
	CHECK_EQ(pl011_emu_read(u, 0xfe0, 1, &v), 0);
	CHECK_EQ(v, 0x11);
	wr(u, IBRD, 0x12345);
	CHECK_EQ(rd(u, IBRD), 0x2345);		/* 16 bits */
	wr(u, LCR_H, 0x70);
	CHECK_EQ(rd(u, LCR_H), 0x70);
	free(u);
}

static void test_tx(void)
{
	struct pl011_emu *u = new_uart();
	const char *s = "hi\n";

	for (const char *p = s; *p; p++) {
		CHECK(!(rd(u, FR) & FR_TXFF));
		wr(u, DR, (uint8_t)*p);
	}
	CHECK_EQ(ntx, 3);
	CHECK(!memcmp(txbuf, s, 3));
	CHECK_EQ(pl011_emu_write(u, DR, 1, 'x'), 0);	/* a byte write of DR */
	CHECK_EQ(txbuf[3], 'x');
	CHECK(rd(u, RIS) & INT_TX);
	CHECK_EQ(nirq, 0);			/* masked */
	wr(u, IMSC, INT_TX);
	CHECK(irq_level);
	CHECK_EQ(rd(u, MIS), INT_TX);
	wr(u, ICR, INT_TX);
	CHECK(!irq_level);
	wr(u, DR, 'y');				/* raised again by the next byte */
	CHECK(irq_level);
	free(u);
}

static void test_rx(void)
{
	struct pl011_emu *u = new_uart();

	wr(u, IMSC, INT_RX);
	CHECK(!irq_level);
	CHECK(pl011_emu_rx(u, 'a'));
	CHECK(irq_level);
	CHECK(!(rd(u, FR) & FR_RXFE));
	CHECK(pl011_emu_rx(u, 'b'));
	CHECK_EQ(rd(u, DR), 'a');
	CHECK(irq_level);
	CHECK_EQ(rd(u, DR), 'b');
	CHECK(!irq_level);			/* empty: RX falls */
	CHECK(rd(u, FR) & FR_RXFE);
	for (unsigned i = 0; i < PL011_FIFO_SIZE; i++)
		CHECK(pl011_emu_rx(u, (char)('0' + i % 10)));
	CHECK(rd(u, FR) & FR_RXFF);
	CHECK(!pl011_emu_rx_room(u));
	CHECK(!pl011_emu_rx(u, 'z'));		/* dropped: overrun */
	CHECK(rd(u, RIS) & INT_OE);
	CHECK(rd(u, RSR) & 8);
	wr(u, RSR, 0);				/* ECR */
	CHECK(!(rd(u, RIS) & INT_OE));
	CHECK_EQ(rd(u, DR), '0');
	CHECK(pl011_emu_rx_room(u));
	pl011_emu_reset(u);
	CHECK(rd(u, FR) & FR_RXFE);
	CHECK(!irq_level);			/* reset lowers the line */
	free(u);
}

int main(void)
{
	test_reset_and_ids();
	test_access();
	test_tx();
	test_rx();
	CHECK_EQ(bad_edges, 0);
	CHECK_EQ(irq_unlocked, 0);
	return test_report("test_pl011");
}
