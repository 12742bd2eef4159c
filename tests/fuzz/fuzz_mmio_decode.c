// SPDX-License-Identifier: GPL-2.0-only
/*
 * The MMIO decoder sees whatever instruction word (or htinst) a guest's
 * faulting access left behind.  Each input is one instruction and one
 * htinst value; both decoders must agree with the ISA's encoding table
 * below (written from the spec, not from the decoder): a plain integer
 * load or store decodes with the right width, sign, register and length,
 * and anything else is refused.
 */
#include <stdbool.h>
#include <arch/mmio.h>
#include "fuzz.h"

/* One load/store encoding: (insn & mask) == match. */
struct enc {
	uint32_t mask, match;
	bool store, sign;
	unsigned width, len;
	int reg_shift;		/* reg = (insn >> reg_shift) & 31, or ... */
	bool creg;		/* ... 8 + ((insn >> 2) & 7): a compressed x8-x15 */
	bool rd_nonzero;	/* rd == 0 is reserved */
};

#define LOAD(f3, w, s)	{ 0x707f, ((f3) << 12) | 0x03, false, s, w, 4, 7, false, false }
#define STORE(f3, w)	{ 0x707f, ((f3) << 12) | 0x23, true, false, w, 4, 20, false, false }

static const struct enc encs[] = {
	LOAD(0, 1, true),	/* lb */
	LOAD(1, 2, true),	/* lh */
	LOAD(2, 4, true),	/* lw */
	LOAD(3, 8, true),	/* ld */
	LOAD(4, 1, false),	/* lbu */
	LOAD(5, 2, false),	/* lhu */
	LOAD(6, 4, false),	/* lwu */
	STORE(0, 1),		/* sb */
	STORE(1, 2),		/* sh */
	STORE(2, 4),		/* sw */
	STORE(3, 8),		/* sd */
	{ 0xe003, 0x4000, false, true, 4, 2, 0, true, false },	/* c.lw */
	{ 0xe003, 0x6000, false, true, 8, 2, 0, true, false },	/* c.ld */
	{ 0xe003, 0xc000, true, false, 4, 2, 0, true, false },	/* c.sw */
	{ 0xe003, 0xe000, true, false, 8, 2, 0, true, false },	/* c.sd */
	{ 0xe003, 0x4002, false, true, 4, 2, 7, false, true },	/* c.lwsp */
	{ 0xe003, 0x6002, false, true, 8, 2, 7, false, true },	/* c.ldsp */
	{ 0xe003, 0xc002, true, false, 4, 2, 2, false, false },	/* c.swsp */
	{ 0xe003, 0xe002, true, false, 8, 2, 2, false, false },	/* c.sdsp */
};

static const struct enc *lookup(uint32_t insn, unsigned *reg)
{
	/* a compressed instruction is the low half alone */
	if ((insn & 3) != 3)
		insn &= 0xffff;
	for (unsigned i = 0; i < sizeof(encs) / sizeof(encs[0]); i++) {
		const struct enc *e = &encs[i];

		if ((insn & e->mask) != e->match)
			continue;
		*reg = e->creg ? 8 + ((insn >> 2) & 7) : (insn >> e->reg_shift) & 31;
		if (e->rd_nonzero && *reg == 0)
			return NULL;
		return e;
	}
	return NULL;
}

static void sane(const struct mmio_insn *m)
{
	FUZZ_ASSERT(m->width == 1 || m->width == 2 || m->width == 4 || m->width == 8);
	FUZZ_ASSERT(m->len == 2 || m->len == 4);
	FUZZ_ASSERT(m->reg < 32);
	/* a store has no sign: every decoder says so */
	if (m->store)
		FUZZ_ASSERT(!m->sign);
}

static void fuzz_insn(uint32_t insn)
{
	struct mmio_insn m;
	unsigned reg = 0;
	const struct enc *e = lookup(insn, &reg);
	int r = riscv_decode_mmio(insn, &m);

	FUZZ_ASSERT((r == 0) == (e != NULL));
	FUZZ_ASSERT(r == 0 || r == -1);
	if (r)
		return;
	sane(&m);
	FUZZ_ASSERT(m.store == e->store);
	FUZZ_ASSERT(m.width == e->width);
	FUZZ_ASSERT(m.len == e->len);
	FUZZ_ASSERT(m.reg == reg);
	if (!m.store)
		FUZZ_ASSERT(m.sign == e->sign);
}

/* htinst (priv. spec 9.6.3): bit 0 set for a transformed instruction,
 * bit 1 clear when the original was compressed; the rest is the 32-bit
 * form of the access, with bits 63:32 clear and rs1's field the address
 * offset, 0 where the access starts at the faulting address (anything
 * else is refused: not a standard transformed instruction, or a later
 * part of a misaligned access). */
static void fuzz_htinst(uint64_t htinst)
{
	struct mmio_insn m;
	unsigned reg = 0;
	uint32_t word = (uint32_t)htinst | 3;
	bool standard = (htinst & 1) && !(htinst >> 32) && !((htinst >> 15) & 31);
	const struct enc *e = standard ? lookup(word, &reg) : NULL;
	int r = riscv_decode_htinst((unsigned long)htinst, &m);

	FUZZ_ASSERT((r == 0) == (e != NULL));
	FUZZ_ASSERT(r == 0 || r == -1);
	if (r)
		return;
	sane(&m);
	FUZZ_ASSERT(m.len == ((htinst & 2) ? 4u : 2u));
	FUZZ_ASSERT(m.store == e->store);
	FUZZ_ASSERT(m.width == e->width);
	FUZZ_ASSERT(m.reg == reg);
	if (!m.store)
		FUZZ_ASSERT(m.sign == e->sign);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	uint32_t insn = in_u32(&in);
	uint64_t htinst = in_u64(&in);

	fuzz_insn(insn);
	fuzz_htinst(htinst);
	/* the same bits as both: a transformed 32-bit insn is itself */
	fuzz_htinst(insn);
	return 0;
}
