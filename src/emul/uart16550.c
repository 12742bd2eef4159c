// SPDX-License-Identifier: GPL-2.0-only
/*
 * ns16550a UART model; see <fv/uart16550.h> for the guest-visible contract.
 * Register and bit names follow the datasheet (and Linux's serial_reg.h).
 */
#include <fv/compiler.h>
#include <fv/string.h>
#include <fv/uart16550.h>

/* register offsets (reg-shift 0) */
#define UART_RBR	0	/* read, DLAB=0 */
#define UART_THR	0	/* write, DLAB=0 */
#define UART_DLL	0	/* DLAB=1 */
#define UART_IER	1	/* DLAB=0 */
#define UART_DLM	1	/* DLAB=1 */
#define UART_IIR	2	/* read */
#define UART_FCR	2	/* write */
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_MSR	6
#define UART_SCR	7

#define UART_IER_ERBFI	0x01	/* received data available */
#define UART_IER_ETBEI	0x02	/* THR empty */
#define UART_IER_ELSI	0x04	/* receiver line status */
#define UART_IER_EDSSI	0x08	/* modem status */

#define UART_IIR_NONE	0x01
#define UART_IIR_MSI	0x00
#define UART_IIR_THRI	0x02
#define UART_IIR_RDI	0x04
#define UART_IIR_RLSI	0x06
#define UART_IIR_FIFO	0xc0	/* FIFOs enabled */

#define UART_FCR_FE	0x01
#define UART_FCR_RFR	0x02
#define UART_FCR_XFR	0x04

#define UART_LCR_DLAB	0x80

#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT1	0x04
#define UART_MCR_OUT2	0x08
#define UART_MCR_LOOP	0x10

#define UART_LSR_DR	0x01
#define UART_LSR_OE	0x02
#define UART_LSR_THRE	0x20
#define UART_LSR_TEMT	0x40

#define UART_MSR_CTS	0x10
#define UART_MSR_DSR	0x20
#define UART_MSR_RI	0x40
#define UART_MSR_DCD	0x80

#define MODEM_IDLE_MSR	(UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS)

static bool rx_push(struct uart16550 *u, uint8_t c)
{
	if (u->rx_count == UART16550_FIFO_SIZE) {
		u->overrun = true;
		return false;
	}
	u->rx_fifo[(u->rx_head + u->rx_count) % UART16550_FIFO_SIZE] = c;
	u->rx_count++;
	return true;
}

/* An empty FIFO keeps returning the last byte, as RBR does. */
static uint8_t rx_pop(struct uart16550 *u)
{
	if (u->rx_count) {
		u->rbr = u->rx_fifo[u->rx_head];
		u->rx_head = (u->rx_head + 1) % UART16550_FIFO_SIZE;
		u->rx_count--;
	}
	return u->rbr;
}

static void rx_clear(struct uart16550 *u)
{
	u->rx_head = 0;
	u->rx_count = 0;
}

/* The highest-priority enabled pending source, as IIR bits 3:0. */
static uint8_t iir_source(const struct uart16550 *u)
{
	if ((u->ier & UART_IER_ELSI) && u->overrun)
		return UART_IIR_RLSI;
	if ((u->ier & UART_IER_ERBFI) && u->rx_count)
		return UART_IIR_RDI;
	if ((u->ier & UART_IER_ETBEI) && u->thr_ipending)
		return UART_IIR_THRI;
	return UART_IIR_NONE;	/* modem-status deltas never happen */
}

/* Called after every state change, with the lock held; edges only. */
static void update_irq(struct uart16550 *u)
{
	bool level = iir_source(u) != UART_IIR_NONE;

	if (level == u->irq_out)
		return;
	u->irq_out = level;
	if (u->ops && u->ops->irq)
		u->ops->irq(u->arg, level);
}

static uint8_t read_iir(struct uart16550 *u)
{
	uint8_t src = iir_source(u);

	/* reading IIR acknowledges a reported THRE interrupt */
	if (src == UART_IIR_THRI)
		u->thr_ipending = false;
	return src | ((u->fcr & UART_FCR_FE) ? UART_IIR_FIFO : 0);
}

static uint8_t read_lsr(struct uart16550 *u)
{
	uint8_t lsr = UART_LSR_THRE | UART_LSR_TEMT;

	if (u->rx_count)
		lsr |= UART_LSR_DR;
	if (u->overrun)
		lsr |= UART_LSR_OE;
	u->overrun = false;	/* errors clear on read */
	return lsr;
}

/* In loopback the modem outputs come back as inputs. */
static uint8_t read_msr(const struct uart16550 *u)
{
	uint8_t m = u->mcr;

	if (!(m & UART_MCR_LOOP))
		return MODEM_IDLE_MSR;
	return ((m & UART_MCR_DTR) ? UART_MSR_DSR : 0) |
	       ((m & UART_MCR_RTS) ? UART_MSR_CTS : 0) |
	       ((m & UART_MCR_OUT1) ? UART_MSR_RI : 0) |
	       ((m & UART_MCR_OUT2) ? UART_MSR_DCD : 0);
}

static uint8_t read_reg(struct uart16550 *u, unsigned reg)
{
	bool dlab = u->lcr & UART_LCR_DLAB;

	switch (reg) {
	case UART_RBR:
		return dlab ? u->dll : rx_pop(u);
	case UART_IER:
		return dlab ? u->dlm : u->ier;
	case UART_IIR:
		return read_iir(u);
	case UART_LCR:
		return u->lcr;
	case UART_MCR:
		return u->mcr;
	case UART_LSR:
		return read_lsr(u);
	case UART_MSR:
		return read_msr(u);
	case UART_SCR:
		return u->scr;
	}
	return 0;
}

static void write_ier(struct uart16550 *u, uint8_t val)
{
	uint8_t old = u->ier;

	u->ier = val & 0x0f;
	/* THR is always empty: enabling ETBEI raises THRE anew */
	if ((u->ier ^ old) & UART_IER_ETBEI)
		u->thr_ipending = u->ier & UART_IER_ETBEI;
}

static void write_fcr(struct uart16550 *u, uint8_t val)
{
	/* toggling the FIFO enable clears the FIFOs, as on the 16550 */
	if ((val ^ u->fcr) & UART_FCR_FE)
		val |= UART_FCR_RFR;
	if (val & UART_FCR_RFR)
		rx_clear(u);
	u->fcr = val & 0xc9;	/* FE, DMA mode, RX trigger level */
}

/* Everything but a THR write that transmits (see uart16550_write). */
static void write_reg(struct uart16550 *u, unsigned reg, uint8_t val)
{
	bool dlab = u->lcr & UART_LCR_DLAB;

	switch (reg) {
	case UART_THR:
		if (dlab) {
			u->dll = val;
		} else {
			/* loopback: the byte arrives at once, THR empties */
			rx_push(u, val);
			u->thr_ipending = true;
		}
		break;
	case UART_IER:
		if (dlab)
			u->dlm = val;
		else
			write_ier(u, val);
		break;
	case UART_FCR:
		write_fcr(u, val);
		break;
	case UART_LCR:
		u->lcr = val;
		break;
	case UART_MCR:
		u->mcr = val & 0x1f;
		break;
	case UART_SCR:
		u->scr = val;
		break;
	}
	/* LSR and MSR writes (factory test) are ignored */
}

static bool access_ok(uint64_t off, unsigned width)
{
	return width == 1 && off < UART16550_SIZE;
}

/* Lock held (or not yet shared): the registers and FIFO at reset. */
static void reset_state(struct uart16550 *u)
{
	u->ier = u->lcr = u->mcr = u->fcr = u->scr = u->dlm = 0;
	u->dll = 0x0c;		/* 9600 baud at 1.8432 MHz, like QEMU */
	u->rbr = 0;
	u->overrun = u->thr_ipending = false;
	rx_clear(u);
	update_irq(u);		/* a line left high goes low */
}

void uart16550_init(struct uart16550 *u, const struct uart16550_ops *ops,
		    void *arg)
{
	memset(u, 0, sizeof(*u));
	u->lock = (spinlock_t)SPINLOCK_INIT;
	u->ops = ops;
	u->arg = arg;
	reset_state(u);
}

void uart16550_reset(struct uart16550 *u)
{
	spin_lock(&u->lock);
	reset_state(u);
	spin_unlock(&u->lock);
}

/* An LSR read with no overrun flagged changes nothing (no state, no
 * interrupt source): read without the lock, as the state stands.  A byte
 * or an overrun arriving meanwhile is seen by the next read, as if this
 * one had come just before it. */
static bool lsr_plain(const struct uart16550 *u, uint8_t *lsr)
{
	if (READ_ONCE(u->overrun))
		return false;
	*lsr = UART_LSR_THRE | UART_LSR_TEMT | (READ_ONCE(u->rx_count) ? UART_LSR_DR : 0);
	return true;
}

/* Any other read of a register (off < 8) under the lock, which it may
 * change; 0 beyond them.  Out of line and tail-called, so that the plain
 * LSR read sets up no stack frame. */
static __attribute__((noinline)) int read_locked(struct uart16550 *u, uint64_t off,
						 uint64_t *val)
{
	uint8_t r = 0;

	if (off < 8) {
		spin_lock(&u->lock);
		r = read_reg(u, (unsigned)off);
		update_irq(u);
		spin_unlock(&u->lock);
	}
	*val = r;
	return 0;
}

int uart16550_read(struct uart16550 *u, uint64_t off, unsigned width,
		   uint64_t *val)
{
	uint8_t r;

	if (!access_ok(off, width))
		return -1;
	if (off == UART_LSR && lsr_plain(u, &r)) {
		*val = r;
		return 0;
	}
	return read_locked(u, off, val);
}

/* A transmitting THR write: not in loopback, DLAB clear. */
static bool thr_sends(const struct uart16550 *u, uint64_t off)
{
	return off == UART_THR && !(u->lcr & UART_LCR_DLAB) &&
	       !(u->mcr & UART_MCR_LOOP);
}

int uart16550_write(struct uart16550 *u, uint64_t off, unsigned width,
		    uint64_t val)
{
	if (!access_ok(off, width))
		return -1;
	if (off >= 8)
		return 0;
	spin_lock(&u->lock);
	if (thr_sends(u, off)) {
		/* tx outside the lock (see the header); THRE after it */
		spin_unlock(&u->lock);
		if (u->ops && u->ops->tx)
			u->ops->tx(u->arg, (char)val);
		spin_lock(&u->lock);
		u->thr_ipending = true;
	} else {
		write_reg(u, (unsigned)off, (uint8_t)val);
	}
	update_irq(u);
	spin_unlock(&u->lock);
	return 0;
}

bool uart16550_rx(struct uart16550 *u, char c)
{
	bool ok = true;

	spin_lock(&u->lock);
	/* in loopback the serial input is disconnected */
	if (!(u->mcr & UART_MCR_LOOP))
		ok = rx_push(u, (uint8_t)c);
	update_irq(u);
	spin_unlock(&u->lock);
	return ok;
}

bool uart16550_rx_room(struct uart16550 *u)
{
	return READ_ONCE(u->rx_count) < UART16550_FIFO_SIZE;
}

static int uart16550_emu_read(struct emu_dev *d, uint64_t off, unsigned width,
			      uint64_t *val)
{
	return uart16550_read(d->state, off, width, val);
}

static int uart16550_emu_write(struct emu_dev *d, uint64_t off, unsigned width,
			       uint64_t val)
{
	return uart16550_write(d->state, off, width, val);
}

const struct emu_ops uart16550_emu_ops = {
	.read = uart16550_emu_read,
	.write = uart16550_emu_write,
};
