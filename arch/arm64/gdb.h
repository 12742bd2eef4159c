/* SPDX-License-Identifier: GPL-2.0-only */
/* What the guest exit paths (guest_trap.c) ask of the debugger stub's
 * ARM64 side (gdb.c). */
#ifndef ARM64_GDB_H
#define ARM64_GDB_H

#include <fv/cpu.h>

/* A debugger holds this CPU's guest (MDCR_EL2.TDE is set). */
bool arm64_gdb_session_on(void);
/* A trapped system register access (ISS) that is the debugger's: done. */
bool arm64_gdb_sysreg(struct cpu *c, uint32_t iss);

#endif
