// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RISC-V side of the debugger stub (<fv/arch_gdb.h>): GDB's register
 * file (x0-x31, pc), a guest's hart kept whole while parked, guest memory
 * read and written with hlv/hsv through the guest's own translation and
 * the cell's G-stage (a fault is an error, never a trap of the guest), and
 * guest breakpoints (ebreak) taken by us while a debugger is attached.
 *
 * Single-step: GDB steps RISC-V itself, with temporary breakpoints at the
 * possible next instructions (its riscv software single-step), which
 * needs nothing more of the stub than breakpoints and continue; the stub
 * offers no 's'.  An Sdtrig icount trigger cannot be had: OpenSBI's SBI
 * DBTR extension installs address/data triggers only (mcontrol,
 * mcontrol6).  Those it does install are the hardware breakpoints and
 * watchpoints (Z1-Z4): mcontrol6 triggers that fire in VS and VU only, on
 * every vhart of the cell, through arch/riscv/sbi_dbtr.c.
 */
#include <arch/csr.h>
#include <arch/sbi.h>
#include <arch/sbi_dbtr.h>
#include <fv/arch_gdb.h>
#include <fv/compiler.h>
#include "irq.h"
#include "trap.h"

#define NR_REGS		33	/* x0-x31, pc */
#define MAX_TRIGGERS	4	/* per hart, of the stub's */

/* Sdtrig mcontrol6 (type 6): fire in VS and VU only, a breakpoint
 * exception (action 0) on an address equal to tdata2 (match 0). */
#define MC6_TYPE	(6UL << 60)
#define MC6_VS		(1UL << 24)
#define MC6_VU		(1UL << 23)
#define MC6_EXECUTE	(1UL << 2)
#define MC6_STORE	(1UL << 1)
#define MC6_LOAD	(1UL << 0)

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

/* The triggers the stub installed on a hart (the firmware's DBTR shared
 * memory is the hart's own, shared with the vSBI's DBTR: sbi_dbtr.c). */
struct hart_triggers {
	struct {
		int type;		/* GDB_HW_BREAK...; 0: free */
		uint64_t addr;
		long idx;		/* the firmware's */
	} t[MAX_TRIGGERS];
};

static struct hart_triggers triggers[CONFIG_MAX_HARTS];	/* each hart its own */

unsigned arch_gdb_regs_size(void)
{
	return NR_REGS * 8;
}

unsigned arch_gdb_reg_size(void)
{
	return 8;
}

const char *arch_gdb_triggers(void)
{
	unsigned long n;

	return !sbi_dbtr_num(0, &n) && n > 0 ? "the firmware's triggers" : NULL;
}

static unsigned long mc6_bits(int type)
{
	switch (type) {
	case GDB_HW_BREAK: return MC6_EXECUTE;
	case GDB_WATCH_WRITE: return MC6_STORE;
	case GDB_WATCH_READ: return MC6_LOAD;
	default: return MC6_LOAD | MC6_STORE;
	}
}

static int trigger_insert(struct hart_triggers *h, int type, uint64_t addr)
{
	for (int i = 0; i < MAX_TRIGGERS; i++) {
		if (h->t[i].type)
			continue;
		struct sbi_dbtr_entry *fw = sbi_dbtr_shmem();
		unsigned long value;

		if (!fw)
			return -1;
		fw[0] = (struct sbi_dbtr_entry){
			.tdata1 = MC6_TYPE | MC6_VS | MC6_VU | mc6_bits(type),
			.tdata2 = addr,
		};
		if (sbi_dbtr_install(1, &value))
			return -1;
		h->t[i].idx = (long)fw[0].idx;
		h->t[i].type = type;
		h->t[i].addr = addr;
		return 0;
	}
	return -1;
}

static int trigger_remove(struct hart_triggers *h, int type, uint64_t addr)
{
	for (int i = 0; i < MAX_TRIGGERS; i++) {
		if (h->t[i].type != type || h->t[i].addr != addr)
			continue;
		h->t[i].type = 0;
		return sbi_dbtr_uninstall((unsigned long)h->t[i].idx, 1) ? -1 : 0;
	}
	return -1;
}

/* The length is not programmed: an access of any size that starts at
 * addr fires (the usual case, a variable read or written whole). */
int arch_gdb_trigger(struct cpu *c, int type, uint64_t addr, unsigned len, bool insert)
{
	struct hart_triggers *h = &triggers[c->id];

	(void)len;
	return insert ? trigger_insert(h, type, addr) : trigger_remove(h, type, addr);
}

static bool is_ebreak(struct cpu *c, unsigned long pc)
{
	uint8_t b[4] = { 0 };
	uint32_t insn;

	if (arch_gdb_access_virt(c, pc, b, 2, false) < 0)
		return true;		/* unreadable: not a trigger of ours */
	insn = (uint32_t)b[0] | (uint32_t)b[1] << 8;
	if (insn == 0x9002)		/* c.ebreak */
		return true;
	if ((insn & 3) != 3 || arch_gdb_access_virt(c, pc + 2, b + 2, 2, false) < 0)
		return false;
	insn |= (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	return insn == 0x00100073;	/* ebreak */
}

int arch_gdb_trigger_hit(struct cpu *c, uint64_t *addr)
{
	const struct hart_triggers *h = &triggers[c->id];
	unsigned long tval = csr_read(CSR_STVAL);
	int first = -1;

	if (is_ebreak(c, csr_read(CSR_SEPC)))
		return 0;
	for (int i = 0; i < MAX_TRIGGERS; i++) {
		if (!h->t[i].type)
			continue;
		if (first < 0 || h->t[i].addr == tval)
			first = i;	/* the first, or the one stval names */
	}
	if (first < 0)
		return 0;
	*addr = h->t[first].addr;
	return h->t[first].type;
}

static void triggers_off(struct cpu *c)
{
	struct hart_triggers *h = &triggers[c->id];

	for (int i = 0; i < MAX_TRIGGERS; i++)
		if (h->t[i].type)
			trigger_remove(h, h->t[i].type, h->t[i].addr);
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
	if (!on) {
		c->arch.dbg = 0;
		triggers_off(c);	/* say gdb went away without removing them */
	}
	if (on && !c->arch.dbg)
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

/* No hardware single step (above): gdb steps with breakpoints. */
bool arch_gdb_can_step(void)
{
	return false;
}

void arch_gdb_step(struct cpu *c, bool on)
{
	(void)c; (void)on;
}

void arch_gdb_sync_icache(void)
{
	__asm__ volatile("fence.i" ::: "memory");
}
