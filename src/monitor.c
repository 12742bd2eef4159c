// SPDX-License-Identifier: GPL-2.0-only
/*
 * The console monitor: one line per cell with its state and counters.  It
 * only reads the cells and their consoles; nothing calls back into it.
 */
#include <fv/arch_cell.h>
#include <fv/cell.h>
#include <fv/cell_doorbell.h>
#include <fv/cell_virtio.h>
#include <fv/console.h>
#include <fv/hv.h>
#include <fv/monitor.h>

static uint64_t ro_sum_at_boot;

/* FNV-1a over the image's read-only part, 8 bytes at a time. */
static uint64_t ro_sum(void)
{
	const uint64_t *p = (const uint64_t *)(uintptr_t)hv_image_start;
	const uint64_t *end = (const uint64_t *)(uintptr_t)hv_ro_end;
	uint64_t h = 0xcbf29ce484222325ULL;

	while (p < end)
		h = (h ^ *p++) * 0x100000001b3ULL;
	return h;
}

void monitor_init(void)
{
	ro_sum_at_boot = ro_sum();
}

static const char *const state_names[] = {
	[CELL_STOPPED] = "stopped", [CELL_RUNNING] = "running", [CELL_FAILED] = "failed",
	[CELL_STOPPING] = "stopping",
};

struct cell_totals {
	struct vcpu_stats s;
	uint64_t forwarded;
	uint64_t idle;
	uint64_t hk;
};

static void add_up(const struct cell *c, struct cell_totals *t)
{
	for (unsigned k = 0; k < c->nr_vcpus; k++) {
		const struct vcpu *v = c->vcpu[k];

		/* exits: every trap; the fast paths count only their own */
		t->s.exits += v->stats.exits + v->stats.sbi_calls + v->stats.mmio;
		t->s.sbi_calls += v->stats.sbi_calls;
		t->s.mmio += v->stats.mmio;
		t->s.irqs += v->stats.irqs;
		for (unsigned i = 0; i < VCPU_FWD_CAUSES; i++)
			t->forwarded += v->stats.forwarded[i];
		t->idle += v->cpu->idle_wakeups;
		t->hk += v->cpu->hk_runs;
	}
}

/* The hypervisor's text, read-only data and guest images, which nothing
 * may write: their checksum now and at boot. */
static void print_image_check(void)
{
	uint64_t now = ro_sum();

	kprintf_locked("[fv] image: text, rodata, guest images %lu KiB, checksum %#llx "
		       "(at boot %#llx): %s\n",
		       (unsigned long)((uintptr_t)hv_ro_end - (uintptr_t)hv_image_start) >> 10,
		       (unsigned long long)now, (unsigned long long)ro_sum_at_boot,
		       now == ro_sum_at_boot ? "intact" : "CHANGED");
}

void monitor_print_locked(void)
{
	kprintf_locked("[fv] %-2s %-12s %-8s %6s %10s %10s %10s %10s %6s %7s %7s %8s %8s\n", "#",
		       "cell", "state", "starts", "exits", "sbi", "mmio", "irqs", "fwd",
		       "dropped", "in-drop", "idle", "hk");
	for (unsigned i = 0; i < nr_cells; i++) {
		const struct cell *c = &cells[i];
		struct cell_totals t = { 0 };

		add_up(c, &t);
		kprintf_locked("[fv] %-2u %-12s %-8s %6u %10llu %10llu %10llu %10llu %6llu %7llu "
			       "%7llu %8llu %8llu%s\n",
			       i + 1, c->name, state_names[c->state], c->starts,
			       (unsigned long long)t.s.exits, (unsigned long long)t.s.sbi_calls,
			       (unsigned long long)t.s.mmio, (unsigned long long)t.s.irqs,
			       (unsigned long long)t.forwarded,
			       (unsigned long long)c->con.dropped,
			       (unsigned long long)c->con.in_dropped,
			       (unsigned long long)t.idle, (unsigned long long)t.hk,
			       (int)i == mux_focus() ? "  <- input" : "");
	}
	for (unsigned i = 0; i < nr_cells; i++) {
		cell_virtio_print_locked(&cells[i]);
		cell_doorbell_print_locked(&cells[i]);
	}
	print_image_check();
}

/* One line per vCPU: its traps by kind, its waits on shared locks. */
void monitor_print_vcpus_locked(void)
{
	for (unsigned i = 0; i < nr_cells; i++) {
		const struct cell *c = &cells[i];

		for (unsigned k = 0; k < c->nr_vcpus; k++) {
			const struct vcpu *v = c->vcpu[k];

			kprintf_locked("[fv] %s vhart %u (hart %lu): shared-lock waits %llu; traps:",
				       c->name, k, v->cpu->hwid,
				       (unsigned long long)v->cpu->xlock_waits);
			for (unsigned t = 0; t < VCPU_TRAP_KINDS; t++)
				if (v->stats.traps[t] && arch_trap_kind_name(t))
					kprintf_locked(" %s %llu", arch_trap_kind_name(t),
						       (unsigned long long)v->stats.traps[t]);
			kprintf_locked("\n");
		}
	}
}
