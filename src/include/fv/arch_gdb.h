/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the debugger stub (src/gdb_cell.c) needs of the architecture: the
 * register file as GDB numbers it, a guest's registers kept whole while
 * its hart is parked for the debugger, memory through the guest's own
 * translation, and breakpoints taken by the hypervisor instead of the
 * guest.  Every hook but arch_gdb_target_xml(), the sizes and
 * arch_gdb_triggers() runs on the
 * vhart's own hart.
 */
#ifndef FV_ARCH_GDB_H
#define FV_ARCH_GDB_H

#include <fv/cpu.h>
#include <fv/gdbstub.h>

/* GDB's target description (qXfer:features:read:target.xml). */
extern const char arch_gdb_target_xml[];
unsigned arch_gdb_regs_size(void);	/* bytes of the 'g' register file */
unsigned arch_gdb_reg_size(void);	/* bytes per register */
/* Hardware breakpoints and watchpoints (Z1-Z4) can be offered: what
 * they are, for the attach line ("the firmware's triggers"...); NULL:
 * none, the stub answers Z1-Z4 with "not supported". */
const char *arch_gdb_triggers(void);

/* This hart's guest must trap back soon, with every register saved. */
void arch_gdb_poke(struct cpu *c);
/* In a guest trap: were all of the guest's registers saved by it? */
bool arch_gdb_regs_saved(struct cpu *c);
/* Park (in a guest trap): keep what the stub's jobs may change under
 * the guest; leave: put it back. */
void arch_gdb_park_enter(struct cpu *c);
void arch_gdb_park_leave(struct cpu *c);
/* Parked: take what woke the hart (a kick, an interrupt), keeping the
 * guest's own interrupts pending for it. */
void arch_gdb_park_poll(struct cpu *c);
/* While `on`, this hart's guest breakpoints come to the hypervisor and
 * its traps save every register; off: as without a debugger. */
void arch_gdb_session(struct cpu *c, bool on);
/* Parked: the register file (GDB's order) to/from buf. */
void arch_gdb_read_regs(struct cpu *c, uint8_t *buf);
void arch_gdb_write_regs(struct cpu *c, const uint8_t *buf);
/* Parked: guest memory through the guest's own translation (the cell's
 * stage-2 tables check every byte); 0 or -1 if any byte faulted. */
int arch_gdb_access_virt(struct cpu *c, uint64_t addr, uint8_t *buf, unsigned len,
			 bool write);
/* Parked: insert or remove a trigger (GDB_HW_BREAK...) on this hart's
 * guest; 0 or -1.  Removed all when the session ends (arch_gdb_session). */
int arch_gdb_trigger(struct cpu *c, int type, uint64_t addr, unsigned len, bool insert);
/* In a guest breakpoint trap: the trigger that fired (its address in
 * *addr), or 0 if it was a breakpoint instruction. */
int arch_gdb_trigger_hit(struct cpu *c, uint64_t *addr);
/* Hardware single step ('s'): offered at all; on: the guest, when it
 * leaves the park, runs one instruction and traps back (a breakpoint
 * trap, gdb_cell_trap(v, true)); off: in that trap, or the session's end. */
bool arch_gdb_can_step(void);
void arch_gdb_step(struct cpu *c, bool on);
/* Parked: guest memory (code) changed behind the guest's back. */
void arch_gdb_sync_icache(void);

#endif
