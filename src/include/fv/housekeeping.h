/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Housekeeping: the hypervisor's own work once cells run, which is the
 * console (typed input and its escape commands, writing the cells' output
 * rings to the UART).  It runs on a hart no cell owns when the layout
 * leaves one, else on a hart of the cell that has input focus, and never
 * on another cell's hart.
 */
#ifndef FV_HOUSEKEEPING_H
#define FV_HOUSEKEEPING_H

/* Pick the housekeeping hart, say which, route console input to it and
 * make console output asynchronous.  Before cells_start(). */
void hk_start(void);
/* The console's receive interrupt arrived on this hart. */
void hk_console_irq(void);

#endif
