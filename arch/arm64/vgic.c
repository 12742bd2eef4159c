// SPDX-License-Identifier: GPL-2.0-only
/* The per-vCPU half of a cell's virtual GIC (SGIs and PPIs: GICv3's
 * redistributors, GICv2's banked distributor registers, which sit at the
 * same offsets as a redistributor's SGI frame), SGIs between a cell's
 * vCPUs, and what the distributor (vgicd.c) shares with them; see
 * <arch/vgic.h>.
 * Register offsets from Arm's GICv3/v4 specification (IHI 0069). */
#include <fv/string.h>
#include <arch/gic.h>
#include <arch/irqc.h>
#include <arch/vgic.h>

#define GIC_PIDR2	0xffe8
#define PIDR2_GICV3	0x30		/* ArchRev 3 */

#define GICR_TYPER	0x0008
#define GICR_WAKER	0x0014
#define WAKER_SLEEP	(1U << 1)
#define WAKER_ASLEEP	(1U << 2)
#define SGI_BASE	0x10000
#define GICR_IGROUPR0	(SGI_BASE + 0x080)
#define GICR_ISENABLER0	(SGI_BASE + 0x100)
#define GICR_ICENABLER0	(SGI_BASE + 0x180)
#define GICR_ISPENDR0	(SGI_BASE + 0x200)
#define GICR_ICPENDR0	(SGI_BASE + 0x280)
#define GICR_ISACTIVER0	(SGI_BASE + 0x300)
#define GICR_ICACTIVER0	(SGI_BASE + 0x380)
#define GICR_IPRIORITYR	(SGI_BASE + 0x400)
#define GICR_ICFGR0	(SGI_BASE + 0xc00)
#define GICR_ICFGR1	(SGI_BASE + 0xc04)
#define ICFGR0_SGIS	0xaaaaaaaaU	/* SGIs: edge, read-only */

static void reset_locked(struct vgic *g)
{
	g->gicd_ctlr = 0;
	vgicd_reset_locked(g);
	memset(g->cpu, 0, sizeof(g->cpu));
	for (unsigned k = 0; k < LAYOUT_MAX_HARTS; k++)
		g->cpu[k].sleep = true;
}

void vgic_notify(struct vgic *g, unsigned k)
{
	if (k >= g->nr_vcpus)
		return;
	WRITE_ONCE(g->cpu[k].dirty, true);
	if (g->ops && g->ops->kick)
		g->ops->kick(g->arg, k);
}

void vgic_request(struct vgic *g, unsigned k)
{
	if (k >= g->nr_vcpus)
		return;
	g->cpu[k].requests = true;
	vgic_notify(g, k);
}

void vgic_sgi_pend(struct vgic_cpu *c, unsigned sgi, unsigned src)
{
	if (sgi >= 16 || src >= 8)
		return;
	c->sgi_src[sgi] |= (uint8_t)(1U << src);
	c->sgi_pending |= (uint16_t)(1U << sgi);
}

void vgic_sgi_unpend(struct vgic_cpu *c, unsigned sgi)
{
	if (sgi >= 16)
		return;
	c->sgi_src[sgi] = 0;
	c->sgi_pending &= (uint16_t)~(1U << sgi);
}

/* Targets outside the cell are not there to name: ignored. */
void vgic_send_sgi_locked(struct vgic *g, unsigned from, unsigned sgi, uint16_t targets,
			  bool all)
{
	unsigned src = g->sgi_sources && from < 8 ? from : 0;

	if (sgi >= 16)
		return;
	for (unsigned k = 0; k < g->nr_vcpus; k++) {
		if (all ? k == from : !((targets >> k) & 1))
			continue;
		vgic_sgi_pend(&g->cpu[k], sgi, src);
		if ((g->cpu[k].enable >> sgi) & 1)
			vgic_notify(g, k);
	}
}

void vgic_send_sgi(struct vgic *g, unsigned from, unsigned sgi, uint16_t targets, bool all)
{
	spin_lock(&g->lock);
	vgic_send_sgi_locked(g, from, sgi, targets, all);
	spin_unlock(&g->lock);
}

void vgic_init(struct vgic *g, unsigned nr_vcpus, const struct vgic_ops *ops, void *arg)
{
	g->lock = (spinlock_t)SPINLOCK_INIT;
	g->ops = ops;
	g->arg = arg;
	g->nr_vcpus = nr_vcpus < LAYOUT_MAX_HARTS ? nr_vcpus : LAYOUT_MAX_HARTS;
	g->sgi_sources = false;
	g->nr_spis = 0;
	g->nr_intids = 0;
	reset_locked(g);
}

void vgic_reset(struct vgic *g)
{
	spin_lock(&g->lock);
	reset_locked(g);
	spin_unlock(&g->lock);
}

bool vgic_ppi_enabled(struct vgic *g, unsigned k, unsigned intid)
{
	bool on;

	if (k >= g->nr_vcpus || intid >= 32)
		return false;
	spin_lock(&g->lock);
	on = (g->cpu[k].enable >> intid) & 1;
	spin_unlock(&g->lock);
	return on;
}

uint8_t vgic_priority(struct vgic *g, unsigned k, unsigned intid)
{
	return k < g->nr_vcpus && intid < 32 ? READ_ONCE(g->cpu[k].prio[intid]) : 0xff;
}

unsigned vgic_accessor(const struct vgic *g)
{
	return g->ops && g->ops->self ? g->ops->self(g->arg) : VGIC_NO_VCPU;
}

/* ----------------------------------------------------------- redistributor */

/* vCPU `k` is the accessing one: its list registers are this CPU's. */
static bool here(const struct vgic *g, unsigned k)
{
	return vgic_accessor(g) == k;
}

/* vCPU `k`'s list registers are another CPU's: the read shows what
 * that CPU last recorded of them (lr_pending, lr_active; nothing before
 * the first request), and asks it to record them afresh at its next
 * sync (record_wanted, then a kick; once: until that sync, the flag set
 * means the kick is sent), so that a guest polling for the end of
 * another vCPU's SGI sees it.  Under the cell's lock, as is the sync's
 * look at the flag and its clearing (vlr.c). */
static void ask_record(struct vgic *g, unsigned k)
{
	if (g->cpu[k].record_wanted)
		return;
	g->cpu[k].record_wanted = true;
	vgic_request(g, k);
}

/* GICR_I[SC]PENDR0: the SGIs waiting, and what the list registers hold
 * pending (or active and pending): read if they are this CPU's, else as
 * recorded, less a clear-pending still to do. */
static uint32_t pending_bits(struct vgic *g, unsigned k)
{
	struct vgic_cpu *c = &g->cpu[k];

	if (here(g, k))
		return c->sgi_pending | arm64_vlr_private(c, 1);
	ask_record(g, k);
	return c->sgi_pending | (c->lr_pending & ~(uint32_t)c->sgi_unpend);
}

/* GICR_I[SC]ACTIVER0: active (or active and pending) in a list
 * register: likewise, with the clear-active and set-active still to do. */
static uint32_t active_bits(struct vgic *g, unsigned k)
{
	struct vgic_cpu *c = &g->cpu[k];

	if (here(g, k))
		return arm64_vlr_private(c, 2);
	ask_record(g, k);
	return (c->lr_active | c->act) & ~c->deact;
}

static uint64_t gicr_typer(const struct vgic *g, unsigned k)
{
	return (uint64_t)k << 32 | (uint64_t)k << 8 | (k + 1 == g->nr_vcpus ? 1U << 4 : 0);
}

static uint64_t gicr_reg(struct vgic *g, unsigned k, uint64_t off)
{
	struct vgic_cpu *c = &g->cpu[k];

	switch (off) {
	case GICR_TYPER: return gicr_typer(g, k);
	case GICR_TYPER + 4: return gicr_typer(g, k) >> 32;
	case GICR_WAKER: return c->sleep ? WAKER_SLEEP | WAKER_ASLEEP : 0;
	case GIC_PIDR2: return PIDR2_GICV3;
	case GICR_IGROUPR0: return c->group;
	case GICR_ISENABLER0: case GICR_ICENABLER0: return c->enable;
	case GICR_ISPENDR0: case GICR_ICPENDR0: return pending_bits(g, k);
	case GICR_ISACTIVER0: case GICR_ICACTIVER0: return active_bits(g, k);
	case GICR_ICFGR0: return ICFGR0_SGIS;
	case GICR_ICFGR1: return c->icfgr1;
	default:
		if (off >= GICR_IPRIORITYR && off < GICR_IPRIORITYR + 32) {
			unsigned i = (unsigned)(off - GICR_IPRIORITYR) & ~3U;	/* 0..28 */

			return c->prio[i] | (uint32_t)c->prio[i + 1] << 8 |
			       (uint32_t)c->prio[i + 2] << 16 | (uint32_t)c->prio[i + 3] << 24;
		}
		return 0;
	}
}

int vgic_cpu_read(struct vgic *g, unsigned k, uint64_t r, unsigned width, uint64_t *val)
{
	if (width == 8 && r != GICR_TYPER)
		return -1;
	if (width == 1 && r >= GICR_IPRIORITYR && r < GICR_IPRIORITYR + 32)
		*val = g->cpu[k].prio[r - GICR_IPRIORITYR];
	else if (width == 1)
		*val = 0;
	else
		*val = gicr_reg(g, k, r);
	return 0;
}

/* Enable bits changed: tell the hypervisor, for the PPIs it forwards. */
static void enables_changed(struct vgic *g, unsigned k, uint32_t before)
{
	uint32_t diff = before ^ g->cpu[k].enable;

	for (unsigned i = 0; i < 32 && g->ops && g->ops->ppi_enable; i++)
		if ((diff >> i) & 1)
			g->ops->ppi_enable(g->arg, k, i, (g->cpu[k].enable >> i) & 1);
}

/* Set-pending an SGI without a sender: source 0. */
static void pend_sgis(struct vgic_cpu *c, uint32_t v)
{
	for (unsigned i = 0; i < 16; i++)
		if ((v >> i) & 1)
			vgic_sgi_pend(c, i, 0);
}

/* Clear-pending SGIs: waiting, and in a list register (emptied, or left
 * active): at once if it is this CPU's, else by vCPU `k`'s CPU at its
 * next sync (kicked).  PPI bits: the one PPI listed is the timer's, a
 * level one pending while its line is up: ignored. */
static void unpend_sgis(struct vgic *g, unsigned k, uint32_t v)
{
	struct vgic_cpu *c = &g->cpu[k];

	for (unsigned i = 0; i < 16; i++) {
		if (!((v >> i) & 1))
			continue;
		vgic_sgi_unpend(c, i);
		if (here(g, k))
			arm64_vlr_unpend(g, c, i);
		else if ((c->lr_sgis >> i) & 1)
			c->sgi_unpend |= (uint16_t)(1U << i);
	}
	if (c->sgi_unpend)
		vgic_request(g, k);
}

/* GICR_ISACTIVER0 (`on`) or ICACTIVER0 (GICv2: GICD_I[SC]ACTIVER0) of
 * vCPU `k`: an SGI in one of its list registers is made active or not
 * (vlr.c), at once if they are this CPU's, else by `k`'s CPU at its next
 * sync (kicked).  The timer's PPI 27 (LR 0, a HW entry): a clear is
 * always left to the sync, on `k`'s CPU, whose physical PPI it may have
 * to deactivate; a set is ignored (its active state is the physical
 * one's).  Not listed, an interrupt is not active: a clear has nothing
 * to do and a set is ignored (README: a limit), as are other PPIs (none
 * is listed).  Linux's ICACTIVER0 of all ones at its CPU's start finds
 * nothing listed: no kick. */
static void activate(struct vgic *g, unsigned k, uint32_t v, bool on)
{
	struct vgic_cpu *c = &g->cpu[k];
	uint32_t sgis = v & c->lr_sgis;
	bool timer = !on && ((v >> GIC_PPI_VTIMER) & 1) &&
		     (!here(g, k) || (arm64_vlr_state(c, GIC_PPI_VTIMER) & 2));

	if (here(g, k)) {
		for (unsigned i = 0; i < 16; i++)
			if ((sgis >> i) & 1)
				arm64_vlr_active(g, c, i, on);
	} else if (on) {
		c->act |= sgis;
		c->deact &= ~sgis;
	} else {
		c->deact |= sgis;
		c->act &= ~sgis;
	}
	if (timer)
		c->deact |= 1U << GIC_PPI_VTIMER;
	if (c->deact | c->act)
		vgic_request(g, k);
}

static void gicr_write_reg(struct vgic *g, unsigned k, uint64_t r, uint32_t v)
{
	struct vgic_cpu *c = &g->cpu[k];
	uint32_t before = c->enable;

	switch (r) {
	case GICR_WAKER: c->sleep = v & WAKER_SLEEP; break;
	case GICR_IGROUPR0: c->group = v; break;
	case GICR_ISENABLER0: c->enable |= v; break;
	case GICR_ICENABLER0: c->enable &= ~v; break;
	case GICR_ICFGR1: c->icfgr1 = v; break;
	case GICR_ISPENDR0: pend_sgis(c, v); break;	/* SGIs only */
	case GICR_ICPENDR0: unpend_sgis(g, k, v); break;
	case GICR_ISACTIVER0: activate(g, k, v, true); break;
	case GICR_ICACTIVER0: activate(g, k, v, false); break;
	default:
		if (r >= GICR_IPRIORITYR && r < GICR_IPRIORITYR + 32)
			for (unsigned i = 0; i < 4; i++)
				c->prio[r - GICR_IPRIORITYR + i] = (uint8_t)(v >> (8 * i));
		break;
	}
	enables_changed(g, k, before);
	if (c->sgi_pending & c->enable)
		vgic_notify(g, k);
}

int vgic_cpu_write(struct vgic *g, unsigned k, uint64_t r, unsigned width, uint64_t val)
{
	if (width == 8)
		return -1;
	if (width == 1 && r >= GICR_IPRIORITYR && r < GICR_IPRIORITYR + 32)
		g->cpu[k].prio[r - GICR_IPRIORITYR] = (uint8_t)val;
	else if (width == 4)
		gicr_write_reg(g, k, r, (uint32_t)val);
	return 0;
}
