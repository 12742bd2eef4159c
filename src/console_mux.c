// SPDX-License-Identifier: GPL-2.0-only
/* The console multiplexer; see <fv/console_mux.h>. */
#include <fv/console.h>
#include <fv/console_mux.h>

#define OUT_MASK	(MUX_OUT_SIZE - 1)
#define IN_MASK		(MUX_IN_SIZE - 1)

/* escape-sequence filter states */
enum { ESC_NONE, ESC_SEEN, ESC_CSI, ESC_OSC };

static struct mux_port *ports[MUX_MAX_PORTS];
static unsigned nr_ports;
static volatile unsigned focus;
static void (*kick_fn)(void);
static volatile int pending;	/* output waits and the drainer was asked */
static volatile int missed;	/* a drain found the console taken */
static volatile bool held;	/* a debugger has the console (Ctrl-] g) */

int mux_add_port(struct mux_port *p, const char *name)
{
	if (nr_ports == MUX_MAX_PORTS)
		return -1;
	p->name = name;
	p->out_lock = (spinlock_t)SPINLOCK_INIT;
	p->in_lock = (spinlock_t)SPINLOCK_INIT;
	ports[nr_ports] = p;
	return (int)nr_ports++;
}

unsigned mux_nr_ports(void)
{
	return nr_ports;
}

struct mux_port *mux_port(unsigned idx)
{
	return idx < nr_ports ? ports[idx] : NULL;
}

int mux_focus(void)
{
	return nr_ports ? (int)focus : -1;
}

void mux_set_focus(unsigned idx)
{
	if (idx < nr_ports)
		WRITE_ONCE(focus, idx);
}

void mux_set_kick(void (*kick)(void))
{
	__atomic_store_n(&kick_fn, kick, __ATOMIC_RELEASE);
}

bool mux_async(void)
{
	return __atomic_load_n(&kick_fn, __ATOMIC_ACQUIRE) != NULL;
}

/* Output waits: have it drained, here and now before the cells run. */
static void kick(void)
{
	void (*fn)(void) = __atomic_load_n(&kick_fn, __ATOMIC_ACQUIRE);

	if (!fn) {
		mux_drain();
		return;
	}
	if (!__atomic_exchange_n(&pending, 1, __ATOMIC_SEQ_CST))
		fn();
}

/* ---------------------------------------------------------------- output: producers */

static unsigned out_room(const struct mux_port *p)
{
	return MUX_OUT_SIZE - (p->out_head - __atomic_load_n(&p->out_tail, __ATOMIC_ACQUIRE));
}

/* out_lock held.  A line starts only with room for all of it: the ring
 * only gains room meanwhile, so a started line always fits whole. */
static bool line_start(struct mux_port *p)
{
	if (p->cur_len || p->dropping)
		return !p->dropping;
	if (out_room(p) < MUX_LINE_MAX + 1) {
		p->dropping = true;
		__atomic_fetch_add(&p->dropped, 1, __ATOMIC_RELAXED);
		return false;
	}
	return true;
}

/* The byte, then the head that shows it: a release store, so neither the
 * compiler nor the hart lets the drainer see the head before the byte. */
static void put_raw(struct mux_port *p, char c)
{
	unsigned head = p->out_head;

	p->out[head & OUT_MASK] = c;
	__atomic_store_n(&p->out_head, head + 1, __ATOMIC_RELEASE);
}

static void end_line(struct mux_port *p)
{
	if (!p->dropping) {
		put_raw(p, '\n');
		p->lines++;
	}
	p->cur_len = 0;
	p->dropping = false;
}

/* Is c part of an escape sequence (which is swallowed whole)? */
static bool in_escape(struct mux_port *p, char c)
{
	switch (p->esc) {
	case ESC_SEEN:
		p->esc = c == '[' ? ESC_CSI : c == ']' ? ESC_OSC : ESC_NONE;
		return true;
	case ESC_CSI:
		if (c >= 0x40 && c <= 0x7e)
			p->esc = ESC_NONE;	/* the final byte */
		return true;
	case ESC_OSC:
		if (c == 0x07)
			p->esc = ESC_NONE;
		else if (c == 0x1b)
			p->esc = ESC_SEEN;	/* ESC \ ends it */
		return true;
	}
	if (c == 0x1b) {
		p->esc = ESC_SEEN;
		return true;
	}
	return false;
}

/* out_lock held: one byte of guest output, filtered. */
static void put_guest(struct mux_port *p, char c)
{
	if (c == '\n') {
		p->esc = ESC_NONE;	/* a line end ends any sequence */
		if (line_start(p) || p->dropping)
			end_line(p);
		return;
	}
	if (in_escape(p, c))
		return;
	if (c != '\t' && (c < 0x20 || c > 0x7e))
		return;		/* CR, other controls, DEL, non-ASCII */
	if (!line_start(p))
		return;
	put_raw(p, c);
	if (++p->cur_len == MUX_LINE_MAX)
		end_line(p);
}

/* Wake the drainer only for what it will write: a whole line, or any
 * output of the focused port (written through). */
static void publish(struct mux_port *p, bool line_done)
{
	/* the head store before the drainer's "pending" test (kick()) */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (line_done || (nr_ports && ports[focus] == p && p->out_head != p->out_tail))
		kick();
}

void mux_write(struct mux_port *p, const char *s, unsigned long n)
{
	unsigned lines;

	spin_lock(&p->out_lock);
	lines = p->lines;
	for (unsigned long i = 0; i < n; i++)
		put_guest(p, s[i]);
	lines = p->lines - lines;
	spin_unlock(&p->out_lock);
	publish(p, lines != 0);
}

void mux_putc(struct mux_port *p, char c)
{
	mux_write(p, &c, 1);
}

/* out_lock held: one hypervisor line (no newline in s), marked. */
static void put_hv_line(struct mux_port *p, const char *s, unsigned long n)
{
	if (n > MUX_LINE_MAX)
		n = MUX_LINE_MAX;
	if (out_room(p) < n + 2) {
		__atomic_fetch_add(&p->dropped, 1, __ATOMIC_RELAXED);
		return;
	}
	put_raw(p, MUX_HV_MARK);
	for (unsigned long i = 0; i < n; i++)
		put_raw(p, s[i] == MUX_HV_MARK ? ' ' : s[i]);
	put_raw(p, '\n');
}

void mux_write_hv(struct mux_port *p, const char *s, unsigned long n)
{
	spin_lock(&p->out_lock);
	if (p->cur_len || p->dropping)
		end_line(p);	/* the cell's open line ends here */
	while (n) {
		unsigned long len = 0;

		while (len < n && s[len] != '\n')
			len++;
		if (len)
			put_hv_line(p, s, len);
		s += len + (len < n);
		n -= len + (len < n);
	}
	spin_unlock(&p->out_lock);
	publish(p, true);
}

/* ---------------------------------------------------------------- output: the drainer */

/* console lock held: write [from, to) of p's ring. */
static void write_span(struct mux_port *p, unsigned from, unsigned to)
{
	while (from != to) {
		unsigned at = from & OUT_MASK;
		unsigned n = MIN(to - from, MUX_OUT_SIZE - at);

		console_write_locked(&p->out[at], n);
		from += n;
	}
}

/* console lock held: open (or continue) a console line of p's. */
static void open_for(struct mux_port *p)
{
	if (console_open_line_locked() == p)
		return;
	console_close_line_locked();
	kprintf_locked("[%s] ", p->name);
	console_set_open_line_locked(p);
}

/*
 * console lock held: write p's next line, or a focused port's partial one;
 * false if there was nothing to write.  One line per port in turn, so a
 * cell that floods its console cannot starve another's lines.
 */
static bool drain_one(struct mux_port *p, bool focused, unsigned head)
{
	unsigned tail = p->out_tail, nl = tail;
	bool whole;

	while (nl != head && p->out[nl & OUT_MASK] != '\n')
		nl++;
	whole = nl != head;
	if (tail == head || (!whole && !focused))
		return false;		/* a partial line waits for its end */
	if (p->out[tail & OUT_MASK] == MUX_HV_MARK) {
		if (!whole)
			return false;	/* written whole: cannot happen */
		console_close_line_locked();
		write_span(p, tail + 1, nl + 1);
	} else if (whole && nl == tail && p->part_out) {
		/* the end of a line whose start went out already */
		if (console_open_line_locked() == p) {
			console_write_locked("\n", 1);
			console_set_open_line_locked(NULL);
		}
	} else {
		open_for(p);
		write_span(p, tail, whole ? nl + 1 : nl);
		if (whole)
			console_set_open_line_locked(NULL);
	}
	p->part_out = !whole;
	__atomic_store_n(&p->out_tail, whole ? nl + 1 : nl, __ATOMIC_RELEASE);
	return true;
}

/* What the rings held when it started: what comes meanwhile asks again,
 * so one drain is bounded by the rings' size. */
static void drain_all(void)
{
	unsigned heads[MUX_MAX_PORTS];
	unsigned n = READ_ONCE(nr_ports);	/* a port added meanwhile waits */
	bool more;

	if (READ_ONCE(held))
		return;		/* the lines wait (full rings drop, counted) */

	for (unsigned i = 0; i < n; i++)
		heads[i] = __atomic_load_n(&ports[i]->out_head, __ATOMIC_ACQUIRE);
	do {
		more = false;
		for (unsigned i = 0; i < n; i++)
			more |= drain_one(ports[i], i == focus, heads[i]);
	} while (more);
}

/*
 * Take the console for a drain, or leave the drain to whoever holds it:
 * "missed" is set before looking at the lock again and tested by the
 * holder after its unlock, so one of the two always sees the other.
 */
static bool take_console(void)
{
	for (;;) {
		if (console_trylock())
			return true;
		__atomic_store_n(&missed, 1, __ATOMIC_SEQ_CST);
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		if (console_is_locked())
			return false;
	}
}

void mux_drain(void)
{
	while (take_console()) {
		/* cleared first, and seen before the rings are read: output
		 * written from now on asks again */
		__atomic_store_n(&pending, 0, __ATOMIC_SEQ_CST);
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		drain_all();
		console_unlock();
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		if (!__atomic_exchange_n(&missed, 0, __ATOMIC_SEQ_CST))
			return;		/* nobody came meanwhile */
	}
}

void mux_console_released(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_exchange_n(&missed, 0, __ATOMIC_SEQ_CST)) {
		__atomic_store_n(&pending, 0, __ATOMIC_SEQ_CST);
		kick();
	}
}

void mux_hold(bool on)
{
	__atomic_store_n(&held, on, __ATOMIC_SEQ_CST);
	if (!on)
		kick();		/* what waited meanwhile */
}

void mux_flush(void)
{
	console_force_lock();
	drain_all();
	console_unlock();
}

/* ---------------------------------------------------------------- input */

void mux_open(struct mux_port *p)
{
	spin_lock(&p->in_lock);
	/* what was typed for an earlier run of the cell is not for this one */
	__atomic_store_n(&p->in_tail, __atomic_load_n(&p->in_head, __ATOMIC_ACQUIRE),
			 __ATOMIC_RELEASE);
	__atomic_store_n(&p->live, true, __ATOMIC_SEQ_CST);
	spin_unlock(&p->in_lock);
}

void mux_close(struct mux_port *p)
{
	__atomic_store_n(&p->live, false, __ATOMIC_SEQ_CST);
}

bool mux_deliver(struct mux_port *p, char c)
{
	unsigned head = p->in_head;

	if (!__atomic_load_n(&p->live, __ATOMIC_SEQ_CST) ||
	    head - __atomic_load_n(&p->in_tail, __ATOMIC_ACQUIRE) >= MUX_IN_SIZE) {
		__atomic_fetch_add(&p->in_dropped, 1, __ATOMIC_RELAXED);
		return false;
	}
	p->in[head & IN_MASK] = c;
	__atomic_store_n(&p->in_head, head + 1, __ATOMIC_RELEASE);
	return true;
}

int mux_getc(struct mux_port *p)
{
	int c = -1;

	spin_lock(&p->in_lock);
	if (p->in_tail != __atomic_load_n(&p->in_head, __ATOMIC_ACQUIRE)) {
		c = (unsigned char)p->in[p->in_tail & IN_MASK];
		__atomic_store_n(&p->in_tail, p->in_tail + 1, __ATOMIC_RELEASE);
	}
	spin_unlock(&p->in_lock);
	return c;
}

void mux_rx_drain(struct mux_port *p)
{
	if (!p->rx || !__atomic_load_n(&p->live, __ATOMIC_ACQUIRE) ||
	    READ_ONCE(p->in_tail) == __atomic_load_n(&p->in_head, __ATOMIC_ACQUIRE))
		return;
	spin_lock(&p->in_lock);
	while (p->in_tail != __atomic_load_n(&p->in_head, __ATOMIC_ACQUIRE) &&
	       p->rx(p->rx_arg, p->in[p->in_tail & IN_MASK]))
		__atomic_store_n(&p->in_tail, p->in_tail + 1, __ATOMIC_RELEASE);
	spin_unlock(&p->in_lock);
}
