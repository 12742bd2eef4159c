// SPDX-License-Identifier: GPL-2.0-only
/* MMIO load/store decoding, against encodings produced by the assembler. */
#include <arch/mmio.h>
#include "test.h"

static void expect(uint32_t insn, bool store, unsigned width, bool sign,
		   unsigned reg, unsigned len)
{
	struct mmio_insn m;

	CHECK_EQ(riscv_decode_mmio(insn, &m), 0);
	CHECK_EQ(m.store, store);
	CHECK_EQ(m.width, width);
	if (!store)
		CHECK_EQ(m.sign, sign);
	CHECK_EQ(m.reg, reg);
	CHECK_EQ(m.len, len);
}

int main(void)
{
	struct mmio_insn m;

	/* encodings from riscv64-unknown-elf-as */
	expect(0x00050583, false, 1, true, 11, 4);	/* lb a1,0(a0) */
	expect(0x00451603, false, 2, true, 12, 4);	/* lh a2,4(a0) */
	expect(0x00852683, false, 4, true, 13, 4);	/* lw a3,8(a0) */
	expect(0x01053703, false, 8, true, 14, 4);	/* ld a4,16(a0) */
	expect(0x00054783, false, 1, false, 15, 4);	/* lbu a5,0(a0) */
	expect(0x00255803, false, 2, false, 16, 4);	/* lhu a6,2(a0) */
	expect(0x00456883, false, 4, false, 17, 4);	/* lwu a7,4(a0) */
	expect(0x00b50023, true, 1, false, 11, 4);	/* sb a1,0(a0) */
	expect(0x00c51123, true, 2, false, 12, 4);	/* sh a2,2(a0) */
	expect(0x00d52223, true, 4, false, 13, 4);	/* sw a3,4(a0) */
	expect(0x01c53423, true, 8, false, 28, 4);	/* sd t3,8(a0) */
	expect(0x4118, false, 4, true, 14, 2);		/* c.lw a4,0(a0) */
	expect(0x6518, false, 8, true, 14, 2);		/* c.ld a4,8(a0) */
	expect(0xc118, true, 4, false, 14, 2);		/* c.sw a4,0(a0) */
	expect(0xe518, true, 8, false, 14, 2);		/* c.sd a4,8(a0) */
	expect(0x4522, false, 4, true, 10, 2);		/* c.lwsp a0,8(sp) */
	expect(0x6522, false, 8, true, 10, 2);		/* c.ldsp a0,8(sp) */
	expect(0xc42a, true, 4, false, 10, 2);		/* c.swsp a0,8(sp) */
	expect(0xe42a, true, 8, false, 10, 2);		/* c.sdsp a0,8(sp) */

	/* not loads or stores: refused */
	CHECK(riscv_decode_mmio(0x00000073, &m) < 0);	/* ecall */
	CHECK(riscv_decode_mmio(0x00a58533, &m) < 0);	/* add a0,a1,a0 */
	CHECK(riscv_decode_mmio(0x00057507, &m) < 0);	/* flw (FP load) */
	CHECK(riscv_decode_mmio(0x0000f503 | (7 << 12), &m) < 0); /* load funct3 7 */
	CHECK(riscv_decode_mmio(0x00b54023, &m) < 0);	/* store funct3 4 */
	CHECK(riscv_decode_mmio(0x0001, &m) < 0);	/* c.nop */
	CHECK(riscv_decode_mmio(0x4002, &m) < 0);	/* c.lwsp x0: reserved */
	CHECK(riscv_decode_mmio(0x2118, &m) < 0);	/* c.fld */
	CHECK(riscv_decode_mmio(0xffffffff, &m) < 0);

	/* htinst: transformed lw with bits 1:0 = 11 (32-bit original) */
	CHECK_EQ(riscv_decode_htinst(0x00002683, &m), 0);	/* lw a3, offset zeroed */
	CHECK_EQ(m.width, 4); CHECK_EQ(m.reg, 13); CHECK_EQ(m.len, 4); CHECK(!m.store);
	/* transformed c.sw: expanded sw, bit 1 clear */
	CHECK_EQ(riscv_decode_htinst(0x00e02021, &m), 0);
	CHECK(m.store); CHECK_EQ(m.width, 4); CHECK_EQ(m.reg, 14); CHECK_EQ(m.len, 2);
	CHECK(riscv_decode_htinst(0, &m) < 0);
	/* not a standard transformed one (bits 63:32), or a misaligned
	 * access's later part (an address offset in bits 19:15) */
	CHECK(riscv_decode_htinst(0x100002683UL, &m) < 0);
	CHECK(riscv_decode_htinst(0x00002683 | 4u << 15, &m) < 0);
	CHECK(riscv_decode_htinst(0x00e02021 | 1u << 15, &m) < 0);
	CHECK(riscv_decode_htinst(0x00002000, &m) < 0);	/* implicit-access pseudo-insn */
	CHECK(riscv_decode_htinst(0x00003020, &m) < 0);

	/* The pseudo-instructions of an implicit access (the guest's VS-stage
	 * page-table walk): 32/64-bit PTE reads, and writes (A/D updates).
	 * They are never the instruction at sepc; none decodes as one. */
	static const unsigned long pseudo[] = { 0x2000, 0x3000, 0x2020, 0x3020 };

	for (unsigned i = 0; i < sizeof(pseudo) / sizeof(pseudo[0]); i++) {
		CHECK(riscv_htinst_is_implicit(pseudo[i]));
		CHECK(riscv_decode_htinst(pseudo[i], &m) < 0);
	}
	/* with bit 0 forced, 0x3000 would read as "ld zero": bit 0 matters */
	CHECK_EQ(riscv_decode_mmio(0x3003, &m), 0);
	/* zero (nothing recorded) and transformed loads/stores are not */
	CHECK(!riscv_htinst_is_implicit(0));
	CHECK(!riscv_htinst_is_implicit(0x00002683));	/* transformed lw */
	CHECK(!riscv_htinst_is_implicit(0x00e02021));	/* transformed c.sw */

	/* every funct3 of both opcodes, both lengths: htinst (its table)
	 * says what the 32-bit decoder says of the same word, and refuses
	 * what it refuses */
	for (unsigned op = 0; op < 2; op++)
		for (unsigned f3 = 0; f3 < 8; f3++)
			for (unsigned b1 = 0; b1 < 2; b1++) {
				uint32_t word = (op ? 0x23u : 0x03u) | f3 << 12 | 9u << 7 | 11u << 20;
				struct mmio_insn h, w;
				int rw = riscv_decode_mmio(word, &w);
				int rh = riscv_decode_htinst((word & ~2u) | b1 << 1, &h);

				CHECK_EQ(rh, rw);
				if (rh || rw)
					continue;
				CHECK_EQ(h.store, w.store);
				CHECK_EQ(h.sign, w.sign);
				CHECK_EQ(h.width, w.width);
				CHECK_EQ(h.reg, w.reg);
				CHECK_EQ(h.len, b1 ? 4u : 2u);
			}

	return test_report("test_mmio_decode");
}
