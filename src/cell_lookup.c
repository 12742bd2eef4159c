// SPDX-License-Identifier: GPL-2.0-only
/*
 * Finding what a guest names: a guest-physical range in the cell's memory,
 * the emulated device at an address.  A vhart by its id and a doorbell by
 * its index are one bounds check each, inline in <fv/cell.h> (cell_vcpu(),
 * cell_doorbell(): interrupt and doorbell paths take them).  Every guest
 * value that names something of its cell passes through these, so this
 * file is kept free of anything else and is built on the host too (the
 * vSBI fuzz harness).
 */
#include <fv/cell.h>

void *cell_gpa_to_hva(const struct cell *c, gpaddr_t gpa, uint64_t len, unsigned flags)
{
	const struct layout_cell *d = c->desc;

	if (gpa + len < gpa)
		return NULL;
	for (unsigned i = 0; i < d->nr_mem; i++) {
		const struct layout_mem *m = &d->mem[i];

		if (gpa >= m->gpa && gpa + len <= m->gpa + m->size &&
		    (m->flags & flags) == flags)
			return (void *)(uintptr_t)(m->hpa + (gpa - m->gpa));
	}
	return NULL;
}

struct emu_dev *cell_find_emu(struct cell *c, gpaddr_t gpa)
{
	for (unsigned i = 0; i < c->nr_emus; i++) {
		struct emu_dev *e = &c->emus[i];

		if (gpa >= e->base && gpa - e->base < e->size)
			return e;
	}
	return NULL;
}
