// SPDX-License-Identifier: GPL-2.0-only
/*
 * The legacy SBI v0.1 calls, extensions 0x00-0x08: every one OpenSBI
 * 1.5.1 builds by default (CONFIG_SBI_ECALL_LEGACY), so a guest cannot
 * tell a cell from the board by them.  They return a0 only.
 *
 * send_ipi and the remote fences take a pointer to the hart mask, a
 * virtual address of the guest's own: it is read once, at entry, through
 * the guest's translation with hlv, so the G-stage keeps it inside the
 * cell (bare, it must also lie in the cell's memory, not a device), and
 * a fault of that read is caught and gives SBI_ERR_INVALID_ADDRESS,
 * never a fault here.  (OpenSBI gives the guest the load fault instead;
 * v0.1 lets the implementation choose its error.)
 * NULL means every hart, as in OpenSBI.  Mask bits name vharts of the
 * calling cell only; bits past its last vhart are ignored, as OpenSBI
 * ignores harts that do not exist (v0.1 has no error for them).  Shutdown
 * stops the calling cell only.
 */
#include <arch/csr.h>
#include <arch/sbi.h>
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include "guest_mem.h"
#include "irq.h"
#include "vsbi.h"

#define VSATP_MODE_SHIFT	60

/* The vharts the mask at `va` names (NULL: all), or INVALID_ADDRESS. */
static long legacy_mask(struct vcpu *v, unsigned long va, struct vsbi_mask *m)
{
	unsigned long mask = ~0UL;

	if (va) {
		if (va + sizeof(long) < va)
			return SBI_ERR_INVALID_ADDRESS;
		/* bare: va is a guest-physical address, which must be memory */
		if (!(csr_read(CSR_VSATP) >> VSATP_MODE_SHIFT) &&
		    !cell_gpa_to_hva(v->cell, va, sizeof(long), MEM_R))
			return SBI_ERR_INVALID_ADDRESS;
		if (!riscv_guest_read_ulong(v->cpu, va, &mask))
			return SBI_ERR_INVALID_ADDRESS;
	}
	vsbi_hart_mask_legacy(v->cell->nr_vcpus, mask, m);
	return SBI_SUCCESS;
}

/* send_ipi and the remote fences: `req` to the vharts of the mask at a0. */
static long to_mask(struct vcpu *v, unsigned long va, unsigned long req, bool wait)
{
	struct vsbi_mask m;
	long err = legacy_mask(v, va, &m);

	if (!err)
		vsbi_to_vharts(v, &m, req, wait);
	return err;
}

void vsbi_legacy(unsigned long *a, struct vcpu *v)
{
	switch (a[7]) {
	case SBI_EXT_LEGACY_SET_TIMER:
		vsbi_set_timer(a[0]);
		a[0] = 0;
		return;
	case SBI_EXT_LEGACY_PUTCHAR:
		cell_console_putc(v->cell, (char)a[0]);
		a[0] = 0;
		return;
	case SBI_EXT_LEGACY_GETCHAR:
		a[0] = (unsigned long)(long)cell_console_getc(v->cell);
		return;
	case SBI_EXT_LEGACY_CLEAR_IPI:
		csr_clear(CSR_HVIP, BIT(IRQ_VS_SOFT));
		a[0] = 0;
		return;
	case SBI_EXT_LEGACY_SEND_IPI:
		a[0] = (unsigned long)to_mask(v, a[0], REQ_VSSIP, false);
		return;
	case SBI_EXT_LEGACY_FENCE_I:
		a[0] = (unsigned long)to_mask(v, a[0], REQ_FENCE_I, true);
		return;
	case SBI_EXT_LEGACY_SFENCE_VMA:
	case SBI_EXT_LEGACY_SFENCE_VMA_ASID:	/* a whole-guest flush covers any */
		a[0] = (unsigned long)to_mask(v, a[0], REQ_HFENCE_VVMA, true);
		return;
	case SBI_EXT_LEGACY_SHUTDOWN:
		cell_stop(v, "shutdown by its guest");
	}
	/* 0x09-0x0f: no extension, as any unknown one */
	a[0] = (unsigned long)SBI_ERR_NOT_SUPPORTED;
	a[1] = 0;
}
