// SPDX-License-Identifier: GPL-2.0-only
/* The ns16550a UART model, driven like Linux's 8250 driver and an RTOS. */
#include <stdint.h>
#include <stdlib.h>
#include <fv/uart16550.h>
#include "test.h"

/* register offsets and bits, from the datasheet rather than the model */
enum { RBR = 0, THR = 0, DLL = 0, IER = 1, DLM = 1, IIR = 2, FCR = 2,
       LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7 };

/* ---------------------------------------------------------- callbacks */
static struct uart16550 *cur;
static char txbuf[4096];
static unsigned ntx;
static bool levels[4096];	/* every ops->irq call, in order */
static unsigned nirq;
static bool irq_level;
static unsigned bad_edges;	/* irq called with the level it already had */
static unsigned tx_locked;	/* tx called with the lock held */
static unsigned irq_unlocked;	/* irq called without the lock held */
static unsigned irq_at_tx;	/* nirq when tx was last called */

static void cb_tx(void *arg, char c)
{
	(void)arg;
	if (cur && spin_is_locked(&cur->lock))
		tx_locked++;
	irq_at_tx = nirq;
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
	if (nirq < ARRAY_SIZE(levels))
		levels[nirq] = level;
	nirq++;
}

static const struct uart16550_ops ops = { .tx = cb_tx, .irq = cb_irq };

static struct uart16550 *new_uart(void)
{
	/* heap, exact size: ASan catches any access outside the struct */
	struct uart16550 *u = malloc(sizeof(*u));

	uart16550_init(u, &ops, NULL);
	cur = u;
	ntx = nirq = 0;
	irq_level = false;
	return u;
}

static uint8_t rd(struct uart16550 *u, uint64_t off)
{
	uint64_t val = 0xdeadbeef;

	CHECK_EQ(uart16550_read(u, off, 1, &val), 0);
	CHECK(val <= 0xff);
	return (uint8_t)val;
}

static void wr(struct uart16550 *u, uint64_t off, uint8_t val)
{
	CHECK_EQ(uart16550_write(u, off, 1, val), 0);
}

static void rx_str(struct uart16550 *u, const char *s)
{
	while (*s)
		CHECK(uart16550_rx(u, *s++));
}

/* -------------------------------------------------------------- tests */
static void test_init(void)
{
	struct uart16550 *u = new_uart();

	CHECK_EQ(rd(u, IER), 0x00);
	CHECK_EQ(rd(u, IIR), 0x01);
	CHECK_EQ(rd(u, LCR), 0x00);
	CHECK_EQ(rd(u, MCR), 0x00);
	CHECK_EQ(rd(u, LSR), 0x60);
	CHECK_EQ(rd(u, MSR), 0xb0);	/* DCD, DSR, CTS: a modem that is there */
	CHECK_EQ(rd(u, SCR), 0x00);
	CHECK_EQ(rd(u, RBR), 0x00);
	wr(u, LCR, 0x80);
	CHECK_EQ(rd(u, DLL), 0x0c);
	CHECK_EQ(rd(u, DLM), 0x00);
	CHECK_EQ(nirq, 0);
	CHECK_EQ(ntx, 0);
	free(u);
}

static void test_access(void)
{
	struct uart16550 *u = new_uart();
	uint64_t val;
	static const unsigned bad_widths[] = { 0, 2, 3, 4, 8 };

	wr(u, SCR, 0x5a);
	for (unsigned i = 0; i < ARRAY_SIZE(bad_widths); i++) {
		CHECK_EQ(uart16550_read(u, SCR, bad_widths[i], &val), -1);
		CHECK_EQ(uart16550_write(u, SCR, bad_widths[i], 0), -1);
		CHECK_EQ(uart16550_write(u, THR, bad_widths[i], 'x'), -1);
	}
	CHECK_EQ(ntx, 0);
	CHECK_EQ(rd(u, SCR), 0x5a);
	CHECK_EQ(uart16550_read(u, UART16550_SIZE, 1, &val), -1);
	CHECK_EQ(uart16550_write(u, UART16550_SIZE, 1, 0), -1);
	CHECK_EQ(uart16550_read(u, ~0ULL, 1, &val), -1);
	CHECK_EQ(uart16550_write(u, ~0ULL, 1, 0), -1);
	/* the rest of the window: reads 0, writes ignored */
	for (unsigned off = 8; off < UART16550_SIZE; off++) {
		wr(u, off, 0xff);
		CHECK_EQ(rd(u, off), 0);
	}
	CHECK_EQ(rd(u, SCR), 0x5a);
	CHECK_EQ(rd(u, LCR), 0);
	CHECK_EQ(rd(u, IER), 0);
	CHECK_EQ(ntx, 0);
	CHECK_EQ(nirq, 0);
	/* value bits above the byte are dropped */
	CHECK_EQ(uart16550_write(u, SCR, 1, 0x1234), 0);
	CHECK_EQ(rd(u, SCR), 0x34);
	/* LSR and MSR are read-only */
	wr(u, LSR, 0x00);
	wr(u, MSR, 0x00);
	CHECK_EQ(rd(u, LSR), 0x60);
	CHECK_EQ(rd(u, MSR), 0xb0);

	/* through the emu_dev adapters */
	struct emu_dev d = { .ops = &uart16550_emu_ops, .base = 0x10000000,
			     .size = UART16550_SIZE, .state = u };
	CHECK_EQ(d.ops->write(&d, THR, 1, 'A'), 0);
	CHECK_EQ(ntx, 1);
	CHECK_EQ(txbuf[0], 'A');
	CHECK_EQ(d.ops->read(&d, LSR, 1, &val), 0);
	CHECK_EQ(val, 0x60);
	CHECK_EQ(d.ops->read(&d, LSR, 4, &val), -1);
	free(u);
}

static void test_tx_dlab(void)
{
	struct uart16550 *u = new_uart();

	wr(u, THR, 'h');
	wr(u, THR, 'i');
	wr(u, THR, 0xff);
	CHECK_EQ(ntx, 3);
	CHECK_EQ(txbuf[0], 'h');
	CHECK_EQ(txbuf[1], 'i');
	CHECK_EQ((uint8_t)txbuf[2], 0xff);
	CHECK_EQ(rd(u, LSR), 0x60);	/* transmit is instantaneous */
	CHECK_EQ(nirq, 0);		/* IER = 0 */
	CHECK_EQ(tx_locked, 0);

	/* DLAB: offsets 0 and 1 are the divisor latch */
	wr(u, IER, 0x05);
	wr(u, LCR, 0x83);
	wr(u, DLL, 0x01);
	wr(u, DLM, 0x02);
	CHECK_EQ(ntx, 3);		/* not transmitted */
	CHECK_EQ(rd(u, DLL), 0x01);
	CHECK_EQ(rd(u, DLM), 0x02);
	CHECK_EQ(rd(u, LCR), 0x83);
	CHECK(uart16550_rx(u, 'z'));
	CHECK_EQ(rd(u, DLL), 0x01);	/* not RBR: 'z' stays */
	CHECK_EQ(rd(u, LSR), 0x61);
	wr(u, LCR, 0x03);
	CHECK_EQ(rd(u, IER), 0x05);
	CHECK_EQ(rd(u, RBR), 'z');
	wr(u, LCR, 0x80);
	CHECK_EQ(rd(u, DLL), 0x01);	/* the latch kept its value */
	CHECK_EQ(rd(u, DLM), 0x02);
	wr(u, LCR, 0x00);
	/* IER keeps only its 4 bits; SCR is plain storage */
	wr(u, IER, 0xff);
	CHECK_EQ(rd(u, IER), 0x0f);
	wr(u, IER, 0);
	wr(u, SCR, 0xa5);
	CHECK_EQ(rd(u, SCR), 0xa5);
	CHECK_EQ(bad_edges, 0);
	free(u);
}

static void test_rx_fifo(void)
{
	struct uart16550 *u = new_uart();

	rx_str(u, "abc");
	CHECK_EQ(rd(u, LSR), 0x61);
	CHECK_EQ(rd(u, RBR), 'a');
	CHECK_EQ(rd(u, RBR), 'b');
	CHECK_EQ(rd(u, LSR), 0x61);
	CHECK_EQ(rd(u, RBR), 'c');
	CHECK_EQ(rd(u, LSR), 0x60);
	CHECK_EQ(rd(u, RBR), 'c');	/* empty: RBR holds the last byte */
	CHECK_EQ(rd(u, LSR), 0x60);

	/* 64 bytes fit, the 65th overruns: dropped, OE until LSR is read */
	for (unsigned i = 0; i < UART16550_FIFO_SIZE; i++) {
		CHECK(uart16550_rx_room(u));
		CHECK(uart16550_rx(u, (char)('0' + i)));
	}
	CHECK(!uart16550_rx_room(u));
	CHECK(!uart16550_rx(u, '!'));
	CHECK(!uart16550_rx(u, '?'));
	CHECK_EQ(rd(u, LSR), 0x63);
	CHECK_EQ(rd(u, LSR), 0x61);
	CHECK_EQ(rd(u, RBR), '0');
	CHECK(uart16550_rx_room(u));	/* one byte read: room for one */
	for (unsigned i = 1; i < UART16550_FIFO_SIZE; i++)
		CHECK_EQ(rd(u, RBR), '0' + i);
	CHECK_EQ(rd(u, LSR), 0x60);
	/* the ring wraps */
	for (unsigned round = 0; round < 3; round++) {
		for (unsigned i = 0; i < 50; i++)
			CHECK(uart16550_rx(u, (char)(i + round)));
		for (unsigned i = 0; i < 50; i++)
			CHECK_EQ(rd(u, RBR), i + round);
	}
	CHECK_EQ(rd(u, LSR), 0x60);
	CHECK_EQ(nirq, 0);
	free(u);
}

static void test_iir_priority(void)
{
	struct uart16550 *u = new_uart();

	for (unsigned fifo = 0; fifo < 2; fifo++) {
		uint8_t hi = fifo ? 0xc0 : 0x00;

		wr(u, FCR, fifo ? 0x01 : 0x00);
		wr(u, IER, 0x07);	/* RLSI | THRI | RDI */
		for (unsigned i = 0; i <= UART16550_FIFO_SIZE; i++)
			uart16550_rx(u, 'x');		/* one overrun */
		CHECK_EQ(rd(u, IIR), hi | 0x06);
		CHECK_EQ(rd(u, IIR), hi | 0x06);	/* IIR does not clear it */
		CHECK_EQ(rd(u, LSR), 0x63);		/* LSR does */
		CHECK_EQ(rd(u, IIR), hi | 0x04);
		for (unsigned i = 0; i < UART16550_FIFO_SIZE - 1; i++)
			rd(u, RBR);
		CHECK_EQ(rd(u, IIR), hi | 0x04);
		rd(u, RBR);
		CHECK_EQ(rd(u, IIR), hi | 0x02);	/* reported: cleared */
		CHECK_EQ(rd(u, IIR), hi | 0x01);
		CHECK(!irq_level);
		/* RLSI disabled: OE raises nothing, data still does */
		wr(u, IER, 0x01);
		for (unsigned i = 0; i <= UART16550_FIFO_SIZE; i++)
			uart16550_rx(u, 'y');
		CHECK_EQ(rd(u, IIR), hi | 0x04);
		wr(u, IER, 0x00);
		CHECK_EQ(rd(u, IIR), hi | 0x01);
		CHECK(!irq_level);
		CHECK_EQ(rd(u, LSR), 0x63);
		wr(u, FCR, 0x03);			/* flush */
	}
	/* the THRE interrupt is not acknowledged by an IIR read that
	 * reports a higher-priority source */
	wr(u, FCR, 0);
	wr(u, IER, 0x03);
	uart16550_rx(u, 'q');
	CHECK_EQ(rd(u, IIR), 0x04);
	CHECK_EQ(rd(u, RBR), 'q');
	CHECK_EQ(rd(u, IIR), 0x02);
	CHECK_EQ(rd(u, IIR), 0x01);
	CHECK_EQ(bad_edges, 0);
	free(u);
}

static void test_thre(void)
{
	struct uart16550 *u = new_uart();

	/* enabling ETBEI with THR empty raises it */
	wr(u, IER, 0x02);
	CHECK_EQ(nirq, 1);
	CHECK(irq_level);
	CHECK_EQ(rd(u, IIR), 0x02);
	CHECK_EQ(nirq, 2);		/* the read acknowledged it */
	CHECK(!irq_level);
	CHECK_EQ(rd(u, IIR), 0x01);
	/* re-writing the same IER does not raise it again */
	wr(u, IER, 0x02);
	CHECK_EQ(nirq, 2);
	/* a THR write raises it anew, after tx has been called */
	wr(u, THR, 'a');
	CHECK_EQ(ntx, 1);
	CHECK_EQ(irq_at_tx, 2);
	CHECK_EQ(nirq, 3);
	CHECK(irq_level);
	/* more THR writes while pending: no new edge */
	wr(u, THR, 'b');
	wr(u, THR, 'c');
	CHECK_EQ(nirq, 3);
	CHECK_EQ(ntx, 3);
	/* disabling ETBEI lowers the output; 0->1 raises it again */
	wr(u, IER, 0x00);
	CHECK_EQ(nirq, 4);
	CHECK(!irq_level);
	CHECK_EQ(rd(u, IIR), 0x01);
	wr(u, IER, 0x02);
	CHECK_EQ(nirq, 5);
	CHECK_EQ(rd(u, IIR), 0x02);
	/* THR writes with ETBEI off leave nothing pending for later */
	wr(u, IER, 0x00);
	wr(u, THR, 'd');
	CHECK_EQ(nirq, 6);
	CHECK_EQ(rd(u, IIR), 0x01);
	/* OUT2 does not gate the output (see the header) */
	CHECK_EQ(rd(u, MCR), 0);
	wr(u, IER, 0x02);
	CHECK(irq_level);
	wr(u, MCR, 0x08);
	CHECK(irq_level);
	wr(u, MCR, 0x00);
	CHECK(irq_level);
	CHECK_EQ(nirq, 7);
	CHECK_EQ(bad_edges, 0);
	CHECK_EQ(tx_locked, 0);
	free(u);
}

static void test_loopback_msr(void)
{
	struct uart16550 *u = new_uart();

	wr(u, MCR, 0xff);
	CHECK_EQ(rd(u, MCR), 0x1f);
	CHECK_EQ(rd(u, MSR), 0xf0);
	wr(u, MCR, 0x11);
	CHECK_EQ(rd(u, MSR), 0x20);	/* DTR -> DSR */
	wr(u, MCR, 0x12);
	CHECK_EQ(rd(u, MSR), 0x10);	/* RTS -> CTS */
	wr(u, MCR, 0x14);
	CHECK_EQ(rd(u, MSR), 0x40);	/* OUT1 -> RI */
	wr(u, MCR, 0x18);
	CHECK_EQ(rd(u, MSR), 0x80);	/* OUT2 -> DCD */
	wr(u, MCR, 0x10);
	CHECK_EQ(rd(u, MSR), 0x00);

	/* THR comes back on RBR, nothing goes out */
	wr(u, IER, 0x01);
	wr(u, THR, 'L');
	wr(u, THR, 'B');
	CHECK_EQ(ntx, 0);
	CHECK_EQ(rd(u, LSR), 0x61);
	CHECK(irq_level);
	CHECK_EQ(rd(u, IIR), 0x04);
	/* external input is disconnected */
	CHECK(uart16550_rx(u, 'X'));
	CHECK_EQ(rd(u, RBR), 'L');
	CHECK_EQ(rd(u, RBR), 'B');
	CHECK_EQ(rd(u, LSR), 0x60);
	CHECK(!irq_level);
	/* loopback overrun */
	for (unsigned i = 0; i <= UART16550_FIFO_SIZE; i++)
		wr(u, THR, (uint8_t)i);
	CHECK_EQ(rd(u, LSR), 0x63);
	wr(u, FCR, 0x02);
	CHECK(!irq_level);
	/* back to normal */
	wr(u, MCR, 0x00);
	CHECK_EQ(rd(u, MSR), 0xb0);
	wr(u, THR, 'N');
	CHECK_EQ(ntx, 1);
	CHECK_EQ(txbuf[0], 'N');
	CHECK_EQ(rd(u, LSR), 0x60);
	CHECK(uart16550_rx(u, 'X'));
	CHECK_EQ(rd(u, RBR), 'X');
	CHECK_EQ(bad_edges, 0);
	free(u);
}

static void test_fcr(void)
{
	struct uart16550 *u = new_uart();

	wr(u, FCR, 0x01);
	CHECK_EQ(rd(u, IIR), 0xc1);
	wr(u, IER, 0x01);
	rx_str(u, "data");
	CHECK(irq_level);
	CHECK_EQ(rd(u, IIR), 0xc4);
	/* TX clear only: RX untouched */
	wr(u, FCR, 0x05);
	CHECK_EQ(rd(u, LSR), 0x61);
	CHECK_EQ(rd(u, RBR), 'd');
	/* RX clear: empty, the interrupt goes */
	wr(u, FCR, 0x03);
	CHECK_EQ(rd(u, LSR), 0x60);
	CHECK(!irq_level);
	CHECK_EQ(rd(u, IIR), 0xc1);
	CHECK_EQ(nirq, 2);
	/* turning the FIFO off (or on) clears it too */
	rx_str(u, "xy");
	wr(u, FCR, 0x00);
	CHECK_EQ(rd(u, LSR), 0x60);
	CHECK_EQ(rd(u, IIR), 0x01);
	rx_str(u, "xy");
	wr(u, FCR, 0x81);		/* Linux's 16550A setting */
	CHECK_EQ(rd(u, LSR), 0x60);
	CHECK_EQ(rd(u, IIR), 0xc1);
	/* re-writing FE with a trigger change does not clear */
	rx_str(u, "k");
	wr(u, FCR, 0xc1);
	CHECK_EQ(rd(u, RBR), 'k');
	CHECK_EQ(rd(u, IIR), 0xc1);
	/* clearing keeps a pending overrun until LSR is read */
	wr(u, IER, 0x04);
	for (unsigned i = 0; i <= UART16550_FIFO_SIZE; i++)
		uart16550_rx(u, 'o');
	wr(u, FCR, 0x07);
	CHECK_EQ(rd(u, IIR), 0xc6);
	CHECK_EQ(rd(u, LSR), 0x62);
	CHECK_EQ(rd(u, IIR), 0xc1);
	CHECK_EQ(bad_edges, 0);
	free(u);
}

/* serial8250_do_startup and set_termios for a PORT_16550A, then traffic */
static void test_linux_8250(void)
{
	struct uart16550 *u = new_uart();
	uint8_t iir1, iir, lsr;
	unsigned n;

	/* serial8250_clear_fifos() */
	wr(u, FCR, 0x01);
	wr(u, FCR, 0x07);
	wr(u, FCR, 0x00);
	/* clear the interrupt registers */
	rd(u, LSR);
	rd(u, RBR);
	rd(u, IIR);
	rd(u, MSR);
	CHECK(rd(u, LSR) != 0xff);		/* "LSR safety check" */
	wr(u, LCR, 0x03);			/* UART_LCR_WLEN8 */
	wr(u, MCR, 0x0b);			/* OUT2 | RTS | DTR */
	CHECK_EQ(rd(u, MCR), 0x0b);
	/* the THRE test: must not flag UART_BUG_THRE */
	CHECK(rd(u, LSR) & 0x20);		/* wait_for_xmitr */
	wr(u, IER, 0x02);
	iir1 = rd(u, IIR);
	wr(u, IER, 0x00);
	wr(u, IER, 0x02);
	iir = rd(u, IIR);
	wr(u, IER, 0x00);
	CHECK_EQ(iir1, 0x02);
	CHECK_EQ(iir, 0x02);
	CHECK(!((!(iir1 & 0x01) && (iir & 0x01))));
	CHECK(!irq_level);
	/* clear the interrupt registers again, enable RX interrupts */
	rd(u, LSR);
	rd(u, RBR);
	rd(u, IIR);
	rd(u, MSR);
	/* set_termios: 115200 8N1, FIFO with trigger 8 */
	wr(u, LCR, 0x83);
	wr(u, DLL, 0x01);
	wr(u, DLM, 0x00);
	wr(u, LCR, 0x03);
	wr(u, FCR, 0x81);
	wr(u, IER, 0x0f);			/* all, as with modem status */
	CHECK_EQ(rd(u, IIR), 0xc2);		/* THRE only: no modem deltas */
	CHECK_EQ(rd(u, IIR), 0xc1);
	wr(u, IER, 0x05);			/* RLSI | RDI */
	CHECK(!irq_level);
	CHECK_EQ(rd(u, MSR) & 0xf0, 0xb0);	/* DCD/DSR/CTS: carrier up */

	/* input: serial8250_handle_irq -> rx_chars */
	n = nirq;
	rx_str(u, "ls\r");
	CHECK_EQ(nirq, n + 1);
	CHECK(irq_level);
	iir = rd(u, IIR);
	CHECK_EQ(iir, 0xc4);
	char got[8] = { 0 };
	unsigned ngot = 0;
	lsr = rd(u, LSR);
	while ((lsr & 0x01) && ngot < sizeof(got) - 1) {
		got[ngot++] = (char)rd(u, RBR);
		lsr = rd(u, LSR);
	}
	CHECK_STR(got, "ls\r");
	CHECK(!irq_level);
	CHECK_EQ(rd(u, IIR), 0xc1);

	/* output: start_tx sets THRI; the handler writes up to 16 bytes per
	 * interrupt and clears THRI when done */
	static const char msg[] = "0123456789abcdefghijklmnopqrstuvwxyz\r\n";
	unsigned sent = 0, irqs = 0;

	wr(u, IER, 0x07);
	while (irq_level && irqs < 100) {
		irqs++;
		iir = rd(u, IIR);
		if (iir & 0x01)
			break;
		lsr = rd(u, LSR);
		if ((lsr & 0x20) && (rd(u, IER) & 0x02)) {
			for (unsigned i = 0; i < 16 && sent < sizeof(msg) - 1; i++)
				wr(u, THR, (uint8_t)msg[sent++]);
			if (sent == sizeof(msg) - 1)
				wr(u, IER, 0x05);	/* __stop_tx */
		}
	}
	CHECK_EQ(irqs, 3);
	CHECK_EQ(ntx, sizeof(msg) - 1);
	CHECK(!memcmp(txbuf, msg, sizeof(msg) - 1));
	CHECK(!irq_level);
	CHECK_EQ(rd(u, IIR), 0xc1);
	CHECK_EQ(bad_edges, 0);
	CHECK_EQ(tx_locked, 0);
	free(u);
}

/* An RTOS driver: polled init, then an interrupt-driven RX echo. */
static void rtos_isr(struct uart16550 *u)
{
	uint8_t iir = rd(u, IIR);

	if ((iir & 0x0f) != 0x04)
		return;
	while (rd(u, LSR) & 0x01)
		wr(u, THR, rd(u, RBR));
}

static void test_rtos_echo(void)
{
	struct uart16550 *u = new_uart();
	static const char line[] = "hello, rtos\r";
	unsigned n;

	wr(u, IER, 0x00);
	wr(u, LCR, 0x80);
	wr(u, DLL, 0x01);
	wr(u, DLM, 0x00);
	wr(u, LCR, 0x03);
	wr(u, FCR, 0x07);
	wr(u, MCR, 0x03);			/* no OUT2 */
	wr(u, IER, 0x01);
	CHECK_EQ(nirq, 0);

	/* one byte at a time: one rising and one falling edge each */
	for (n = 0; line[n]; n++) {
		CHECK(uart16550_rx(u, line[n]));
		CHECK(irq_level);
		rtos_isr(u);
		CHECK(!irq_level);
	}
	CHECK_EQ(nirq, 2 * n);
	CHECK_EQ(ntx, n);
	CHECK(!memcmp(txbuf, line, n));

	/* a burst while the ISR is held off: one edge up, one down */
	ntx = 0;
	nirq = 0;
	rx_str(u, line);
	CHECK_EQ(nirq, 1);
	rtos_isr(u);
	CHECK_EQ(nirq, 2);
	CHECK_EQ(ntx, n);
	CHECK(!memcmp(txbuf, line, n));
	/* a spurious call finds nothing */
	rtos_isr(u);
	CHECK_EQ(ntx, n);
	CHECK_EQ(bad_edges, 0);
	free(u);
}

static void test_no_ops(void)
{
	struct uart16550 *u = malloc(sizeof(*u));

	cur = NULL;
	uart16550_init(u, NULL, NULL);
	wr(u, IER, 0x03);
	wr(u, THR, 'x');
	CHECK(uart16550_rx(u, 'y'));
	CHECK_EQ(rd(u, IIR), 0x04);
	CHECK_EQ(rd(u, RBR), 'y');
	free(u);
}

/* Random accesses and input: no crash (ASan), edges only. */
static uint64_t lcg = 4242;

static uint64_t rnd(void)
{
	lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
	return lcg >> 16;
}

static void test_fuzz(void)
{
	struct uart16550 *u = new_uart();
	static const unsigned widths[] = { 1, 1, 1, 1, 2, 4, 8, 0 };
	uint64_t val;
	unsigned rx_ok = 0, bad_ret = 0, bad_val = 0;

	for (unsigned n = 0; n < 200000; n++) {
		unsigned width = widths[rnd() % ARRAY_SIZE(widths)];
		uint64_t off = rnd() % 4 ? rnd() % 8 : rnd() % 2 ? rnd() % 0x200 : rnd();
		uint64_t v = rnd() % 4 ? rnd() % 0x100 : rnd();
		bool ok = width == 1 && off < UART16550_SIZE;
		int r;

		/* keep LCR mostly without DLAB so THR and IER get exercised */
		if (off == LCR && width == 1)
			v &= rnd() % 8 ? 0x7f : 0xff;
		if (rnd() % 2) {
			val = 0;
			r = uart16550_read(u, off, width, &val);
			bad_ret += r != (ok ? 0 : -1);
			bad_val += r == 0 && val > 0xff;
		} else {
			bad_ret += uart16550_write(u, off, width, v) != (ok ? 0 : -1);
		}
		if (rnd() % 3 == 0)
			rx_ok += uart16550_rx(u, (char)rnd());
	}
	CHECK_EQ(bad_ret, 0);
	CHECK_EQ(bad_val, 0);
	CHECK(rx_ok > 1000);
	CHECK(ntx > 1000);
	CHECK(nirq > 1000);
	CHECK_EQ(bad_edges, 0);
	CHECK_EQ(tx_locked, 0);
	/* the recorded output matches the model's notion of it */
	CHECK_EQ(irq_level, u->irq_out);
	free(u);
}

/* A restart's reset: registers and FIFO as after init, a raised line
 * lowered through ops, the lock taken rather than re-initialised. */
static void test_reset(void)
{
	struct uart16550 *u = new_uart();
	spinlock_t before;

	wr(u, IER, 0x01);
	wr(u, SCR, 0x5a);
	wr(u, MCR, 0x0b);
	wr(u, FCR, 0x01);
	rx_str(u, "abc");
	CHECK(irq_level);
	before = u->lock;
	uart16550_reset(u);
	CHECK_EQ(u->lock.next, before.next + 1);
	CHECK_EQ(u->lock.owner, before.owner + 1);
	CHECK(!irq_level);
	CHECK_EQ(rd(u, IER), 0x00);
	CHECK_EQ(rd(u, SCR), 0x00);
	CHECK_EQ(rd(u, MCR), 0x00);
	CHECK_EQ(rd(u, IIR), 0x01);
	CHECK_EQ(rd(u, LSR), 0x60);	/* FIFO empty */
	wr(u, LCR, 0x80);
	CHECK_EQ(rd(u, DLL), 0x0c);
	wr(u, LCR, 0x00);
	/* and it works as at boot */
	wr(u, IER, 0x01);
	rx_str(u, "z");
	CHECK(irq_level);
	CHECK_EQ(rd(u, RBR), 'z');
	free(u);
}

/* A polled LSR with no overrun flagged changes nothing, so it takes no
 * lock (the ticket counter stays) and reports what stands; with an
 * overrun it clears it under the lock and lowers the line-status
 * interrupt. */
static void test_lsr_unlocked(void)
{
	struct uart16550 *u = new_uart();
	uint32_t tickets = u->lock.next;

	CHECK_EQ(rd(u, LSR), 0x60);
	uart16550_rx(u, 'a');
	tickets = u->lock.next;
	for (int i = 0; i < 3; i++)
		CHECK_EQ(rd(u, LSR), 0x61);
	CHECK_EQ(u->lock.next, tickets);
	wr(u, IER, 0x04);			/* ELSI */
	for (unsigned i = 0; i < UART16550_FIFO_SIZE; i++)
		uart16550_rx(u, 'b');		/* the 64th after 'a' overruns */
	CHECK(irq_level);
	tickets = u->lock.next;
	CHECK_EQ(rd(u, LSR), 0x63);
	CHECK(u->lock.next != tickets);		/* locked: it had OE to clear */
	CHECK(!irq_level);
	CHECK_EQ(rd(u, LSR), 0x61);
	CHECK_EQ(bad_edges, 0);
	free(u);
}

int main(void)
{
	test_init();
	test_reset();
	test_access();
	test_tx_dlab();
	test_rx_fifo();
	test_lsr_unlocked();
	test_iir_priority();
	test_thre();
	test_loopback_msr();
	test_fcr();
	test_linux_8250();
	test_rtos_echo();
	test_no_ops();
	test_fuzz();
	CHECK_EQ(irq_unlocked, 0);	/* irq ran with the lock held */
	return test_report("test_uart16550");
}
