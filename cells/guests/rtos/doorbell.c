// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RTOS end of a doorbell (the hypervisor's "ferrovisor,doorbell": three
 * registers and an interrupt, plus a region shared with the peer cell).
 * Why it exists: the default demo's Linux sends requests over it and
 * measures the round trip; we answer each one.  The interrupt handler only
 * counts and acknowledges the rings, as the UART's only queues bytes; the
 * doorbell task reads the request, writes the answer, rings back and
 * prints, at task level.
 *
 * The channel, at the start of the shared region (the same layout as in
 * cells/guests/linux/fv-doorbell.c, the Linux end):
 *   0x00  u32 req_seq    the peer's request number, written after req[]
 *   0x04  u32 ans_seq    the request we answered, written after ans[]
 *   0x08  char req[56]   the request, NUL-terminated, e.g. "ping 3"
 *   0x40  char ans[64]   our answer, e.g. "pong 3"
 * The peer rings after writing req_seq; we ring back after ans_seq.
 */
#include <fv/string.h>
#include "console.h"
#include "rtos.h"

#define DOORBELL_RING		0x0
#define DOORBELL_STATUS		0x4
#define DOORBELL_ACK		0x8

#define REQ_LEN			56
#define ANS_LEN			64

struct channel {
	volatile uint32_t req_seq;
	volatile uint32_t ans_seq;
	volatile char req[REQ_LEN];
	volatile char ans[ANS_LEN];
};

static volatile uint32_t *db_reg(unsigned off)
{
	return (volatile uint32_t *)(plat.db_base + off);
}

/* Interrupt: take every ring pending (the line is a level: high while the
 * count is not 0), wake the task. */
void doorbell_irq(struct hart *h)
{
	uint32_t n = *db_reg(DOORBELL_STATUS);

	if (!n)
		return;
	*db_reg(DOORBELL_ACK) = n;
	/* A full queue already holds a wake-up: the task reads the latest
	 * request whatever the number of rings. */
	queue_send(&h->dbq, n);
}

/* The request, as a C string of at most REQ_LEN - 1 characters. */
static void read_request(const struct channel *ch, char *req)
{
	unsigned i;

	for (i = 0; i < REQ_LEN - 1 && ch->req[i]; i++)
		req[i] = ch->req[i];
	req[i] = '\0';
}

static void copy_str(char *dst, const char *src)
{
	while ((*dst++ = *src++) != '\0')
		;
}

/* "ping <rest>" is answered "pong <rest>"; anything else "?<request>". */
static void make_answer(const char *req, char *ans)
{
	if (!strncmp(req, "ping", 4)) {
		memcpy(ans, "pong", 4);
		copy_str(ans + 4, req + 4);
	} else {
		ans[0] = '?';
		copy_str(ans + 1, req);
	}
}

static void write_answer(struct channel *ch, const char *ans, uint32_t seq)
{
	unsigned i;

	for (i = 0; ans[i]; i++)
		ch->ans[i] = ans[i];
	ch->ans[i] = '\0';
	arch_mb();	/* answer, then its number */
	ch->ans_seq = seq;
	arch_mb();	/* both, then the ring */
	*db_reg(DOORBELL_RING) = 1;
}

/* Answer the current request; say so for the first of each run of the
 * peer's (request 1), to keep the console quiet. */
static void answer(struct channel *ch, uint32_t *last)
{
	char req[REQ_LEN], ans[ANS_LEN];
	uint32_t seq = ch->req_seq;

	if (!seq)
		return;		/* nothing asked yet */
	arch_rmb();	/* its number, then it */
	read_request(ch, req);
	make_answer(req, ans);
	write_answer(ch, ans, seq);
	if (seq == 1 && *last != 1)
		rprintf("rtos: doorbell: answered \"%s\" with \"%s\"\n", req, ans);
	*last = seq;
}

void task_doorbell(void *arg)
{
	struct hart *h = arg;
	struct channel *ch = (struct channel *)plat.db_shm;
	uint32_t last = 0;

	for (;;) {
		queue_recv(&h->dbq);
		answer(ch, &last);
	}
}
