// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the hypervisor's own use of a GICv2 (<arch/gic.h>), all
 * by MMIO: the distributor (GICD) and this CPU's interface (GICC, banked
 * per CPU at one address).  Everything is group 0 (QEMU's GICv2 has no
 * security extensions here: GICD_CTLR/GICC_CTLR bit 0 enable it).  The
 * kick is SGI 0 through GICD_SGIR, which names CPUs by their interface
 * number, read once per CPU from its banked GICD_ITARGETSR0.  PPIs are
 * banked too: only a CPU itself can enable, disable or deactivate its
 * own (the callers ask for their own; another's is ignored).  GICC_CTLR's
 * EOImode splits the end of an interrupt into priority drop (GICC_EOIR)
 * and deactivation (GICC_DIR), as on GICv3.  Register layout from Arm's
 * GICv2 architecture specification (IHI 0048).
 */
#include <arch/gic.h>
#include <arch/sysreg.h>
#include <fv/console.h>

#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_ICACTIVER		0x0380
#define GICD_IPRIORITYR		0x0400
#define GICD_ITARGETSR		0x0800
#define GICD_SGIR		0x0f00
#define CTLR_ENABLE		(1U << 0)
#define SGIR_TARGETS(m)		((uint32_t)(m) << 16)

#define GICC_CTLR		0x0000
#define GICC_PMR		0x0004
#define GICC_BPR		0x0008
#define GICC_IAR		0x000c
#define GICC_EOIR		0x0010
#define GICC_DIR		0x1000
#define GICC_CTLR_EOIMODE	(1U << 9)
#define IAR_ID(v)		((v) & 0x3ffU)
#define IAR_SRC(v)		(((v) >> 10) & 7U)

#define MAX_CPUS		8	/* a GICv2's CPU interfaces */
#define PRIO_HV			0xa0

static uintptr_t gicd, gicc;
static volatile bool ready;
/* CPU interface mask of each CPU, by MPIDR; the source of the SGI each
 * took last (GICC_EOIR and GICC_DIR want it back) */
static struct { uint64_t mpidr; uint8_t mask, sgi_src[16]; } cpus[MAX_CPUS];
static unsigned nr_cpus;

static uint32_t rd32(uintptr_t a)
{
	return *(volatile uint32_t *)a;
}

static void wr32(uintptr_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}

static void wr8(uintptr_t a, uint8_t v)
{
	*(volatile uint8_t *)a = v;
}

static int slot_of(uint64_t mpidr)
{
	for (unsigned i = 0; i < nr_cpus && i < MAX_CPUS; i++)
		if (cpus[i].mpidr == mpidr)
			return (int)i;
	return -1;
}

/* The CPU interface mask of `mpidr`; before that CPU came up, its Aff0's
 * bit (QEMU numbers a GICv2's interfaces as the CPUs' Aff0). */
static uint8_t mask_of(uint64_t mpidr)
{
	int i = slot_of(mpidr & 0xff00ffffffULL);

	return i >= 0 ? cpus[i].mask : (uint8_t)(1U << (mpidr & 7));
}

static bool is_me(uint64_t mpidr)
{
	return (mpidr & 0xff00ffffffULL) == (read_sysreg(mpidr_el1) & 0xff00ffffffULL);
}

void gic_init_cpu(void)
{
	uint64_t me = read_sysreg(mpidr_el1) & 0xff00ffffffULL;
	unsigned i;

	if (!ready)
		return;
	i = __atomic_fetch_add(&nr_cpus, 1, __ATOMIC_RELAXED);
	if (i >= MAX_CPUS) {
		kprintf("gic: more CPUs than a GICv2 serves; this one waits with WFE\n");
		return;
	}
	cpus[i].mask = (uint8_t)rd32(gicd + GICD_ITARGETSR);	/* own, banked */
	cpus[i].mpidr = me;
	wr32(gicd + GICD_ICENABLER, ~0U);	/* SGIs and PPIs: the guest's, later */
	wr8(gicd + GICD_IPRIORITYR + GIC_SGI_KICK, PRIO_HV);
	wr8(gicd + GICD_IPRIORITYR + GIC_PPI_HYP_TIMER, PRIO_HV);
	wr8(gicd + GICD_IPRIORITYR + GIC_PPI_MAINT, PRIO_HV);
	wr32(gicd + GICD_ISENABLER, 1U << GIC_SGI_KICK | 1U << GIC_PPI_HYP_TIMER |
				    1U << GIC_PPI_MAINT);
	wr32(gicc + GICC_PMR, 0xff);
	wr32(gicc + GICC_BPR, 0);
	wr32(gicc + GICC_CTLR, CTLR_ENABLE | GICC_CTLR_EOIMODE);
	dsb(sy);
}

void gic_init(const struct platform *p)
{
	if (p->arch.gic_version != 2)
		return;
	gicd = (uintptr_t)p->arch.gicd.base;
	gicc = (uintptr_t)p->arch.gicr.base;
	wr32(gicd + GICD_CTLR, CTLR_ENABLE);
	ready = true;
	gic_init_cpu();
}

bool gic_ready(void)
{
	return ready;
}

void gic_send_kick(uint64_t mpidr)
{
	if (!ready)
		return;
	dsb(ishst);
	wr32(gicd + GICD_SGIR, SGIR_TARGETS(mask_of(mpidr)) | GIC_SGI_KICK);
}

unsigned gic_ack(void)
{
	uint32_t iar = rd32(gicc + GICC_IAR);
	unsigned id = IAR_ID(iar);

	if (id < 16) {
		int i = slot_of(read_sysreg(mpidr_el1) & 0xff00ffffffULL);

		if (i >= 0)
			cpus[i].sgi_src[id] = (uint8_t)IAR_SRC(iar);
	}
	return id;
}

void gic_eoi(unsigned intid, bool deactivate)
{
	uint32_t v = intid;

	if (intid < 16) {
		int i = slot_of(read_sysreg(mpidr_el1) & 0xff00ffffffULL);

		if (i >= 0)
			v |= (uint32_t)cpus[i].sgi_src[intid] << 10;
	}
	wr32(gicc + GICC_EOIR, v);
	if (deactivate)
		wr32(gicc + GICC_DIR, v);
}

unsigned gic_ack_all(void)
{
	unsigned n = 0;

	for (;;) {
		unsigned intid = gic_ack();

		if (intid >= GIC_INTID_SPURIOUS)
			return n;
		gic_eoi(intid, true);
		n++;
	}
}

void gic_ppi_enable(uint64_t mpidr, unsigned intid, bool on)
{
	if (ready && intid < 32 && is_me(mpidr))
		wr32(gicd + (on ? GICD_ISENABLER : GICD_ICENABLER), 1U << intid);
}

void gic_ppi_deactivate(uint64_t mpidr, unsigned intid)
{
	if (ready && intid < 32 && is_me(mpidr))
		wr32(gicd + GICD_ICACTIVER, 1U << intid);
}

void gic_spi_route(unsigned intid, uint64_t mpidr, bool on)
{
	uint32_t bit = 1U << (intid % 32), word = 4 * (intid / 32);

	if (!ready || intid < 32 || intid >= 1020)
		return;
	if (!on) {
		wr32(gicd + GICD_ICENABLER + word, bit);
		return;
	}
	wr8(gicd + GICD_IPRIORITYR + intid, PRIO_HV);
	wr8(gicd + GICD_ITARGETSR + intid, mask_of(mpidr));
	wr32(gicd + GICD_ISENABLER + word, bit);
}

void gic_spi_deactivate(unsigned intid)
{
	if (ready && intid >= 32 && intid < 1020)
		wr32(gicd + GICD_ICACTIVER + 4 * (intid / 32), 1U << (intid % 32));
}
