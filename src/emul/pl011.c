// SPDX-License-Identifier: GPL-2.0-only
/* The PL011 UART model; see <fv/emul_pl011.h>. */
#include <fv/emul_pl011.h>

#define DR	0x000
#define RSR	0x004	/* read: RSR; write: ECR */
#define FR	0x018
#define ILPR	0x020
#define IBRD	0x024
#define FBRD	0x028
#define LCR_H	0x02c
#define CR	0x030
#define IFLS	0x034
#define IMSC	0x038
#define RIS	0x03c
#define MIS	0x040
#define ICR	0x044
#define DMACR	0x048
#define ID_BASE	0xfe0

#define FR_RXFE	(1U << 4)
#define FR_RXFF	(1U << 6)
#define FR_TXFE	(1U << 7)
#define INT_RX	(1U << 4)
#define INT_TX	(1U << 5)
#define INT_RT	(1U << 6)
#define INT_OE	(1U << 10)
#define INT_ALL	0x7ffU
#define RSR_OE	(1U << 3)

/* PeriphID0..3 and PCellID0..3 at 0xfe0..0xffc */
static const uint8_t ids[8] = { 0x11, 0x10, 0x34, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

static void update_irq(struct pl011_emu *u)
{
	bool level;

	u->ris = (u->ris & ~(INT_RX | INT_RT)) | (u->rx_count ? INT_RX | INT_RT : 0);
	level = (u->ris & u->imsc) != 0;
	if (level != u->irq_out) {
		u->irq_out = level;
		if (u->ops && u->ops->irq)
			u->ops->irq(u->arg, level);
	}
}

static void reset_locked(struct pl011_emu *u)
{
	u->cr = 0x300;		/* TXE, RXE */
	u->lcr_h = u->ibrd = u->fbrd = u->imsc = u->ris = u->ilpr = u->dmacr = 0;
	u->ifls = 0x12;
	u->overrun = false;
	u->rx_head = u->rx_count = 0;
	update_irq(u);
}

void pl011_emu_init(struct pl011_emu *u, const struct pl011_emu_ops *ops, void *arg)
{
	u->lock = (spinlock_t)SPINLOCK_INIT;
	u->ops = ops;
	u->arg = arg;
	u->irq_out = false;
	reset_locked(u);
}

void pl011_emu_reset(struct pl011_emu *u)
{
	spin_lock(&u->lock);
	reset_locked(u);
	spin_unlock(&u->lock);
}

static uint32_t pop_rx(struct pl011_emu *u)
{
	uint32_t c;

	if (!u->rx_count)
		return 0;
	c = u->rx_fifo[u->rx_head];
	u->rx_head = (u->rx_head + 1) % PL011_FIFO_SIZE;
	u->rx_count--;
	return c;
}

static uint32_t read_reg(struct pl011_emu *u, uint64_t reg)
{
	switch (reg) {
	case DR: return pop_rx(u);
	case RSR: return u->overrun ? RSR_OE : 0;
	case FR: return FR_TXFE | (u->rx_count ? 0 : FR_RXFE) |
			(u->rx_count == PL011_FIFO_SIZE ? FR_RXFF : 0);
	case ILPR: return u->ilpr;
	case IBRD: return u->ibrd;
	case FBRD: return u->fbrd;
	case LCR_H: return u->lcr_h;
	case CR: return u->cr;
	case IFLS: return u->ifls;
	case IMSC: return u->imsc;
	case RIS: return u->ris;
	case MIS: return u->ris & u->imsc;
	case DMACR: return u->dmacr;
	default:
		return reg >= ID_BASE ? ids[(reg - ID_BASE) / 4] : 0;
	}
}

/* Returns the byte to transmit, or -1. */
static int write_reg(struct pl011_emu *u, uint64_t reg, uint32_t v)
{
	switch (reg) {
	case DR:
		u->ris |= INT_TX;
		return (int)(v & 0xff);
	case RSR: u->overrun = false; u->ris &= ~INT_OE; break;
	case ILPR: u->ilpr = v & 0xff; break;
	case IBRD: u->ibrd = v & 0xffff; break;
	case FBRD: u->fbrd = v & 0x3f; break;
	case LCR_H: u->lcr_h = v & 0xff; break;
	case CR: u->cr = v & 0xffff; break;
	case IFLS: u->ifls = v & 0x3f; break;
	case IMSC: u->imsc = v & INT_ALL; break;
	case ICR:
		u->ris &= ~(v & INT_ALL);
		if (v & INT_OE)
			u->overrun = false;
		break;
	case DMACR: u->dmacr = v & 7; break;
	default: break;
	}
	return -1;
}

static bool access_ok(uint64_t off, unsigned width)
{
	return (width == 1 || width == 2 || width == 4) && !(off & (width - 1)) &&
	       off < PL011_SIZE;
}

int pl011_emu_read(struct pl011_emu *u, uint64_t off, unsigned width, uint64_t *val)
{
	uint32_t v;

	if (!access_ok(off, width))
		return -1;
	spin_lock(&u->lock);
	v = read_reg(u, off & ~3ULL);
	update_irq(u);
	spin_unlock(&u->lock);
	*val = (v >> (8 * (off & 3))) & (width == 4 ? 0xffffffffU : (1U << (8 * width)) - 1);
	return 0;
}

int pl011_emu_write(struct pl011_emu *u, uint64_t off, unsigned width, uint64_t val)
{
	int tx;

	if (!access_ok(off, width))
		return -1;
	if (off & 3)		/* a byte or half of a register: not the ones we keep */
		return 0;
	spin_lock(&u->lock);
	tx = write_reg(u, off, (uint32_t)val);
	spin_unlock(&u->lock);
	if (tx >= 0 && u->ops && u->ops->tx)
		u->ops->tx(u->arg, (char)tx);
	spin_lock(&u->lock);
	update_irq(u);		/* after tx, as the ns16550 model does */
	spin_unlock(&u->lock);
	return 0;
}

bool pl011_emu_rx(struct pl011_emu *u, char c)
{
	bool ok;

	spin_lock(&u->lock);
	ok = u->rx_count < PL011_FIFO_SIZE;
	if (ok) {
		u->rx_fifo[(u->rx_head + u->rx_count) % PL011_FIFO_SIZE] = (uint8_t)c;
		u->rx_count++;
	} else {
		u->overrun = true;
		u->ris |= INT_OE;
	}
	update_irq(u);
	spin_unlock(&u->lock);
	return ok;
}

bool pl011_emu_rx_room(struct pl011_emu *u)
{
	bool room;

	spin_lock(&u->lock);
	room = u->rx_count < PL011_FIFO_SIZE;
	spin_unlock(&u->lock);
	return room;
}

static int emu_read(struct emu_dev *d, uint64_t off, unsigned width, uint64_t *val)
{
	return pl011_emu_read(d->state, off, width, val);
}

static int emu_write(struct emu_dev *d, uint64_t off, unsigned width, uint64_t val)
{
	return pl011_emu_write(d->state, off, width, val);
}

const struct emu_ops pl011_emu_ops = { emu_read, emu_write };
