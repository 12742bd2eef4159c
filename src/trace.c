// SPDX-License-Identifier: GPL-2.0-only
/*
 * The event trace (see <fv/trace.h>): the switch, one ring per hart, the
 * records of the hooks and their dump as text lines on the console, one
 * per event, for the monitor (`trace dump`) and for tests/bench/tracereport.py:
 *
 *   [fv] trace <hart> <n> <ts> <cell> <vhart> <event> key=value ...
 *
 * Only the hart itself writes its ring; the dump reads every ring while
 * the harts go on writing, and skips what they overwrite meanwhile.
 */
#include <fv/arch_cell.h>
#include <fv/arch_trace.h>
#include <fv/cell.h>
#include <fv/console.h>
#include <fv/cpu.h>
#include <fv/trace.h>
#include <fv/trace_ring.h>

static bool trace_on;		/* what the harts' flags say */

static struct trace_ring rings[CONFIG_MAX_HARTS];

static void put(unsigned type, unsigned cell, unsigned vhart, unsigned aux, uint64_t a,
		uint64_t b)
{
	struct trace_rec e = {
		.type = (uint8_t)type, .cell = (uint8_t)cell, .vhart = (uint8_t)vhart,
		.aux = (uint8_t)aux, .ts = arch_trace_clock(), .a = a, .b = b,
	};

	trace_ring_put(&rings[this_cpu()->id], &e);
}

void trace_put_vcpu(const struct vcpu *v, unsigned type, unsigned aux, uint64_t a, uint64_t b)
{
	put(type, v->cell->id, v->vhartid, aux, a, b);
}

void trace_put_cell(const struct cell *c, unsigned type, uint64_t a, uint64_t b)
{
	put(type, c->id, 0, 0, a, b);
}

void trace_set(bool on)
{
	trace_on = on;
	for (unsigned i = 0; i < nr_cpus; i++)
		WRITE_ONCE(cpus[i].trace_on, on);
}

void trace_init(void)
{
	trace_set(IS_ENABLED(CONFIG_TRACE_AT_BOOT));
}

void trace_clear(void)
{
	for (unsigned i = 0; i < nr_cpus; i++)
		trace_ring_clear(&rings[i]);
}

/* ------------------------------------------------------------- the dump */

static const char *cell_name(unsigned id)
{
	return id < nr_cells ? cells[id].name : "-";
}

static void print_mmio_locked(const struct trace_rec *e)
{
	struct emu_dev *d = e->cell < nr_cells ? cell_find_emu(&cells[e->cell], e->a) : NULL;

	kprintf_locked("mmio dev=%s@%#llx addr=%#llx op=%s width=%u val=%#llx\n",
		       d ? d->name : "?", (unsigned long long)(d ? d->base : 0),
		       (unsigned long long)e->a, e->aux & TRACE_MMIO_STORE ? "w" : "r",
		       e->aux & ~TRACE_MMIO_STORE, (unsigned long long)e->b);
}

static void print_event_locked(const struct trace_rec *e)
{
	static const char *const virq[] = {
		[VIRQ_EXT] = "external", [VIRQ_TIMER] = "timer", [VIRQ_SOFT] = "software",
	};
	static const char *const cell_ev[] = {
		[TRACE_CELL_START] = "start", [TRACE_CELL_STOP] = "stop",
		[TRACE_CELL_RESTART] = "restart", [TRACE_CELL_FAULT] = "fault",
	};

	switch (e->type) {
	case TR_TRAP_IN:
	case TR_TRAP_OUT:
		kprintf_locked("%s cause=%llu pc=%#llx\n",
			       e->type == TR_TRAP_IN ? "trap-in" : "trap-out",
			       (unsigned long long)e->a, (unsigned long long)e->b);
		break;
	case TR_SBI:
		kprintf_locked("sbi ext=%#llx fid=%u err=%d\n", (unsigned long long)e->a,
			       (unsigned)(e->b & 0xffffffffU), (int)(uint32_t)(e->b >> 32));
		break;
	case TR_MMIO:
		print_mmio_locked(e);
		break;
	case TR_VIRQ:
		kprintf_locked("virq kind=%s\n", e->a < VIRQ_KINDS ? virq[e->a] : "?");
		break;
	case TR_CELL:
		kprintf_locked("cell what=%s detail=%#llx\n",
			       e->a < ARRAY_SIZE(cell_ev) ? cell_ev[e->a] : "?",
			       (unsigned long long)e->b);
		break;
	default:
		kprintf_locked("type%u a=%#llx b=%#llx\n", e->type, (unsigned long long)e->a,
			       (unsigned long long)e->b);
	}
}

/* One ring: its records in order, those of cell `only` if not NULL.
 * Returns the records skipped because they changed while read. */
static uint64_t dump_ring_locked(unsigned cpu, const struct cell *only, uint64_t *shown)
{
	uint64_t first, end, skipped = 0;
	struct trace_rec e;

	trace_ring_window(&rings[cpu], &first, &end);
	for (uint64_t n = first; n < end; n++) {
		if (!trace_ring_get(&rings[cpu], n, &e)) {
			skipped++;
			continue;
		}
		if (only && e.cell != only->id)
			continue;
		kprintf_locked("[fv] trace %lu %llu %llu %s %u ", cpus[cpu].hwid,
			       (unsigned long long)n, (unsigned long long)e.ts, cell_name(e.cell),
			       e.vhart);
		print_event_locked(&e);
		(*shown)++;
	}
	return skipped;
}

void trace_dump_cells_locked(const struct cell *only)
{
	uint64_t shown = 0, skipped = 0;

	kprintf_locked("[fv] trace: begin (%s, tracing %s, %u events per hart)\n",
		       only ? only->name : "all cells", trace_on ? "on" : "off",
		       (unsigned)TRACE_RING_SIZE);
	for (unsigned k = 0; k < VCPU_TRAP_KINDS; k++)
		if (arch_trap_kind_name(k))
			kprintf_locked("[fv] trace: cause %u = %s\n", k, arch_trap_kind_name(k));
	for (unsigned i = 0; i < nr_cpus; i++)
		skipped += dump_ring_locked(i, only, &shown);
	kprintf_locked("[fv] trace: end (%llu events shown, %llu skipped: overwritten while read)\n",
		       (unsigned long long)shown, (unsigned long long)skipped);
}

void trace_dump_locked(unsigned cpu)
{
	uint64_t shown = 0;

	kprintf_locked("trace of hart %lu:\n", cpus[cpu].hwid);
	dump_ring_locked(cpu, NULL, &shown);
}
