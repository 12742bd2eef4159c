/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The list registers of vCPU 1's CPU, faked for the vGIC unit tests
 * (test_arm64_vgic.c, test_arm64_vgic2.c), which link vlr.c: the GIC
 * hooks it calls, the cell and vCPU 1 the model syncs, and the tests'
 * helpers to find an interrupt in a list register and to sync them.
 * One copy, included once by each test after <arch/vgic.h> and
 * <fv/cell.h>.
 */
#ifndef FAKE_LRS_H
#define FAKE_LRS_H

static uint64_t lrs[VGIC_LRS];
static unsigned deactivated;	/* physical SPIs ended by vlr.c */
static unsigned ppi_deactivated;	/* physical PPIs ended by vlr.c */
static uint64_t ppi_mpidr;		/* the last one's CPU */

uint64_t arm64_lr_read(unsigned n) { return n < VGIC_LRS ? lrs[n] : 0; }
void arm64_lr_write(unsigned n, uint64_t v) { if (n < VGIC_LRS) lrs[n] = v; }
unsigned arm64_nr_lrs(void) { return VGIC_LRS; }
void irqc_vif_on(bool underflow) { (void)underflow; }
bool gic_ready(void) { return true; }
void gic_spi_deactivate(unsigned intid) { (void)intid; deactivated++; }
void gic_ppi_deactivate(uint64_t mpidr, unsigned intid)
{
	(void)intid;
	ppi_mpidr = mpidr;
	ppi_deactivated++;
}
void arm64_vlr_sync(struct vcpu *v);

static struct cell cell;
static struct cpu cpu1 = { .hwid = 0x101 };
static struct vcpu vcpu1 = { .cell = &cell, .cpu = &cpu1, .vhartid = 1 };

/* The list register of vCPU 1 holding `intid` (LRs 1..3), or 0. */
static inline unsigned lr_of(unsigned intid)
{
	for (unsigned n = 1; n < VGIC_LRS; n++)
		if (lrs[n] && (lrs[n] & 0x3ff) == intid)
			return n;
	return 0;
}

/* vCPU 1 was kicked: its CPU syncs its list registers. */
static inline void sync1(void)
{
	cell.arch.vgic.cpu[1].dirty = true;
	arm64_vlr_sync(&vcpu1);
}

#endif
