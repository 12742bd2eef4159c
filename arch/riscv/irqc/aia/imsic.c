// SPDX-License-Identifier: GPL-2.0-only
/*
 * IMSIC interrupt files (RISC-V AIA specification): the hypervisor's own
 * S-level file on each hart, reached through siselect/sireg and stopei,
 * and the guest files, reached by their physical address.  Each hart's
 * files sit together: the S-level file, then guest files 1 .. 2^bits - 1,
 * one page each; hart i's group is 2^bits pages from hart i-1's.
 */
#include <arch/csr.h>
#include <fv/platform.h>
#include "aia.h"

static void ireg_write(unsigned long sel, unsigned long val)
{
	csr_write(CSR_SISELECT, sel);
	csr_write(CSR_SIREG, val);
}

/*
 * This hart's S-level file: delivery on, no threshold, and identities
 * 1..63 enabled.  The APLIC sends here only what the hypervisor targets
 * at its own files (the console's interrupt), so enabling them all is
 * enabling those.
 */
void imsic_hart_init(void)
{
	ireg_write(IMSIC_EIDELIVERY, 1);
	ireg_write(IMSIC_EITHRESHOLD, 0);
	ireg_write(IMSIC_EIE0, ~1UL);
}

/* The highest-priority pending identity of this hart's S-level file,
 * claimed (cleared); 0 when none. */
uint32_t imsic_claim(void)
{
	return (uint32_t)(csr_swap(CSR_STOPEI, 0) >> 16) & 0x7ff;
}

/* Physical address of guest file `guest` of the hart at `imsic_idx`. */
paddr_t imsic_guest_file(int imsic_idx, unsigned guest)
{
	const struct riscv_irqc *q = &platform.arch.imsic_s;

	return q->base + ((paddr_t)imsic_idx << q->guest_bits) * IMSIC_FILE_SIZE +
	       (paddr_t)guest * IMSIC_FILE_SIZE;
}

/* An MSI: make `eiid` pending in the file at `file` (seteipnum_le). */
void imsic_send(paddr_t file, uint32_t eiid)
{
	*(volatile uint32_t *)(uintptr_t)file = eiid;
}

/*
 * The guest file hstatus.VGEIN selects, as at reset: delivery off, no
 * threshold, nothing pending or enabled (identities 0..num-ids; RV64 uses
 * the even-numbered eip/eie registers, 64 identities each, and an access
 * past the file's identities is an illegal instruction).  Nothing a
 * previous run of the cell left there reaches the next.
 */
void imsic_guest_file_reset(void)
{
	unsigned long regs = 2 * ((platform.arch.imsic_s.ndev + 64) / 64);

	csr_write(CSR_VSISELECT, IMSIC_EIDELIVERY);
	csr_write(CSR_VSIREG, 0);
	csr_write(CSR_VSISELECT, IMSIC_EITHRESHOLD);
	csr_write(CSR_VSIREG, 0);
	for (unsigned long r = 0; r < regs && r < 64; r += 2) {
		csr_write(CSR_VSISELECT, IMSIC_EIE0 + r);
		csr_write(CSR_VSIREG, 0);
		csr_write(CSR_VSISELECT, IMSIC_EIP0 + r);
		csr_write(CSR_VSIREG, 0);
	}
}
