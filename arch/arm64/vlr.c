// SPDX-License-Identifier: GPL-2.0-only
/*
 * The list registers (<arch/irqc.h>: ICH_LR<n>_EL2, GICH_LR<n>) of the vCPU on this CPU, kept in
 * step with its cell's virtual GIC model.  Why a sync on the way back
 * into the guest and not a write where an interrupt is raised: a list
 * register can only be written on its own CPU, while an SPI or SGI may be
 * raised on any CPU of the cell; the raiser marks the target vCPU dirty
 * and kicks its CPU (vgic_notify), and that CPU, before it returns to its
 * guest, retires the list registers the guest is done with and fills the
 * free ones.  LR 0 stays the virtual timer's (virq.c).
 *
 * An emulated level SPI goes in with the EOI bit, so the guest's end of
 * it raises the maintenance interrupt and the line is looked at again;
 * with more waiting than there are free list registers, the underflow
 * maintenance interrupt (irqc_vif_on) asks for the next sync.  One
 * exception to "raise, then sync": a passthrough SPI fires on its target
 * vCPU's own CPU, which may list it at once when nothing else waits for
 * that vCPU (arm64_vlr_hw_direct), and then has no sync to do.
 *
 * Order: the free list registers take the waiting interrupts highest
 * priority first (lowest value; equal ones by INTID, SGIs first), and an
 * interrupt still only pending in a list register (the guest has not
 * taken it) makes room for a more urgent one and waits again.  The
 * guest's priority mask, running priority and group enables are applied
 * by the virtual CPU interface itself to what is listed (Arm IHI 0069,
 * "Virtual CPU interface"; GICv2's GICV likewise), so listing the most
 * urgent ones is what makes them hold as the architecture says: a masked
 * low-priority interrupt cannot sit in a list register while an unmasked
 * higher one waits outside.  Active ones stay where they are.
 *
 * SGIs on a GICv2 cell are pending once per source vCPU (struct vgic's
 * sgi_sources): an SGI goes in from one source at a time, named in its
 * list register (LR_SGI_SRC, the guest's IAR CPUID), and the next source
 * follows when the guest has ended that one (relist_sgi).
 *
 * The guest's pending and active registers (GICR_/GICD_I[SC]PENDR,
 * I[SC]ACTIVER, GICv2's GICD_[CS]PENDSGIR) see what sits in a list
 * register, a clear-pending takes it out there, a clear-active or
 * set-active changes it there (arm64_vlr_state, _private, _unpend,
 * _sgi_pending, _active): the accessing vCPU's list registers are those
 * of the CPU serving the access.  Another vCPU's are not readable here,
 * so another CPU reads what this one last recorded of them.  SPIs: each
 * sync records their state (lr_state), and a read of one listed kicks
 * this CPU so that it follows the guest.  INTIDs 0..31 (SGIs, the
 * timer's PPI in LR 0): recorded on demand, not at every sync (that cost
 * the interrupt paths a list register read or more each).  Another CPU's
 * read of the vCPU's GICR_I[SC]PENDR0 or I[SC]ACTIVER0 returns the
 * record as it stands (lr_pending, lr_active; less the clear-pending and
 * clear-active, plus the set-active, still to do), sets record_wanted
 * and kicks this CPU (once while it stays set); the next sync records
 * them (record()) after its other steps, as the guest will find them,
 * and clears the flag; a sync without it leaves the record as it is.
 * So the record is as of the sync after the previous such read: nothing
 * (empty) before the first, possibly long stale at a first read after a
 * quiet time, and a guest polling one (for the end of another vCPU's
 * SGI) sees from its second read on what that vCPU held after its
 * previous one.  A reset (arm64_vlr_drop) empties it.  A clear-pending,
 * clear-active or set-active for them is left to its CPU's next sync
 * (unpend, deact, act, sgi_unpend; it is kicked), as is any clear-active
 * of the timer's PPI, whose physical PPI only this CPU may deactivate;
 * every such request also sets the vCPU's `requests` flag
 * (vgic_request), and a sync looks at them only when it is set.
 * All of it, record_wanted too (as lr_state: plain fields), under the
 * cell's lock, which every sync and register access holds; the kick's
 * dirty flag is the only one looked at outside it.
 */
#include <arch/gic.h>
#include <arch/irqc.h>
#include <fv/arch_cell.h>
#include "guest.h"

#define ST_ACTIVE	2
#define CTLR_GRP1	(1U << 1)
#define CTLR_GRP0	(1U << 0)

static unsigned free_lr(const struct vgic_cpu *vc)
{
	for (unsigned n = 1; n < arm64_nr_lrs(); n++)
		if (!((vc->lr_used >> n) & 1))
			return n;
	return 0;
}

static void take_lr(struct vgic_cpu *vc, unsigned n, unsigned intid, uint64_t lr)
{
	arm64_lr_write(n, lr);
	vc->lr_used |= (uint8_t)(1U << n);
	vc->lr_intid[n] = (uint16_t)intid;
}

/* List register `n` is free again. */
static void free_lr_n(struct vgic_cpu *vc, unsigned n)
{
	arm64_lr_write(n, 0);
	vc->lr_used &= (uint8_t)~(1U << n);
	if (vc->lr_intid[n] < 16)
		vc->lr_sgis &= (uint16_t)~(1U << vc->lr_intid[n]);
}

/* List register `n` is done with (the guest's end, or a clear-active
 * of what was only active): free again; an SPI it held waits again if
 * its line is still up. */
static void ended(struct vgic_cpu *vc, unsigned n, struct vgic_spi *s)
{
	free_lr_n(vc, n);
	if (!s)
		return;
	s->lr = VGIC_NO_LR;
	s->lr_state = 0;
	if (!s->hw && !s->edge && s->level)
		s->pending = true;	/* the line is still up */
}

/* Another CPU's clear-pending, clear-active or set-active for SPI `s`
 * in a list register of `vc`, the vCPU on this CPU: done here. */
static void spi_requests(struct vgic *g, struct vgic_cpu *vc, struct vgic_spi *s)
{
	if (s->unpend) {
		s->unpend = false;
		arm64_vlr_unpend(g, vc, s->intid);
	}
	if (s->deact || s->act) {
		bool on = s->act;

		s->deact = s->act = false;
		arm64_vlr_active(g, vc, s->intid, on);
	}
}

/* The guest is done with LRs whose state went invalid. */
static void retire(struct vgic *g, struct vgic_cpu *vc)
{
	for (unsigned n = 1; n < VGIC_LRS; n++) {
		struct vgic_spi *s;
		unsigned st;

		if (!((vc->lr_used >> n) & 1))
			continue;
		s = vc->lr_intid[n] >= 32 ? vgic_find_spi(g, vc->lr_intid[n]) : NULL;
		st = LR_STATE(arm64_lr_read(n));
		if (s)
			s->lr_state = (uint8_t)st;
		if (!st)
			ended(vc, n, s);	/* its EOI request answered */
	}
}

static bool listable(const struct vgic *g, const struct vgic_spi *s)
{
	return s->enabled && (g->gicd_ctlr & (s->group ? CTLR_GRP1 : CTLR_GRP0));
}

static bool deliverable(const struct vgic *g, const struct vgic_spi *s)
{
	return s->pending && listable(g, s);
}

static uint64_t spi_lr(const struct vgic_spi *s)
{
	uint64_t lr = LR_PENDING | LR_PRIO(s->prio) | s->intid |
		      (s->group ? LR_GROUP1 : 0);

	if (s->hw)
		return lr | LR_HW | LR_PINTID(s->intid);
	return s->edge ? lr : lr | LR_EOI;
}

/* An SPI already listed: pending again while the guest has it active. */
static void relist(struct vgic_spi *s)
{
	if (s->lr_state == ST_ACTIVE) {
		arm64_lr_write(s->lr, arm64_lr_read(s->lr) | LR_PENDING);
		s->lr_state |= 1;
	}
	s->pending = false;
}

/* Already listed SPIs pending again (while the guest has them active)
 * go back in their own list register. */
static void relist_spis(struct vgic *g, unsigned k)
{
	for (unsigned i = 0; i < g->nr_spis; i++) {
		struct vgic_spi *s = &g->spi[i];

		if (s->target == k && s->lr != VGIC_NO_LR && s->lr_vcpu == k && deliverable(g, s))
			relist(s);
	}
}

/* SGI `sgi`, listed in list register `n` from one source, waits again:
 * from that source, it goes back in there (pending again while the guest
 * has it active); another source waits until the guest ends this one,
 * whose end then raises the maintenance interrupt (EOI) for a sync.  One
 * list register per SGI: the virtual CPU interface tells the guest's
 * ends apart by INTID only. */
static void relist_sgi(struct vgic_cpu *vc, unsigned n, unsigned sgi)
{
	uint64_t old = arm64_lr_read(n), lr = old;
	unsigned src = vc->lr_src[n];

	if ((vc->sgi_src[sgi] >> src) & 1) {
		if (LR_STATE(lr) == ST_ACTIVE)
			lr |= LR_PENDING;
		vc->sgi_src[sgi] &= (uint8_t)~(1U << src);
	}
	if (vc->sgi_src[sgi])
		lr |= LR_EOI;
	else
		vc->sgi_pending &= (uint16_t)~(1U << sgi);
	if (lr != old)
		arm64_lr_write(n, lr);
}

/* Likewise the SGIs already listed; the rest of the pending ones wait. */
static void relist_sgis(struct vgic_cpu *vc)
{
	uint16_t want = vc->sgi_pending & (uint16_t)vc->enable & vc->lr_sgis;

	for (unsigned n = 1; want && n < VGIC_LRS; n++) {
		unsigned sgi = vc->lr_intid[n];

		if (((vc->lr_used >> n) & 1) && sgi < 16 && ((want >> sgi) & 1))
			relist_sgi(vc, n, sgi);
	}
}

/* The list register (1..3) holding `intid` of `vc` (one at most), or 0. */
static unsigned intid_lr(const struct vgic_cpu *vc, unsigned intid)
{
	if (intid < 16 && !((vc->lr_sgis >> intid) & 1))
		return 0;
	for (unsigned n = 1; n < VGIC_LRS; n++)
		if (((vc->lr_used >> n) & 1) && vc->lr_intid[n] == intid)
			return n;
	return 0;
}

/* The state (LR_STATE: bit 0 pending, bit 1 active) of `intid` in a
 * list register of `vc`, the vCPU on this CPU; the virtual timer's PPI
 * in LR 0 (virq.c); lock held. */
unsigned arm64_vlr_state(const struct vgic_cpu *vc, unsigned intid)
{
	unsigned n = intid_lr(vc, intid);
	uint64_t lr0;

	if (n)
		return LR_STATE(arm64_lr_read(n));
	if (intid != GIC_PPI_VTIMER)
		return 0;
	lr0 = arm64_lr_read(0);
	return (lr0 & 0x3ff) == GIC_PPI_VTIMER ? LR_STATE(lr0) : 0;
}

/* Which of INTIDs 0..31 of `vc` (the vCPU on this CPU) are in state
 * `st` (LR_STATE bits: 1 pending, 2 active) in its list registers. */
uint32_t arm64_vlr_private(const struct vgic_cpu *vc, unsigned st)
{
	uint32_t v = (arm64_vlr_state(vc, GIC_PPI_VTIMER) & st) ? 1U << GIC_PPI_VTIMER : 0;

	for (unsigned n = 1; n < VGIC_LRS; n++)
		if (((vc->lr_used >> n) & 1) && vc->lr_intid[n] < 32 &&
		    (LR_STATE(arm64_lr_read(n)) & st))
			v |= 1U << vc->lr_intid[n];
	return v;
}

/* SPI `s`'s list register emptied while pending: a passthrough one's
 * guest will never end it, so its physical one is ended here. */
static void spi_unlisted(struct vgic_spi *s)
{
	if (s->hw)
		gic_spi_deactivate(s->intid);
	s->lr = VGIC_NO_LR;
	s->lr_state = 0;
}

/* `intid` of `vc`, the vCPU on this CPU, no longer pending in its list
 * register: one only pending is emptied (an SGI's other sources, if
 * any, still wait and go in at the next sync), an active and pending one
 * stays active; lock held.  Not LR 0: the timer's level PPI is pending
 * while its line is up (virq.c). */
void arm64_vlr_unpend(struct vgic *g, struct vgic_cpu *vc, unsigned intid)
{
	unsigned n = intid_lr(vc, intid);
	uint64_t lr = n ? arm64_lr_read(n) : 0;
	struct vgic_spi *s = n && intid >= 32 ? vgic_find_spi(g, intid) : NULL;

	if (LR_STATE(lr) == 1) {
		free_lr_n(vc, n);
		if (s)
			spi_unlisted(s);
	} else if (LR_STATE(lr) == 3) {
		arm64_lr_write(n, lr & ~LR_PENDING);
		if (s)
			s->lr_state = ST_ACTIVE;
	}
}

/* The source of SGI `sgi` pending (or active and pending) in a list
 * register of `vc`, the vCPU on this CPU, as a mask; lock held. */
uint8_t arm64_vlr_sgi_pending(const struct vgic_cpu *vc, unsigned sgi)
{
	unsigned n = sgi < 16 ? intid_lr(vc, sgi) : 0;

	if (!n || !(LR_STATE(arm64_lr_read(n)) & 1))
		return 0;
	return (uint8_t)(1U << vc->lr_src[n]);
}

/* Another CPU's clear-pending of SGIs in list registers of `vc`, the
 * vCPU on this CPU (GICR_ICPENDR0 of its redistributor): done here. */
static void unpend_sgis(struct vgic *g, struct vgic_cpu *vc)
{
	for (unsigned i = 0; vc->sgi_unpend && i < 16; i++)
		if ((vc->sgi_unpend >> i) & 1) {
			vc->sgi_unpend &= (uint16_t)~(1U << i);
			arm64_vlr_unpend(g, vc, i);
		}
}

/* `intid` of `vc`, the vCPU on this CPU, made active (`on`) or not in
 * its list register (1..3), lock held.  A set: not of a HW entry (a
 * passthrough SPI's active state is its physical one's, and a HW entry
 * is never pending and active), nor of an empty one.  A clear of one
 * only active is the guest's end without its EOI: the list register is
 * done with (ended()) and a passthrough SPI's physical one is
 * deactivated here, as its HW bit never will (freed first: a GICv2's HW
 * entry, still active, is then not ended twice).  What waits behind it
 * (an SGI's next source, a level SPI's line still up) is pending and
 * enabled, so the register write that got here has asked for a sync. */
void arm64_vlr_active(struct vgic *g, struct vgic_cpu *vc, unsigned intid, bool on)
{
	unsigned n = intid_lr(vc, intid);
	uint64_t lr = n ? arm64_lr_read(n) : 0;
	struct vgic_spi *s = n && intid >= 32 ? vgic_find_spi(g, intid) : NULL;

	if (on && LR_STATE(lr) && !(lr & (LR_HW | LR_ACTIVE)))
		lr |= LR_ACTIVE;
	else if (!on && LR_STATE(lr) == 3)
		lr &= ~LR_ACTIVE;
	else if (!on && LR_STATE(lr) == ST_ACTIVE) {
		ended(vc, n, s);
		if (s && s->hw)
			gic_spi_deactivate(intid);
		return;
	} else
		return;
	arm64_lr_write(n, lr);
	if (s)
		s->lr_state = (uint8_t)LR_STATE(lr);
}

/* A clear-active of the virtual timer's PPI in LR 0 (HW): while only
 * active, the guest's end without its EOI, so the physical PPI of this
 * CPU (active until then) is deactivated here, or it never fires again. */
static void vtimer_deactivate(struct vcpu *v)
{
	uint64_t lr = arm64_lr_read(0);

	if ((lr & 0x3ff) != GIC_PPI_VTIMER || !(lr & LR_ACTIVE))
		return;
	if (lr & LR_PENDING) {
		arm64_lr_write(0, lr & ~LR_ACTIVE);
		return;
	}
	arm64_lr_write(0, 0);
	gic_ppi_deactivate(v->cpu->hwid, GIC_PPI_VTIMER);
}

/* Clear-actives and set-actives of INTIDs 0..31 of `vc`, the vCPU on
 * this CPU, left to its sync (vgic.c: another CPU's; the timer's, any
 * CPU's: its physical PPI is this CPU's): done here. */
static void private_requests(struct vgic *g, struct vgic_cpu *vc, struct vcpu *v)
{
	if (!(vc->deact | vc->act))
		return;
	if ((vc->deact >> GIC_PPI_VTIMER) & 1)
		vtimer_deactivate(v);
	for (unsigned i = 0; i < 16; i++)
		if (((vc->deact | vc->act) >> i) & 1)
			arm64_vlr_active(g, vc, i, (vc->act >> i) & 1);
	vc->deact = vc->act = 0;
}

/* What other CPUs (and the timer's clear-active) left to this sync of
 * `vc`, the vCPU on this CPU (vgic_request: `requests`): SGIs' and
 * SPIs' clear-pendings, clear-actives and set-actives in its list
 * registers, done here before retire() reads them; true if a record is
 * wanted too (made at the end of the sync: record()).  The syncs
 * nobody asked anything of pay one load and a branch for all of it. */
static bool requests(struct vgic *g, struct vgic_cpu *vc, struct vcpu *v)
{
	vc->requests = false;
	unpend_sgis(g, vc);
	private_requests(g, vc, v);
	for (unsigned n = 1; n < VGIC_LRS; n++)
		if (((vc->lr_used >> n) & 1) && vc->lr_intid[n] >= 32) {
			struct vgic_spi *s = vgic_find_spi(g, vc->lr_intid[n]);

			if (s)
				spi_requests(g, vc, s);
		}
	return vc->record_wanted;
}

/* What INTIDs 0..31 of `vc`, the vCPU on this CPU, are in its list
 * registers, pending and active, recorded for other CPUs' reads of its
 * redistributor (they cannot read this CPU's list registers): only at a
 * sync one of them asked for (record_wanted), so that the syncs nobody
 * reads after pay one load and a branch for it.  LR 0 (the timer's)
 * and, only if SGIs are listed, theirs (no other INTID below 32 is ever
 * listed); lock held. */
static __attribute__((noinline)) void record(struct vgic_cpu *vc)
{
	uint64_t lr0 = arm64_lr_read(0);
	unsigned st = (lr0 & 0x3ff) == GIC_PPI_VTIMER ? LR_STATE(lr0) : 0;
	uint32_t p = (st & 1U) << GIC_PPI_VTIMER, a = (st >> 1) << GIC_PPI_VTIMER;

	for (unsigned n = 1; vc->lr_sgis && n < VGIC_LRS; n++) {
		unsigned i = vc->lr_intid[n];

		if (!((vc->lr_used >> n) & 1) || i >= 16)
			continue;
		st = LR_STATE(arm64_lr_read(n));
		p |= (st & 1U) << i;
		a |= (st >> 1) << i;
	}
	vc->lr_pending = p;
	vc->lr_active = a;
	vc->record_wanted = false;
}

/* The next interrupt to list: the highest priority (lowest value) of the
 * waiting ones (an SGI only if none of its sources is listed), the
 * lowest INTID among equals (SGIs, then SPIs in INTID order as
 * vgic_add_spi keeps them).  *spi is NULL for an SGI; the priority, or
 * VGIC_NO_PRIO if none waits. */
#define VGIC_NO_PRIO	0x100U
static unsigned next_waiting(struct vgic *g, const struct vgic_cpu *vc, unsigned k,
			     unsigned *sgi, struct vgic_spi **spi)
{
	uint16_t want = vc->sgi_pending & (uint16_t)vc->enable & (uint16_t)~vc->lr_sgis;
	unsigned best = VGIC_NO_PRIO;

	*spi = NULL;
	for (unsigned i = 0; want; i++, want >>= 1)
		if ((want & 1) && vc->prio[i] < best) {
			best = vc->prio[i];
			*sgi = i;
		}
	for (unsigned i = 0; i < g->nr_spis; i++) {
		struct vgic_spi *s = &g->spi[i];

		if (s->target == k && s->lr == VGIC_NO_LR && s->prio < best &&
		    deliverable(g, s)) {
			best = s->prio;
			*spi = s;
		}
	}
	return best;
}

/* A list register holding a merely pending interrupt of lower priority
 * than `prio` (the lowest such), or 0: the guest has not taken it, so it
 * may wait outside again.  Active ones stay (the guest is handling them). */
static unsigned evictable(const struct vgic_cpu *vc, unsigned prio)
{
	unsigned n_worst = 0, worst = prio;

	for (unsigned n = 1; n < arm64_nr_lrs(); n++) {
		uint64_t lr = arm64_lr_read(n);
		unsigned p = (unsigned)(lr >> 48) & 0xff;

		if (((vc->lr_used >> n) & 1) && LR_STATE(lr) == 1 && p > worst) {
			worst = p;
			n_worst = n;
		}
	}
	return n_worst;
}

/* Empty list register `n`: what it held waits again (pending). */
static void evict(struct vgic *g, struct vgic_cpu *vc, unsigned n)
{
	unsigned intid = vc->lr_intid[n];
	struct vgic_spi *s = intid >= 32 ? vgic_find_spi(g, intid) : NULL;

	free_lr_n(vc, n);
	if (s) {
		s->lr = VGIC_NO_LR;
		s->lr_state = 0;
		s->pending = true;
	} else if (intid < 16) {
		vgic_sgi_pend(vc, intid, vc->lr_src[n]);
	}
}

static void list_spi(struct vgic_cpu *vc, unsigned k, unsigned n, struct vgic_spi *s,
		     uint64_t *listed)
{
	take_lr(vc, n, s->intid, spi_lr(s));
	(*listed)++;
	s->lr = (uint8_t)n;
	s->lr_vcpu = (uint8_t)k;
	s->lr_state = 1;
	s->unpend = s->deact = s->act = false;
	s->pending = false;
}

/* SGI `sgi` from its lowest waiting source (a GICv3 cell's: 0) into
 * list register `n`; with other sources still waiting, the guest's end
 * of this one asks for a sync (EOI), which lists the next. */
static void list_sgi(struct vgic_cpu *vc, unsigned n, unsigned sgi, uint64_t *listed)
{
	unsigned src = vc->sgi_src[sgi] ? (unsigned)__builtin_ctz(vc->sgi_src[sgi]) : 0;
	uint8_t rest = (uint8_t)(vc->sgi_src[sgi] & ~(1U << src));

	take_lr(vc, n, sgi, LR_PENDING | LR_PRIO(vc->prio[sgi]) | sgi | LR_SGI_SRC(src) |
		((vc->group >> sgi) & 1 ? LR_GROUP1 : 0) | (rest ? LR_EOI : 0));
	vc->lr_src[n] = (uint8_t)src;
	vc->lr_sgis |= (uint16_t)(1U << sgi);
	(*listed)++;
	vc->sgi_src[sgi] = rest;
	if (!rest)
		vc->sgi_pending &= (uint16_t)~(1U << sgi);
}

/* Fill the free list registers of vCPU `k` in priority order, pushing out
 * a lower-priority one the guest has not taken yet for a higher one (so
 * that the guest's priority mask and running priority, which the virtual
 * CPU interface applies to what is listed, see the most urgent ones).
 * True if some interrupt still waits. */
static bool fill(struct vgic *g, struct vgic_cpu *vc, unsigned k, struct vcpu_stats *st)
{
	for (;;) {
		struct vgic_spi *s;
		unsigned sgi = 0, n;
		unsigned prio = next_waiting(g, vc, k, &sgi, &s);

		if (prio == VGIC_NO_PRIO)
			return false;
		if (!(n = free_lr(vc))) {
			if (!(n = evictable(vc, prio)))
				return true;
			evict(g, vc, n);
		}
		if (s)
			list_spi(vc, k, n, s, &st->virqs[VIRQ_EXT]);
		else
			list_sgi(vc, n, sgi, &st->virqs[VIRQ_SOFT]);
	}
}

/* The list register passthrough SPI `s` may go into at once on vCPU
 * `k`'s CPU, or 0.  Only when nothing else waits for `k`: it is not
 * dirty (nothing was raised since its last sync) and a list register is
 * free (a sync leaves none free while something waits, and only a sync
 * or a reset frees one), so fill() would list `s` alone, as here.  The
 * list register: a free one, or the one `s` still holds from its last
 * time if the guest has ended that (its state invalid; the GICv3's HW
 * bit deactivated the physical SPI, so it could fire again, and no sync
 * retired it since).  Else `s` takes the general way (pending, a sync). */
static unsigned direct_lr(const struct vgic *g, struct vgic_cpu *vc, unsigned k,
			  const struct vgic_spi *s)
{
	unsigned n = free_lr(vc);

	if (!n || READ_ONCE(vc->dirty) || !s->hw || s->target != k || s->pending ||
	    !listable(g, s))
		return 0;
	if (s->lr == VGIC_NO_LR)
		return n;
	return s->lr_vcpu == k && !LR_STATE(arm64_lr_read(s->lr)) ? s->lr : 0;
}

/* Passthrough SPI `s` of vCPU `v`'s cell fired on the CPU of `v`, its
 * target's, which dropped its priority: listed at once if direct_lr()
 * allows, so the way back into the guest has no sync to do.  False: the
 * caller takes the general way (vgic_hw_fired). */
bool arm64_vlr_hw_direct(struct vcpu *v, struct vgic_spi *s)
{
	struct vgic *g = &v->cell->arch.vgic;
	struct vgic_cpu *vc = &g->cpu[v->vhartid];
	unsigned n;

	spin_lock(&g->lock);
	if ((n = direct_lr(g, vc, v->vhartid, s)))
		list_spi(vc, v->vhartid, n, s, &v->stats.virqs[VIRQ_EXT]);
	spin_unlock(&g->lock);
	return n;
}

/* Something in this CPU's list registers is pending for its guest (a
 * vCPU in CPU_SUSPEND must not wait then: vpsci.c). */
bool arm64_vlr_pending(void)
{
	if (!gic_ready())
		return false;
	for (unsigned n = 0; n < arm64_nr_lrs() && n < VGIC_LRS; n++)
		if (arm64_lr_read(n) & LR_PENDING)
			return true;
	return false;
}

/* Before this CPU returns to vCPU `v`: retire and fill its list registers
 * if anything may have changed. */
void arm64_vlr_sync(struct vcpu *v)
{
	struct vgic *g = &v->cell->arch.vgic;
	struct vgic_cpu *vc = &g->cpu[v->vhartid];
	bool more, rec = false;	/* the lock held throughout: record_wanted
				   cannot change in between */

	if (!READ_ONCE(vc->dirty) || !gic_ready())
		return;	/* nothing raised: what the list registers hold is
			   retired when the next one is (or at a maintenance
			   interrupt: the EOI of a level SPI) */
	spin_lock(&g->lock);
	WRITE_ONCE(vc->dirty, false);
	if (vc->requests)
		rec = requests(g, vc, v);
	retire(g, vc);
	relist_spis(g, v->vhartid);
	relist_sgis(vc);
	more = fill(g, vc, v->vhartid, &v->stats);
	if (rec)
		record(vc);
	spin_unlock(&g->lock);
	/* underflow only helps with two free LRs or more (else it would
	 * stay raised) */
	irqc_vif_on(more && arm64_nr_lrs() > 2);
}

/* vCPU `v` leaves its guest or starts afresh: what its list registers
 * held is dropped; a passthrough SPI in one is deactivated physically
 * (its guest will never end it). */
void arm64_vlr_drop(struct vcpu *v)
{
	struct vgic *g = &v->cell->arch.vgic;
	struct vgic_cpu *vc = &g->cpu[v->vhartid];

	spin_lock(&g->lock);
	for (unsigned n = 1; n < VGIC_LRS; n++) {
		struct vgic_spi *s;

		if (!((vc->lr_used >> n) & 1))
			continue;
		s = vc->lr_intid[n] >= 32 ? vgic_find_spi(g, vc->lr_intid[n]) : NULL;
		if (s && s->hw)
			gic_spi_deactivate(s->intid);
		if (s) {
			s->lr = VGIC_NO_LR;
			s->lr_state = 0;
		}
	}
	vc->lr_used = 0;
	vc->lr_sgis = 0;
	vc->lr_pending = vc->lr_active = 0;
	vc->deact = vc->act = 0;
	WRITE_ONCE(vc->dirty, true);	/* latched ones go in at the next entry */
	spin_unlock(&g->lock);
}
