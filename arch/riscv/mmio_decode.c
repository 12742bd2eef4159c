// SPDX-License-Identifier: GPL-2.0-only
/* Load/store decoding for MMIO emulation; see <arch/mmio.h> (which has
 * the 32-bit and htinst forms inline). */
#include <arch/mmio.h>

/* RVC: c.lw c.ld c.sw c.sd (quadrant 0), c.lwsp c.ldsp c.swsp c.sdsp (2) */
static int decode16(uint16_t insn, struct mmio_insn *m)
{
	unsigned f3 = insn >> 13, q = insn & 3;

	m->len = 2;
	if (q == 0) {
		switch (f3) {
		case 2: m->store = false; m->width = 4; break;
		case 3: m->store = false; m->width = 8; break;
		case 6: m->store = true; m->width = 4; break;
		case 7: m->store = true; m->width = 8; break;
		default: return -1;
		}
		m->reg = 8 + ((insn >> 2) & 7);
		m->sign = !m->store;
		return 0;
	}
	if (q == 2) {
		switch (f3) {
		case 2: m->store = false; m->width = 4; m->reg = (insn >> 7) & 31; break;
		case 3: m->store = false; m->width = 8; m->reg = (insn >> 7) & 31; break;
		case 6: m->store = true; m->width = 4; m->reg = (insn >> 2) & 31; break;
		case 7: m->store = true; m->width = 8; m->reg = (insn >> 2) & 31; break;
		default: return -1;
		}
		if (!m->store && m->reg == 0)
			return -1;	/* reserved encodings */
		m->sign = !m->store;	/* loads sign-extend; a store has no sign */
		return 0;
	}
	return -1;
}

int riscv_decode_mmio(uint32_t insn, struct mmio_insn *m)
{
	if ((insn & 3) == 3)
		return riscv_decode_ls32(insn, m);
	return decode16((uint16_t)insn, m);
}
