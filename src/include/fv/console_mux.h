/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The console multiplexer: every cell's console output goes to the one
 * physical console, tagged "[name] " at the start of each line; input goes
 * to the cell that has focus.
 *
 * Output of a cell without focus is collected and written a whole line at
 * a time.  The focused cell's output is written as it comes (a shell
 * prompt has no newline); if another cell's line must go out meanwhile,
 * the open line is closed first and continued under a new tag.  So lines
 * of different cells never mix, and the console lock is a fair ticket
 * lock, so a cell that prints without pause cannot starve the others.
 *
 * Escape: Ctrl-] (MUX_ESCAPE) then
 *   n, Tab or Ctrl-]   focus the next cell
 *   1..9               focus cell 1..9
 *   m                  the monitor: list cells, their state and counters
 *   h or ?             this help
 */
#ifndef FV_CONSOLE_MUX_H
#define FV_CONSOLE_MUX_H

#include <fv/spinlock.h>
#include <fv/types.h>

#define MUX_ESCAPE	0x1d	/* Ctrl-] */
#define MUX_LINE_MAX	160
#define MUX_RX_MAX	256
#define MUX_MAX_PORTS	CONFIG_MAX_CELLS

struct mux_port {
	const char *name;
	/* Where typed characters go: an emulated UART (false when its FIFO
	 * is full), else they wait in the ring for SBI DBCN read / getchar. */
	bool (*rx)(void *arg, char c);
	void *rx_arg;
	/* output being collected */
	spinlock_t lock;
	char line[MUX_LINE_MAX];
	unsigned len;
	/* typed input not taken yet */
	char ring[MUX_RX_MAX];
	unsigned ring_head, ring_tail;
};

/* Register a port; returns its index or -1.  The first port has focus. */
int mux_add_port(struct mux_port *p, const char *name);
void mux_putc(struct mux_port *p, char c);
int mux_getc(struct mux_port *p);		/* -1 if nothing was typed */
/* Push waiting input into the port's UART (call when its FIFO drained). */
void mux_rx_drain(struct mux_port *p);
/* A character from the physical console. */
void mux_input(char c);
int mux_focus(void);				/* index of the focused port */

/* What the monitor prints, supplied by the cells code (src/cell.c). */
void mux_monitor_print_locked(void);

#endif
