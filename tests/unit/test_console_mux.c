// SPDX-License-Identifier: GPL-2.0-only
/*
 * The console multiplexer: tagged whole lines, the focused cell written
 * through, no mixing of lines, focus switching, input routing, the
 * escape commands, and the ticket lock's first-come-first-served order.
 */
#include <pthread.h>
#include <fv/console.h>
#include <fv/console_mux.h>
#include "stubs.h"
#include "test.h"

static struct mux_port a, b, c;
static char got_a[64];
static unsigned n_got_a;

static unsigned room_a = 1000;	/* how much a's "UART" takes */

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

void mux_monitor_print_locked(void)
{
	kprintf_locked("MONITOR\n");
}

/* Threads that queue for a held ticket lock get it in the order they
 * queued, whatever the scheduler does: that is what keeps a hart that
 * prints without pause from starving the others. */
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

int main(void)
{
	CHECK_EQ(mux_focus(), -1);
	mux_input('x');			/* no ports: ignored, no crash */
	CHECK_EQ(mux_add_port(&a, "linux"), 0);
	CHECK_EQ(mux_add_port(&b, "rtos"), 1);
	CHECK_EQ(mux_add_port(&c, "third"), 2);
	a.rx = rx_a;
	CHECK_EQ(mux_focus(), 0);

	/* unfocused: nothing until the newline, then one tagged line; CR dropped */
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

	/* the hypervisor's own messages close an open line too */
	stub_log_clear();
	puts_port(&a, "~ # ");
	kprintf("cell x: stopped\n");
	puts_port(&a, "x");
	CHECK_STR(stub_log, "[linux] ~ # \ncell x: stopped\n[linux] x");
	puts_port(&a, "\n");

	/* interleaved characters of two unfocused cells stay in their lines */
	stub_log_clear();
	for (const char *p = "AAAA\n", *q = "BBBB\n"; *p; p++, q++) {
		mux_putc(&b, *p);
		mux_putc(&c, *q);
	}
	CHECK_STR(stub_log, "[rtos] AAAA\n[third] BBBB\n");

	/* a line longer than the buffer is cut into tagged pieces, nothing lost */
	stub_log_clear();
	for (int i = 0; i < MUX_LINE_MAX + 10; i++)
		mux_putc(&b, 'x');
	mux_putc(&b, '\n');
	CHECK(strncmp(stub_log, "[rtos] xxxx", 11) == 0);
	CHECK_EQ(strlen(stub_log), 2 * strlen("[rtos] \n") + MUX_LINE_MAX + 10);

	/* input goes to the focused cell: a has an rx hook, b a ring */
	mux_input('h');
	mux_input('i');
	CHECK_EQ(n_got_a, 2);
	CHECK(got_a[0] == 'h' && got_a[1] == 'i');
	CHECK_EQ(mux_getc(&b), -1);
	/* a full UART: input waits, in order, until the guest makes room */
	room_a = 1;
	mux_input('1');
	mux_input('2');
	mux_input('3');
	CHECK_EQ(n_got_a, 3);
	mux_rx_drain(&a);
	CHECK_EQ(n_got_a, 3);
	room_a = 1;
	mux_rx_drain(&a);
	CHECK_EQ(n_got_a, 4);
	room_a = 10;
	mux_rx_drain(&a);
	CHECK_EQ(n_got_a, 5);
	CHECK(got_a[2] == '1' && got_a[3] == '2' && got_a[4] == '3');
	n_got_a = 2;

	/* Ctrl-] n: focus moves on, the escape is not delivered */
	stub_log_clear();
	mux_input(MUX_ESCAPE);
	mux_input('n');
	CHECK_EQ(mux_focus(), 1);
	CHECK(strstr(stub_log, "console input goes to rtos") != NULL);
	mux_input('z');
	CHECK_EQ(n_got_a, 2);
	CHECK_EQ(mux_getc(&b), 'z');
	CHECK_EQ(mux_getc(&b), -1);
	/* the ring keeps at most MUX_RX_MAX characters, drops the rest */
	for (int i = 0; i < MUX_RX_MAX + 5; i++)
		mux_input('0' + i % 10);
	for (int i = 0; i < MUX_RX_MAX; i++)
		CHECK_EQ(mux_getc(&b), '0' + i % 10);
	CHECK_EQ(mux_getc(&b), -1);

	/* a cell given focus writes out what it had collected, then through */
	puts_port(&c, "partial");
	stub_log_clear();
	mux_input(MUX_ESCAPE);
	mux_input('3');
	CHECK_EQ(mux_focus(), 2);
	puts_port(&c, "!");
	CHECK(strstr(stub_log, "[third] partial!") != NULL);
	/* wrap-around with Ctrl-] Ctrl-], number out of range ignored */
	mux_input(MUX_ESCAPE);
	mux_input(MUX_ESCAPE);
	CHECK_EQ(mux_focus(), 0);
	mux_input(MUX_ESCAPE);
	mux_input('9');
	CHECK_EQ(mux_focus(), 0);
	/* monitor and help */
	stub_log_clear();
	mux_input(MUX_ESCAPE);
	mux_input('m');
	CHECK(strstr(stub_log, "MONITOR") != NULL);
	mux_input(MUX_ESCAPE);
	mux_input('h');
	CHECK(strstr(stub_log, "m monitor") != NULL);

	/* the ticket lock serves waiters first come, first served */
	{
		pthread_t t[WAITERS];

		spin_lock(&lock);
		CHECK(spin_is_locked(&lock));
		CHECK(!spin_trylock(&lock));
		for (long i = 0; i < WAITERS; i++) {
			pthread_create(&t[i], NULL, waiter, (void *)i);
			/* wait until thread i holds its ticket */
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
		CHECK(spin_trylock(&lock));
		spin_unlock(&lock);
	}
	return test_report("test_console_mux");
}
