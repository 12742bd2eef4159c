/* SPDX-License-Identifier: GPL-2.0-only */
/* The debugger's hardware breakpoints and watchpoints on ARM64
 * (gdb_hw.c), as the rest of the stub's ARM64 side (gdb.c) uses them,
 * and the register tables they are programmed through (dbgreg.S). */
#ifndef ARM64_GDB_HW_H
#define ARM64_GDB_HW_H

#include <fv/cpu.h>

enum { DBG_BVR, DBG_BCR, DBG_WVR, DBG_WCR };

uint64_t arm64_dbgreg_read(unsigned kind, unsigned n);
void arm64_dbgreg_write(unsigned kind, unsigned n, uint64_t v);

/* The session starts (the guest's debug registers, MDSCR_EL1 and OS Lock
 * kept, ours all off) or ends (the guest's put back) on this CPU; a
 * repeated call is nothing. */
void arm64_gdb_hw_session(struct cpu *c, bool on);

#endif
