/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The virtual GIC's memory-mapped part, per cell (vgic.c, vgicd.c), for
 * both variants.  GICv3: a distributor (64 KiB at .arch.vgicd_gpa) and
 * one redistributor frame pair (128 KiB) per vCPU from .arch.vgicr_gpa
 * (irqc/gicv3/vgicr.c); the CPU interface is the hardware's virtual one
 * (ICH_*_EL2; the guest's ICC_* registers reach it through
 * HCR_EL2.IMO).  GICv2: the distributor only, whose INTIDs 0..31 are the
 * accessing vCPU's (vgic_cpu_read/write, through ops->self), and the
 * board's GICV page at .arch.vgicr_gpa (irqc/gicv2/).  The redistributors model PPIs and SGIs (group,
 * enable, priority, configuration; SGIs pending per vCPU, on a GICv2 per
 * source too); the
 * distributor models the cell's own SPIs only (its emulated devices' and
 * its passthrough devices' lines, added at boot with vgic_add_spi):
 * group, enable, pending, active, priority, configuration and the
 * variant's routing (IROUTER or ITARGETSR: vgicd_set_target).
 * Every other SPI reads as zero and ignores writes, so a guest cannot see
 * or touch another cell's interrupt.  GICD_TYPER covers the highest SPI
 * the cell owns.  A guest enabling or disabling a PPI the hypervisor
 * forwards (the virtual timer's) is told to ops->ppi_enable; a
 * passthrough SPI is enabled and routed physically through ops->spi_hw.
 * Accesses: widths 1 (priorities, GICv2's ITARGETSR), 4 and 8
 * (GICR_TYPER, GICD_IROUTER), aligned; anything else is refused (-1).
 *
 * What the list registers hold is vlr.c's business: the model only
 * says, per vCPU, whether something may be waiting for it (dirty), what
 * its CPU last recorded of them (lr_state at every sync; lr_pending,
 * lr_active only at a sync after another CPU asked: record_wanted; for
 * other CPUs' reads) and what other CPUs left to its next sync (unpend,
 * deact, act, sgi_unpend, record_wanted; flagged by `requests`), all
 * under the cell's lock.
 */
#ifndef ARCH_VGIC_H
#define ARCH_VGIC_H

#include <fv/emul.h>
#include <fv/layout.h>
#include <fv/spinlock.h>

#define VGICD_SIZE	0x10000
#define VGICR_FRAME	0x20000
#define VGICR_SIZE	(VGICR_FRAME * LAYOUT_MAX_HARTS)	/* the layout's window */

/* SPIs a cell may own: its passthrough devices' and emulated devices' */
#define VGIC_MAX_SPIS	(LAYOUT_MAX_DEVS * LAYOUT_DEV_IRQS + LAYOUT_MAX_EMUS)
#define VGIC_LRS	4	/* list registers used (QEMU has 4); LR 0: vtimer */
#define VGIC_NO_LR	0xff
#define VGIC_NO_VCPU	0xff

struct vgic_ops {
	/* vCPU `k` enabled (on) or disabled PPI/SGI `intid` */
	void (*ppi_enable)(void *arg, unsigned k, unsigned intid, bool on);
	/* passthrough SPI `intid`: route the physical one to vCPU `k`'s CPU
	 * and enable it (on), or disable it */
	void (*spi_hw)(void *arg, unsigned intid, unsigned k, bool on);
	/* passthrough SPI `intid` is active physically and no guest will end
	 * it (a reset): deactivate it */
	void (*spi_end)(void *arg, unsigned intid);
	/* something may be waiting for vCPU `k` (it is marked dirty) */
	void (*kick)(void *arg, unsigned k);
	/* the vCPU whose access is being served (GICv2's banked registers) */
	unsigned (*self)(void *arg);
};

struct vgic_spi {
	uint16_t intid;
	bool hw;		/* passthrough: the physical SPI of that INTID */
	bool group, enabled, edge;
	bool pending;		/* latched, not yet in a list register */
	bool level;		/* an emulated device's line */
	uint8_t lr_state;	/* its list register's state when last seen */
	uint8_t prio;
	uint8_t target;		/* vCPU from IROUTER/ITARGETSR, or VGIC_NO_VCPU */
	uint8_t lr;		/* list register on the target's CPU, or VGIC_NO_LR */
	uint8_t lr_vcpu;	/* whose list register */
	bool unpend;		/* a clear-pending for that list register,
				   another CPU's: done at its next sync */
	bool deact, act;	/* likewise a clear-active, a set-active */
	uint64_t irouter;	/* GICv3: as written */
};

struct vgic_cpu {
	uint32_t group, enable, icfgr1;
	bool sleep;			/* GICR_WAKER.ProcessorSleep */
	bool dirty;			/* the list registers want a look */
	uint16_t sgi_pending;		/* bit i: SGI i waits (from sgi_src[i]) */
	uint8_t sgi_src[16];		/* per SGI: its waiting sources (bit s:
					   vCPU s; GICv3: always bit 0) */
	uint8_t lr_used;		/* bit n: LR n holds lr_intid[n] */
	uint16_t lr_intid[VGIC_LRS];
	uint8_t lr_src[VGIC_LRS];	/* an SGI's source in LR n */
	uint16_t lr_sgis;		/* bit i: SGI i is in an LR (one at most) */
	uint16_t sgi_unpend;		/* bit i: SGI i's LR to leave pending (a
					   clear-pending from another CPU) */
	uint32_t lr_pending, lr_active;	/* bit i: INTID i (0..31) pending,
					   active in an LR when its CPU last
					   recorded them (for other CPUs'
					   reads; none before the first) */
	bool record_wanted;		/* another CPU read them: the next
					   sync records them afresh */
	bool requests;			/* unpend, deact, act, sgi_unpend or
					   record_wanted set for the next
					   sync: it looks at them only then */
	uint32_t deact, act;		/* bit i: clear-active, set-active of
					   INTID i for the next sync (another
					   CPU's; the timer's: any CPU's) */
	uint8_t prio[32];
};

struct vgic {
	spinlock_t lock;
	const struct vgic_ops *ops;
	void *arg;
	unsigned nr_vcpus;
	/* GICv2 (the variant's irqc_cell_init sets it): an SGI is pending
	 * once per source vCPU and its list register names the source (the
	 * guest's IAR shows it); GICv3: once, source 0 */
	bool sgi_sources;
	uint32_t gicd_ctlr;
	unsigned nr_spis, nr_intids;	/* GICD_TYPER's ITLinesNumber: from max */
	struct vgic_spi spi[VGIC_MAX_SPIS];
	struct vgic_cpu cpu[LAYOUT_MAX_HARTS];
};

void vgic_init(struct vgic *g, unsigned nr_vcpus, const struct vgic_ops *ops, void *arg);
void vgic_reset(struct vgic *g);
bool vgic_ppi_enabled(struct vgic *g, unsigned k, unsigned intid);
/* The priority the guest gave PPI/SGI `intid` of vCPU `k`. */
uint8_t vgic_priority(struct vgic *g, unsigned k, unsigned intid);
/* At boot, before any vCPU runs: SPI `intid` (32..1019) is the cell's;
 * hw: a passthrough one.  -1 if the table is full or it is no SPI. */
int vgic_add_spi(struct vgic *g, unsigned intid, bool hw);
/* The cell's SPI `intid`, or NULL; with g->lock held. */
struct vgic_spi *vgic_find_spi(struct vgic *g, unsigned intid);
/* An emulated device's line (any CPU of the cell). */
void vgic_set_level(struct vgic *g, unsigned intid, bool level);
/* Passthrough SPI `intid` fired on the CPU of vCPU `k`, which dropped
 * its priority: true if it is to be injected (pending now), false if the
 * caller must deactivate it (not the cell's, or disabled). */
bool vgic_hw_fired(struct vgic *g, unsigned intid);
/* SGI `sgi` from vCPU `from` to the vCPUs in `targets` (bit k: vCPU k;
 * others are ignored), or to all others (`all`); pending from source
 * `from` if the cell keeps SGI sources (sgi_sources; vCPUs 0..7), else
 * from source 0. */
void vgic_send_sgi(struct vgic *g, unsigned from, unsigned sgi, uint16_t targets, bool all);
/* The same with g->lock held (a GICv2 guest's GICD_SGIR write). */
void vgic_send_sgi_locked(struct vgic *g, unsigned from, unsigned sgi, uint16_t targets,
			  bool all);
/* SGI `sgi` of vCPU `c` waits from source `src` (0..7; lock held). */
void vgic_sgi_pend(struct vgic_cpu *c, unsigned sgi, unsigned src);
/* No source of SGI `sgi` of vCPU `c` waits any more (lock held). */
void vgic_sgi_unpend(struct vgic_cpu *c, unsigned sgi);
/* The vCPU whose access is being served (ops->self), or VGIC_NO_VCPU:
 * its list registers are this CPU's. */
unsigned vgic_accessor(const struct vgic *g);
/* Mark vCPU `k` dirty and kick it (lock held). */
void vgic_notify(struct vgic *g, unsigned k);
/* vgic_notify, with something left to vCPU `k`'s next sync (a request
 * from another CPU, or the timer's clear-active): its `requests`. */
void vgic_request(struct vgic *g, unsigned k);
/* SPI `s` now goes to vCPU `target` (none if the cell has no such
 * vCPU): its physical side follows (lock held; the variants' routing
 * registers). */
void vgicd_set_target(struct vgic *g, struct vgic_spi *s, unsigned target);
/* vgicd.c, for vgic_reset(): the SPIs back to reset, physical ones off */
void vgicd_reset_locked(struct vgic *g);

/* The per-vCPU registers of vCPU `k` (lock held) at offset `r` of a
 * GICv3 redistributor (RD frame, then SGI frame at 0x10000; a GICv2
 * banked distributor register is at VGIC_SGI_FRAME + its offset):
 * 0, or -1 refused. */
#define VGIC_SGI_FRAME	0x10000
int vgic_cpu_read(struct vgic *g, unsigned k, uint64_t r, unsigned width, uint64_t *val);
int vgic_cpu_write(struct vgic *g, unsigned k, uint64_t r, unsigned width, uint64_t val);

/* emu_dev adapters: emu_dev->state is the struct vgic */
extern const struct emu_ops vgicd_emu_ops, vgicr_emu_ops;

#endif
