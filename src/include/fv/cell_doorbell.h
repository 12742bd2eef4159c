/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A cell's doorbells: made from its layout at boot, paired with their
 * peers' once every cell exists, open while the cell runs, reset when it
 * restarts, their lines driven by the ringing hart where the cell's
 * interrupt controller allows it (arch_cell_try_set_irq), else on its own
 * harts (REQ_EMU).
 */
#ifndef FV_CELL_DOORBELL_H
#define FV_CELL_DOORBELL_H

#include <fv/cell.h>
#include <fv/doorbell.h>

/* Boot: doorbell `e` of the cell's layout into emulated-device slot `d`. */
int cell_doorbell_add(struct cell *c, const struct layout_emu *e, struct emu_dev *d);
/* Boot, once every cell is set up: each doorbell meets its peer, and
 * learns whether a ringer may drive its line. */
int cells_doorbell_pair(void);
/* The cell starts (its doorbells take rings) or stops (they drop them). */
void cell_doorbell_open(struct cell *c, bool open);
/* Restart: every doorbell closed, its line low (each under its lock). */
void cell_doorbell_reset(struct cell *c);
/* On a hart of the cell (REQ_EMU): the lines follow the counts. */
void cell_doorbell_sync(struct cell *c);
/* For the monitor (console lock held): a line per doorbell, its counters. */
void cell_doorbell_print_locked(const struct cell *c);

#endif
