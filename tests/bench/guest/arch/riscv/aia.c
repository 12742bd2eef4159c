// SPDX-License-Identifier: GPL-2.0-only
/*
 * The bench guest's own small AIA driver, just what its AIA figures use:
 * this hart's IMSIC interrupt file (through siselect/sireg and stopei,
 * which in a cell are the vCPU's guest file's and never trap), a message
 * into a file (a store of the identity into its seteipnum_le), and one
 * APLIC source in MSI mode aimed at a file.  Natively these are the
 * S-level file and the S-level APLIC domain OpenSBI delegates; in a cell
 * the guest interrupt files and the cell's virtual APLIC, at the
 * addresses of the guest's device tree.
 */
#include "aia.h"
#include "bench.h"
#include "csr.h"

#define CSR_SISELECT	0x150
#define CSR_SIREG	0x151
#define CSR_STOPEI	0x15c

/* indirectly accessed file registers */
#define EIDELIVERY	0x70
#define EITHRESHOLD	0x72
#define EIE0		0xc0	/* on RV64 the even ones, 64 identities each */

/* APLIC registers (one domain) */
#define DOMAINCFG		0x0000
#define DOMAINCFG_IE		(1U << 8)
#define DOMAINCFG_DM		(1U << 2)
#define SOURCECFG(src)		(0x0004 + 4 * ((src) - 1))
#define SM_LEVEL_HIGH		6
#define SETIENUM		0x1edc
#define CLRIENUM		0x1fdc
#define TARGET(src)		(0x3004 + 4 * ((src) - 1))

/* by number: csr.h's macros take names, which binutils knows only
 * with the AIA extensions in -march */
static void file_reg_write(unsigned long sel, unsigned long v)
{
	__asm__ volatile("csrw %0, %1\n csrw %2, %3"
			 :: "i"(CSR_SISELECT), "r"(sel), "i"(CSR_SIREG), "r"(v) : "memory");
}

static unsigned long file_reg_read(unsigned long sel)
{
	unsigned long v;

	__asm__ volatile("csrw %1, %2\n csrr %0, %3"
			 : "=r"(v) : "i"(CSR_SISELECT), "r"(sel), "i"(CSR_SIREG) : "memory");
	return v;
}

void aia_file_on(void)
{
	file_reg_write(EITHRESHOLD, 0);
	file_reg_write(EIDELIVERY, 1);
	csr_set(sie, SIE_SEIE);
}

void aia_file_enable(uint32_t id, bool on)
{
	unsigned long sel = EIE0 + 2 * (id / 64), bit = 1UL << (id % 64);
	unsigned long v = file_reg_read(sel);

	file_reg_write(sel, on ? v | bit : v & ~bit);
}

/* The highest-priority pending and enabled identity, now no longer
 * pending (claiming is all an IMSIC needs: there is no complete). */
uint32_t aia_claim(void)
{
	unsigned long v;

	__asm__ volatile("csrrw %0, %1, zero" : "=r"(v) : "i"(CSR_STOPEI) : "memory");
	return (uint32_t)(v >> 16) & 0x7ff;
}

void aia_send(uintptr_t file, uint32_t id)
{
	*reg(file, 0) = id;	/* seteipnum_le */
}

/* Source `src` of the APLIC, level-high, as identity `id` to the file of
 * IMSIC hart index `idx` (guest index 0), enabled; the domain enabled in
 * MSI mode. */
void aia_route(uint32_t src, unsigned idx, uint32_t id)
{
	*reg(mach.aplic, SOURCECFG(src)) = SM_LEVEL_HIGH;	/* before target */
	*reg(mach.aplic, TARGET(src)) = ((uint32_t)idx << 18) | id;
	*reg(mach.aplic, SETIENUM) = src;
	*reg(mach.aplic, DOMAINCFG) = DOMAINCFG_IE | DOMAINCFG_DM;
}

void aia_unroute(uint32_t src)
{
	*reg(mach.aplic, CLRIENUM) = src;
	*reg(mach.aplic, SOURCECFG(src)) = 0;
}
