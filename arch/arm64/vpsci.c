// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtual PSCI a guest calls with HVC (or SMC): VERSION, FEATURES,
 * CPU_SUSPEND, CPU_ON, CPU_OFF, AFFINITY_INFO, SYSTEM_OFF and
 * SYSTEM_RESET, about the calling cell only.  A target MPIDR is a vCPU of the cell (Aff0 = its
 * index, the rest zero); an entry point must be in the cell's executable
 * memory.  Anything else gets a PSCI error, never a fault here.
 */
#include <arch/psci.h>
#include <fv/cell.h>
#include <fv/errno.h>
#include "guest.h"

#define PSCI_VERSION_1_0	0x10000
#define AFF_INFO_ON		0
#define AFF_INFO_OFF		1
#define AFF_INFO_ON_PENDING	2
/* CPU_SUSPEND's power_state, original format (FEATURES says so) */
#define PS_POWERDOWN		(1U << 16)
#define PS_RESERVED		0xfcfe0000U	/* bits 31:26 and 23:17 */

/* vcpu_stats.fw_calls[] kinds */
enum { FW_VERSION, FW_FEATURES, FW_CPU_ON, FW_CPU_OFF, FW_AFFINITY, FW_SYSTEM_OFF,
       FW_SYSTEM_RESET, FW_CPU_SUSPEND, FW_OTHER, FW_KINDS };

_Static_assert(FW_KINDS <= VCPU_FW_KINDS, "vcpu_stats.fw_calls[] is too small");

static unsigned fw_kind(uint32_t fn)
{
	switch (fn) {
	case PSCI_VERSION: return FW_VERSION;
	case PSCI_FEATURES: return FW_FEATURES;
	case PSCI_CPU_ON_64: return FW_CPU_ON;
	case PSCI_CPU_OFF: return FW_CPU_OFF;
	case PSCI_AFFINITY_INFO_64: return FW_AFFINITY;
	case PSCI_SYSTEM_OFF: return FW_SYSTEM_OFF;
	case PSCI_SYSTEM_RESET: return FW_SYSTEM_RESET;
	case PSCI_CPU_SUSPEND_32: case PSCI_CPU_SUSPEND_64: return FW_CPU_SUSPEND;
	default: return FW_OTHER;
	}
}

const char *arch_fw_call_kind_name(unsigned kind)
{
	static const char *const names[FW_KINDS] = {
		[FW_VERSION] = "version", [FW_FEATURES] = "features", [FW_CPU_ON] = "cpu_on",
		[FW_CPU_OFF] = "cpu_off", [FW_AFFINITY] = "affinity_info",
		[FW_SYSTEM_OFF] = "system_off", [FW_SYSTEM_RESET] = "system_reset", [FW_CPU_SUSPEND] = "cpu_suspend",
		[FW_OTHER] = "unknown",
	};

	return kind < FW_KINDS ? names[kind] : NULL;
}

/* The vCPU index an MPIDR names, or -1 (Aff1..Aff3 must be zero). */
static long mpidr_to_vhart(uint64_t mpidr)
{
	return (mpidr & ~0xffULL) ? -1 : (long)(mpidr & 0xff);
}

static long cpu_on(struct vcpu *v, uint64_t target, uint64_t pc, uint64_t ctx)
{
	long k = mpidr_to_vhart(target);

	if (k < 0 || !cell_vcpu(v->cell, (unsigned long)k))
		return PSCI_INVALID_PARAMS;
	switch (vcpu_hart_start(v, (unsigned long)k, pc, ctx)) {
	case FV_OK: return PSCI_SUCCESS;
	case FV_EFAULT: return PSCI_INVALID_ADDRESS;
	case FV_EBUSY: return vcpu_hart_status(v, (unsigned long)k) == VCPU_RUNNING ?
			      PSCI_ALREADY_ON : PSCI_ON_PENDING;
	default: return PSCI_INVALID_PARAMS;
	}
}

/*
 * CPU_SUSPEND: wait on the vCPU's own CPU for a wake-up event, an
 * interrupt for it, whatever its masks (one already in its list
 * registers ends the wait at once; a physical one, the virtual timer's, a
 * passthrough SPI's or the kick of a virtual one, wakes the CPU, and the
 * way back into the guest forwards it).  The CPU's requests are served
 * as the guest's own traps would (a stop or restart of the cell).  A
 * standby state returns SUCCESS; a powerdown state resumes at `pc` with
 * x0 = `ctx`, as after a warm boot.
 */
static long cpu_suspend(struct cpu *c, struct vcpu *v, uint64_t state, uint64_t pc,
			uint64_t ctx)
{
	bool down = (uint32_t)state & PS_POWERDOWN;

	if ((uint32_t)state & PS_RESERVED)
		return PSCI_INVALID_PARAMS;
	if (down && !cell_gpa_to_hva(v->cell, pc, 4, MEM_X))
		return PSCI_INVALID_ADDRESS;
	arm64_vlr_sync(v);
	if (!arm64_vlr_pending())
		__asm__ volatile("dsb sy\n wfi" ::: "memory");
	cpu_handle_requests(c, REQS_MAY_ADMIN);
	if (!down)
		return PSCI_SUCCESS;
	arm64_vcpu_warm_entry(c, pc);
	return (long)ctx;
}

static long affinity_info(struct vcpu *v, uint64_t target, uint64_t level)
{
	long k = mpidr_to_vhart(target), st;

	if (level != 0 || k < 0 || (st = vcpu_hart_status(v, (unsigned long)k)) < 0)
		return PSCI_INVALID_PARAMS;
	if (st == VCPU_RUNNING || st == VCPU_SUSPENDED || st == VCPU_STOP_PENDING)
		return AFF_INFO_ON;
	return st == VCPU_START_PENDING ? AFF_INFO_ON_PENDING : AFF_INFO_OFF;
}

static long features(uint64_t fn)
{
	switch (fn) {
	case PSCI_VERSION: case PSCI_FEATURES: case PSCI_CPU_ON_64: case PSCI_CPU_OFF:
	case PSCI_AFFINITY_INFO_64: case PSCI_SYSTEM_OFF: case PSCI_SYSTEM_RESET:
	/* CPU_SUSPEND's flags, 0: the original power_state format, no
	 * OS-initiated mode */
	case PSCI_CPU_SUSPEND_32: case PSCI_CPU_SUSPEND_64:
		return PSCI_SUCCESS;
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

void arm64_vpsci_call(struct cpu *c)
{
	struct vcpu *v = c->vcpu;
	unsigned long *x = c->arch.regs;
	uint32_t fn = (uint32_t)x[0];
	long r;

	v->stats.fw_calls[fw_kind(fn)]++;
	switch (fn) {
	case PSCI_VERSION:
		r = PSCI_VERSION_1_0;
		break;
	case PSCI_FEATURES:
		r = features(x[1]);
		break;
	case PSCI_CPU_SUSPEND_32:
		r = cpu_suspend(c, v, x[1], (uint32_t)x[2], (uint32_t)x[3]);
		break;
	case PSCI_CPU_SUSPEND_64:
		r = cpu_suspend(c, v, x[1], x[2], x[3]);
		break;
	case PSCI_CPU_ON_64:
		r = cpu_on(v, x[1], x[2], x[3]);
		break;
	case PSCI_CPU_OFF:
		vcpu_hart_stop(v);
	case PSCI_AFFINITY_INFO_64:
		r = affinity_info(v, x[1], x[2]);
		break;
	case PSCI_SYSTEM_OFF:
		cell_stop(v, "shutdown by its guest");
	case PSCI_SYSTEM_RESET:
		cell_reboot(v);
	default:
		r = PSCI_NOT_SUPPORTED;
	}
	x[0] = (unsigned long)r;
}
