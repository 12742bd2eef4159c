// SPDX-License-Identifier: GPL-2.0-only
/*
 * The GDB remote protocol stub (src/gdbstub.c) against a model target:
 * framing, checksums and acks, bad packets refused, each command turned
 * into the right job or stop, and its answer sent only when the target
 * reports back.
 */
#include <stdlib.h>
#include <fv/gdbstub.h>
#include "test.h"

static char out[8192];
static unsigned out_len;
static int stops, resumes, detaches;
static struct gdb_job *last_job;
static struct gdb_job last_trigger;
static struct gdbstub g;
static uint8_t mem[64];
static uint8_t regs[33 * 8];

static void t_write(void *ctx, const char *s, unsigned n)
{
	(void)ctx;
	memcpy(out + out_len, s, n);
	out_len += n;
	out[out_len] = '\0';
}

static void t_stop(void *ctx) { (void)ctx; stops++; }
static int resumed_thread = -2;

static void t_resume(void *ctx, int th) { (void)ctx; resumes++; resumed_thread = th; }
static void t_detach(void *ctx) { (void)ctx; detaches++; }
static void t_submit(void *ctx, struct gdb_job *j) { (void)ctx; last_job = j; }

static const struct gdb_target target = {
	.nr_threads = 2, .regs_size = sizeof(regs), .reg_size = 8,
	.target_xml = "<target>#$*}</target>",
	.write = t_write, .stop = t_stop, .resume = t_resume, .submit = t_submit,
	.detach = t_detach,
};

/* Run the model target's job, as the cell's hart would. */
static void run_job(void)
{
	struct gdb_job *j;

again:
	j = last_job;
	last_job = NULL;
	if (!j)
		return;
	switch (j->kind) {
	case GDB_JOB_READ_REGS: memcpy(j->buf, regs, sizeof(regs)); break;
	case GDB_JOB_WRITE_REGS: memcpy(regs, j->buf, sizeof(regs)); break;
	case GDB_JOB_READ_MEM:
		if (j->addr >= sizeof(mem) || j->addr + j->len > sizeof(mem))
			j->result = -1;
		else
			memcpy(j->buf, mem + j->addr, j->len);
		break;
	case GDB_JOB_WRITE_MEM:
		if (j->addr >= sizeof(mem) || j->addr + j->len > sizeof(mem))
			j->result = -1;
		else
			memcpy(mem + j->addr, j->buf, j->len);
		break;
	case GDB_JOB_TRIGGER:
		last_trigger = *j;
		j->result = j->addr == 0xbad ? -1 : 0;
		break;
	}
	gdbstub_job_done(&g);
	goto again;	/* 'P' reads, then writes */
}

/* "$data#ck": a packet as the stub must frame it (data needs no escapes). */
static const char *pkt(const char *ack, const char *data)
{
	static char buf[4][1024];
	static int n;
	unsigned sum = 0;
	char *b = buf[n++ & 3];

	for (const char *p = data; *p; p++)
		sum += (unsigned char)*p;
	snprintf(b, sizeof(buf[0]), "%s$%s#%02x", ack, data, sum & 0xff);
	return b;
}

static void feed_raw(const char *s)
{
	while (*s)
		gdbstub_rx(&g, *s++);
}

/* Send a packet with a right checksum; return what came back after
 * the ack, with the job (if any) done. */
static const char *cmd(const char *data)
{
	char buf[2048];
	unsigned sum = 0;

	for (const char *p = data; *p; p++)
		sum += (unsigned char)*p;
	snprintf(buf, sizeof(buf), "$%s#%02x", data, sum & 0xff);
	out_len = 0;
	out[0] = '\0';
	feed_raw(buf);
	run_job();
	return out;
}

static void test_framing(void)
{
	CHECK_STR(cmd("qSupported:multiprocess+"),
		  pkt("+", "PacketSize=400;qXfer:features:read+;QStartNoAckMode+"));
	out_len = 0;
	feed_raw("$qC#00");		/* bad checksum: nak, nothing done */
	CHECK_STR(out, "-");
	out_len = 0;
	feed_raw("junk+-$qC#x");	/* bad checksum digit */
	CHECK_STR(out, "-");
	CHECK_STR(cmd("qC"), pkt("+", "QC1"));
	CHECK_STR(cmd("vMustReplyEmpty"), pkt("+", ""));
	/* an overlong packet is dropped, and the next one works */
	out_len = 0;
	feed_raw("$");
	for (int i = 0; i < 3000; i++)
		gdbstub_rx(&g, 'a');
	feed_raw("#00");
	CHECK_STR(cmd("qC"), pkt("+", "QC1"));
}

static void test_stopping(void)
{
	CHECK_EQ(stops, 1);		/* asked at init */
	CHECK_STR(cmd("?"), "+");	/* waits for the stop */
	CHECK_STR(cmd("g"), pkt("+", "E02"));	/* not stopped yet */
	out_len = 0;
	gdbstub_stopped(&g, 1, GDB_SIGTRAP);
	CHECK_STR(out, pkt("", "T05thread:2;"));
	CHECK_STR(cmd("?"), pkt("+", "T05thread:2;"));
	CHECK_STR(cmd("qfThreadInfo"), pkt("+", "m1,2"));
	CHECK_STR(cmd("qsThreadInfo"), pkt("+", "l"));
	CHECK_STR(cmd("Hg1"), pkt("+", "OK"));
	CHECK_STR(cmd("Hg3"), pkt("+", "E01"));
	CHECK_STR(cmd("Hgx"), pkt("+", "E01"));
	CHECK_STR(cmd("T2"), pkt("+", "OK"));
	CHECK_STR(cmd("T0"), pkt("+", "OK"));
	CHECK_STR(cmd("T9"), pkt("+", "E01"));
}

static void test_regs(void)
{
	char hex[sizeof(regs) * 2 + 8];

	for (unsigned i = 0; i < sizeof(regs); i++)
		regs[i] = (uint8_t)i;
	CHECK_STR(cmd("Hg1"), pkt("+", "OK"));
	cmd("g");
	CHECK(!strncmp(out, "+$000102030405", 14));
	CHECK_EQ(strlen(out), 1 + 1 + 2 * sizeof(regs) + 3);
	CHECK_STR(cmd("p1"), pkt("+", "08090a0b0c0d0e0f"));
	CHECK_STR(cmd("p20"), pkt("+", "0001020304050607"));	/* pc (the 33rd) */
	CHECK_STR(cmd("p21"), pkt("+", "E01"));		/* no such register */
	CHECK_STR(cmd("P2=1122334455667788"), pkt("+", "OK"));
	CHECK_EQ(regs[16], 0x11);
	CHECK_EQ(regs[23], 0x88);
	CHECK_EQ(regs[24], 24);
	CHECK_STR(cmd("P2=11"), pkt("+", "E01"));		/* short value */
	memset(hex, 'a', sizeof(regs) * 2);
	hex[sizeof(regs) * 2] = '\0';
	char gpkt[sizeof(hex) + 2] = "G";
	strcat(gpkt, hex);
	CHECK_STR(cmd(gpkt), pkt("+", "OK"));
	CHECK_EQ(regs[0], 0xaa);
	CHECK_EQ(regs[sizeof(regs) - 1], 0xaa);
	gpkt[10] = 'z';
	CHECK_STR(cmd(gpkt), pkt("+", "E01"));		/* not hex */
	CHECK_STR(cmd("Gaa"), pkt("+", "E01"));		/* short */
}

static void test_memory(void)
{
	for (unsigned i = 0; i < sizeof(mem); i++)
		mem[i] = (uint8_t)(0xa0 + i);
	CHECK_STR(cmd("m4,3"), pkt("+", "a4a5a6"));
	CHECK_STR(cmd("m3e,4"), pkt("+", "E0e"));		/* the target refuses */
	CHECK_STR(cmd("m0,0"), pkt("+", "E01"));		/* empty */
	cmd("m0,1000");					/* asked in part */
	CHECK_EQ(g.job.len, GDB_MEM_MAX);
	CHECK_STR(cmd("M0,401:00"), pkt("+", "E01"));	/* too long to write */
	CHECK_STR(cmd("mffffffffffffffff,2"), pkt("+", "E01"));	/* wraps */
	CHECK_STR(cmd("m11111111111111111,2"), pkt("+", "E01"));	/* 17 digits */
	CHECK_STR(cmd("M8,2:beef"), pkt("+", "OK"));
	CHECK_EQ(mem[8], 0xbe);
	CHECK_EQ(mem[9], 0xef);
	CHECK_STR(cmd("M8,2:be"), pkt("+", "E01"));		/* too few bytes */
	CHECK_STR(cmd("M8,1:beef"), pkt("+", "E01"));	/* too many */
	CHECK_EQ(mem[8], 0xbe);
	CHECK(last_job == NULL);
}

static void test_queries(void)
{
	/* "phys" in hex: the memory mode changes, with its message */
	CHECK(strstr(cmd("qRcmd,70687973"), pkt("", "OK")) != NULL);
	cmd("m4,1");
	CHECK_STR(cmd("qRcmd,76697274"), out);		/* "virt" */
	CHECK_STR(cmd("qRcmd,6e6f"), pkt("+", ""));		/* unknown command */
	/* the target description, with its special characters escaped */
	CHECK_STR(cmd("qXfer:features:read:target.xml:0,3"), pkt("+", "m<ta"));
	CHECK_STR(cmd("qXfer:features:read:target.xml:8,100"), pkt("+", "l}\x03}\x04}\n}]</target>"));
	CHECK_STR(cmd("qXfer:features:read:target.xml:100,10"), pkt("+", "l"));
	CHECK_STR(cmd("qXfer:features:read:other.xml:0,10"), pkt("+", ""));
	CHECK_STR(cmd("Z0,80200000,4"), pkt("+", ""));	/* no triggers: gdb inserts ebreaks */
	CHECK_STR(cmd("s"), pkt("+", "E03"));		/* no step: gdb steps itself */
	CHECK_STR(cmd("qAttached"), pkt("+", "1"));
}

static void test_run_control(void)
{
	CHECK_STR(cmd("c"), "+");
	CHECK_EQ(resumes, 1);
	CHECK_EQ(resumed_thread, -1);			/* all */
	CHECK_STR(cmd("m4,1"), pkt("+", "E02"));		/* running */
	out_len = 0;
	feed_raw("\x03");
	CHECK_EQ(stops, 2);
	feed_raw("\x03");
	CHECK_EQ(stops, 2);				/* asked once */
	gdbstub_stopped(&g, 0, GDB_SIGINT);
	CHECK_STR(out, pkt("", "T02thread:1;"));
	CHECK_STR(cmd("Hc2"), pkt("+", "OK"));
	CHECK_STR(cmd("c"), "+");
	CHECK_EQ(resumed_thread, 1);			/* thread 2 alone */
	out_len = 0;
	gdbstub_stopped(&g, 1, GDB_SIGTRAP);		/* a breakpoint */
	CHECK_STR(out, pkt("", "T05thread:2;"));
	CHECK_STR(cmd("Hc-1"), pkt("+", "OK"));
	CHECK_STR(cmd("c"), "+");
	CHECK_EQ(resumed_thread, -1);
	gdbstub_stopped(&g, 0, GDB_SIGTRAP);
	CHECK_STR(cmd("QStartNoAckMode"), pkt("+", "OK"));
	CHECK_STR(cmd("qC"), pkt("", "QC1"));		/* no ack any more */
	CHECK_STR(cmd("D"), pkt("", "OK"));
	CHECK_EQ(detaches, 1);
	CHECK(gdbstub_ended(&g));
	CHECK_STR(cmd("g"), "");			/* nothing after the end */
}

/* Z1-Z4 become trigger jobs when the target has triggers; a trigger's
 * stop says which watchpoint fired. */
static void test_triggers(void)
{
	static struct gdb_target t3;

	t3 = target;
	t3.triggers = true;
	gdbstub_init(&g, &t3);
	gdbstub_stopped(&g, 0, GDB_SIGTRAP);
	CHECK_STR(cmd("Z2,80201000,8"), pkt("+", "OK"));
	CHECK_EQ(last_trigger.trigger, GDB_WATCH_WRITE);
	CHECK(last_trigger.insert);
	CHECK_EQ(last_trigger.addr, 0x80201000);
	CHECK_EQ(last_trigger.len, 8);
	CHECK_STR(cmd("z4,80201000,4"), pkt("+", "OK"));
	CHECK_EQ(last_trigger.trigger, GDB_WATCH_ACCESS);
	CHECK(!last_trigger.insert);
	CHECK_STR(cmd("Z1,bad,2"), pkt("+", "E0e"));	/* the target refused */
	CHECK_STR(cmd("Z0,80200000,4"), pkt("+", ""));	/* gdb writes ebreaks */
	CHECK_STR(cmd("Z5,80200000,4"), pkt("+", ""));
	CHECK_STR(cmd("Z2,80201000,9"), pkt("+", "E01"));	/* longer than 8 */
	CHECK_STR(cmd("Z2,80201000"), pkt("+", "E01"));
	CHECK_STR(cmd("c"), "+");
	out_len = 0;
	gdbstub_stopped_by(&g, 0, GDB_WATCH_READ, 0x80201000);
	CHECK_STR(out, pkt("", "T05thread:1;rwatch:80201000;"));
	CHECK_STR(cmd("c"), "+");
	out_len = 0;
	gdbstub_stopped_by(&g, 0, GDB_HW_BREAK, 0x80200000);	/* the pc says it */
	CHECK_STR(out, pkt("", "T05thread:1;"));
	CHECK_STR(cmd("c"), "+");
	out_len = 0;
	gdbstub_stopped(&g, 0, GDB_SIGTRAP);			/* no trigger */
	CHECK_STR(out, pkt("", "T05thread:1;"));
}

static unsigned stepped_thread = 99;

static void t_step(void *ctx, unsigned th) { (void)ctx; stepped_thread = th; }

/* A target that steps (ARM64): 's' steps the Hc thread, else the one
 * that stopped, and waits for its stop like a continue. */
static void test_step(void)
{
	static struct gdb_target t4;

	t4 = target;
	t4.step = t_step;
	gdbstub_init(&g, &t4);
	gdbstub_stopped(&g, 1, GDB_SIGTRAP);
	CHECK_STR(cmd("s"), "+");
	CHECK_EQ(stepped_thread, 1);			/* the one that stopped */
	CHECK_STR(cmd("m4,1"), pkt("+", "E02"));		/* running */
	out_len = 0;
	gdbstub_stopped(&g, 1, GDB_SIGTRAP);
	CHECK_STR(out, pkt("", "T05thread:2;"));
	CHECK_STR(cmd("Hc1"), pkt("+", "OK"));
	CHECK_STR(cmd("s"), "+");
	CHECK_EQ(stepped_thread, 0);			/* Hc's */
	gdbstub_stopped(&g, 0, GDB_SIGTRAP);
	CHECK_STR(cmd("s80200000"), pkt("+", "E01"));	/* not elsewhere */
}

/* The abort byte between packets ends a session; inside one it is data. */
static void test_abort(void)
{
	static struct gdb_target t2;

	t2 = target;
	t2.abort_char = 0x1d;
	gdbstub_init(&g, &t2);
	gdbstub_stopped(&g, 0, GDB_SIGTRAP);
	feed_raw("$qRcmd,\x1d#00");	/* inside a packet (a bad one) */
	CHECK(!gdbstub_ended(&g));
	feed_raw("\x1d");
	CHECK(gdbstub_ended(&g));
	CHECK_EQ(detaches, 2);
}

int main(void)
{
	gdbstub_init(&g, &target);
	test_framing();
	test_stopping();
	test_regs();
	test_memory();
	test_queries();
	test_run_control();
	test_abort();
	test_triggers();
	test_step();
	return test_report("test_gdbstub");
}
