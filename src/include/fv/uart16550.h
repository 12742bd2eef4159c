/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ns16550a UART model: a pure state machine behind a guest MMIO window
 * (byte registers, reg-shift 0, io-width 1).  It suits Linux's 8250 driver
 * bound as "ns16550a" through OF and simple polled or interrupt-driven
 * RTOS drivers.
 *
 * - Transmit is instantaneous: a THR write calls ops->tx; LSR.THRE and
 *   LSR.TEMT always read 1.
 * - Receive: a UART16550_FIFO_SIZE-byte FIFO fed by uart16550_rx(), in
 *   FIFO and non-FIFO (16450) mode alike; a byte arriving when it is full
 *   is dropped and sets LSR.OE (cleared by reading LSR).
 * - Interrupts, highest first: line status (OE, IER.ELSI), received data
 *   (FIFO not empty, IER.ERBFI), THR empty (IER.ETBEI).  Modem-status
 *   deltas are never raised.  The THRE interrupt is raised when ETBEI goes
 *   0->1 and after every THR write, and cleared by an IIR read that reports
 *   it.  The output is "any enabled source pending"; MCR.OUT2 does not
 *   gate it (as in QEMU's model: Linux sets OUT2 on PC-style ports, an OF
 *   port or an RTOS may not).  ops->irq is called on changes only.
 * - MCR loopback: THR writes go to the RX FIFO, external input from
 *   uart16550_rx() is discarded, MSR mirrors MCR (CTS=RTS, DSR=DTR,
 *   RI=OUT1, DCD=OUT2).  Otherwise MSR reads DCD|DSR|CTS.
 * - FCR: bit 0 enables the FIFO (IIR bits 7:6 = 11); changing it, or bit 1,
 *   clears the RX FIFO; bit 2 (TX) has nothing to clear.
 * - Reset: IER = LCR = MCR = FCR = SCR = 0, IIR 0x01, LSR 0x60, MSR 0xb0,
 *   divisor latch 0x000c.  IER keeps bits 3:0, MCR bits 4:0.
 * - Accesses: width 1 only, offsets below UART16550_SIZE; anything else
 *   returns -1.  Offsets 8..UART16550_SIZE-1 read 0 and ignore writes.
 *
 * Locking: the struct's spinlock serializes the vCPUs' register accesses
 * and the console multiplexer's uart16550_rx(), but for an LSR read while
 * no overrun is flagged: that changes nothing and reads the state as it
 * stands, without the lock (a polling guest's usual access).  ops->irq is
 * called with the lock held (edges stay in order), so it may take the
 * vPLIC lock but must not call back into this UART.  ops->tx is called
 * without the lock, so the console multiplexer may hold its own lock
 * around uart16550_rx() while tx takes it; the THRE interrupt is raised
 * only after tx returns.
 */
#ifndef FV_UART16550_H
#define FV_UART16550_H

#include <fv/emul.h>
#include <fv/spinlock.h>
#include <fv/types.h>

#define UART16550_SIZE		0x100
#define UART16550_FIFO_SIZE	64

struct uart16550_ops {
	void (*tx)(void *arg, char c);		/* a byte the guest sent */
	void (*irq)(void *arg, bool level);	/* interrupt output changed */
};

struct uart16550 {
	spinlock_t lock;
	const struct uart16550_ops *ops;
	void *arg;
	uint8_t ier, lcr, mcr, fcr, scr, dll, dlm;
	uint8_t rbr;			/* last byte read: RBR of an empty FIFO */
	bool overrun;			/* LSR.OE */
	bool thr_ipending;		/* THRE interrupt not yet acknowledged */
	bool irq_out;			/* last level given to ops->irq */
	unsigned rx_head, rx_count;
	uint8_t rx_fifo[UART16550_FIFO_SIZE];
};

/* Once, at boot: ops (and each callback) may be NULL */
void uart16550_init(struct uart16550 *u, const struct uart16550_ops *ops,
		    void *arg);
/* Back to the reset values, FIFO empty, under the lock (which is never
 * initialised again); a raised interrupt line is lowered through ops. */
void uart16550_reset(struct uart16550 *u);
/* Guest accesses; off is relative to the window.  0, or -1 if refused. */
int uart16550_read(struct uart16550 *u, uint64_t off, unsigned width,
		   uint64_t *val);
int uart16550_write(struct uart16550 *u, uint64_t off, unsigned width,
		    uint64_t val);
/* Input for the guest.  false: the FIFO was full, c was dropped and
 * LSR.OE set.  In loopback mode input is discarded (true). */
bool uart16550_rx(struct uart16550 *u, char c);
/* Is there room for one more byte?  A sender that keeps what does not
 * fit (the console multiplexer) asks first, so no overrun is reported
 * for input that is not lost.  Room only grows until the next rx. */
bool uart16550_rx_room(struct uart16550 *u);

/* emu_dev adapters: emu_dev->state is the struct uart16550 */
extern const struct emu_ops uart16550_emu_ops;

#endif
