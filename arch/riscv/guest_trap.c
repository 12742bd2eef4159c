// SPDX-License-Identifier: GPL-2.0-only
/*
 * Traps from a guest: SBI calls, accesses to emulated devices, interrupts
 * to route, and the exceptions of the guest's own mistakes, which go back
 * to the guest as its own hart would have raised them.  Only what no
 * native kernel could see (an access outside the cell, an access to an
 * emulated device we cannot emulate) stops its cell (or restarts it, by
 * its policy); nothing here trusts a guest value.
 */
#include <arch/csr.h>
#include <arch/mmio.h>
#include <arch/sbi.h>
#include <fv/arch_cell.h>
#include <fv/console.h>
#include <fv/gdb_cell.h>
#include <fv/trace.h>
#include "irq.h"
#include "trap.h"
#include "vplic.h"

/*
 * Read the guest instruction at `pc` through its own translation.  A
 * fault of the hlvx is taken in HS-mode, which overwrites sepc, sstatus.SPP
 * and hstatus.SPV: they are put back, so the guest can still be resumed.
 */
static int read_guest_insn(struct cpu *c, unsigned long pc, uint32_t *insn)
{
	unsigned long sepc = csr_read(CSR_SEPC), sstatus = csr_read(CSR_SSTATUS);
	unsigned long hstatus = csr_read(CSR_HSTATUS), lo, hi = 0;

	c->arch.fault = FAULT_EXPECTED;
	__asm__ volatile(".option push\n.option arch, +h\n"
			 "hlvx.hu %0, (%1)\n.option pop" : "=&r"(lo) : "r"(pc) : "memory");
	if (c->arch.fault == FAULT_NONE || c->arch.fault == FAULT_EXPECTED) {
		if ((lo & 3) == 3)
			__asm__ volatile(".option push\n.option arch, +h\n"
					 "hlvx.hu %0, (%1)\n.option pop"
					 : "=&r"(hi) : "r"(pc + 2) : "memory");
	}
	if (c->arch.fault == FAULT_TAKEN) {
		c->arch.fault = FAULT_NONE;
		csr_write(CSR_SEPC, sepc);
		csr_write(CSR_SSTATUS, sstatus);
		csr_write(CSR_HSTATUS, hstatus);
		return -1;
	}
	c->arch.fault = FAULT_NONE;
	*insn = (uint32_t)(lo & 0xffff) | (uint32_t)((hi & 0xffff) << 16);
	return 0;
}

/*
 * Give exception `cause` (with `tval`) to the guest as its hart would have
 * taken it without the hypervisor: into VS-mode at vstvec's base (direct
 * and vectored alike, for an exception), with vsepc, vscause, vstval and
 * vsstatus.SPP/SPIE/SIE set as a trap into S-mode sets them.  `scause` is
 * the trap we took (counted per cause); called before anything else has
 * changed sepc or hstatus.
 */
void riscv_forward_exception(struct cpu *c, unsigned long scause, unsigned long cause,
			     unsigned long tval)
{
	struct vcpu *v = c->vcpu;
	unsigned long old = csr_read(CSR_VSSTATUS);
	unsigned long vsstatus = old & ~(SSTATUS_SPP | SSTATUS_SPIE | SSTATUS_SIE);

	if (scause < VCPU_FWD_CAUSES)
		v->stats.forwarded[scause]++;
	if (csr_read(CSR_HSTATUS) & HSTATUS_SPVP)	/* it came from VS, not VU */
		vsstatus |= SSTATUS_SPP;
	if (old & SSTATUS_SIE)
		vsstatus |= SSTATUS_SPIE;
	csr_write(CSR_VSEPC, csr_read(CSR_SEPC));
	csr_write(CSR_VSCAUSE, cause);
	csr_write(CSR_VSTVAL, tval);
	csr_write(CSR_VSSTATUS, vsstatus);
	csr_write(CSR_SEPC, csr_read(CSR_VSTVEC) & ~3UL);
	csr_set(CSR_HSTATUS, HSTATUS_SPV | HSTATUS_SPVP);
	csr_set(CSR_SSTATUS, SSTATUS_SPP);
}

/*
 * A virtual instruction: one that VS or VU may not execute here but HS
 * could (an H-extension CSR or fence, a counter hcounteren withholds).
 * The guest's hart has no H extension, so to it the instruction is simply
 * illegal: it gets an illegal-instruction exception, stval = the bits.
 */
void riscv_virtual_inst(struct cpu *c)
{
	struct vcpu *v = c->vcpu;
	unsigned long pc = csr_read(CSR_SEPC), bits = csr_read(CSR_STVAL);
	uint32_t insn;

	v->stats.traps[EXC_VIRTUAL_INST]++;
	trace_trap_in(v, EXC_VIRTUAL_INST, pc);
	if (!bits && read_guest_insn(c, pc, &insn) == 0)
		bits = insn;	/* stval may be 0; 0 stays legal for illegal */
	pr_verbose("cell %s: vhart %u: virtual instruction %#lx at pc %#lx, "
		   "forwarded as illegal\n", v->cell->name, v->vhartid, bits, pc);
	riscv_forward_exception(c, EXC_VIRTUAL_INST, EXC_ILLEGAL_INST, bits);
	trace_trap_out(v, EXC_VIRTUAL_INST, csr_read(CSR_SEPC));
}

/*
 * The load or store that faulted: the one the hart transformed into htinst,
 * or, only if htinst is 0 (nothing recorded), the instruction at pc.  Any
 * other htinst (say the pseudo-instruction of an implicit access) is not
 * the instruction at pc.  Width 0: none.
 */
static __attribute__((noinline)) struct mmio_insn decode_at_pc(struct cpu *c,
							       unsigned long pc)
{
	struct mmio_insn m = { .width = 0 };
	uint32_t insn;

	if (read_guest_insn(c, pc, &insn) < 0 || riscv_decode_mmio(insn, &m) < 0)
		m.width = 0;
	return m;
}

static inline struct mmio_insn decode_access(struct cpu *c, unsigned long htinst,
					     unsigned long pc)
{
	struct mmio_insn m = { .width = 0 };

	if (!likely(htinst))
		return decode_at_pc(c, pc);
	if (riscv_decode_htinst(htinst, &m) < 0)
		m.width = 0;
	return m;
}

/* A device refused the access: stop the cell.  Cold, and it reads the
 * address and pc again (a device model takes no trap, so htval, stval and
 * sepc are still the fault's): the fast path keeps fewer values live. */
static __noreturn __attribute__((noinline, cold)) void refused(struct cpu *c, bool store)
{
	gpaddr_t gpa = (csr_read(CSR_HTVAL) << 2) | (csr_read(CSR_STVAL) & 3);

	cell_fault(c->vcpu, store ? "refused store to an emulated device"
				  : "refused load from an emulated device",
		   gpa, csr_read(CSR_SEPC));
}

/* The decoded access m at offset off of dev, checked: the device does it,
 * a load writes its register, the guest resumes after the instruction.
 * Returns the value loaded or stored (for the trace). */
static inline uint64_t emulate(struct cpu *c, struct emu_dev *dev, uint64_t off,
			       struct mmio_insn m)
{
	unsigned sh = 64 - 8 * m.width;		/* width 1, 2, 4 or 8 */
	uint64_t val;
	__atomic_fetch_add(&dev->accesses, 1, __ATOMIC_RELAXED);	/* the cell's harts */
	if (m.store) {
		val = m.reg ? c->arch.regs[m.reg] << sh >> sh : 0;
		if (unlikely(dev->ops->write(dev, off, m.width, val) < 0))
			refused(c, true);
	} else {
		if (unlikely(dev->ops->read(dev, off, m.width, &val) < 0))
			refused(c, false);
		if (m.sign)
			val = (uint64_t)((int64_t)(val << sh) >> sh);
		else
			val = val << sh >> sh;
		if (m.reg)
			c->arch.regs[m.reg] = val;
	}
	csr_write(CSR_SEPC, csr_read(CSR_SEPC) + m.len);
	return val;
}

/*
 * dev, of v's cell, is the device this hart's guest used last: the one
 * riscv_guest_page_fault() tries first, in its window (last_base,
 * last_size).  Of the vPLIC the window ends below the context registers,
 * and a claim or completion at v's own context's register (context k is
 * vhart k's, vplic.h) goes to claim_load() or claim_store(); every other context
 * register (a threshold, another context's claim) the full way.
 */
static void remember(struct cpu *c, const struct vcpu *v, struct emu_dev *dev)
{
	uint64_t claim = VPLIC_CONTEXT + (uint64_t)v->vhartid * VPLIC_CONTEXT_STRIDE +
			 VPLIC_CLAIM;

	c->arch.last_emu = dev;
	c->arch.last_base = dev->base;
	c->arch.last_size = dev->size;
	if (dev->ops != &vplic_emu_ops)
		return;
	c->arch.last_size = MIN(dev->size, (uint64_t)VPLIC_CONTEXT);
	if (claim + 4 > dev->size)
		return;		/* not in its window: the full way decides */
	c->arch.vclaim_gpa = dev->base + claim;
	c->arch.vclaim_ctx = v->vhartid;
	c->arch.vclaim_dev = dev;
}

/*
 * htinst of a 32-bit load (lw, lwu; c.lw, c.lwsp) or store (sw; c.sw,
 * c.swsp), as the privileged spec transforms it: bit 0 set, the opcode
 * (LOAD or STORE: bit 5) and funct3 (010; a load's bit 14 free: lwu, IDs
 * are below 2^31), the Addr. Offset in rs1's bits 19:15 zero (non-zero:
 * a misaligned access) and bits 63:32 zero (any other value is no
 * standard transformation).  Free: bit 1 (clear: the original was
 * compressed), rd or rs2, the immediate's bits (zero, or hints).
 */
#define CLAIM_LOAD_MASK		0xffffffff000fb07dUL
#define CLAIM_LOAD		0x2001UL
#define CLAIM_STORE_MASK	0xffffffff000ff07dUL
#define CLAIM_STORE		0x2021UL

/* The counts of a claim or completion on the short way, as on the full
 * path (a trap of `cause`, an MMIO access, one more of the vPLIC's). */
static __always_inline void claim_counts(struct cpu *c, struct emu_dev *dev,
					 unsigned long cause)
{
	struct vcpu_stats *st = &c->vcpu->stats;

	st->traps[cause]++;
	st->mmio++;
	__atomic_fetch_add(&dev->accesses, 1, __ATOMIC_RELAXED);	/* the cell's harts */
}

/* Whether the short way takes this access (htinst the one 32-bit access
 * `want` under `mask`, its register `reg` one trap_entry.S saved, the
 * trace off, the vPLIC known); if so counted, and sepc past it. */
static __always_inline bool claim_taken(struct cpu *c, struct emu_dev *dev,
					unsigned long htinst, unsigned long mask,
					unsigned long want, unsigned long reg, unsigned long cause)
{
	if (unlikely(trace_active() || (htinst & mask) != want || !dev ||
		     !((RISCV_GUEST_CLOBBERED >> reg) & 1)))
		return false;
	claim_counts(c, dev, cause);
	csr_write(CSR_SEPC, csr_read(CSR_SEPC) + 2 + (htinst & 2));
	return true;
}

/*
 * A load fault at this hart's own claim/complete register
 * (c->arch.vclaim_gpa), the trace off: a 32-bit load in htinst into a
 * register trap_entry.S saved claims, in the vPLIC model, as the vPLIC's
 * emu_ops would through emulate(), without the device lookup, the general
 * decode and the vPLIC's register decode; the same counts.  Anything else
 * (another width, misaligned, no htinst): 1, nothing done, the general
 * way decides (and refuses another width).  The guest resumes after the
 * instruction (sepc moved first: a vPLIC call takes no trap), and the
 * vPLIC writes the ID into the register's slot itself, so this is a tail
 * call without a frame; a load into x0 writes regs[0], which nothing
 * reads (see struct arch_cpu).
 */
static __attribute__((noinline)) int claim_load(struct cpu *c, unsigned long htinst)
{
	struct emu_dev *dev = c->arch.vclaim_dev;
	unsigned long rd = (htinst >> 7) & 31;

	if (!claim_taken(c, dev, htinst, CLAIM_LOAD_MASK, CLAIM_LOAD, rd,
			 EXC_LOAD_GUEST_PAGE_FAULT))
		return 1;
	return vplic_claim_to(dev->state, c->arch.vclaim_ctx, &c->arch.regs[rd]);
}

/* The same for a 32-bit store (a completion) from a register trap_entry.S
 * saved, a tail call too. */
static __attribute__((noinline)) int claim_store(struct cpu *c, unsigned long htinst)
{
	struct emu_dev *dev = c->arch.vclaim_dev;
	unsigned long rs2 = (htinst >> 20) & 31;

	if (!claim_taken(c, dev, htinst, CLAIM_STORE_MASK, CLAIM_STORE, rs2,
			 EXC_STORE_GUEST_PAGE_FAULT))
		return 1;
	return vplic_complete(dev->state, (unsigned)c->arch.vclaim_ctx,
			      rs2 ? (uint32_t)c->arch.regs[rs2] : 0);
}

/*
 * A guest page fault riscv_guest_page_fault() did not take, with every
 * guest register in c->arch.regs: find the device in the cell's list (and
 * remember it), read the instruction if the hart gave no htinst, and stop
 * the cell for anything but a load or store of an emulated device.
 */
void riscv_guest_page_fault_all(struct cpu *c, unsigned long cause)
{
	struct vcpu *v = c->vcpu;
	unsigned long pc = csr_read(CSR_SEPC);
	gpaddr_t gpa = (csr_read(CSR_HTVAL) << 2) | (csr_read(CSR_STVAL) & 3);
	unsigned long htinst = csr_read(CSR_HTINST);
	struct emu_dev *dev = cell_find_emu(v->cell, gpa);
	struct mmio_insn m;
	uint64_t val;

	v->stats.traps[cause]++;	/* 20, 21 or 23 (trap_entry.S) */
	trace_trap_in(v, cause, pc);
	/* The guest's own VS-stage page-table walk reached gpa: a PTE is no
	 * device register, and the instruction at pc says nothing of it. */
	if (riscv_htinst_is_implicit(htinst))
		cell_fault(v, dev ? "implicit access (page-table walk) to an emulated device"
				  : "implicit access (page-table walk) outside the cell", gpa, pc);
	if (cause == EXC_INST_GUEST_PAGE_FAULT)
		cell_fault(v, "instruction fetch outside the cell", gpa, pc);
	if (!dev)
		cell_fault(v, cause == EXC_LOAD_GUEST_PAGE_FAULT ?
			   "load outside the cell" : "store outside the cell", gpa, pc);
	m = decode_access(c, htinst, pc);
	if (!m.width)
		cell_fault(v, "undecodable access to an emulated device", gpa, pc);
	if (m.store != (cause == EXC_STORE_GUEST_PAGE_FAULT))
		cell_fault(v, "inconsistent access to an emulated device", gpa, pc);
	remember(c, v, dev);
	v->stats.mmio++;
	val = emulate(c, dev, gpa - dev->base, m);
	trace_mmio(v, gpa, m.width, m.store, val);	/* the trap's end */
}

/*
 * htinst of a load or store the fast path takes (riscv_decode_htinst()'s
 * test with the opcode fixed): bit 0 set, bits 6:2 LOAD (00000) or STORE
 * (01000), bits 19:15 (the address offset) and 63:32 clear; bit 1 free
 * (clear: the original was compressed).  funct3 is checked apart.
 */
#define FAST_LS_MASK	0xffffffff000f807dUL
#define FAST_LOAD	0x01UL
#define FAST_STORE	0x21UL

/*
 * The end of a fast load, after the device's read: the value into the
 * register htinst names, with the load's width and sign, and the guest
 * resumes after the instruction.  htinst is read again rather than kept:
 * a device model takes no trap, so it still holds this fault's, and
 * last_dev_load() then keeps no register across its call (no callee-saved
 * register to spill and reload).
 */
static inline void fast_load_done(uint64_t val)
{
	unsigned long h = csr_read(CSR_HTINST);
	unsigned long f3 = (h >> 12) & 7, rd = (h >> 7) & 31;
	unsigned sh = 64 - (8u << (f3 & 3));

	if (rd)
		this_cpu()->arch.regs[rd] = f3 & 4 ? val << sh >> sh
					  : (uint64_t)((int64_t)(val << sh) >> sh);
	csr_write(CSR_SEPC, csr_read(CSR_SEPC) + 2 + (h & 2));
}

/*
 * A load at offset off of the device this hart's guest used last
 * (riscv_guest_page_fault()): emulated if htinst holds a load (lb .. ld,
 * lbu .. lwu, c.lw, c.ld, c.lwsp, c.ldsp) into a register trap_entry.S
 * saved (0), else 1, nothing done.  The counts as on the full path.
 */
static __attribute__((noinline)) int last_dev_load(struct cpu *c, uint64_t off,
						   unsigned long htinst)
{
	struct vcpu_stats *st = &c->vcpu->stats;
	struct emu_dev *dev = c->arch.last_emu;
	unsigned long f3 = (htinst >> 12) & 7;
	uint64_t val;

	if (unlikely(trace_active() || (htinst & FAST_LS_MASK) != FAST_LOAD || f3 == 7 ||
		     !((RISCV_GUEST_CLOBBERED >> ((htinst >> 7) & 31)) & 1)))
		return 1;
	st->traps[EXC_LOAD_GUEST_PAGE_FAULT]++;
	st->mmio++;
	__atomic_fetch_add(&dev->accesses, 1, __ATOMIC_RELAXED);	/* the cell's harts */
	if (unlikely(dev->ops->read(dev, off, 1u << (f3 & 3), &val) < 0))
		refused(this_cpu(), false);
	fast_load_done(val);
	return 0;
}

/* The same for a store (sb .. sd, c.sw, c.sd, c.swsp, c.sdsp) from a
 * register trap_entry.S saved. */
static __attribute__((noinline)) int last_dev_store(struct cpu *c, uint64_t off,
						    unsigned long htinst)
{
	struct vcpu_stats *st = &c->vcpu->stats;
	struct emu_dev *dev = c->arch.last_emu;
	unsigned long f3 = (htinst >> 12) & 7, rs2 = (htinst >> 20) & 31;
	unsigned sh = 64 - (8u << (f3 & 3));

	if (unlikely(trace_active() || (htinst & FAST_LS_MASK) != FAST_STORE || f3 > 3 ||
		     !((RISCV_GUEST_CLOBBERED >> rs2) & 1)))
		return 1;
	st->traps[EXC_STORE_GUEST_PAGE_FAULT]++;
	st->mmio++;
	__atomic_fetch_add(&dev->accesses, 1, __ATOMIC_RELAXED);	/* the cell's harts */
	if (unlikely(dev->ops->write(dev, off, 1u << f3,
				     rs2 ? c->arch.regs[rs2] << sh >> sh : 0) < 0))
		refused(this_cpu(), true);
	csr_write(CSR_SEPC, csr_read(CSR_SEPC) + 2 + (csr_read(CSR_HTINST) & 2));
	return 0;
}

/*
 * A guest-physical address with no mapping, only ra, sp, tp, t0, t1 and
 * a0-a7 saved: emulate the common cases, a load or store the hart
 * transformed into htinst, that names one of those registers, of the
 * device this hart's guest used last (a hart runs one cell's guest only,
 * so that is one of its cell's: last_dev_load(), last_dev_store()), or
 * the claim or completion at its own vPLIC context's register
 * (claim_load(), claim_store()), and return 0.  Anything else, or any access while the trace is on (which
 * records it there): 1, nothing done, and trap_entry.S saves every
 * register and calls riscv_guest_page_fault_all().  Only the choice
 * here: each way saves the registers it needs itself.
 */
int riscv_guest_page_fault(struct cpu *c, unsigned long cause)
{
	gpaddr_t gpa = (csr_read(CSR_HTVAL) << 2) | (csr_read(CSR_STVAL) & 3);
	unsigned long htinst = csr_read(CSR_HTINST);
	uint64_t off = gpa - c->arch.last_base;

	if (likely(off < c->arch.last_size)) {
		if (cause == EXC_LOAD_GUEST_PAGE_FAULT)
			return last_dev_load(c, off, htinst);
		if (cause == EXC_STORE_GUEST_PAGE_FAULT)
			return last_dev_store(c, off, htinst);
		return 1;	/* a fetch: the full way stops the cell */
	}
	if (gpa != c->arch.vclaim_gpa)
		return 1;
	if (cause == EXC_LOAD_GUEST_PAGE_FAULT)
		return claim_load(c, htinst);
	if (cause == EXC_STORE_GUEST_PAGE_FAULT)
		return claim_store(c, htinst);
	return 1;	/* a fetch: the full way stops the cell */
}

static void guest_interrupt(struct cpu *c, struct vcpu *v, unsigned long irq)
{
	switch (irq) {
	case IRQ_S_SOFT:
		riscv_ack_kick();
		cpu_handle_requests(c, REQS_MAY_ADMIN);
		break;
	case IRQ_S_TIMER:
		/* The guest's deadline (emulated without Sstc) has come.  Mask
		 * the timer rather than cancel it with another firmware call:
		 * the guest's next set_timer clears it (vsbi.c). */
		csr_set(CSR_HVIP, BIT(IRQ_VS_TIMER));
		csr_clear(CSR_SIE, BIT(IRQ_S_TIMER));
		trace_virq(v, VIRQ_TIMER);	/* counted as the trap (trap.c) */
		break;
	case IRQ_S_EXT:
		riscv_external_irq(c);
		break;
	default:
		cell_fault(v, "unexpected interrupt", irq, csr_read(CSR_SEPC));
	}
}

/* Exceptions that are neither SBI calls, virtual instructions nor guest
 * page faults, and interrupts while a debugger holds this hart's guest or
 * the trace is on (trap_entry.S sends the others to their own handlers,
 * this one through gdb_entry.S). */
void riscv_guest_trap_c(struct cpu *c, unsigned long cause)
{
	struct vcpu *v = c->vcpu;

	v->stats.traps[riscv_trap_kind(cause)]++;
	trace_trap_in(v, riscv_trap_kind(cause), csr_read(CSR_SEPC));
	if (cause & CAUSE_IRQ_FLAG) {
		guest_interrupt(c, v, cause & ~CAUSE_IRQ_FLAG);
		/* A debugger's stop parks here.  Without a session on this
		 * hart (dbg 0) there is none to park for: whatever starts one
		 * sets dbg and, to stop, raises a soft interrupt (gdb.c). */
		if (unlikely(READ_ONCE(c->arch.dbg)))
			gdb_cell_trap(v, false);
		trace_trap_out(v, riscv_trap_kind(cause), csr_read(CSR_SEPC));
		return;
	}
	if (cause == EXC_BREAKPOINT && gdb_cell_trap(v, true))
		return;		/* the debugger's (while one is attached) */
	/* Delegated (hedeleg), so normally never here; should one come all
	 * the same (the firmware redirecting it to us), it is still the
	 * guest's to handle. */
	if (cause < 64 && (BIT(cause) & RISCV_GUEST_EXCEPTIONS)) {
		riscv_forward_exception(c, cause, cause, csr_read(CSR_STVAL));
		trace_trap_out(v, riscv_trap_kind(cause), csr_read(CSR_SEPC));
		return;
	}
	/* The rest (a hardware error, a cause no guest can raise) is not the
	 * guest's to handle: stop the cell. */
	cell_fault(v, riscv_cause_name(cause), csr_read(CSR_STVAL), csr_read(CSR_SEPC));
}

#define OFF(t, m) __builtin_offsetof(struct t, m)
STATIC_ASSERT(OFF(cpu, vcpu) == CPU_VCPU, "offset");
STATIC_ASSERT(OFF(cpu, trace_on) == CPU_TRACE_ON && sizeof(bool) == 1, "offset");
STATIC_ASSERT(OFF(vcpu, stats.traps) == VCPU_STAT_TRAPS, "offset");
STATIC_ASSERT(VCPU_STAT_TRAP_S_TIMER == VCPU_STAT_TRAPS +
	      8 * RISCV_TRAP_IRQ_BASE + 8 * IRQ_S_TIMER, "traps[] index");
STATIC_ASSERT(VCPU_STAT_TRAP_S_EXT == VCPU_STAT_TRAPS +
	      8 * RISCV_TRAP_IRQ_BASE + 8 * IRQ_S_EXT, "traps[] index");

/*
 * An interrupt, no debugger on this hart (trap_entry.S; the emulated
 * timer's and the external one, trace off, it handles itself with the
 * same counts, the latter calling riscv_external_irq()): count it and
 * handle it, nothing else.  While the trace is on, the full way that
 * records it.
 */
void riscv_guest_irq(struct cpu *c, unsigned long cause)
{
	struct vcpu *v = c->vcpu;
	unsigned long irq = cause & ~CAUSE_IRQ_FLAG;

	if (trace_active()) {
		riscv_guest_trap_c(c, cause);
		return;
	}
	v->stats.traps[irq < 40 - RISCV_TRAP_IRQ_BASE ? RISCV_TRAP_IRQ_BASE + irq : 39]++;
	guest_interrupt(c, v, irq);
}
