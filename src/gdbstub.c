// SPDX-License-Identifier: GPL-2.0-only
/*
 * The GDB remote serial protocol; see <fv/gdbstub.h>.  Everything the
 * debugger sends is checked here before it becomes a call of the target:
 * packet length, checksum, hex digits, thread numbers, lengths.
 */
#include <fv/gdbstub.h>
#include <fv/string.h>

enum { RX_IDLE, RX_DATA, RX_CK1, RX_CK2 };

static const char hexdig[] = "0123456789abcdef";

/* ------------------------------------------------------------ output */

static void send_raw(struct gdbstub *g, const char *s, unsigned n)
{
	g->t->write(g->t->ctx, s, n);
}

/* One packet: $data#ck, with '#', '$', '}' and '*' escaped. */
static void send_packet(struct gdbstub *g, const char *data)
{
	char buf[2 * sizeof(g->out) + 4];
	unsigned n = 0;
	uint8_t sum = 0;

	buf[n++] = '$';
	for (; *data; data++) {
		char c = *data;

		if (c == '#' || c == '$' || c == '}' || c == '*') {
			buf[n++] = '}';
			sum += '}';
			c ^= 0x20;
		}
		buf[n++] = c;
		sum += (uint8_t)c;
	}
	buf[n++] = '#';
	buf[n++] = hexdig[sum >> 4];
	buf[n++] = hexdig[sum & 15];
	send_raw(g, buf, n);
}

static char *put_hex(char *p, const uint8_t *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		*p++ = hexdig[b[i] >> 4];
		*p++ = hexdig[b[i] & 15];
	}
	*p = '\0';
	return p;
}

static char *put_num(char *p, uint64_t v)
{
	char tmp[17];
	int n = 0;

	do {
		tmp[n++] = hexdig[v & 15];
		v >>= 4;
	} while (v);
	while (n)
		*p++ = tmp[--n];
	*p = '\0';
	return p;
}

static void send_error(struct gdbstub *g, unsigned code)
{
	char e[4] = { 'E', hexdig[(code >> 4) & 15], hexdig[code & 15], '\0' };

	send_packet(g, e);
}

static char *put_str(char *p, const char *s)
{
	while (*s)
		*p++ = *s++;
	*p = '\0';
	return p;
}

/* "T05thread:2;" and, for a watchpoint, "watch:80201000;" (a hardware
 * breakpoint says nothing more: "hwbreak" is for stubs that offer it in
 * qSupported, and gdb knows its breakpoint by the pc). */
static void send_stop_reply(struct gdbstub *g)
{
	static const char *const why[] = {
		[GDB_WATCH_WRITE] = "watch", [GDB_WATCH_READ] = "rwatch",
		[GDB_WATCH_ACCESS] = "awatch",
	};
	char *p = g->out;

	*p++ = 'T';
	*p++ = hexdig[(g->stop_sig >> 4) & 15];
	*p++ = hexdig[g->stop_sig & 15];
	p = put_str(p, "thread:");
	p = put_num(p, g->stop_thread + 1);
	*p++ = ';';
	if (g->stop_trigger > GDB_HW_BREAK) {
		p = put_str(p, why[g->stop_trigger]);
		*p++ = ':';
		p = put_num(p, g->stop_addr);
		*p++ = ';';
	}
	*p = '\0';
	g->want_stop_reply = false;
	send_packet(g, g->out);
}

/* ------------------------------------------------------------ parsing */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A hex number of at most 16 digits at *s; false if there is none. */
static bool get_num(const char **s, uint64_t *v)
{
	unsigned n = 0;

	*v = 0;
	while (hexval(**s) >= 0) {
		if (++n > 16)
			return false;
		*v = (*v << 4) | (uint64_t)hexval(*(*s)++);
	}
	return n != 0;
}

/* Exactly n bytes of hex at s, and nothing after them. */
static bool get_bytes(const char *s, uint8_t *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		int hi = hexval(s[2 * i]), lo = hi < 0 ? -1 : hexval(s[2 * i + 1]);

		if (lo < 0)
			return false;
		b[i] = (uint8_t)(hi << 4 | lo);
	}
	return s[2 * n] == '\0';
}

/* A thread id: "-1" and "0" mean any (the one that stopped), else 1..n. */
static bool get_thread(struct gdbstub *g, const char *s, unsigned *th)
{
	uint64_t v;

	if (!strcmp(s, "-1") || !strcmp(s, "0")) {
		*th = g->stop_thread;
		return true;
	}
	if (!get_num(&s, &v) || *s || v < 1 || v > g->t->nr_threads)
		return false;
	*th = (unsigned)(v - 1);
	return true;
}

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* ------------------------------------------------------------ jobs */

static void submit(struct gdbstub *g, int kind)
{
	g->job.kind = kind;
	g->job.thread = g->g_thread;
	g->job.result = 0;
	g->job.phys = g->phys;
	g->busy = true;
	g->t->submit(g->t->ctx, &g->job);
}

/* "addr,len" of M; len 1..GDB_MEM_MAX. */
static bool get_range(const char **s, struct gdb_job *j)
{
	uint64_t addr, len;

	if (!get_num(s, &addr) || *(*s)++ != ',' || !get_num(s, &len) || !len ||
	    len > GDB_MEM_MAX || addr + len < addr)
		return false;
	j->addr = addr;
	j->len = (unsigned)len;
	return true;
}

/* "addr,len"; more than GDB_MEM_MAX is read in part, as the protocol allows. */
static void cmd_read_mem(struct gdbstub *g, const char *s)
{
	uint64_t addr, len;

	if (!get_num(&s, &addr) || *s++ != ',' || !get_num(&s, &len) || *s || !len ||
	    addr + len < addr)
		return send_error(g, 1);
	g->job.addr = addr;
	g->job.len = len > GDB_MEM_MAX ? GDB_MEM_MAX : (unsigned)len;
	submit(g, GDB_JOB_READ_MEM);
}

static void cmd_write_mem(struct gdbstub *g, const char *s)
{
	if (!get_range(&s, &g->job) || *s++ != ':' || !get_bytes(s, g->job.buf, g->job.len))
		return send_error(g, 1);
	submit(g, GDB_JOB_WRITE_MEM);
}

static void cmd_write_regs(struct gdbstub *g, const char *s)
{
	if (!get_bytes(s, g->job.buf, g->t->regs_size))
		return send_error(g, 1);
	g->job.len = g->t->regs_size;
	submit(g, GDB_JOB_WRITE_REGS);
}

/* 'p n' and 'P n=v': a read of the register file, then (for P) a write. */
static void cmd_reg(struct gdbstub *g, const char *s, bool write)
{
	uint64_t n;
	uint8_t v[8];

	if (!get_num(&s, &n) || n >= g->t->regs_size / g->t->reg_size)
		return send_error(g, 1);
	if (write) {
		if (*s++ != '=' || g->t->reg_size > sizeof(v) ||
		    !get_bytes(s, v, g->t->reg_size))
			return send_error(g, 1);
		memcpy(&g->pend_val, v, g->t->reg_size);
	} else if (*s) {
		return send_error(g, 1);
	}
	g->pend_reg = write ? -(int)n - 2 : (int)n;	/* -1 is 'g' */
	submit(g, GDB_JOB_READ_REGS);
}

/* ------------------------------------------------------------ queries */

static void cmd_xfer(struct gdbstub *g, const char *s)
{
	const char *xml = g->t->target_xml;
	uint64_t off, len, total = strlen(xml);
	char *p = g->out;

	if (!starts(s, "target.xml:"))
		return send_packet(g, "");
	s += 11;
	if (!get_num(&s, &off) || *s++ != ',' || !get_num(&s, &len) || *s)
		return send_error(g, 1);
	if (off >= total)
		return send_packet(g, "l");
	if (len > sizeof(g->out) / 2)
		len = sizeof(g->out) / 2;
	*p++ = off + len >= total ? 'l' : 'm';
	if (len > total - off)
		len = total - off;
	memcpy(p, xml + off, len);
	p[len] = '\0';
	send_packet(g, g->out);
}

/* "monitor phys" / "monitor virt": how m and M name memory. */
static void cmd_rcmd(struct gdbstub *g, const char *s)
{
	static const char *const msg[2] = {
		"memory: through the guest's own translation\n",
		"memory: guest-physical\n",
	};
	uint8_t cmd[16];
	unsigned n = (unsigned)strlen(s) / 2;
	char *p = g->out;

	if (n == 0 || n >= sizeof(cmd) || !get_bytes(s, cmd, n))
		return send_error(g, 1);
	cmd[n] = '\0';
	if (!strcmp((char *)cmd, "phys"))
		g->phys = true;
	else if (!strcmp((char *)cmd, "virt"))
		g->phys = false;
	else if (strcmp((char *)cmd, "mem"))
		return send_packet(g, "");
	*p++ = 'O';
	put_hex(p, (const uint8_t *)msg[g->phys], (unsigned)strlen(msg[g->phys]));
	send_packet(g, g->out);
	send_packet(g, "OK");
}

/* Z1-Z4 / z1-z4 "type,addr,kind": a trigger on every thread; Z0 (and
 * everything without triggers) is not supported: gdb then writes ebreaks
 * itself, and watches in software. */
static void cmd_trigger(struct gdbstub *g, const char *s, bool insert)
{
	uint64_t addr, kind;
	int type = s[0] - '0';

	if (type < GDB_HW_BREAK || type > GDB_WATCH_ACCESS || !g->t->triggers || s[1] != ',')
		return send_packet(g, "");
	s += 2;
	if (!get_num(&s, &addr) || *s++ != ',' || !get_num(&s, &kind) || *s || !kind ||
	    kind > 8)
		return send_error(g, 1);
	g->job.trigger = type;
	g->job.insert = insert;
	g->job.addr = addr;
	g->job.len = (unsigned)kind;
	submit(g, GDB_JOB_TRIGGER);
}

static void cmd_thread_info(struct gdbstub *g)
{
	char *p = g->out;

	*p++ = 'm';
	for (unsigned i = 0; i < g->t->nr_threads; i++) {
		if (i)
			*p++ = ',';
		p = put_num(p, i + 1);
	}
	send_packet(g, g->out);
}

static void cmd_query(struct gdbstub *g, const char *s)
{
	if (starts(s, "qSupported"))
		send_packet(g, "PacketSize=400;qXfer:features:read+;QStartNoAckMode+");
	else if (starts(s, "qXfer:features:read:"))
		cmd_xfer(g, s + 20);
	else if (!strcmp(s, "qfThreadInfo"))
		cmd_thread_info(g);
	else if (!strcmp(s, "qsThreadInfo"))
		send_packet(g, "l");
	else if (!strcmp(s, "qC")) {
		char *p = g->out;

		*p++ = 'Q';
		*p++ = 'C';
		put_num(p, g->stop_thread + 1);
		send_packet(g, g->out);
	} else if (starts(s, "qAttached"))
		send_packet(g, "1");
	else if (starts(s, "qSymbol"))
		send_packet(g, "OK");
	else if (starts(s, "qRcmd,"))
		cmd_rcmd(g, s + 6);
	else
		send_packet(g, "");
}

/* ------------------------------------------------------------ run control */

static void cmd_continue(struct gdbstub *g, const char *s)
{
	if (*s)		/* "c addr": resuming elsewhere is not offered */
		return send_error(g, 1);
	g->stopped = false;
	g->running = true;
	g->want_stop_reply = true;
	g->t->resume(g->t->ctx, g->c_thread);
}

/* "s": the thread of Hc, else the one that stopped; one instruction. */
static void cmd_step(struct gdbstub *g, const char *s)
{
	if (!g->t->step)
		return send_error(g, 3);
	if (*s)		/* "s addr": stepping elsewhere is not offered */
		return send_error(g, 1);
	g->stopped = false;
	g->running = true;
	g->want_stop_reply = true;
	g->t->step(g->t->ctx, g->c_thread >= 0 ? (unsigned)g->c_thread : g->stop_thread);
}

static void cmd_detach(struct gdbstub *g, bool reply)
{
	if (reply)
		send_packet(g, "OK");
	g->ended = true;
	g->stopped = false;
	g->t->detach(g->t->ctx);
}

static void cmd_set_thread(struct gdbstub *g, const char *s)
{
	unsigned th;

	if ((s[0] != 'g' && s[0] != 'c') || !get_thread(g, s + 1, &th))
		return send_error(g, 1);
	if (s[0] == 'g')
		g->g_thread = th;
	else	/* "-1" and "0" (any): all of them */
		g->c_thread = !strcmp(s + 1, "-1") || !strcmp(s + 1, "0") ? -1 : (int)th;
	send_packet(g, "OK");
}

static void cmd_thread_alive(struct gdbstub *g, const char *s)
{
	unsigned th;

	if (get_thread(g, s, &th))
		send_packet(g, "OK");
	else
		send_error(g, 1);
}

/* Commands that need every thread stopped; the rest are answered anyway. */
static bool needs_stop(char c)
{
	return c == 'g' || c == 'G' || c == 'm' || c == 'M' || c == 'p' || c == 'P' ||
	       c == 'c' || c == 's' || c == 'Z' || c == 'z';
}

static void dispatch(struct gdbstub *g, const char *s)
{
	if (needs_stop(s[0]) && !g->stopped)
		return send_error(g, 2);
	switch (s[0]) {
	case '?':
		if (g->stopped)
			return send_stop_reply(g);
		g->want_stop_reply = true;	/* answered by gdbstub_stopped() */
		return;
	case 'g':
		g->pend_reg = -1;
		return submit(g, GDB_JOB_READ_REGS);
	case 'G': return cmd_write_regs(g, s + 1);
	case 'p': return cmd_reg(g, s + 1, false);
	case 'P': return cmd_reg(g, s + 1, true);
	case 'm': return cmd_read_mem(g, s + 1);
	case 'M': return cmd_write_mem(g, s + 1);
	case 'c': return cmd_continue(g, s + 1);
	case 's': return cmd_step(g, s + 1);
	case 'H': return cmd_set_thread(g, s + 1);
	case 'Z': return cmd_trigger(g, s + 1, true);
	case 'z': return cmd_trigger(g, s + 1, false);
	case 'T': return cmd_thread_alive(g, s + 1);
	case 'D': return cmd_detach(g, true);
	case 'k': return cmd_detach(g, false);
	case 'q': return cmd_query(g, s);
	case 'Q':
		if (!strcmp(s, "QStartNoAckMode")) {
			send_packet(g, "OK");
			g->no_ack = true;
			return;
		}
		return send_packet(g, "");
	case 'v':
		if (starts(s, "vKill"))
			return cmd_detach(g, true);
		return send_packet(g, "");
	default:
		/* X, vCont...: unsupported */
		return send_packet(g, "");
	}
}

/* ------------------------------------------------------------ input */

static void packet_done(struct gdbstub *g)
{
	bool ok = g->rx_sum == g->rx_ck;

	g->rx_state = RX_IDLE;
	if (!g->no_ack)
		send_raw(g, ok ? "+" : "-", 1);
	if (!ok || g->ended)
		return;
	g->rx[g->rx_len] = '\0';
	if (g->busy)
		return send_error(g, 4);	/* only after a lost reply */
	dispatch(g, g->rx);
}

static void rx_idle(struct gdbstub *g, char c)
{
	if (c == '$') {
		g->rx_state = RX_DATA;
		g->rx_len = 0;
		g->rx_sum = 0;
	} else if (c && c == g->t->abort_char) {
		cmd_detach(g, false);
	} else if (c == 0x03 && g->running && !g->stop_asked) {
		g->stop_asked = true;	/* Ctrl-C: stop the target */
		g->stop_sig = GDB_SIGINT;
		g->t->stop(g->t->ctx);
	}
	/* '+', '-' and anything else between packets: ignored */
}

void gdbstub_rx(struct gdbstub *g, char c)
{
	int v;

	switch (g->rx_state) {
	case RX_IDLE:
		return rx_idle(g, c);
	case RX_DATA:
		if (c == '#') {
			g->rx_state = RX_CK1;
			return;
		}
		if (g->rx_len == GDB_PKT_MAX) {		/* too long: dropped */
			g->rx_state = RX_IDLE;
			return;
		}
		g->rx[g->rx_len++] = c;
		g->rx_sum += (uint8_t)c;
		return;
	case RX_CK1:
	case RX_CK2:
		v = hexval(c);
		if (v < 0) {
			g->rx_state = RX_IDLE;
			if (!g->no_ack)
				send_raw(g, "-", 1);
			return;
		}
		if (g->rx_state == RX_CK1) {
			g->rx_ck = (uint8_t)(v << 4);
			g->rx_state = RX_CK2;
			return;
		}
		g->rx_ck |= (uint8_t)v;
		packet_done(g);
	}
}

/* ------------------------------------------------------------ the target's answers */

static void stopped(struct gdbstub *g, unsigned thread, int sig, int trigger, uint64_t addr)
{
	if (g->ended || g->stopped)
		return;
	g->stopped = true;
	g->running = false;
	if (!g->stop_asked || trigger)	/* else the signal of our own stop */
		g->stop_sig = sig;
	g->stop_asked = false;
	g->stop_thread = thread < g->t->nr_threads ? thread : 0;
	g->g_thread = g->stop_thread;
	g->stop_trigger = trigger >= GDB_HW_BREAK && trigger <= GDB_WATCH_ACCESS ? trigger : 0;
	g->stop_addr = addr;
	if (g->want_stop_reply)
		send_stop_reply(g);
}

void gdbstub_stopped(struct gdbstub *g, unsigned thread, int sig)
{
	stopped(g, thread, sig, 0, 0);
}

void gdbstub_stopped_by(struct gdbstub *g, unsigned thread, int trigger, uint64_t addr)
{
	stopped(g, thread, GDB_SIGTRAP, trigger, addr);
}

/* The register file is read: answer 'g' or 'p', or write it back for 'P'. */
static void regs_read(struct gdbstub *g)
{
	unsigned sz = g->t->reg_size;

	if (g->pend_reg == -1) {
		put_hex(g->out, g->job.buf, g->t->regs_size);
		return send_packet(g, g->out);
	}
	if (g->pend_reg >= 0) {
		put_hex(g->out, g->job.buf + (unsigned)g->pend_reg * sz, sz);
		return send_packet(g, g->out);
	}
	memcpy(g->job.buf + (unsigned)(-g->pend_reg - 2) * sz, &g->pend_val, sz);
	g->job.len = g->t->regs_size;
	g->pend_reg = -1;
	submit(g, GDB_JOB_WRITE_REGS);
}

void gdbstub_job_done(struct gdbstub *g)
{
	if (!g->busy || g->ended)
		return;
	g->busy = false;
	if (g->job.result < 0)
		return send_error(g, 14);	/* EFAULT */
	switch (g->job.kind) {
	case GDB_JOB_READ_REGS:
		return regs_read(g);
	case GDB_JOB_READ_MEM:
		put_hex(g->out, g->job.buf, g->job.len);
		return send_packet(g, g->out);
	default:
		return send_packet(g, "OK");
	}
}

bool gdbstub_ended(const struct gdbstub *g)
{
	return g->ended;
}

void gdbstub_init(struct gdbstub *g, const struct gdb_target *t)
{
	memset(g, 0, sizeof(*g));
	g->t = t;
	g->pend_reg = -1;
	g->c_thread = -1;
	g->stop_asked = true;
	g->stop_sig = GDB_SIGTRAP;
	t->stop(t->ctx);
}
