/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The virtual GICv3's memory-mapped part, per cell (vgic.c): a
 * distributor (64 KiB at .arch.vgicd_gpa) and one redistributor frame
 * pair (128 KiB) per vCPU from .arch.vgicr_gpa.  The CPU interface is the
 * hardware's virtual one (ICH_*_EL2; the guest's ICC_* registers reach it
 * through HCR_EL2.IMO).  So far only PPIs and SGIs of the redistributors
 * are modelled: their group, enable, priority and configuration bits;
 * the distributor has no SPIs yet (GICD_TYPER says 32 INTIDs) and answers
 * its identification registers.  A guest enabling or disabling a PPI the
 * hypervisor forwards (the virtual timer's) is told to ops->ppi_enable.
 * Accesses: widths 1 (priorities), 4 and 8 (GICR_TYPER), aligned;
 * anything else is refused (-1).
 */
#ifndef ARCH_VGIC_H
#define ARCH_VGIC_H

#include <fv/emul.h>
#include <fv/layout.h>
#include <fv/spinlock.h>

#define VGICD_SIZE	0x10000
#define VGICR_FRAME	0x20000
#define VGICR_SIZE	(VGICR_FRAME * LAYOUT_MAX_HARTS)	/* the layout's window */

struct vgic_ops {
	/* vCPU `k` enabled (on) or disabled PPI/SGI `intid` */
	void (*ppi_enable)(void *arg, unsigned k, unsigned intid, bool on);
};

struct vgic_cpu {
	uint32_t group, enable, icfgr1;
	bool sleep;			/* GICR_WAKER.ProcessorSleep */
	uint8_t prio[32];
};

struct vgic {
	spinlock_t lock;
	const struct vgic_ops *ops;
	void *arg;
	unsigned nr_vcpus;
	uint32_t gicd_ctlr;
	struct vgic_cpu cpu[LAYOUT_MAX_HARTS];
};

void vgic_init(struct vgic *g, unsigned nr_vcpus, const struct vgic_ops *ops, void *arg);
void vgic_reset(struct vgic *g);
bool vgic_ppi_enabled(struct vgic *g, unsigned k, unsigned intid);
/* The priority the guest gave PPI/SGI `intid` of vCPU `k`. */
uint8_t vgic_priority(struct vgic *g, unsigned k, unsigned intid);

/* emu_dev adapters: emu_dev->state is the struct vgic */
extern const struct emu_ops vgicd_emu_ops, vgicr_emu_ops;

#endif
