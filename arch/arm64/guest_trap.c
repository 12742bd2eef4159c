// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exceptions from a guest: PSCI calls (HVC, and SMC, which HCR_EL2.TSC
 * traps), data aborts on emulated devices (the access decoded from the
 * syndrome, ESR_EL2.ISV), SGIs (on a GICv3, ICC_SGI1R_EL1 writes trap
 * through HCR_EL2.IMO), and what stops the cell: an access outside the
 * cell, an instruction fetch outside it, anything else no guest of a
 * static partition may do.  Nothing here trusts a guest value.
 */
#include <arch/sysreg.h>
#include <fv/arch_cell.h>
#include <fv/arch_gdb.h>
#include <fv/console.h>
#include <fv/gdb_cell.h>
#include <arch/irqc.h>
#include "gdb.h"
#include "guest.h"
#include "trap.h"

#define EC_SHIFT	26
#define EC_HVC64	0x16
#define EC_SMC64	0x17
#define EC_SYSREG	0x18
#define EC_IABT_LOW	0x20
#define EC_DABT_LOW	0x24
#define EC_BKPT_LOW	0x30
#define EC_SOFTSTP_LOW	0x32
#define EC_WATCH_LOW	0x34
#define EC_BRK64	0x3c

/* ISS of a data abort */
#define ISS_ISV		(1U << 24)
#define ISS_SAS(i)	(((i) >> 22) & 3)
#define ISS_SSE		(1U << 21)
#define ISS_SRT(i)	(((i) >> 16) & 31)
#define ISS_SF		(1U << 15)
#define ISS_S1PTW	(1U << 7)
#define ISS_WNR		(1U << 6)

/* ISS of a trapped system register access: all but Rt and direction */
#define ISS_SYSREG_KEY(i)	((i) & 0x3ffc1eU)
#define ISS_SYSREG_RT(i)	(((i) >> 5) & 31)
#define ISS_SYSREG_READ		(1U << 0)

static const uint64_t width_mask[9] = {
	[1] = 0xff, [2] = 0xffff, [4] = 0xffffffff, [8] = ~0ULL,
};

static gpaddr_t fault_ipa(void)
{
	return (read_sysreg(hpfar_el2) >> 4) << 12 | (read_sysreg(far_el2) & 0xfff);
}

static void skip_insn(void)
{
	write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
}

/* A data abort at stage 2: emulate the load or store if an emulated device
 * owns the address. */
static void data_abort(struct cpu *c, struct vcpu *v, uint32_t iss)
{
	gpaddr_t gpa = fault_ipa();
	unsigned long pc = read_sysreg(elr_el2);
	struct emu_dev *dev = cell_find_emu(v->cell, gpa);
	bool store = iss & ISS_WNR;
	unsigned width = 1U << ISS_SAS(iss), reg = ISS_SRT(iss);
	uint64_t val;

	if (iss & ISS_S1PTW)
		cell_fault(v, dev ? "implicit access (page-table walk) to an emulated device"
				  : "implicit access (page-table walk) outside the cell", gpa, pc);
	if (!dev)
		cell_fault(v, store ? "store outside the cell" : "load outside the cell", gpa, pc);
	if (!(iss & ISS_ISV))
		cell_fault(v, "undecodable access to an emulated device", gpa, pc);

	v->stats.mmio++;
	__atomic_fetch_add(&dev->accesses, 1, __ATOMIC_RELAXED);	/* the cell's CPUs */
	if (store) {
		val = reg == 31 ? 0 : c->arch.regs[reg] & width_mask[width];
		if (dev->ops->write(dev, gpa - dev->base, width, val) < 0)
			cell_fault(v, "refused store to an emulated device", gpa, pc);
	} else {
		if (dev->ops->read(dev, gpa - dev->base, width, &val) < 0)
			cell_fault(v, "refused load from an emulated device", gpa, pc);
		val &= width_mask[width];
		if ((iss & ISS_SSE) && width < 8 && (val >> (8 * width - 1)) & 1)
			val |= ~width_mask[width];
		if (!(iss & ISS_SF))
			val &= 0xffffffffULL;
		if (reg != 31)
			c->arch.regs[reg] = val;
	}
	skip_insn();
}

/* A trapped system register: SGI generation on a GICv3 is the one the
 * guest may use (irqc/gicv3/vsgi.c); false: the cell stops. */
static bool sysreg(struct cpu *c, struct vcpu *v, uint32_t iss)
{
	unsigned rt = ISS_SYSREG_RT(iss);
	uint64_t val = rt == 31 ? 0 : c->arch.regs[rt];

	if (!arm64_gdb_sysreg(c, iss) &&
	    ((iss & ISS_SYSREG_READ) || !arm64_vsgi_sysreg(v, ISS_SYSREG_KEY(iss), val)))
		return false;
	skip_insn();
	return true;
}

/* A BRK of the guest's, or a hardware breakpoint or watchpoint, with a
 * debugger attached (MDCR_EL2.TDE): the debugger's stop; if its session
 * is over, TDE goes (and the guest's own debug registers come back) and
 * the instruction runs again, the guest's own.  A step that met it is
 * over: its instruction did not run. */
static void brk(struct cpu *c, struct vcpu *v)
{
	arch_gdb_step(c, false);
	if (!gdb_cell_trap(v, true))
		arch_gdb_session(c, false);
}

/* A PSCI call by HVC (ELR_EL2 is past it already): the most frequent
 * trap, kept apart so that it pays for nothing the others need. */
static __attribute__((noinline)) void hvc(struct cpu *c)
{
	struct vcpu *v = c->vcpu;

	v->stats.traps[TK_HVC]++;
	v->stats.sbi_calls++;
	arm64_vpsci_call(c);
	arm64_vlr_sync_raised(v);
}

/* Every other exception from the guest. */
static __attribute__((noinline)) void sync_other(struct cpu *c)
{
	struct vcpu *v = c->vcpu;
	uint64_t esr = read_sysreg(esr_el2);
	unsigned ec = (unsigned)(esr >> EC_SHIFT) & 0x3f;
	uint32_t iss = (uint32_t)esr & 0x1ffffff;

	switch (ec) {
	case EC_SMC64:		/* trapped: ELR_EL2 is the SMC itself */
		v->stats.traps[TK_SMC]++;
		v->stats.sbi_calls++;
		skip_insn();
		arm64_vpsci_call(c);
		break;
	case EC_DABT_LOW:
		v->stats.traps[TK_DABT]++;
		data_abort(c, v, iss);
		break;
	case EC_SYSREG:
		v->stats.traps[TK_SYSREG]++;
		if (sysreg(c, v, iss))
			break;
		cell_fault(v, arm64_ec_name(ec), esr, read_sysreg(elr_el2));
	case EC_BRK64:		/* only while a debugger holds this CPU (TDE) */
	case EC_BKPT_LOW:
	case EC_WATCH_LOW:
		v->stats.traps[TK_OTHER]++;
		brk(c, v);
		break;
	case EC_SOFTSTP_LOW:	/* a debugger's step (gdb.c) */
		v->stats.traps[TK_OTHER]++;
		arch_gdb_step(c, false);
		gdb_cell_trap(v, true);
		break;
	case EC_IABT_LOW:
		v->stats.traps[TK_IABT]++;
		cell_fault(v, "instruction fetch outside the cell", fault_ipa(),
			   read_sysreg(elr_el2));
	default:
		v->stats.traps[TK_OTHER]++;
		cell_fault(v, arm64_ec_name(ec), esr, read_sysreg(elr_el2));
	}
	arm64_vlr_sync_raised(v);	/* an access may have raised an interrupt */
}

void arm64_guest_sync(struct cpu *c)
{
	if (((read_sysreg(esr_el2) >> EC_SHIFT) & 0x3f) == EC_HVC64)
		hvc(c);
	else
		sync_other(c);
}

/* A physical interrupt while the guest ran (HCR_EL2.IMO): a kick from
 * another CPU, or the guest's virtual timer (virq.c injects it); then
 * serve the requests. */
void arm64_guest_irq(struct cpu *c)
{
	struct vcpu *v = c->vcpu;

	arm64_virq_physical(v);
	v->stats.traps[TK_IRQ]++;
	cpu_handle_requests(c, REQS_MAY_ADMIN);
	if (unlikely(arm64_gdb_session_on()))
		gdb_cell_trap(v, false);	/* a debugger's stop parks here */
	arm64_vlr_sync_raised(v);
}

bool arch_trap_kind_is_irq(unsigned kind)
{
	return kind == TK_IRQ;
}

/* The virtual timer's interrupts are counted where they are raised
 * (virq.c), none by a trap's kind alone. */
uint64_t arch_virqs_in_traps(const uint64_t *traps, unsigned virq)
{
	(void)traps, (void)virq;
	return 0;
}

const char *arch_trap_kind_name(unsigned kind)
{
	static const char *const names[TK_KINDS] = {
		[TK_HVC] = "hvc", [TK_SMC] = "smc", [TK_DABT] = "data abort",
		[TK_IABT] = "instruction abort", [TK_SYSREG] = "system register",
		[TK_IRQ] = "irq", [TK_OTHER] = "other",
	};

	return kind < TK_KINDS ? names[kind] : NULL;
}
