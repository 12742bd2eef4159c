// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interrupt routing on an AIA machine (the counterpart of irq_route.c):
 * the physical APLIC's S-level domain in MSI mode; the hypervisor's own
 * interrupt, the console UART's, sent to the S-level interrupt file of the
 * hart that serves the console, with the source number as identity; and
 * each passthrough source aimed straight at a guest interrupt file of its
 * cell, as the cell's virtual APLIC says.
 */
#include <fv/cell.h>
#include <fv/housekeeping.h>
#include <fv/platform.h>
#include "aia.h"

bool riscv_aia;

static bool hart_ready[CONFIG_MAX_HARTS];
static uint32_t console_irq;
static struct cell *src_owner[APLIC_MAX_SOURCES];

void aia_route_prepare(void)
{
	const struct riscv_irqc *a = &platform.arch.aplic_s;

	aplic_init(a->base, a->ndev);
}

/* This hart's S-level file, once (from the hart itself). */
void aia_hart_init(const struct cpu *c)
{
	if (c->id >= CONFIG_MAX_HARTS || hart_ready[c->id])
		return;
	imsic_hart_init();
	hart_ready[c->id] = true;
}

static int imsic_index(const struct cpu *c)
{
	int i = platform_hart_index(&platform, c->hwid);

	return i < 0 ? -1 : platform.harts[i].arch.imsic_idx;
}

/* Retarget the console's source at `to`'s S-level file (guest index 0).
 * A target register write takes effect for the next message. */
void aia_console_irq_route(uint32_t irq, const struct cpu *to)
{
	int idx = imsic_index(to);

	if (!irq || irq >= APLIC_MAX_SOURCES || irq > platform.arch.imsic_s.ndev || idx < 0)
		return;
	console_irq = irq;
	aplic_source(irq, APLIC_SM_LEVEL_HIGH);
	aplic_target(irq, APLIC_TARGET(idx, 0, irq));
	aplic_enable(irq, true);
}

/*
 * A supervisor external interrupt: the S-level file's identities.  A
 * level source sends one message per rise; if the UART still asserts its
 * line after the drain (a byte came meanwhile), make it pending again.
 */
void aia_external_irq(struct cpu *c)
{
	uint32_t id;

	(void)c;
	while ((id = imsic_claim()) != 0) {
		if (id != console_irq)
			continue;	/* nothing else is aimed at our files */
		hk_console_irq();
		if (aplic_input_high(id))
			aplic_set_pending(id);
	}
}

/* The physical target for vhart `k` of `c`: its hart's guest file. */
static uint32_t guest_target(const struct cell *c, unsigned k, uint32_t eiid)
{
	const struct vcpu *v = k < c->nr_vcpus ? c->vcpu[k] : NULL;
	int idx = v ? imsic_index(v->cpu) : -1;

	return idx < 0 ? 0 : APLIC_TARGET(idx, AIA_GUEST_FILE, eiid);
}

static bool owns(const struct cell *c, uint32_t src)
{
	return src && src < APLIC_MAX_SOURCES && src_owner[src] == c;
}

/* An inactive source's target reads 0 and ignores writes: the virtual
 * APLIC gives the target again whenever the source becomes active. */
void aia_route_own(struct cell *c, uint32_t src)
{
	if (!src || src >= APLIC_MAX_SOURCES)
		return;
	src_owner[src] = c;
	aplic_enable(src, false);
	aplic_source(src, APLIC_SM_INACTIVE);
}

void aia_route_config(const struct cell *c, uint32_t src, unsigned sm)
{
	if (owns(c, src))
		aplic_source(src, sm);
}

void aia_route_target(const struct cell *c, unsigned vhart, uint32_t src, uint32_t eiid)
{
	uint32_t t = guest_target(c, vhart, eiid);

	if (owns(c, src) && t)
		aplic_target(src, t);
}

void aia_route_enable(const struct cell *c, uint32_t src, bool on)
{
	if (owns(c, src))
		aplic_enable(src, on);
}
