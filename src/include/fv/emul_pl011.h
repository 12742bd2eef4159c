/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Arm PL011 UART model (src/emul/pl011.c): a console UART for guests that
 * expect the PL011 of Arm boards, a pure state machine behind a 4 KiB
 * guest MMIO window, like the ns16550 model (<fv/uart16550.h>).
 *
 * - Transmit is instantaneous: a DR write calls ops->tx and raises the
 *   transmit interrupt (RIS.TX, until ICR clears it, as QEMU's model does);
 *   FR.TXFE always reads 1, FR.TXFF and FR.BUSY 0.
 * - Receive: a PL011_FIFO_SIZE-byte FIFO fed by pl011_emu_rx(); RIS.RX and
 *   RIS.RT follow "the FIFO is not empty" (the trigger level, IFLS, is
 *   stored, not used); a byte arriving when it is full is dropped and sets
 *   the overrun (RIS.OE, RSR.OE) until ICR/ECR clear it.
 * - The interrupt output is RIS & IMSC non-zero; ops->irq on changes only.
 * - CR, LCR_H, IBRD, FBRD, IFLS, ILPR and DMACR are stored and read back
 *   (no loopback, no DMA); the peripheral and PrimeCell ID registers read
 *   as a PL011 r1p5 (0x00341011, 0xb105f00d).
 * - Accesses: widths 1, 2 and 4, aligned, inside the window; anything else
 *   returns -1.  Other offsets read 0 and ignore writes.
 *
 * Locking as the ns16550 model: the struct's spinlock serializes register
 * accesses and pl011_emu_rx(); ops->irq is called with it held, ops->tx
 * without.
 */
#ifndef FV_EMUL_PL011_H
#define FV_EMUL_PL011_H

#include <fv/emul.h>
#include <fv/spinlock.h>
#include <fv/types.h>

#define PL011_SIZE		0x1000
#define PL011_FIFO_SIZE		32

struct pl011_emu_ops {
	void (*tx)(void *arg, char c);		/* a byte the guest sent */
	void (*irq)(void *arg, bool level);	/* interrupt output changed */
};

struct pl011_emu {
	spinlock_t lock;
	const struct pl011_emu_ops *ops;
	void *arg;
	uint32_t cr, lcr_h, ibrd, fbrd, ifls, imsc, ris, ilpr, dmacr;
	bool overrun;			/* RSR.OE */
	bool irq_out;			/* last level given to ops->irq */
	unsigned rx_head, rx_count;
	uint8_t rx_fifo[PL011_FIFO_SIZE];
};

void pl011_emu_init(struct pl011_emu *u, const struct pl011_emu_ops *ops, void *arg);
void pl011_emu_reset(struct pl011_emu *u);
int pl011_emu_read(struct pl011_emu *u, uint64_t off, unsigned width, uint64_t *val);
int pl011_emu_write(struct pl011_emu *u, uint64_t off, unsigned width, uint64_t val);
/* Input for the guest.  false: the FIFO was full, c was dropped. */
bool pl011_emu_rx(struct pl011_emu *u, char c);
bool pl011_emu_rx_room(struct pl011_emu *u);

/* emu_dev adapters: emu_dev->state is the struct pl011_emu */
extern const struct emu_ops pl011_emu_ops;

#endif
