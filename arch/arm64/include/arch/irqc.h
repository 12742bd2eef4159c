/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Why this file: the one interface between the GIC-neutral code of
 * arch/arm64 (the cell's distributor model vgicd.c, the per-vCPU model
 * vgic.c, the list-register bookkeeping vlr.c, virq.c) and the GIC
 * variant the image is built for, arch/arm64/irqc/gicv3/ or
 * arch/arm64/irqc/gicv2/ (CONFIG_ARM64_GIC_VERSION picks the directory in
 * arch.mk; nothing is chosen at run time).  The host driver's half is
 * <arch/gic.h>, which each variant implements too.
 *
 * List registers travel in GICv3's ICH_LR<n>_EL2 layout (state 63:62, HW
 * 61, group 60, priority 55:48, pINTID 44:32, EOI 41, vINTID 31:0); a
 * GICv2 variant converts to and from GICH_LR<n>.  An SGI's source CPU,
 * which a GICv2 guest reads in its IAR, rides in vINTID bits 12:10 (where
 * GICH_LR has its CPUID field); it is always 0 on a GICv3 cell, whose
 * SGIs have no source (struct vgic's sgi_sources).
 */
#ifndef ARCH_IRQC_H
#define ARCH_IRQC_H

#include <fv/emul.h>
#include <fv/types.h>

struct cell;
struct vcpu;
struct vgic;
struct vgic_cpu;

#define LR_STATE(lr)	((unsigned)((lr) >> 62))
#define LR_PENDING	(1ULL << 62)
#define LR_ACTIVE	(1ULL << 63)
#define LR_HW		(1ULL << 61)
#define LR_GROUP1	(1ULL << 60)
#define LR_EOI		(1ULL << 41)
#define LR_PRIO(p)	((uint64_t)(p) << 48)
#define LR_PINTID(i)	((uint64_t)(i) << 32)
#define LR_SGI_SRC(s)	((uint64_t)(s) << 10)	/* an SGI's source CPU, 0..7 */
#define LR_SGI_SRC_OF(lr)	((unsigned)((lr) >> 10) & 7U)

/* The virtual CPU interface of this CPU: its list registers (at most
 * VGIC_LRS used), on (with the underflow maintenance interrupt or not),
 * off, and its guest-visible state (priority mask, enables) reset. */
unsigned arm64_nr_lrs(void);
uint64_t arm64_lr_read(unsigned n);
void arm64_lr_write(unsigned n, uint64_t v);
void irqc_vif_on(bool underflow);
void irqc_vif_off(void);
void irqc_vif_reset(void);
/* The maintenance interrupt came (before the list-register sync): what
 * the variant must do for list registers the guest has ended (GICv2 on
 * QEMU: deactivate their physical interrupts itself, see its lr.c). */
void irqc_maint(void);

/* The cell's guest-visible GIC beside the shared distributor: its
 * emulated windows and stage-2 mappings (cell.c, at cell creation). */
int irqc_cell_init(struct cell *c);
/* cell.c: an emulated window of the cell's virtual GIC (state: its vgic) */
void arm64_cell_add_window(struct cell *c, const char *name, const struct emu_ops *ops,
			   gpaddr_t base, uint64_t size);

/* The variant's own registers of the distributor window (vgicd.c asks
 * first, lock held): 0 served, -1 refused, 1 not the variant's. */
int vgicd_variant_read(struct vgic *g, uint64_t off, unsigned width, uint64_t *val);
int vgicd_variant_write(struct vgic *g, uint64_t off, unsigned width, uint64_t val);
/* GICD_CTLR bits that read as one, GICD_TYPER bits beside the lines, and
 * GICD_PIDR2 (ArchRev), for this variant. */
uint32_t vgicd_variant_ctlr(void);
uint32_t vgicd_variant_typer(const struct vgic *g);
uint32_t vgicd_variant_pidr2(void);

/* The model's registers (vgic.c, vgicd.c, a GICv2's vgicd_regs.c) and
 * vlr.c, lock held, about `vc`, the vCPU on this CPU (the accessing one:
 * only its list registers are readable here): the state (LR_STATE: bit
 * 0 pending, bit 1 active) of `intid` in one of them (the virtual
 * timer's PPI: LR 0); which of INTIDs 0..31 have state bit `st` there;
 * the pending state of `intid` removed there (a list register only
 * pending emptied, an active and pending one left active; not LR 0);
 * the source (as a mask, bit s: vCPU s) of SGI `sgi` pending, or active
 * and pending, in one (GICv2); `intid` made active or not in one of
 * LRs 1..3 (vlr.c says how; the timer's LR 0 is left to the sync). */
unsigned arm64_vlr_state(const struct vgic_cpu *vc, unsigned intid);
uint32_t arm64_vlr_private(const struct vgic_cpu *vc, unsigned st);
void arm64_vlr_unpend(struct vgic *g, struct vgic_cpu *vc, unsigned intid);
uint8_t arm64_vlr_sgi_pending(const struct vgic_cpu *vc, unsigned sgi);
void arm64_vlr_active(struct vgic *g, struct vgic_cpu *vc, unsigned intid, bool on);

/* A guest's trapped write of an ICC SGI register (guest_trap.c): true
 * if it is the variant's way to send an SGI (then done), false: the
 * cell stops.  `key` is the register (ISS_SYSREG_KEY). */
bool arm64_vsgi_sysreg(struct vcpu *v, uint32_t key, uint64_t val);

#endif
