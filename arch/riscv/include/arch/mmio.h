/* SPDX-License-Identifier: GPL-2.0-only */
/* Decoding the load or store that faulted on an emulated MMIO window. */
#ifndef ARCH_MMIO_H
#define ARCH_MMIO_H

#include <fv/types.h>

struct mmio_insn {
	bool store;
	bool sign;		/* sign-extend a load */
	unsigned width;		/* bytes: 1, 2, 4, 8 */
	unsigned reg;		/* rd of a load, rs2 of a store */
	unsigned len;		/* instruction length: 2 or 4 */
};

/*
 * Decode `insn` (a 32-bit instruction, or a 16-bit one in the low half).
 * Returns 0, or -1 for anything that is not a plain integer load/store.
 */
int riscv_decode_mmio(uint32_t insn, struct mmio_insn *m);

/*
 * Decode a transformed instruction from htinst (priv. spec: bit 0 set;
 * bit 1 clear when the original was compressed).  -1 if there is none.
 */
int riscv_decode_htinst(unsigned long htinst, struct mmio_insn *m);

/*
 * True if htinst is a pseudo-instruction (non-zero, bit 0 clear: 0x2000 or
 * 0x3000 for a read, 0x2020 or 0x3020 for a write): the fault was taken by
 * the guest's own VS-stage page-table walk, not by the instruction at sepc.
 */
bool riscv_htinst_is_implicit(unsigned long htinst);

#endif
