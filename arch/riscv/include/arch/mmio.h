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

/* A 32-bit load or store (the low 7 bits are its opcode): 0, or -1.
 * Inline, like the two below: they are on every emulated access. */
static inline int riscv_decode_ls32(uint32_t insn, struct mmio_insn *m)
{
	unsigned f3 = (insn >> 12) & 7;

	m->len = 4;
	switch (insn & 0x7f) {
	case 0x03:	/* LOAD */
		if (f3 == 7)
			return -1;
		m->store = false;
		m->width = 1u << (f3 & 3);
		m->sign = !(f3 & 4);
		m->reg = (insn >> 7) & 31;
		return 0;
	case 0x23:	/* STORE */
		if (f3 > 3)
			return -1;
		m->store = true;
		m->width = 1u << f3;
		m->sign = false;
		m->reg = (insn >> 20) & 31;
		return 0;
	}
	return -1;
}

/*
 * Decode a transformed instruction from htinst (priv. spec: bit 0 set;
 * bit 1 clear when the original was compressed).  -1 if there is none.
 */
static inline int riscv_decode_htinst(unsigned long htinst, struct mmio_insn *m)
{
	unsigned long f3 = (htinst >> 12) & 7, store = htinst & 0x20;

	/* bit 0 set (zero or a pseudo-instruction of an implicit access
	 * have it clear), opcode LOAD (0x03) or STORE (0x23) in bits 6:2;
	 * a standard transformed instruction has bits 63:32 clear, and its
	 * address offset (bits 19:15, rs1's place) is 0 unless the fault
	 * hit a later part of a misaligned access: not this access's start */
	if ((htinst & 0xffffffff000f805dUL) != 0x01 || f3 == 7 || (store && f3 > 3))
		return -1;
	m->store = store;
	m->sign = !store && !(f3 & 4);
	m->width = 1u << (f3 & 3);
	m->reg = (htinst >> (store ? 20 : 7)) & 31;	/* rs2, or rd */
	m->len = 2 + (htinst & 2);	/* bit 1 clear: the original was compressed */
	return 0;
}

/*
 * True if htinst is a pseudo-instruction (non-zero, bit 0 clear: 0x2000 or
 * 0x3000 for a read, 0x2020 or 0x3020 for a write): the fault was taken by
 * the guest's own VS-stage page-table walk, not by the instruction at sepc.
 */
static inline bool riscv_htinst_is_implicit(unsigned long htinst)
{
	return htinst != 0 && !(htinst & 1);
}

#endif
