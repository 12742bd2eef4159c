/* SPDX-License-Identifier: GPL-2.0-only */
/* Between the vectors, the trap handlers and the CPU setup. */
#ifndef ARM64_TRAP_H
#define ARM64_TRAP_H

#include <fv/types.h>

extern char arm64_vectors[];
void arm64_secondary_entry(void);

const char *arm64_ec_name(unsigned ec);
void arm64_dump_regs_locked(const unsigned long *regs);
void arm64_hv_trap(unsigned long *frame, unsigned long kind);

#endif
