// SPDX-License-Identifier: GPL-2.0-only
/* The console multiplexer; see <fv/console_mux.h>. */
#include <fv/console.h>
#include <fv/console_mux.h>

static struct mux_port *ports[MUX_MAX_PORTS];
static unsigned nr_ports;
static volatile unsigned focus;
static bool escaped;		/* the last input character was the escape */

int mux_add_port(struct mux_port *p, const char *name)
{
	if (nr_ports == MUX_MAX_PORTS)
		return -1;
	p->name = name;
	p->len = 0;
	p->ring_head = p->ring_tail = 0;
	p->lock = (spinlock_t)SPINLOCK_INIT;
	ports[nr_ports] = p;
	return (int)nr_ports++;
}

int mux_focus(void)
{
	return nr_ports ? (int)focus : -1;
}

static bool has_focus(const struct mux_port *p)
{
	return nr_ports && ports[focus] == p;
}

/* A whole collected line of an unfocused port. */
static void write_line(struct mux_port *p)
{
	console_lock();
	console_close_line_locked();
	kprintf_locked("[%s] %.*s\n", p->name, (int)p->len, p->line);
	console_unlock();
	p->len = 0;
}

/* The focused port writes through, opening its line under its tag. */
static void write_through(struct mux_port *p, char c)
{
	console_lock();
	if (console_open_line_locked() != p) {
		console_close_line_locked();
		kprintf_locked("[%s] ", p->name);
		console_set_open_line_locked(p);
	}
	kprintf_locked("%c", c);
	if (c == '\n')
		console_set_open_line_locked(NULL);
	console_unlock();
}

void mux_putc(struct mux_port *p, char c)
{
	if (c == '\r')
		return;		/* the console adds its own */
	spin_lock(&p->lock);
	if (has_focus(p)) {
		if (p->len) {	/* it just got focus: its collected part first */
			console_lock();
			console_close_line_locked();
			kprintf_locked("[%s] %.*s", p->name, (int)p->len, p->line);
			console_set_open_line_locked(p);
			console_unlock();
			p->len = 0;
		}
		write_through(p, c);
	} else if (c == '\n') {
		write_line(p);
	} else {
		p->line[p->len++] = c;
		if (p->len == sizeof(p->line))
			write_line(p);
	}
	spin_unlock(&p->lock);
}

int mux_getc(struct mux_port *p)
{
	int c = -1;

	spin_lock(&p->lock);
	if (p->ring_tail != p->ring_head) {
		c = (unsigned char)p->ring[p->ring_tail % MUX_RX_MAX];
		p->ring_tail++;
	}
	spin_unlock(&p->lock);
	return c;
}

/* Lock held: move waiting input into the UART while it takes it. */
static void drain_locked(struct mux_port *p)
{
	while (p->rx && p->ring_tail != p->ring_head &&
	       p->rx(p->rx_arg, p->ring[p->ring_tail % MUX_RX_MAX]))
		p->ring_tail++;
}

void mux_rx_drain(struct mux_port *p)
{
	if (READ_ONCE(p->ring_tail) == READ_ONCE(p->ring_head))
		return;
	spin_lock(&p->lock);
	drain_locked(p);
	spin_unlock(&p->lock);
}

static void deliver(struct mux_port *p, char c)
{
	spin_lock(&p->lock);
	if (p->ring_head - p->ring_tail < MUX_RX_MAX)	/* else dropped */
		p->ring[p->ring_head++ % MUX_RX_MAX] = c;
	drain_locked(p);
	spin_unlock(&p->lock);
}

static void set_focus(unsigned i)
{
	focus = i;
	console_lock();
	console_close_line_locked();
	kprintf_locked("[fv] console input goes to %s (Ctrl-] h: help)\n", ports[i]->name);
	console_unlock();
}

static void escape_command(char c)
{
	switch (c) {
	case 'n':
	case '\t':
	case MUX_ESCAPE:
		set_focus((focus + 1) % nr_ports);
		break;
	case 'm':
		console_lock();
		console_close_line_locked();
		mux_monitor_print_locked();
		console_unlock();
		break;
	case 'h':
	case '?':
		console_lock();
		console_close_line_locked();
		kprintf_locked("[fv] Ctrl-] then: n next cell, 1-9 cell by number, "
			       "m monitor, h help\n");
		console_unlock();
		break;
	default:
		if (c >= '1' && c <= '9' && (unsigned)(c - '1') < nr_ports)
			set_focus(c - '1');
	}
}

void mux_input(char c)
{
	if (!nr_ports)
		return;
	if (escaped) {
		escaped = false;
		escape_command(c);
	} else if (c == MUX_ESCAPE) {
		escaped = true;
	} else {
		deliver(ports[focus], c);
	}
}
