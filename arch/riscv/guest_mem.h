/* SPDX-License-Identifier: GPL-2.0-only */
/* Guest memory through the guest's own translation (guest_mem.c). */
#ifndef RISCV_GUEST_MEM_H
#define RISCV_GUEST_MEM_H

#include <fv/cell.h>

/* The unsigned long at guest virtual address `va` of the guest on `c`, as
 * its supervisor would read it; false if that read faults. */
bool riscv_guest_read_ulong(struct cpu *c, unsigned long va, unsigned long *out);

#endif
