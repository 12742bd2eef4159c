// SPDX-License-Identifier: GPL-2.0-only
/* Exceptions the hypervisor cannot handle: a dump of what happened, then
 * a panic; an abort at EL2 (a wild hypervisor pointer: all outside the
 * identity map of mmu.c faults) says what it hit and stops the machine. */
#include <arch/sysreg.h>
#include <fv/arch_cpu.h>
#include <fv/console.h>
#include <fv/panic.h>
#include "trap.h"

static const char *const vector_names[16] = {
	"sync, EL2 SP0", "irq, EL2 SP0", "fiq, EL2 SP0", "serror, EL2 SP0",
	"sync, EL2", "irq, EL2", "fiq, EL2", "serror, EL2",
	"sync, lower EL", "irq, lower EL", "fiq, lower EL", "serror, lower EL",
	"sync, lower EL AArch32", "irq, lower EL AArch32", "fiq, lower EL AArch32",
	"serror, lower EL AArch32",
};

/* ESR_ELx.EC names of the classes one may meet here. */
const char *arm64_ec_name(unsigned ec)
{
	switch (ec) {
	case 0x00: return "unknown";
	case 0x01: return "WFI/WFE";
	case 0x07: return "FP/SIMD access";
	case 0x0e: return "illegal execution state";
	case 0x16: return "HVC";
	case 0x17: return "SMC";
	case 0x18: return "system register access";
	case 0x20: return "instruction abort, lower EL";
	case 0x21: return "instruction abort, same EL";
	case 0x22: return "PC alignment";
	case 0x24: return "data abort, lower EL";
	case 0x25: return "data abort, same EL";
	case 0x26: return "SP alignment";
	case 0x2f: return "SError";
	case 0x3c: return "BRK";
	default: return "other";
	}
}

void arm64_dump_regs_locked(const unsigned long *regs)
{
	for (int i = 0; i < 31; i++)
		kprintf_locked("%s%-2d %016lx%s", i < 10 ? " x" : "x", i, regs[i],
			       i % 4 == 3 ? "\n" : "  ");
	kprintf_locked("\n");
}

/* ESR_EL2.ISS's fault status code of an abort, in words; *level is the
 * translation level it names, -1 if none. */
static const char *fault_status(unsigned fsc, int *level)
{
	static const char *const kinds[4] = {
		"address size", "translation (unmapped)", "access flag", "permission",
	};

	*level = fsc < 16 ? (int)(fsc & 3) : -1;
	if (fsc < 16)
		return kinds[fsc >> 2];
	if (fsc == 0x10)
		return "synchronous external";
	return fsc == 0x21 ? "alignment" : "other";
}

/* An instruction or data abort taken at EL2: the address, the cause, then
 * the machine off (a hypervisor bug: no cell is to blame). */
static __noreturn void el2_abort_locked(uint64_t esr, unsigned ec)
{
	bool data = ec == 0x25;
	int level;
	const char *kind = fault_status((unsigned)esr & 0x3f, &level);

	kprintf_locked("Ferrovisor: EL2 %s abort at %#llx: %s fault", data ? "data" : "instruction",
		       (unsigned long long)read_sysreg(far_el2), kind);
	if (level >= 0)
		kprintf_locked(", level %d", level);
	if (data)
		kprintf_locked(", %s", (esr >> 6) & 1 ? "write" : "read");
	kprintf_locked("; stopping the machine\n");
	console_unlock();
	arch_system_off();
}

void arm64_hv_trap(unsigned long *frame, unsigned long kind)
{
	uint64_t esr = read_sysreg(esr_el2);
	unsigned ec = (unsigned)(esr >> 26) & 0x3f;

	console_force_lock();
	/* the MPIDR: there may be no struct cpu yet */
	kprintf_locked("\nFerrovisor: unexpected exception at EL2 on cpu %llu (%s)\n"
		       "esr %#llx (EC %#x: %s) elr %#lx far %#llx spsr %#lx\n",
		       (unsigned long long)(read_sysreg(mpidr_el1) & MPIDR_AFF_MASK),
		       vector_names[kind & 15],
		       (unsigned long long)esr, ec, arm64_ec_name(ec), frame[31],
		       (unsigned long long)read_sysreg(far_el2), frame[32]);
	arm64_dump_regs_locked(frame);
	if (ec == 0x25 || ec == 0x21)
		el2_abort_locked(esr, ec);
	console_unlock();
	panic("unexpected exception");
}
