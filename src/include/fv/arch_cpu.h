/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CPU hooks every architecture implements (arch/<arch>/cpu.c, entry code).
 * The core calls only these; nothing here names a register.
 */
#ifndef FV_ARCH_CPU_H
#define FV_ARCH_CPU_H

#include <fv/compiler.h>
#include <fv/cpu.h>

/* Make `c` this hart's current CPU and install the trap vector. */
void arch_cpu_init(struct cpu *c);

/* Ask the firmware to start hart `hwid` at the secondary entry, which will
 * call hv_secondary_main(c).  Returns 0 or a negative error. */
int arch_cpu_start(unsigned long hwid, struct cpu *c);

/* The free-running counter that platform.timebase_hz describes. */
uint64_t arch_counter(void);

/* Poke hart `c` (its wait or its guest ends; it then reads cpu->req). */
void arch_cpu_kick(struct cpu *c);

/* Wait for an interrupt (or just return: callers loop). */
void arch_cpu_wait(void);

/* Before cells exist: sleep until another hart kicks this one (a cpu
 * request) or arch_counter() reaches `deadline`, whichever comes first (or
 * return early: callers loop).  Leaves no kick or timer pending. */
void arch_cpu_wait_kick(uint64_t deadline);

/* Stop this hart for good (interrupts off, firmware hart stop or a loop). */
__noreturn void arch_cpu_halt(void);

/* Power the whole machine off through the firmware; halts if it refuses. */
__noreturn void arch_system_off(void);

/* Entry points the arch code calls (src/main.c). */
__noreturn void hv_main(unsigned long boot_hwid, const void *fdt);
__noreturn void hv_secondary_main(struct cpu *c);

#endif
