// SPDX-License-Identifier: GPL-2.0-only
/*
 * The console monitor: an overview with one line per cell, and (with
 * CONFIG_MONITOR_SHELL) a small command line on the hypervisor console.
 * It reads the cells and their consoles and asks cells to stop, start or
 * restart (cell_admin(), done on their own harts); nothing calls back
 * into it but the housekeeping code, which feeds it typed bytes.
 */
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include <fv/cell.h>
#include <fv/cell_doorbell.h>
#include <fv/cell_virtio.h>
#include <fv/console.h>
#include <fv/errno.h>
#include <fv/fmt.h>
#include <fv/hv.h>
#include <fv/monitor.h>
#include <fv/platform.h>
#include <fv/string.h>
#include <fv/trace.h>

/* The checksum of the read-only part as built: ci/ro-sum.py writes it here
 * after the link (in .data, outside the summed range), so the boot does
 * not sum 4 MiB of text and guest images before the first cell starts. */
uint64_t fv_ro_sum_built = 1;

/* FNV-1a over the image's read-only part, 8 bytes at a time (ci/ro-sum.py
 * computes the same over the ELF's loaded bytes). */
static uint64_t ro_sum(void)
{
	const uint64_t *p = (const uint64_t *)(uintptr_t)hv_image_start;
	const uint64_t *end = (const uint64_t *)(uintptr_t)hv_ro_end;
	uint64_t h = 0xcbf29ce484222325ULL;

	while (p < end)
		h = (h ^ *p++) * 0x100000001b3ULL;
	return h;
}

static const char *const state_names[] = {
	[CELL_STOPPED] = "stopped", [CELL_RUNNING] = "running", [CELL_FAILED] = "failed",
	[CELL_STOPPING] = "stopping",
};

struct cell_totals {
	struct vcpu_stats s;
	uint64_t exits;
	uint64_t forwarded;
	uint64_t idle;
	uint64_t hk;
};

static void add_up(const struct cell *c, struct cell_totals *t)
{
	for (unsigned k = 0; k < c->nr_vcpus; k++) {
		const struct vcpu *v = c->vcpu[k];

		/* exits: every trap, each counted once by kind */
		for (unsigned i = 0; i < VCPU_TRAP_KINDS; i++)
			t->exits += v->stats.traps[i];
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
	uint64_t now = ro_sum(), built = READ_ONCE(fv_ro_sum_built);

	kprintf_locked("[fv] image: text, rodata, guest images %lu KiB, checksum %#llx "
		       "(at boot %#llx): %s\n",
		       (unsigned long)((uintptr_t)hv_ro_end - (uintptr_t)hv_image_start) >> 10,
		       (unsigned long long)now, (unsigned long long)built,
		       now == built ? "intact" : "CHANGED");
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
			       (unsigned long long)t.exits, (unsigned long long)t.s.sbi_calls,
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

static const char *vcpu_state_name(int state)
{
	switch (state) {
	case VCPU_RUNNING: return "running";
	case VCPU_STOPPED: return "stopped";
	case VCPU_START_PENDING: case VCPU_STARTING: return "starting";
	case VCPU_STOP_PENDING: return "stopping";
	case VCPU_SUSPENDED: return "suspended";
	default: return "?";
	}
}

/* One line per vCPU: its state and its hart's (online, idle-loop
 * rounds), its traps by kind, its waits on shared locks. */
void monitor_print_vcpus_locked(void)
{
	for (unsigned i = 0; i < nr_cells; i++) {
		const struct cell *c = &cells[i];

		for (unsigned k = 0; k < c->nr_vcpus; k++) {
			const struct vcpu *v = c->vcpu[k];

			kprintf_locked("[fv] %s vhart %u (hart %lu%s, idle %llu): %s; "
				       "shared-lock waits %llu; traps:",
				       c->name, k, v->cpu->hwid,
				       READ_ONCE(v->cpu->online) ? "" : ", offline",
				       (unsigned long long)v->cpu->idle_wakeups,
				       vcpu_state_name(READ_ONCE(v->state)),
				       (unsigned long long)v->cpu->xlock_waits);
			for (unsigned t = 0; t < VCPU_TRAP_KINDS; t++)
				if (v->stats.traps[t] && arch_trap_kind_name(t))
					kprintf_locked(" %s %llu", arch_trap_kind_name(t),
						       (unsigned long long)v->stats.traps[t]);
			kprintf_locked("\n");
		}
	}
}

/* ------------------------------------------------------ the command line */

#define LINE_MAX	64

static char line[LINE_MAX];
static unsigned len;
static bool shell_open;
static bool last_cr;

static void prompt_locked(void)
{
	console_close_line_locked();
	kprintf_locked("[fv] monitor> %.*s", (int)len, line);
	console_set_open_line_locked(line);
}

static struct cell *find_cell(const char *name)
{
	for (unsigned i = 0; i < nr_cells; i++)
		if (!strcmp(cells[i].name, name))
			return &cells[i];
	kprintf_locked("[fv] no cell \"%s\"; cells:", name);
	for (unsigned i = 0; i < nr_cells; i++)
		kprintf_locked(" %s", cells[i].name);
	kprintf_locked("\n");
	return NULL;
}

/* "12.345 s" since the cell's last start (a running cell). */
static void print_uptime_locked(const struct cell *c)
{
	uint64_t hz = platform.timebase_hz ? platform.timebase_hz : 1;
	uint64_t t = arch_counter() - c->started_at;
	uint64_t ms = t % hz * 1000 / hz;

	kprintf_locked("%llu.%03llu s", (unsigned long long)(t / hz), (unsigned long long)ms);
}

static void cmd_help(void)
{
	kprintf_locked("[fv] commands: help; cells; stats <cell>; stop <cell>; start <cell>; "
		       "restart <cell>; trace on|off|clear|dump [cell]; "
		       "exit (or Ctrl-]: back to the cells)\n");
}

static void cmd_cells(void)
{
	kprintf_locked("[fv] %-2s %-12s %-8s %-12s %9s %6s  %s\n", "#", "cell", "state", "harts",
		       "memory", "starts", "uptime");
	for (unsigned i = 0; i < nr_cells; i++) {
		const struct cell *c = &cells[i];
		int st = READ_ONCE(c->state);
		uint64_t mem = 0;
		char harts[8 * LAYOUT_MAX_HARTS] = "";
		unsigned n = 0;

		for (unsigned k = 0; k < c->desc->nr_mem; k++)
			mem += c->desc->mem[k].size;
		for (unsigned k = 0; k < c->nr_vcpus; k++)
			n += (unsigned)fmt_snprintf(harts + n, sizeof(harts) - n, "%s%lu",
						    k ? "," : "", c->vcpu[k]->cpu->hwid);
		kprintf_locked("[fv] %-2u %-12s %-8s %-12s %5llu %s %6u  ", i + 1, c->name,
			       state_names[st], harts,
			       (unsigned long long)((mem % MiB) ? mem >> 10 : mem >> 20),
			       (mem % MiB) ? "KiB" : "MiB", c->starts);
		if (st == CELL_RUNNING)
			print_uptime_locked(c);
		else
			kprintf_locked("-");
		kprintf_locked("\n");
	}
}

/* " name count, name count" for each counter that is not 0, or " none". */
static void print_counts_locked(const uint64_t *n, unsigned nr, const char *(*name)(unsigned))
{
	bool any = false;

	for (unsigned k = 0; k < nr; k++) {
		if (!n[k] || !name(k))
			continue;
		kprintf_locked("%s %s %llu", any ? "," : "", name(k), (unsigned long long)n[k]);
		any = true;
	}
	kprintf_locked("%s\n", any ? "" : " none");
}

static void cmd_stats(struct cell *c)
{
	struct vcpu_stats t = { 0 };

	for (unsigned k = 0; k < c->nr_vcpus; k++) {
		const struct vcpu_stats *s = &c->vcpu[k]->stats;

		for (unsigned i = 0; i < VCPU_TRAP_KINDS; i++)
			t.traps[i] += s->traps[i];
		for (unsigned i = 0; i < VCPU_FW_KINDS; i++)
			t.fw_calls[i] += s->fw_calls[i];
		for (unsigned i = 0; i < VIRQ_KINDS; i++)
			t.virqs[i] += __atomic_load_n(&s->virqs[i], __ATOMIC_RELAXED);
		t.irqs += s->irqs;
	}
	for (unsigned i = 0; i < VIRQ_KINDS; i++)
		t.virqs[i] += arch_virqs_in_traps(t.traps, i);
	kprintf_locked("[fv] %s: %s, started %u time%s", c->name, state_names[READ_ONCE(c->state)],
		       c->starts, c->starts == 1 ? "" : "s");
	if (READ_ONCE(c->state) == CELL_RUNNING) {
		kprintf_locked(", up ");
		print_uptime_locked(c);
	}
	kprintf_locked(" (counters since boot)\n[fv]   exits by cause:");
	print_counts_locked(t.traps, VCPU_TRAP_KINDS, arch_trap_kind_name);
	kprintf_locked("[fv]   firmware calls:");
	print_counts_locked(t.fw_calls, VCPU_FW_KINDS, arch_fw_call_kind_name);
	kprintf_locked("[fv]   emulated accesses:");
	for (unsigned i = 0; i < c->nr_emus; i++)
		kprintf_locked("%s %s@%#llx %llu", i ? "," : "", c->emus[i].name,
			       (unsigned long long)c->emus[i].base,
			       (unsigned long long)__atomic_load_n(&c->emus[i].accesses,
								   __ATOMIC_RELAXED));
	kprintf_locked("%s\n", c->nr_emus ? "" : " none");
	kprintf_locked("[fv]   interrupts injected: external %llu, timer %llu, software %llu; "
		       "device interrupts passed through: %llu\n",
		       (unsigned long long)t.virqs[VIRQ_EXT], (unsigned long long)t.virqs[VIRQ_TIMER],
		       (unsigned long long)t.virqs[VIRQ_SOFT], (unsigned long long)t.irqs);
	kprintf_locked("[fv]   console: lines dropped %llu, typed bytes dropped %llu\n",
		       (unsigned long long)c->con.dropped, (unsigned long long)c->con.in_dropped);
	cell_virtio_print_locked(c);
	cell_doorbell_print_locked(c);
}

static void cmd_admin(struct cell *c, enum cell_admin op, const char *verb)
{
	static const char *const why[] = {
		[ADMIN_STOP] = "it is not running", [ADMIN_RESTART] = "it is not running (start it)",
		[ADMIN_START] = "it is not stopped (restart it)",
	};
	int r = cell_admin(c, op);

	if (r == FV_EBUSY)
		kprintf_locked("[fv] %s %s refused: an earlier command for it is not done yet\n",
			       verb, c->name);
	else if (r < 0)
		kprintf_locked("[fv] %s %s refused: %s (it is %s)\n", verb, c->name, why[op],
			       state_names[READ_ONCE(c->state)]);
	else
		kprintf_locked("[fv] %s %s: asked (its hart %lu does it)\n", verb, c->name,
			       c->vcpu[0]->cpu->hwid);
}

/* Split "word arg" in place; arg is "" when missing. */
static char *split(char *s)
{
	while (*s && *s != ' ')
		s++;
	if (!*s)
		return s;
	*s++ = '\0';
	while (*s == ' ')
		s++;
	return s;
}

/* trace on | off | clear | dump [cell] (CONFIG_TRACE) */
static void cmd_trace(char *sub)
{
	const struct cell *c = NULL;
	char *arg;

	if (!IS_ENABLED(CONFIG_TRACE)) {
		kprintf_locked("[fv] trace: not in this build (CONFIG_TRACE is off)\n");
		return;
	}
	arg = split(sub);
	if (!strcmp(sub, "on") || !strcmp(sub, "off")) {
		trace_set(sub[1] == 'n');
		kprintf_locked("[fv] trace: %s\n", sub);
	} else if (!strcmp(sub, "clear")) {
		trace_clear();
		kprintf_locked("[fv] trace: cleared\n");
	} else if (!strcmp(sub, "dump")) {
		if (!*arg || (c = find_cell(arg)))
			trace_dump_cells_locked(c);
	} else {
		kprintf_locked("[fv] usage: trace on|off|clear|dump [cell]\n");
	}
}

static void run_line_locked(char *cmd)
{
	static const struct { const char *name; enum cell_admin op; } admin[] = {
		{ "stop", ADMIN_STOP }, { "start", ADMIN_START }, { "restart", ADMIN_RESTART },
	};
	char *arg;
	struct cell *c;

	while (*cmd == ' ')
		cmd++;
	arg = split(cmd);
	if (!*cmd)
		return;
	if (!strcmp(cmd, "help") || !strcmp(cmd, "?"))
		return cmd_help();
	if (!strcmp(cmd, "cells"))
		return cmd_cells();
	if (!strcmp(cmd, "exit") || !strcmp(cmd, "quit")) {
		shell_open = false;
		kprintf_locked("[fv] monitor closed: input goes to the cells again\n");
		return;
	}
	for (unsigned i = 0; i < sizeof(admin) / sizeof(admin[0]); i++) {
		if (strcmp(cmd, admin[i].name))
			continue;
		if (!*arg)
			kprintf_locked("[fv] usage: %s <cell>\n", cmd);
		else if ((c = find_cell(arg)))
			cmd_admin(c, admin[i].op, cmd);
		return;
	}
	if (!strcmp(cmd, "trace"))
		return cmd_trace(arg);
	if (!strcmp(cmd, "stats")) {
		if (!*arg)
			kprintf_locked("[fv] usage: stats <cell>\n");
		else if ((c = find_cell(arg)))
			cmd_stats(c);
		return;
	}
	kprintf_locked("[fv] unknown command \"%s\" (help lists them)\n", cmd);
}

void monitor_open(void)
{
	console_lock();
	console_close_line_locked();
	monitor_print_locked();
	kprintf_locked("[fv] monitor: type help; exit or Ctrl-] leaves (input waits meanwhile)\n");
	shell_open = true;
	len = 0;
	prompt_locked();
	console_unlock();
	mux_console_released();
}

bool monitor_is_open(void)
{
	return shell_open;
}

void monitor_close(void)
{
	shell_open = false;
}

/* One typed byte: line editing, Enter runs the line. */
static void input_locked(char c)
{
	if (c == '\r' || c == '\n') {
		console_close_line_locked();
		line[len] = '\0';
		len = 0;
		run_line_locked(line);
		if (shell_open)
			prompt_locked();
	} else if (c == 0x7f || c == '\b') {
		if (len) {
			len--;
			console_write_locked("\b \b", 3);
		}
	} else if (c == 0x03) {		/* Ctrl-C: drop the line */
		len = 0;
		prompt_locked();
	} else if (c >= 0x20 && c < 0x7f && len < LINE_MAX - 1) {
		line[len++] = c;
		console_write_locked(&c, 1);
	}
}

void monitor_input(char c)
{
	bool after_cr = last_cr;

	last_cr = c == '\r';
	if (c == '\n' && after_cr)
		return;		/* the CR of a CR LF ran the line */
	console_lock();
	if (console_open_line_locked() != line)
		prompt_locked();	/* a cell's output came between: show the line again */
	input_locked(c);
	console_unlock();
	mux_console_released();
}
