// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM64 cells: not yet.  The hooks the core calls exist so that the
 * hypervisor links and runs with no cells; arch_cells_prepare() refuses
 * any layout that has some, in one line, before anything is made.
 */
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include <fv/console.h>
#include <fv/panic.h>

int arch_cells_prepare(void)
{
	kprintf("Ferrovisor: cells are not supported on arm64 yet (stage-2 and "
		"guest entry are the next step)\n");
	return -1;
}

int arch_cell_init(struct cell *c)
{
	c->arch.vmid = c->id + 1;
	return -1;
}

int arch_cell_map(struct cell *c, gpaddr_t gpa, paddr_t hpa, uint64_t size, unsigned flags)
{
	(void)c, (void)gpa, (void)hpa, (void)size, (void)flags;
	return -1;
}

void arch_cell_reset(struct cell *c)
{
	(void)c;
}

void arch_cell_set_irq(struct cell *c, uint32_t irq, bool level)
{
	(void)c, (void)irq, (void)level;
}

const char *arch_trap_kind_name(unsigned kind)
{
	(void)kind;
	return NULL;
}

const char *arch_fw_call_kind_name(unsigned kind)
{
	(void)kind;
	return NULL;
}

void arch_vcpu_init(struct vcpu *v)
{
	(void)v;
}

void arch_vcpu_quiesce(struct cpu *c)
{
	(void)c;
}

__noreturn void arch_vcpu_enter(struct vcpu *v, unsigned long pc, unsigned long a0,
				unsigned long a1)
{
	(void)v, (void)pc, (void)a0, (void)a1;
	panic("arm64: no guest entry yet");
}

__noreturn void arch_cpu_restart_on_stack(struct cpu *c, void (*fn)(struct cpu *))
{
	__asm__ volatile("mov sp, %0\n"
			 "mov x0, %1\n"
			 "br %2\n" :: "r"(c->arch.stack_top), "r"(c), "r"(fn) : "memory");
	__builtin_unreachable();
}

void arch_cpu_handle_requests(struct cpu *c, unsigned long req)
{
	(void)c, (void)req;
}

void arch_cpu_idle_poll(struct cpu *c)
{
	(void)c;
}

void arch_console_irq_route(uint32_t irq, struct cpu *to)
{
	(void)irq, (void)to;
}
