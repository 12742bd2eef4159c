// SPDX-License-Identifier: GPL-2.0-only
/* Per-hart trace rings; see <fv/trace.h>.  Built only with CONFIG_TRACE. */
#include <fv/console.h>
#include <fv/trace.h>

struct trace_entry {
	uint64_t seq;
	uint64_t a, b;
	enum trace_type type;
};

struct trace_ring {
	uint64_t next;
	struct trace_entry e[CONFIG_TRACE_ENTRIES];
};

/* One writer per ring (its own hart), so no lock. */
static struct trace_ring rings[CONFIG_MAX_HARTS];

static const char *const names[TR_NR] = {
	[TR_BOOT] = "boot", [TR_TRAP] = "trap", [TR_SBI] = "sbi",
	[TR_IRQ] = "irq", [TR_FAULT] = "fault",
};

void trace_event(unsigned cpu, enum trace_type t, uint64_t a, uint64_t b)
{
	struct trace_ring *r = &rings[cpu];
	struct trace_entry *e = &r->e[r->next % CONFIG_TRACE_ENTRIES];

	e->seq = r->next++;
	e->type = t;
	e->a = a;
	e->b = b;
}

void trace_dump_locked(unsigned cpu)
{
	struct trace_ring *r = &rings[cpu];
	uint64_t first = r->next > CONFIG_TRACE_ENTRIES ? r->next - CONFIG_TRACE_ENTRIES : 0;

	kprintf_locked("trace of cpu %u (last %llu events):\n", cpu,
		       (unsigned long long)(r->next - first));
	for (uint64_t i = first; i < r->next; i++) {
		const struct trace_entry *e = &r->e[i % CONFIG_TRACE_ENTRIES];

		kprintf_locked("  #%llu %-5s %#llx %#llx\n", (unsigned long long)e->seq,
			       names[e->type], (unsigned long long)e->a,
			       (unsigned long long)e->b);
	}
}
