/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The console multiplexer: every cell's console output goes to the one
 * physical console, tagged "[name] " at the start of each line; typed
 * input goes to the cell that has focus.
 *
 * No cell ever waits for another here.  Each port (one per cell) has its
 * own output ring, written only by that cell's harts (under the port's own
 * out_lock) and read by one drainer, the housekeeping hart, with no lock
 * between them: head and tail are published with release stores.  When a
 * ring is full, whole lines are dropped and counted, never the writer
 * blocked.  Input is the mirror image: the housekeeping hart pushes typed
 * bytes into the focused port's input ring, and the cell's own harts take
 * them (into its emulated UART, or by SBI DBCN reads) under its in_lock.
 *
 * Output is filtered as it is written: printable ASCII, tab and newline
 * pass; CR is dropped (the console adds its own); escape sequences (ESC,
 * CSI and OSC) and every other control or non-ASCII byte are dropped, so a
 * cell can neither move the cursor nor erase or forge a tag.  A line is cut
 * at MUX_LINE_MAX characters.  Hypervisor lines about a cell are written
 * into its ring too (mux_write_hv), so they keep their order with the
 * cell's own lines; they are marked by a byte no filtered output can hold
 * and go out untagged.
 *
 * The drainer writes whole lines of every port.  The focused port is also
 * written through when it has a partial line (a shell prompt), opening a
 * console line under its tag; any other output closes that line first, so
 * lines of different cells never mix.
 */
#ifndef FV_CONSOLE_MUX_H
#define FV_CONSOLE_MUX_H

#include <fv/spinlock.h>
#include <fv/types.h>

#define MUX_ESCAPE	0x1d	/* Ctrl-] */
#define MUX_LINE_MAX	160	/* longest line; longer ones are cut */
/* Output ring per port (a power of two): lines wait here while the UART,
 * or whoever reads it, is slower than the cell writes. */
#define MUX_OUT_SIZE	16384
/* Input ring per port (a power of two): typed or pasted bytes wait here
 * until the cell takes them.  It holds a whole line as long as Linux's tty
 * accepts (4095 bytes), so a pasted command arrives whole even when the
 * cell is busy; beyond that, bytes are dropped and counted (in-drop). */
#define MUX_IN_SIZE	4096
/* a console per cell and up to as many virtio consoles */
#define MUX_MAX_PORTS	(2 * CONFIG_MAX_CELLS)
#define MUX_HV_MARK	0x01	/* first byte of a hypervisor line in a ring */

struct mux_port {
	const char *name;
	/* Where typed bytes go: an emulated UART (false while its FIFO is
	 * full), else they wait for SBI DBCN read / legacy getchar. */
	bool (*rx)(void *arg, char c);
	void *rx_arg;
	void *owner;			/* the cell it belongs to */
	volatile bool live;		/* its cell runs: input is taken */

	/* output: producers are the port's own harts, under out_lock */
	spinlock_t out_lock;
	unsigned cur_len;		/* bytes of the line being written */
	uint8_t esc;			/* escape-sequence filter state */
	bool dropping;			/* the current line did not fit */
	unsigned lines;			/* lines written (to know when to kick) */
	volatile unsigned out_head;	/* published by the producer */
	volatile unsigned out_tail;	/* published by the drainer */
	bool part_out;			/* drainer: the current line's start is out */
	volatile uint64_t dropped;	/* lines dropped: the ring was full */
	char out[MUX_OUT_SIZE];

	/* input: the producer is the housekeeping hart (lock-free); the
	 * consumers are the port's own harts, under in_lock */
	spinlock_t in_lock;
	volatile unsigned in_head, in_tail;
	volatile uint64_t in_dropped;	/* typed bytes dropped: ring full */
	char in[MUX_IN_SIZE];
};

/* Register a port at boot; returns its index or -1.  Port 0 has focus. */
int mux_add_port(struct mux_port *p, const char *name);

/* ---- the port's own harts ---- */
void mux_putc(struct mux_port *p, char c);
void mux_write(struct mux_port *p, const char *s, unsigned long n);
/* Hypervisor text about this port's cell: whole lines, untagged. */
void mux_write_hv(struct mux_port *p, const char *s, unsigned long n);
int mux_getc(struct mux_port *p);		/* -1 if nothing was typed */
/* Move waiting input into the port's UART (p->rx) while it takes it. */
void mux_rx_drain(struct mux_port *p);
/* Its cell starts (input from now on is taken) or stops (dropped). */
void mux_open(struct mux_port *p);
void mux_close(struct mux_port *p);

/* ---- the housekeeping hart ---- */
/* Queue a typed byte for the port; false if it was dropped. */
bool mux_deliver(struct mux_port *p, char c);
/* Write what the rings hold to the console.  Never waits: if another
 * hart is writing the console, it drains for us (see mux_set_kick). */
void mux_drain(void);
void mux_set_focus(unsigned idx);
int mux_focus(void);				/* index of the focused port */
unsigned mux_nr_ports(void);
struct mux_port *mux_port(unsigned idx);

/*
 * From boot until mux_set_kick(), every write drains at once on the
 * writing hart (there is nobody else yet).  After it, writers call `kick`
 * when output waits, at most once until the drainer runs again.
 */
void mux_set_kick(void (*kick)(void));
bool mux_async(void);
/* A debugger speaks on the console (Ctrl-] g): while held, no cell's
 * output is written there; it waits in the rings, and a full ring drops
 * whole lines and counts them, as always.  Released, it all goes out. */
void mux_hold(bool on);
/* Drain on this hart, waiting for the console if need be: only for the
 * last words before power-off. */
void mux_flush(void);
/* A hart that held the console lock let it go: drain what a drainer could
 * not while it was held. */
void mux_console_released(void);

#endif
