// SPDX-License-Identifier: GPL-2.0-only
/*
 * Housekeeping; see <fv/housekeeping.h>.  Typed input arrives here (the
 * console interrupt is routed to the housekeeping hart only), escape
 * commands are served here, and every cell's console ring is written out
 * here.  A cell's own device models are never touched from here: typed
 * bytes wait in the cell's input ring and the cell's own hart moves them
 * into its UART (REQ_RX).
 */
#include <fv/arch_cell.h>
#include <fv/cell.h>
#include <fv/console.h>
#include <fv/console_mux.h>
#include <fv/gdb_cell.h>
#include <fv/housekeeping.h>
#include <fv/monitor.h>
#include <fv/platform.h>

static struct cpu *volatile hk_cpu;
static bool hk_free;		/* hk_cpu belongs to no cell */
static uint32_t con_irq;	/* the console's receive interrupt, or 0 */
static bool escaped;		/* the last input byte was the escape */

static void kick(void)
{
	struct cpu *h = READ_ONCE(hk_cpu);

	if (h == this_cpu()) {
		h->hk_runs++;
		mux_drain();
	} else
		cpu_request(h, REQ_DRAIN);
}

static struct cpu *free_cpu(void)
{
	for (unsigned i = 0; i < nr_cpus; i++)
		if (cpus[i].online && !cpus[i].vcpu)
			return &cpus[i];
	return NULL;
}

/* The cell a console port belongs to: its UART/SBI port or a virtio one. */
static struct cell *port_cell(unsigned i)
{
	struct mux_port *p = mux_port(i);

	return p ? p->owner : NULL;
}

static struct cpu *focused_cell_cpu(void)
{
	int f = mux_focus();
	struct cell *c = f >= 0 ? port_cell((unsigned)f) : NULL;

	return c ? c->vcpu[0]->cpu : this_cpu();
}

static void move_to(struct cpu *to)
{
	if (to == hk_cpu)
		return;
	WRITE_ONCE(hk_cpu, to);
	if (con_irq)
		arch_console_irq_route(con_irq, to);
	kick();		/* whatever waits */
}

void hk_start(void)
{
	struct cpu *f = free_cpu();

	hk_free = f != NULL;
	hk_cpu = f ? f : focused_cell_cpu();
	if (hk_free)
		kprintf("console: housekeeping on hart %lu, which no cell owns\n", hk_cpu->hwid);
	else
		kprintf("console: no free hart: console work runs on the harts of the cell "
			"with input focus (now hart %lu)\n", hk_cpu->hwid);
	if (platform.uart.present && platform.uart.irq && console_enable_input()) {
		con_irq = platform.uart.irq;
		arch_console_irq_route(con_irq, hk_cpu);
	}
	mux_set_kick(kick);
}

/* Print on the console from here (the hart that drains it). */
static void say_focus(unsigned i)
{
	console_lock();
	console_close_line_locked();
	kprintf_locked("[fv] console input goes to %s (Ctrl-] h: help)\n", mux_port(i)->name);
	console_unlock();
	mux_console_released();
}

static void set_focus(unsigned i)
{
	mux_set_focus(i);
	say_focus(i);
	if (!hk_free)
		move_to(port_cell(i)->vcpu[0]->cpu);
}

static void print_monitor(void (*what)(void))
{
	console_lock();
	console_close_line_locked();
	what();
	console_unlock();
	mux_console_released();
}

static void print_help(void)
{
	console_lock();
	console_close_line_locked();
	kprintf_locked("[fv] Ctrl-] then: n next console, 1-9 console by number, m monitor%s, "
		       "v vCPU traps and lock waits, g GDB remote protocol for the focused "
		       "cell (until gdb detaches, or Ctrl-]), h help\n",
		       IS_ENABLED(CONFIG_MONITOR_SHELL) ? " (a command line: help lists its commands)"
							: "");
	console_unlock();
	mux_console_released();
}

/* Ctrl-] g: the console speaks GDB's protocol for the focused cell. */
static void debug_focused(void)
{
	struct cell *c = port_cell((unsigned)mux_focus());

	bool avail = gdb_cell_available();

	if (c && avail && gdb_cell_attach(c))
		return;
	console_lock();
	console_close_line_locked();
	if (!avail)
		kprintf_locked("[fv] gdb: no debugger stub in this image (CONFIG_GDBSTUB)\n");
	else
		kprintf_locked("[fv] gdb: cell %s is not running\n", c ? c->name : "?");
	console_unlock();
	mux_console_released();
}

static void escape_command(char c)
{
	switch (c) {
	case 'n':
	case '\t':
	case MUX_ESCAPE:
		set_focus(((unsigned)mux_focus() + 1) % mux_nr_ports());
		break;
	case 'm':
		if (IS_ENABLED(CONFIG_MONITOR_SHELL))
			monitor_open();
		else
			print_monitor(monitor_print_locked);
		break;
	case 'v':
		print_monitor(monitor_print_vcpus_locked);
		break;
	case 'g':
		debug_focused();
		break;
	case 'h':
	case '?':
		print_help();
		break;
	default:
		if (c >= '1' && c <= '9' && (unsigned)(c - '1') < mux_nr_ports())
			set_focus((unsigned)(c - '1'));
	}
}

/* The hart that moves input into the cell's UART: a running one. */
static struct cpu *rx_cpu(const struct cell *c)
{
	for (unsigned i = 0; i < c->nr_vcpus; i++)
		if (READ_ONCE(c->vcpu[i]->state) == VCPU_RUNNING)
			return c->vcpu[i]->cpu;
	return NULL;
}

static void deliver(char ch)
{
	struct mux_port *p = mux_port((unsigned)mux_focus());
	struct cell *c = p->owner;
	struct cpu *t;

	if (!mux_deliver(p, ch) || !p->rx)
		return;		/* dropped, or it waits for an SBI read */
	t = rx_cpu(c);
	if (t == this_cpu())
		mux_rx_drain(p);	/* this is the cell's own hart */
	else if (t)
		cpu_request(t, REQ_RX);
}

static void input(char c)
{
	if (!nr_cells)
		return;
	if (gdb_cell_active()) {
		gdb_cell_input(c);	/* everything, until it detaches (or Ctrl-]) */
		return;
	}
	if (escaped) {
		escaped = false;
		if (c != 'm')
			monitor_close();	/* any other command leaves it */
		escape_command(c);
	} else if (c == MUX_ESCAPE) {
		escaped = true;
	} else if (monitor_is_open()) {
		monitor_input(c);
	} else {
		deliver(c);
	}
}

void hk_console_irq(void)
{
	int c;

	this_cpu()->hk_runs++;
	while ((c = console_getc()) >= 0)
		input((char)c);
}
