/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Debugging one cell with GDB over the hypervisor console (Ctrl-] g).
 * The console's hart runs the protocol (src/gdbstub.c) and only posts
 * requests (REQ_DEBUG) to the cell's harts; each of them stops by parking
 * in its own guest trap, runs the stub's jobs there (registers, memory),
 * and goes back into its guest when told.  No other cell is touched, and
 * the console's hart never waits for the cell.
 */
#ifndef FV_GDB_CELL_H
#define FV_GDB_CELL_H

#include <fv/cell.h>

/* From the console's hart: start a session on `c` (stopping it); false
 * if the cell does not run or a session is open. */
bool gdb_cell_attach(struct cell *c);
/* Whether the architecture has the stub's hooks (Ctrl-] g can attach). */
bool gdb_cell_available(void);
bool gdb_cell_active(void);
void gdb_cell_input(char ch);		/* a byte from the debugger */

/* In a guest trap of vCPU v (all registers saved or not, see
 * arch_gdb_regs_saved()).  `brk`: the guest hit a breakpoint; true if the
 * debugger took it (the hart parked, and is resumed now), false if it is
 * the guest's own.  Without `brk`, parks if a stop is asked. */
bool gdb_cell_trap(struct vcpu *v, bool brk);

#endif
