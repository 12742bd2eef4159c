// SPDX-License-Identifier: GPL-2.0-only
/*
 * A cell on an AIA machine: its vharts' guest interrupt files mapped in
 * its G-stage, and, with .arch.aplic_gpa, its virtual APLIC, whose
 * messages go into those files and whose passthrough sources aia_route.c
 * aims at them on the physical APLIC.
 */
#include <fv/cell.h>
#include <fv/console.h>
#include <fv/platform.h>
#include "aia.h"

/* ---- vAPLIC callbacks (run with the vAPLIC lock held) ---- */

static void vaplic_msi(void *arg, unsigned vhart, uint32_t eiid)
{
	struct cell *c = arg;
	struct vcpu *v = vhart < c->nr_vcpus ? c->vcpu[vhart] : NULL;

	if (!v || !c->arch.guest_file[vhart])
		return;
	__atomic_fetch_add(&v->stats.virqs[VIRQ_EXT], 1, __ATOMIC_RELAXED);
	imsic_send(c->arch.guest_file[vhart], eiid);
}

static void vaplic_hw_config(void *arg, uint32_t src, unsigned sm)
{
	aia_route_config(arg, src, sm);
}

static void vaplic_hw_target(void *arg, uint32_t src, unsigned vhart, uint32_t eiid)
{
	aia_route_target(arg, vhart, src, eiid);
}

static void vaplic_hw_enable(void *arg, uint32_t src, bool on)
{
	aia_route_enable(arg, src, on);
}

/* Said once per cell (the guest may repeat it as often as it likes). */
static void vaplic_refused(void *arg, uint32_t src, uint32_t val)
{
	const struct cell *c = arg;

	if (c->arch.vaplic.refused != 1)
		return;
	if (src)
		kprintf("cell %s: virtual APLIC: target[%u] %#x names hart %u, guest %u, "
			"identity %u: not the cell's; write ignored\n", c->name, src, val,
			val >> 18, (val >> 12) & 0x3f, val & 0x7ff);
	else
		kprintf("cell %s: virtual APLIC: genmsi %#x names hart %u, identity %u: "
			"not the cell's; write ignored\n", c->name, val, val >> 18, val & 0x7ff);
}

static const struct vaplic_ops vaplic_ops = {
	.msi = vaplic_msi,
	.hw_config = vaplic_hw_config,
	.hw_target = vaplic_hw_target,
	.hw_enable = vaplic_hw_enable,
	.refused = vaplic_refused,
};

/*
 * Each vhart's guest interrupt file (guest file AIA_GUEST_FILE of its
 * physical hart) mapped at imsic_gpa + k pages, every one of them
 * writable by every vhart of the cell (IPIs), no other hart's file.
 */
static int map_guest_files(struct cell *c)
{
	const struct layout_cell *d = c->desc;

	if (platform.arch.imsic_s.guest_bits == 0) {
		kprintf("cell %s: arch.imsic_gpa is set but the IMSIC has no guest "
			"interrupt files (QEMU: aia-guests=N)\n", d->name);
		return -1;
	}
	for (unsigned k = 0; k < d->nr_harts; k++) {
		int h = platform_hart_index(&platform, d->harts[k]);
		int idx = h < 0 ? -1 : platform.harts[h].arch.imsic_idx;
		paddr_t file;

		if (idx < 0) {
			kprintf("cell %s: hart %lu has no IMSIC\n", d->name, d->harts[k]);
			return -1;
		}
		file = imsic_guest_file(idx, AIA_GUEST_FILE);
		if (stage2_map(&c->arch.s2, d->arch.imsic_gpa + k * IMSIC_FILE_SIZE, file,
			       IMSIC_FILE_SIZE, MEM_R | MEM_W | S2_DEVICE) < 0)
			return -1;
		c->arch.guest_file[k] = file;
	}
	return 0;
}

/* The virtual APLIC, its sources, and its MMIO window. */
static void add_vaplic(struct cell *c)
{
	const struct layout_cell *d = c->desc;
	struct vaplic *v = &c->arch.vaplic;
	struct emu_dev *e;

	vaplic_init(v, d->nr_harts, platform.arch.imsic_s.ndev, &vaplic_ops, c);
	for (unsigned i = 0; i < d->nr_devs; i++)
		for (unsigned k = 0; k < LAYOUT_DEV_IRQS && d->devs[i].irqs[k]; k++) {
			vaplic_add_source(v, d->devs[i].irqs[k], true);
			aia_route_own(c, d->devs[i].irqs[k]);
		}
	for (unsigned i = 0; i < d->nr_emus; i++)
		vaplic_add_source(v, d->emus[i].irq, false);
	c->arch.has_vaplic = true;
	e = &c->emus[c->nr_emus++];
	e->ops = &vaplic_emu_ops;
	e->name = "vaplic";
	e->state = v;
	e->base = d->arch.aplic_gpa;
	e->size = VAPLIC_SIZE;
}

static bool has_hw_irqs(const struct layout_cell *d)
{
	for (unsigned i = 0; i < d->nr_devs; i++)
		if (d->devs[i].irqs[0])
			return true;
	return false;
}

/*
 * 0: the cell's interrupt controller is its virtual APLIC; 1: it keeps
 * the virtual PLIC (guest files too, with imsic_gpa); -1: it cannot run.
 */
int aia_cell_init(struct cell *c)
{
	const struct layout_cell *d = c->desc;

	if (d->arch.imsic_gpa && map_guest_files(c) < 0)
		return -1;
	if (d->arch.aplic_gpa && !d->arch.imsic_gpa) {
		kprintf("cell %s: arch.aplic_gpa needs arch.imsic_gpa: the virtual APLIC "
			"delivers into the guest interrupt files\n", d->name);
		return -1;
	}
	if (d->arch.aplic_gpa) {
		add_vaplic(c);
		return 0;
	}
	if (has_hw_irqs(d)) {
		kprintf("cell %s: passthrough interrupts on an AIA machine need "
			"arch.aplic_gpa and arch.imsic_gpa\n", d->name);
		return -1;
	}
	if (!d->arch.vplic_gpa) {
		kprintf("cell %s: no interrupt controller: set arch.aplic_gpa and "
			"arch.imsic_gpa, or arch.vplic_gpa\n", d->name);
		return -1;
	}
	return 1;
}
