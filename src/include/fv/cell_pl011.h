/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A cell's emulated PL011 console UART (EMU_PL011): the model
 * (<fv/emul_pl011.h>) tied to the cell's console port on the
 * multiplexer, as cell.c ties the ns16550 one.
 */
#ifndef FV_CELL_PL011_H
#define FV_CELL_PL011_H

#include <fv/cell.h>

/* Boot: UART `e` of the cell's layout into emulated-device slot `d`. */
int cell_pl011_add(struct cell *c, const struct layout_emu *e, struct emu_dev *d);
/* Restart: every PL011 of the cell back to its reset state. */
void cell_pl011_reset(struct cell *c);

#endif
