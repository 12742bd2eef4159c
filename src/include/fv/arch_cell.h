/* SPDX-License-Identifier: GPL-2.0-only */
/* Cell and vCPU hooks every architecture implements. */
#ifndef FV_ARCH_CELL_H
#define FV_ARCH_CELL_H

#include <fv/cell.h>
#include <fv/compiler.h>

/* arch_cell_map() flag besides MEM_R/W/X: device memory */
#define MAP_DEVICE	0x100

/* Once, before any cell is made: take over the interrupt controller. */
int arch_cells_prepare(void);

/* Second-stage tables, interrupt controller model, VMID. */
int arch_cell_init(struct cell *c);
int arch_cell_map(struct cell *c, gpaddr_t gpa, paddr_t hpa, uint64_t size,
		  unsigned flags);
/* Back to the state of a fresh boot: interrupt controller, pending IRQs.
 * Called with no vCPU of the cell running; takes the models' locks, never
 * re-initialises them. */
void arch_cell_reset(struct cell *c);
/* The hypervisor wrote [hva, hva + size) of a cell's memory (an image,
 * the device tree, RAM cleared for a restart) before the guest starts:
 * make it what a guest with its caches off reads and executes. */
void arch_guest_mem_written(const void *hva, uint64_t size);
/* An emulated device's interrupt line changed. */
void arch_cell_set_irq(struct cell *c, uint32_t irq, bool level);
/* The same from a hart of another cell, never waiting: 1 done, 0 the
 * controller is busy (do it later on a hart of `c`), -1 this controller
 * is only driven from c's own harts. */
int arch_cell_try_set_irq(struct cell *c, uint32_t irq, bool level);
/* Boot, after arch_cell_init(): whether arch_cell_try_set_irq() can ever
 * do it for c. */
bool arch_cell_irq_nowait(const struct cell *c);
/* Add the arch's nodes (cpus, interrupt controller) to a guest's tree, which
 * is being written with libfdt's sequential-write calls; `phandle_irqc`
 * is what the core's device nodes use as interrupt-parent. */
int arch_cell_fdt_cpus(struct cell *c, void *fdt);
int arch_cell_fdt_irqc(struct cell *c, void *fdt, uint32_t phandle_irqc);
/* The "interrupts" property of a device node of cell `c` for interrupts
 * irqs[0..n) (n <= LAYOUT_DEV_IRQS), in the specifier format of the
 * controller arch_cell_fdt_irqc() gave that cell. */
int arch_cell_fdt_irqs(const struct cell *c, void *fdt, const uint32_t *irqs, unsigned n);

/* What vcpu_stats.traps[kind] and .fw_calls[kind] count, for the
 * monitor; NULL: nothing. */
const char *arch_trap_kind_name(unsigned kind);
/* Whether vcpu_stats.traps[kind] counts interrupts (not exceptions). */
bool arch_trap_kind_is_irq(unsigned kind);
/* Virtual interrupts of kind `virq` that traps counted in traps[] raised,
 * one each, and that are counted only there (a trap kind that always
 * raises one, so its way pays for one count): the monitor adds them to
 * vcpu_stats.virqs[virq]. */
uint64_t arch_virqs_in_traps(const uint64_t *traps, unsigned virq);
const char *arch_fw_call_kind_name(unsigned kind);

void arch_vcpu_init(struct vcpu *v);
/* This hart leaves its guest: disarm the guest's timer, drop its pending
 * and enabled interrupts, so the idle loop sleeps. */
void arch_vcpu_quiesce(struct cpu *c);
/* Enter the guest on this hart at `pc` with the boot registers. */
__noreturn void arch_vcpu_enter(struct vcpu *v, unsigned long pc,
				unsigned long a0, unsigned long a1);

/* Run `fn(c)` on a fresh stack; used to leave a guest for good. */
__noreturn void arch_cpu_restart_on_stack(struct cpu *c, void (*fn)(struct cpu *));
/* Called by the idle loop for arch requests (VSSIP, fences, EIP). */
void arch_cpu_handle_requests(struct cpu *c, unsigned long req);
/* In the idle loop, before looking at cpu->req: acknowledge a kick (so
 * none is lost) and serve device interrupts that woke the hart. */
void arch_cpu_idle_poll(struct cpu *c);
/* Route the hypervisor console's receive interrupt to hart `to` (from
 * any hart; the interrupt then arrives on `to` only). */
void arch_console_irq_route(uint32_t irq, struct cpu *to);

#endif
