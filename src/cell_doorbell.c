// SPDX-License-Identifier: GPL-2.0-only
/*
 * The glue between cells and their doorbells: each doorbell is made at
 * boot from the layout and raises its interrupt on its own cell's
 * interrupt controller.  A ring from the peer raises it from the ringing
 * hart when that controller allows it without waiting (the AIA's virtual
 * APLIC: arch_cell_try_set_irq), else through a request to one of the
 * cell's own harts (REQ_EMU), which then raises the line.
 */
#include <fv/arch_cell.h>
#include <fv/cell_doorbell.h>
#include <fv/console.h>
#include <fv/string.h>

struct cell_doorbell {
	struct doorbell db;		/* first: cell->doorbell[] points here */
	struct cell *cell;
	const struct layout_emu *desc;
	uint32_t irq;
};

static struct cell_doorbell doorbells[CONFIG_MAX_CELLS * LAYOUT_MAX_EMUS];
static unsigned nr_doorbells;

static void set_irq(void *arg, bool level)
{
	struct cell_doorbell *cd = arg;

	arch_cell_set_irq(cd->cell, cd->irq, level);
}

static int try_set_irq(void *arg, bool level)
{
	struct cell_doorbell *cd = arg;

	return arch_cell_try_set_irq(cd->cell, cd->irq, level);
}

/* A ring arrived: a hart of the cell brings the line up to date.  A
 * running vhart's if there is one, else vhart 0's, whose idle loop does
 * it before the guest enters (a ring just after the cell started). */
static void wake(void *arg)
{
	struct cell *c = ((struct cell_doorbell *)arg)->cell;

	for (unsigned i = 0; i < c->nr_vcpus; i++) {
		if (READ_ONCE(c->vcpu[i]->state) == VCPU_RUNNING) {
			cpu_request(c->vcpu[i]->cpu, REQ_EMU);
			return;
		}
	}
	if (c->nr_vcpus)
		cpu_request(c->vcpu[0]->cpu, REQ_EMU);
}

int cell_doorbell_add(struct cell *c, const struct layout_emu *e, struct emu_dev *d)
{
	struct cell_doorbell *cd;

	if (nr_doorbells >= ARRAY_SIZE(doorbells) || c->nr_doorbells >= LAYOUT_MAX_EMUS)
		return -1;
	cd = &doorbells[nr_doorbells++];
	cd->cell = c;
	cd->desc = e;
	cd->irq = e->irq;
	doorbell_init(&cd->db, set_irq, cd, wake, cd);
	d->ops = &doorbell_emu_ops;
	d->state = &cd->db;
	d->owner = cd;
	d->base = e->gpa;
	d->size = DOORBELL_WINDOW;
	c->doorbell[c->nr_doorbells++] = &cd->db;
	return 0;
}

/* The doorbell of `peer` that answers `cd`: on the same region, naming
 * cd's cell. */
static struct cell_doorbell *find_peer(const struct cell_doorbell *cd)
{
	const struct layout_doorbell *want = &cd->desc->doorbell;

	for (unsigned i = 0; i < nr_doorbells; i++) {
		struct cell_doorbell *o = &doorbells[i];
		const struct layout_doorbell *has = &o->desc->doorbell;

		if (!strcmp(o->cell->name, want->peer) && has->region_hpa == want->region_hpa &&
		    !strcmp(has->peer, cd->cell->name))
			return o;
	}
	return NULL;
}

int cells_doorbell_pair(void)
{
	for (unsigned i = 0; i < nr_doorbells; i++) {
		struct cell_doorbell *cd = &doorbells[i], *p;

		/* its controller is known now; without, the ringer would only
		 * be told -1 */
		if (arch_cell_irq_nowait(cd->cell))
			doorbell_set_try_irq(&cd->db, try_set_irq);
		if (cd->db.peer)
			continue;
		p = find_peer(cd);
		if (!p) {	/* the layout check rules this out */
			kprintf("cell %s: doorbell at %#llx has no peer in cell %s\n",
				cd->cell->name, (unsigned long long)cd->desc->gpa,
				cd->desc->doorbell.peer);
			return -1;
		}
		doorbell_pair(&cd->db, &p->db);
	}
	return 0;
}

void cell_doorbell_open(struct cell *c, bool open)
{
	for (unsigned i = 0; i < c->nr_doorbells; i++) {
		if (open)
			doorbell_open(c->doorbell[i]);
		else
			doorbell_close(c->doorbell[i]);
	}
}

void cell_doorbell_reset(struct cell *c)
{
	for (unsigned i = 0; i < c->nr_doorbells; i++)
		doorbell_reset(c->doorbell[i]);
}

void cell_doorbell_sync(struct cell *c)
{
	for (unsigned i = 0; i < c->nr_doorbells; i++)
		doorbell_sync(c->doorbell[i]);
}

/* For the monitor (console lock held): a line per doorbell. */
void cell_doorbell_print_locked(const struct cell *c)
{
	for (unsigned i = 0; i < c->nr_doorbells; i++) {
		const struct cell_doorbell *cd = (const struct cell_doorbell *)c->doorbell[i];
		const struct doorbell_stats *s = &cd->db.stats;

		kprintf_locked("[fv] %s doorbell at %#llx to %s: rung %llu, dropped %llu, "
			       "acked %llu, pending %u, direct %llu, busy %llu\n", c->name,
			       (unsigned long long)cd->desc->gpa, cd->desc->doorbell.peer,
			       (unsigned long long)__atomic_load_n(&s->rung, __ATOMIC_RELAXED),
			       (unsigned long long)__atomic_load_n(&s->dropped, __ATOMIC_RELAXED),
			       (unsigned long long)__atomic_load_n(&s->acked, __ATOMIC_RELAXED),
			       doorbell_pending(&cd->db),
			       (unsigned long long)__atomic_load_n(&s->direct, __ATOMIC_RELAXED),
			       (unsigned long long)__atomic_load_n(&s->busy, __ATOMIC_RELAXED));
	}
}
