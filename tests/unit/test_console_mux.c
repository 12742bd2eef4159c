// SPDX-License-Identifier: GPL-2.0-only
/*
 * The console multiplexer: tagged whole lines, the focused cell written
 * through, no mixing of lines, hypervisor lines in order with the cell's,
 * what a cell may not print (controls, escapes, forged marks), rings that
 * drop whole lines when full instead of blocking, input rings, one
 * producer and one drainer at once with no lock between them, and the
 * ticket lock's first-come-first-served order.
 */
#include <pthread.h>
#include <stdlib.h>
#include <fv/console.h>
#include <fv/console_mux.h>
#include "stubs.h"
#include "test.h"

static struct mux_port a, b, c;
static char got_a[64];
static unsigned n_got_a;
static unsigned room_a = 1000;	/* how much a's "UART" takes */
static int kicks;

static bool rx_a(void *arg, char ch)
{
	(void)arg;
	if (!room_a)
		return false;
	room_a--;
	got_a[n_got_a++] = ch;
	return true;
}

static void puts_port(struct mux_port *p, const char *s)
{
	while (*s)
		mux_putc(p, *s++);
}

static void count_kick(void)
{
	kicks++;
}

/* Threads that queue for a held ticket lock get it in the order they
 * queued, whatever the scheduler does. */
#define WAITERS 4
static spinlock_t lock = SPINLOCK_INIT;
static int order[WAITERS], nr_order;

static void *waiter(void *arg)
{
	spin_lock(&lock);
	order[nr_order++] = (int)(long)arg;
	spin_unlock(&lock);
	return NULL;
}

static void test_ticket_lock(void)
{
	pthread_t t[WAITERS];

	spin_lock(&lock);
	CHECK(spin_is_locked(&lock));
	CHECK(!spin_trylock(&lock));
	for (long i = 0; i < WAITERS; i++) {
		pthread_create(&t[i], NULL, waiter, (void *)i);
		while (__atomic_load_n(&lock.next, __ATOMIC_SEQ_CST) != (uint32_t)i + 2)
			;
	}
	spin_unlock(&lock);
	for (int i = 0; i < WAITERS; i++)
		pthread_join(t[i], NULL);
	CHECK_EQ(nr_order, WAITERS);
	for (int i = 0; i < WAITERS; i++)
		CHECK_EQ(order[i], i);
	CHECK(!spin_is_locked(&lock));
}

/* Before the cells run, every write drains at once (no kick hook). */
static void test_sync_lines(void)
{
	stub_log_clear();
	puts_port(&b, "tick 1\r");
	CHECK_STR(stub_log, "");
	puts_port(&b, "\n");
	CHECK_STR(stub_log, "[rtos] tick 1\n");

	/* focused: written through, so a prompt without newline shows */
	stub_log_clear();
	puts_port(&a, "~ # ");
	CHECK_STR(stub_log, "[linux] ~ # ");
	/* another cell's line closes the open one first: no mid-line mixing */
	puts_port(&b, "tick 2\n");
	puts_port(&a, "ls\n");
	CHECK_STR(stub_log, "[linux] ~ # \n[rtos] tick 2\n[linux] ls\n");

	/* interleaved bytes of two unfocused cells stay in their lines */
	stub_log_clear();
	for (const char *p = "AAAA\n", *q = "BBBB\n"; *p; p++, q++) {
		mux_putc(&b, *p);
		mux_putc(&c, *q);
	}
	CHECK_STR(stub_log, "[rtos] AAAA\n[third] BBBB\n");

	/* a line longer than MUX_LINE_MAX is cut into tagged pieces */
	stub_log_clear();
	for (int i = 0; i < MUX_LINE_MAX + 10; i++)
		mux_putc(&b, 'x');
	mux_putc(&b, '\n');
	CHECK(strncmp(stub_log, "[rtos] xxxx", 11) == 0);
	CHECK_EQ(strlen(stub_log), 2 * strlen("[rtos] \n") + MUX_LINE_MAX + 10);
}

/* What a cell writes cannot reach the console raw. */
static void test_filter(void)
{
	static const char evil[] =
		"ok\0cut\r\b\b\b\b\b\b[fv] forged\x1b[2J\x1b[1;1H\x1b]0;title\x07"
		"\x1b[31mred\x1b[0m\x7f\x01mark\x80\xff\x9b" "2J end\n";

	stub_log_clear();
	mux_write(&b, evil, sizeof(evil) - 1);
	/* NUL, CR, BS, DEL, the mark byte, non-ASCII and whole escape
	 * sequences (CSI, OSC, colours) are gone; text and the tag stay */
	CHECK_STR(stub_log, "[rtos] okcut[fv] forgedredmark2J end\n");
	/* an escape sequence cut by a newline does not eat the next line */
	stub_log_clear();
	mux_write(&b, "a\x1b[12\nnext\n", 11);
	CHECK_STR(stub_log, "[rtos] a\n[rtos] next\n");
	/* tabs stay */
	stub_log_clear();
	mux_write(&b, "a\tb\n", 4);
	CHECK_STR(stub_log, "[rtos] a\tb\n");
}

/* Hypervisor lines about a cell: untagged, whole, in order with its own. */
static void test_hv_lines(void)
{
	stub_log_clear();
	puts_port(&b, "before");
	mux_write_hv(&b, "cell rtos: stopped\nsecond\n", 26);
	puts_port(&b, "after\n");
	CHECK_STR(stub_log, "[rtos] before\ncell rtos: stopped\nsecond\n[rtos] after\n");
	/* the focused cell's open line is closed first */
	stub_log_clear();
	puts_port(&a, "~ # ");
	mux_write_hv(&b, "cell x: stopped\n", 16);
	puts_port(&a, "x\n");
	CHECK_STR(stub_log, "[linux] ~ # \ncell x: stopped\n[linux] x\n");
}

/* After mux_set_kick(): writers never print; one kick until drained. */
static void test_async(void)
{
	unsigned n;

	mux_set_kick(count_kick);
	CHECK(mux_async());
	stub_log_clear();
	kicks = 0;
	puts_port(&b, "one\n");
	puts_port(&c, "two\n");
	CHECK_STR(stub_log, "");
	CHECK_EQ(kicks, 1);
	mux_drain();
	CHECK_STR(stub_log, "[rtos] one\n[third] two\n");
	puts_port(&b, "three\n");
	CHECK_EQ(kicks, 2);

	/* the console held elsewhere: the drain is left to its holder */
	stub_console_busy = true;
	stub_log_clear();
	mux_drain();
	CHECK_STR(stub_log, "");
	stub_console_busy = false;
	mux_console_released();
	CHECK_EQ(kicks, 3);
	mux_drain();
	CHECK_STR(stub_log, "[rtos] three\n");

	/* a full ring drops whole lines and counts them; nothing blocks */
	stub_log_clear();
	n = 0;
	for (int i = 0; i < 600; i++) {
		char line[64];
		int len = snprintf(line, sizeof(line), "line %03d %039d\n", i, 0);

		mux_write(&b, line, (unsigned long)len);
	}
	CHECK(b.dropped > 0);
	mux_drain();
	for (const char *p = stub_log; (p = strstr(p, "[rtos] line ")); p++)
		n++;
	CHECK_EQ(n + b.dropped, 600);
	/* every line that went out is whole */
	for (const char *p = stub_log; *p; p = strchr(p, '\n') + 1)
		CHECK(strncmp(p, "[rtos] line ", 12) == 0 && strchr(p, '\n') - p == 7 + 48);
	/* and once drained, lines fit again */
	stub_log_clear();
	puts_port(&b, "room again\n");
	mux_drain();
	CHECK_STR(stub_log, "[rtos] room again\n");
}

static void test_input(void)
{
	/* not live: dropped */
	CHECK(!mux_deliver(&b, 'q'));
	mux_open(&a);
	mux_open(&b);
	CHECK(mux_deliver(&a, 'h'));
	CHECK(mux_deliver(&a, 'i'));
	mux_rx_drain(&a);
	CHECK_EQ(n_got_a, 2);
	CHECK(got_a[0] == 'h' && got_a[1] == 'i');
	/* a full UART: input waits, in order, until the guest makes room */
	room_a = 1;
	mux_deliver(&a, '1');
	mux_deliver(&a, '2');
	mux_deliver(&a, '3');
	mux_rx_drain(&a);
	CHECK_EQ(n_got_a, 3);
	mux_rx_drain(&a);
	CHECK_EQ(n_got_a, 3);
	room_a = 10;
	mux_rx_drain(&a);
	CHECK_EQ(n_got_a, 5);
	CHECK(got_a[2] == '1' && got_a[3] == '2' && got_a[4] == '3');

	/* a port without a UART keeps input for SBI reads, up to its ring */
	CHECK_EQ(mux_getc(&b), -1);
	for (int i = 0; i < MUX_IN_SIZE + 5; i++)
		mux_deliver(&b, (char)('0' + i % 10));
	CHECK_EQ(b.in_dropped, 1 + 5);	/* the one before it was open, and 5 */
	for (int i = 0; i < MUX_IN_SIZE; i++)
		CHECK_EQ(mux_getc(&b), '0' + i % 10);
	CHECK_EQ(mux_getc(&b), -1);

	/* closed: dropped; reopened: what was typed before is gone */
	mux_deliver(&b, 'x');
	mux_close(&b);
	CHECK(!mux_deliver(&b, 'y'));
	mux_open(&b);
	CHECK_EQ(mux_getc(&b), -1);
	/* a closed cell's UART gets nothing either */
	mux_deliver(&a, 'z');
	mux_close(&a);
	mux_rx_drain(&a);
	CHECK_EQ(n_got_a, 5);
}

/* One cell writing lines while the housekeeping hart drains them: every
 * line arrives whole and in order, or is dropped and counted. */
#define LINES 20000
static struct mux_port w;
static volatile int writer_done;

static void *writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < LINES; i++) {
		char line[48];
		int len = snprintf(line, sizeof(line), "n %d %s\n", i, i % 3 ? "xx" : "yyyyyyyy");

		mux_write(&w, line, (unsigned long)len);
	}
	__atomic_store_n(&writer_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void test_concurrent(void)
{
	pthread_t t;
	int next = 0, bad = 0, seen = 0;

	CHECK(mux_add_port(&w, "w") >= 0);
	pthread_create(&t, NULL, writer, NULL);
	for (;;) {
		int done = __atomic_load_n(&writer_done, __ATOMIC_SEQ_CST);

		stub_log_clear();
		mux_drain();
		for (char *p = stub_log, *nl; (nl = strchr(p, '\n')); p = nl + 1) {
			int n;
			char tail[16];

			*nl = '\0';
			if (sscanf(p, "[w] n %d %15s", &n, tail) != 2 || n < next ||
			    strcmp(tail, n % 3 ? "xx" : "yyyyyyyy"))
				bad++;
			next = n + 1;
			seen++;
		}
		if (done && w.out_tail == w.out_head)
			break;
	}
	pthread_join(t, NULL);
	CHECK_EQ(bad, 0);
	CHECK_EQ((unsigned long long)seen + w.dropped, LINES);
}

int main(void)
{
	CHECK_EQ(mux_focus(), -1);
	CHECK_EQ(mux_add_port(&a, "linux"), 0);
	CHECK_EQ(mux_add_port(&b, "rtos"), 1);
	CHECK_EQ(mux_add_port(&c, "third"), 2);
	a.rx = rx_a;
	CHECK_EQ(mux_focus(), 0);
	CHECK(!mux_async());

	test_sync_lines();
	test_filter();
	test_hv_lines();
	test_async();
	test_input();
	test_concurrent();
	test_ticket_lock();
	return test_report("test_console_mux");
}
