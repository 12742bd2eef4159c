// SPDX-License-Identifier: GPL-2.0-only
/*
 * The debugger stub's hooks on ARM64: not there yet.  A register file of
 * size 0 tells the core (gdb_cell_available()) that Ctrl-] g has nothing
 * to attach to; the rest is never called then, and says so if it is.
 */
#include <fv/arch_gdb.h>

const char arch_gdb_target_xml[] = "";

unsigned arch_gdb_regs_size(void) { return 0; }
unsigned arch_gdb_reg_size(void) { return 8; }
bool arch_gdb_firmware_triggers(void) { return false; }
void arch_gdb_poke(struct cpu *c) { (void)c; }
bool arch_gdb_regs_saved(struct cpu *c) { (void)c; return false; }
void arch_gdb_park_enter(struct cpu *c) { (void)c; }
void arch_gdb_park_leave(struct cpu *c) { (void)c; }
void arch_gdb_park_poll(struct cpu *c) { (void)c; }
void arch_gdb_session(struct cpu *c, bool on) { (void)c; (void)on; }
void arch_gdb_read_regs(struct cpu *c, uint8_t *buf) { (void)c; (void)buf; }
void arch_gdb_write_regs(struct cpu *c, const uint8_t *buf) { (void)c; (void)buf; }

int arch_gdb_access_virt(struct cpu *c, uint64_t addr, uint8_t *buf, unsigned len, bool write)
{
	(void)c; (void)addr; (void)buf; (void)len; (void)write;
	return -1;
}

int arch_gdb_trigger(struct cpu *c, int type, uint64_t addr, unsigned len, bool insert)
{
	(void)c; (void)type; (void)addr; (void)len; (void)insert;
	return -1;
}

int arch_gdb_trigger_hit(struct cpu *c, uint64_t *addr)
{
	(void)c; (void)addr;
	return 0;
}

void arch_gdb_sync_icache(void) { }
