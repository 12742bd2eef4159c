// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RISC-V side of the debugger stub (<fv/arch_gdb.h>): GDB's register
 * file (x0-x31, pc), a guest's hart kept whole while parked, guest memory
 * read and written with hlv/hsv through the guest's own translation and
 * the cell's G-stage (a fault is an error, never a trap of the guest), and
 * guest breakpoints (ebreak) taken by us while a debugger is attached.
 *
 * Single-step: no Sdtrig icount trigger is used (the firmware, OpenSBI
 * 1.5.1, has no SBI DBTR extension to program one for VS-mode); GDB steps
 * RISC-V itself, with temporary breakpoints at the possible next
 * instructions (its riscv software single-step), which need nothing more
 * of the stub than breakpoints and continue.
 */
#include <arch/csr.h>
#include <arch/sbi.h>
#include <fv/arch_gdb.h>
#include <fv/compiler.h>
#include "irq.h"
#include "trap.h"

#define NR_REGS		33	/* x0-x31, pc */
#define SBI_EXT_DBTR	0x44425452	/* "DBTR", SBI 3.0 debug triggers */

STATIC_ASSERT(__builtin_offsetof(struct arch_cpu, dbg) == ARCH_CPU_DBG, "offset");

/* The architecture only: GDB then takes its own rv64 register set (x0-x31,
 * pc; the FPU if the guest's ELF says so, read with 'p', which fails). */
const char arch_gdb_target_xml[] =
	"<?xml version=\"1.0\"?><target version=\"1.0\">"
	"<architecture>riscv:rv64</architecture></target>";

/* What a parked hart keeps for its guest: jobs' faults change these. */
struct parked {
	unsigned long pc, sstatus, hstatus, vsie;
};

static struct parked parked[CONFIG_MAX_HARTS];	/* each hart its own */

unsigned arch_gdb_regs_size(void)
{
	return NR_REGS * 8;
}

unsigned arch_gdb_reg_size(void)
{
	return 8;
}

bool arch_gdb_firmware_triggers(void)
{
	return sbi_probe(SBI_EXT_DBTR) > 0;
}

void arch_gdb_poke(struct cpu *c)
{
	if (!c->arch.dbg)
		c->arch.dbg = 1;
	csr_set(CSR_SIP, BIT(IRQ_S_SOFT));	/* a trap as soon as it runs */
}

bool arch_gdb_regs_saved(struct cpu *c)
{
	return c->arch.dbg == 2;
}

void arch_gdb_session(struct cpu *c, bool on)
{
	if (!on)
		c->arch.dbg = 0;
	else if (!c->arch.dbg)
		c->arch.dbg = 1;
	riscv_breakpoints_to_hs(on);
}

/* The guest's interrupts stay pending while it is parked, but wake
 * nothing here: its vsie is off meanwhile. */
void arch_gdb_park_enter(struct cpu *c)
{
	struct parked *p = &parked[c->id];

	p->pc = csr_read(CSR_SEPC);
	p->sstatus = csr_read(CSR_SSTATUS);
	p->hstatus = csr_read(CSR_HSTATUS);
	p->vsie = csr_read(CSR_VSIE);
	csr_write(CSR_VSIE, 0);
}

/* The idle loop's poll, but a guest's emulated timer (no Sstc) that
 * comes due is kept for the guest, as a trap would (guest_trap.c). */
void arch_gdb_park_poll(struct cpu *c)
{
	unsigned long sip;

	riscv_ack_kick();
	sip = csr_read(CSR_SIP);
	if (sip & BIT(IRQ_S_EXT))
		riscv_external_irq(c);	/* the console, if it is routed here */
	if (sip & BIT(IRQ_S_TIMER)) {
		csr_set(CSR_HVIP, BIT(IRQ_VS_TIMER));
		csr_clear(CSR_SIE, BIT(IRQ_S_TIMER));
	}
}

void arch_gdb_park_leave(struct cpu *c)
{
	const struct parked *p = &parked[c->id];

	csr_write(CSR_VSIE, p->vsie);
	csr_write(CSR_SEPC, p->pc);
	csr_write(CSR_SSTATUS, p->sstatus);
	csr_write(CSR_HSTATUS, p->hstatus);
	arch_gdb_sync_icache();
}

void arch_gdb_read_regs(struct cpu *c, uint8_t *buf)
{
	unsigned long r[NR_REGS];

	r[0] = 0;
	for (int i = 1; i < 32; i++)
		r[i] = c->arch.regs[i];
	r[32] = parked[c->id].pc;
	__builtin_memcpy(buf, r, sizeof(r));
}

void arch_gdb_write_regs(struct cpu *c, const uint8_t *buf)
{
	unsigned long r[NR_REGS];

	__builtin_memcpy(r, buf, sizeof(r));
	for (int i = 1; i < 32; i++)
		c->arch.regs[i] = r[i];
	parked[c->id].pc = r[32];
}

static void access_byte(struct cpu *c, unsigned long a, uint8_t *b, bool write)
{
	unsigned long v = *b;

	c->arch.fault = FAULT_EXPECTED;
	if (write)
		__asm__ volatile(".option push\n.option arch, +h\n"
				 "hsv.b %0, (%1)\n.option pop" :: "r"(v), "r"(a) : "memory");
	else
		__asm__ volatile(".option push\n.option arch, +h\n"
				 "hlv.bu %0, (%1)\n.option pop" : "+r"(v) : "r"(a) : "memory");
	*b = (uint8_t)v;
}

/* As the guest's supervisor would see it (hstatus.SPVP): a fault of hlv
 * or hsv is taken here, skipped (riscv_hs_trap) and reported. */
int arch_gdb_access_virt(struct cpu *c, uint64_t addr, uint8_t *buf, unsigned len, bool write)
{
	unsigned long sepc = csr_read(CSR_SEPC), sstatus = csr_read(CSR_SSTATUS);
	unsigned long hstatus = csr_read(CSR_HSTATUS);
	int r = 0;

	csr_write(CSR_HSTATUS, hstatus | HSTATUS_SPVP);
	for (unsigned i = 0; i < len && !r; i++) {
		access_byte(c, (unsigned long)(addr + i), &buf[i], write);
		if (c->arch.fault == FAULT_TAKEN)
			r = -1;
	}
	c->arch.fault = FAULT_NONE;
	csr_write(CSR_SEPC, sepc);
	csr_write(CSR_SSTATUS, sstatus);
	csr_write(CSR_HSTATUS, hstatus);
	return r;
}

void arch_gdb_sync_icache(void)
{
	__asm__ volatile("fence.i" ::: "memory");
}
