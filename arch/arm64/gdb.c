// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM64 side of the debugger stub (<fv/arch_gdb.h>): GDB's aarch64
 * register file (x0-x30, sp, pc, cpsr) from the vCPU's saved state,
 * guest virtual memory through the guest's own stage-1 translation (AT
 * S1E1R, PAR_EL1) and then the cell's own memory regions only, and the
 * guest's BRK instructions and single steps (MDSCR_EL1.SS, SPSR_EL2.SS)
 * taken here (MDCR_EL2.TDE) while a debugger is attached to its cell;
 * hardware breakpoints and watchpoints (Z1-Z4) in the guest's debug
 * registers, held by the debugger meanwhile: gdb_hw.c.
 *
 * Every guest exit (vectors.S) saves x0-x30, so a parked vCPU's registers
 * are always whole; a stop is a kick (SGI) whose IRQ exit parks
 * (guest_trap.c).
 */
#include <arch/sysreg.h>
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include <fv/arch_gdb.h>
#include <fv/cell.h>
#include "guest.h"
#include "gdb.h"
#include "gdb_hw.h"

#define NR_REGS		34		/* x0-x30, sp, pc (8 bytes), cpsr (4) */
#define REGS_BYTES	(33 * 8 + 4)
#define MDCR_TDE	(1ULL << 8)	/* debug exceptions and registers to EL2 */
#define SPSR_M_MASK	0xfULL
#define SPSR_M_EL1H	0x5ULL		/* EL1 on SP_EL1; else SP_EL0 */
#define PAR_F		(1ULL << 0)
#define PAR_PA(p)	((p) & 0x0000fffffffff000ULL)
#define PAGE		4096ULL
#define ISS_OP0(i)	(((i) >> 20) & 3)
#define MDSCR_SS	(1ULL << 0)	/* software step enabled */
#define SPSR_SS		(1ULL << 21)	/* step one instruction, then trap */

/* GDB's org.gnu.gdb.aarch64.core feature: our own text of what its
 * aarch64 architecture expects (names, sizes, order). */
const char arch_gdb_target_xml[] =
	"<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\">"
	"<target version=\"1.0\"><architecture>aarch64</architecture>"
	"<feature name=\"org.gnu.gdb.aarch64.core\">"
	"<reg name=\"x0\" bitsize=\"64\"/><reg name=\"x1\" bitsize=\"64\"/>"
	"<reg name=\"x2\" bitsize=\"64\"/><reg name=\"x3\" bitsize=\"64\"/>"
	"<reg name=\"x4\" bitsize=\"64\"/><reg name=\"x5\" bitsize=\"64\"/>"
	"<reg name=\"x6\" bitsize=\"64\"/><reg name=\"x7\" bitsize=\"64\"/>"
	"<reg name=\"x8\" bitsize=\"64\"/><reg name=\"x9\" bitsize=\"64\"/>"
	"<reg name=\"x10\" bitsize=\"64\"/><reg name=\"x11\" bitsize=\"64\"/>"
	"<reg name=\"x12\" bitsize=\"64\"/><reg name=\"x13\" bitsize=\"64\"/>"
	"<reg name=\"x14\" bitsize=\"64\"/><reg name=\"x15\" bitsize=\"64\"/>"
	"<reg name=\"x16\" bitsize=\"64\"/><reg name=\"x17\" bitsize=\"64\"/>"
	"<reg name=\"x18\" bitsize=\"64\"/><reg name=\"x19\" bitsize=\"64\"/>"
	"<reg name=\"x20\" bitsize=\"64\"/><reg name=\"x21\" bitsize=\"64\"/>"
	"<reg name=\"x22\" bitsize=\"64\"/><reg name=\"x23\" bitsize=\"64\"/>"
	"<reg name=\"x24\" bitsize=\"64\"/><reg name=\"x25\" bitsize=\"64\"/>"
	"<reg name=\"x26\" bitsize=\"64\"/><reg name=\"x27\" bitsize=\"64\"/>"
	"<reg name=\"x28\" bitsize=\"64\"/><reg name=\"x29\" bitsize=\"64\"/>"
	"<reg name=\"x30\" bitsize=\"64\"/>"
	"<reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\"/>"
	"<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/>"
	"<reg name=\"cpsr\" bitsize=\"32\" type=\"int\"/>"
	"</feature></target>";

/* What a parked vCPU keeps for its guest: the stub's registers. */
struct parked {
	uint64_t pc, spsr;
	uint64_t mdscr;		/* the guest's, while a step is armed */
	bool stepping;
};

static struct parked parked[CONFIG_MAX_HARTS];	/* each CPU its own */

unsigned arch_gdb_regs_size(void)
{
	return REGS_BYTES;
}

unsigned arch_gdb_reg_size(void)
{
	return 8;	/* 'p'/'P' reach x0-x30, sp, pc; cpsr is in 'g'/'G' */
}

/* Its next IRQ exit parks (guest_trap.c): a kick, also to this CPU. */
void arch_gdb_poke(struct cpu *c)
{
	arch_cpu_kick(c);
}

bool arch_gdb_regs_saved(struct cpu *c)
{
	(void)c;
	return true;	/* every exit saves x0-x30 (vectors.S) */
}

/* TDE: the guest's debug exceptions come here, its accesses to the
 * debug registers trap (TDA, TDOSA and TDRA count as set); the registers
 * are the debugger's until the session ends (gdb_hw.c). */
void arch_gdb_session(struct cpu *c, bool on)
{
	uint64_t mdcr = read_sysreg(mdcr_el2);

	if (!on)
		arch_gdb_step(c, false);
	write_sysreg(mdcr_el2, on ? mdcr | MDCR_TDE : mdcr & ~MDCR_TDE);
	isb();
	arm64_gdb_hw_session(c, on);
}

bool arch_gdb_can_step(void)
{
	return true;
}

/* On (leaving the park, ELR/SPSR_EL2 the guest's): one instruction, then
 * a software step exception to EL2 (TDE).  The guest's MDSCR_EL1 is
 * kept and put back when the step is over. */
void arch_gdb_step(struct cpu *c, bool on)
{
	struct parked *p = &parked[c->id];

	if (on == p->stepping)
		return;
	p->stepping = on;
	if (on) {
		p->mdscr = read_sysreg(mdscr_el1);
		write_sysreg(mdscr_el1, p->mdscr | MDSCR_SS);
		write_sysreg(spsr_el2, read_sysreg(spsr_el2) | SPSR_SS);
	} else {
		write_sysreg(mdscr_el1, p->mdscr);
		write_sysreg(spsr_el2, read_sysreg(spsr_el2) & ~SPSR_SS);
	}
	isb();
}

bool arm64_gdb_session_on(void)
{
	return read_sysreg(mdcr_el2) & MDCR_TDE;
}

/* While a debugger holds the CPU (TDE), the guest's debug registers
 * (op0 2: MDSCR_EL1, OSLAR_EL1, DBGB*, ...) trap: they are the
 * debugger's then; the guest reads zero and its writes are ignored. */
bool arm64_gdb_sysreg(struct cpu *c, uint32_t iss)
{
	unsigned rt = (iss >> 5) & 31;

	if (!arm64_gdb_session_on() || ISS_OP0(iss) != 2)
		return false;
	if ((iss & 1) && rt != 31)
		c->arch.regs[rt] = 0;
	return true;
}

void arch_gdb_park_enter(struct cpu *c)
{
	parked[c->id].pc = read_sysreg(elr_el2);
	parked[c->id].spsr = read_sysreg(spsr_el2);
}

/* The kick and whatever else came (the guest's timer stays pending for
 * it in the list registers; the console's UART is served). */
void arch_gdb_park_poll(struct cpu *c)
{
	arm64_virq_physical(c->vcpu);
}

void arch_gdb_park_leave(struct cpu *c)
{
	write_sysreg(elr_el2, parked[c->id].pc);
	write_sysreg(spsr_el2, parked[c->id].spsr);
	isb();
	arch_gdb_sync_icache();
}

static bool on_sp_el1(const struct parked *p)
{
	return (p->spsr & SPSR_M_MASK) == SPSR_M_EL1H;
}

void arch_gdb_read_regs(struct cpu *c, uint8_t *buf)
{
	const struct parked *p = &parked[c->id];
	uint64_t r[33];
	uint32_t cpsr = (uint32_t)p->spsr;

	for (int i = 0; i < 31; i++)
		r[i] = c->arch.regs[i];
	r[31] = on_sp_el1(p) ? read_sysreg(sp_el1) : read_sysreg(sp_el0);
	r[32] = p->pc;
	__builtin_memcpy(buf, r, sizeof(r));
	__builtin_memcpy(buf + sizeof(r), &cpsr, sizeof(cpsr));
}

/* cpsr: the condition flags only (bits 31:28); the guest's mode, masks
 * and step bit stay as the guest left them, so gdb cannot move it to
 * EL2 or AArch32. */
void arch_gdb_write_regs(struct cpu *c, const uint8_t *buf)
{
	struct parked *p = &parked[c->id];
	uint64_t r[33];
	uint32_t cpsr;

	__builtin_memcpy(r, buf, sizeof(r));
	__builtin_memcpy(&cpsr, buf + sizeof(r), sizeof(cpsr));
	for (int i = 0; i < 31; i++)
		c->arch.regs[i] = r[i];
	if (on_sp_el1(p))
		write_sysreg(sp_el1, r[31]);
	else
		write_sysreg(sp_el0, r[31]);
	p->pc = r[32];
	p->spsr = (p->spsr & ~0xf0000000ULL) | (cpsr & 0xf0000000U);
}

/* The guest's stage-1 translation of `va` as its EL1 sees it: the IPA,
 * or -1 if it faults.  PAR_EL1 is the guest's: kept. */
static int64_t guest_ipa(uint64_t va)
{
	uint64_t saved = read_sysreg(par_el1), par;

	__asm__ volatile("at s1e1r, %0\n isb" :: "r"(va) : "memory");
	par = read_sysreg(par_el1);
	write_sysreg(par_el1, saved);
	if (par & PAR_F)
		return -1;
	return (int64_t)(PAR_PA(par) | (va & (PAGE - 1)));
}

/* Page by page: each page's IPA must be in the cell's own memory (never
 * a device, never another cell's or the hypervisor's memory). */
int arch_gdb_access_virt(struct cpu *c, uint64_t addr, uint8_t *buf, unsigned len, bool write)
{
	struct cell *cl = c->vcpu->cell;

	while (len) {
		unsigned n = (unsigned)(PAGE - (addr & (PAGE - 1)));
		int64_t ipa = guest_ipa(addr);
		uint8_t *p;

		if (n > len)
			n = len;
		if (ipa < 0)
			return -1;
		p = cell_gpa_to_hva(cl, (gpaddr_t)ipa, n, write ? MEM_W : MEM_R);
		if (!p)
			return -1;
		for (unsigned i = 0; i < n; i++) {
			if (write)
				p[i] = buf[i];
			else
				buf[i] = p[i];
		}
		addr += n;
		buf += n;
		len -= n;
	}
	return 0;
}

void arch_gdb_sync_icache(void)
{
	__asm__ volatile("dsb ish\n ic ialluis\n dsb ish\n isb" ::: "memory");
}
