// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading a guest's memory as its supervisor would, through its own
 * translation (vsatp) and the cell's G-stage, with hlv: the G-stage keeps
 * every byte inside the cell, and a fault is caught and reported, never
 * taken as the hypervisor's.  Its own file so that host harnesses
 * (tests/fuzz/fuzz_vsbi.c) can put a model of guest memory in its place.
 */
#include <arch/csr.h>
#include <fv/arch_cpu.h>
#include "guest_mem.h"

/* One byte at guest virtual address `va` (hstatus.SPVP set): false if it
 * faulted.  The fault is taken and skipped by riscv_hs_trap(). */
static bool hlv_byte(struct cpu *c, unsigned long va, uint8_t *b)
{
	unsigned long x = 0;

	c->arch.fault = FAULT_EXPECTED;
	__asm__ volatile(".option push\n.option arch, +h\n"
			 "hlv.bu %0, (%1)\n.option pop" : "+r"(x) : "r"(va) : "memory");
	*b = (uint8_t)x;
	return c->arch.fault != FAULT_TAKEN;
}

/* The unsigned long at guest virtual address `va`, as the guest's
 * supervisor would read it, or false.  A fault of the hlv overwrites
 * sepc, sstatus.SPP and hstatus.SPV: they are put back. */
bool riscv_guest_read_ulong(struct cpu *c, unsigned long va, unsigned long *out)
{
	unsigned long sepc = csr_read(CSR_SEPC), sstatus = csr_read(CSR_SSTATUS);
	unsigned long hstatus = csr_read(CSR_HSTATUS);
	uint8_t b[sizeof(long)] = { 0 };
	bool ok = true;

	csr_write(CSR_HSTATUS, hstatus | HSTATUS_SPVP);
	for (unsigned i = 0; i < sizeof(b) && ok; i++)
		ok = hlv_byte(c, va + i, &b[i]);
	c->arch.fault = FAULT_NONE;
	csr_write(CSR_SEPC, sepc);
	csr_write(CSR_SSTATUS, sstatus);
	csr_write(CSR_HSTATUS, hstatus);
	__builtin_memcpy(out, b, sizeof(b));
	return ok;
}
