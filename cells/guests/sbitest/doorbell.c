// SPDX-License-Identifier: GPL-2.0-only
/*
 * bootarg doorbell=ping|pong: two cells talk over the region they share,
 * each ringing the other's doorbell, so that a test can see a ring reach
 * the peer as an interrupt through its vPLIC.  The first doorbell of the
 * device tree (compatible "ferrovisor,doorbell": reg = its registers,
 * then the shared region; interrupts = its line) is the one used.
 *
 * ping, after both wrote READY in the region: four rounds, ringing by SBI
 * (odd rounds) or by the register (even), each answered by pong with a
 * ring back; a burst of five rings, unanswered; "bye <n>" with the number
 * of rings it sent; then, once pong has written DONE (after it said what
 * it counted: rings meanwhile would count too), rings until one comes
 * back dropped (value 0: pong has stopped).  pong answers "ping <r>" with
 * "pong <r>" by the register (odd) or SBI (even), and at "bye <n>" says
 * how many rings it counted (it must be n), writes DONE and shuts its
 * cell down.  Lines: README.md.
 *
 * Taking the rings: ping by the SBI call that acknowledges them all and
 * says how many (0x0A004656 fid 1), pong by reading DOORBELL_STATUS and
 * writing it to DOORBELL_ACK on its odd interrupts and by that call on
 * its even ones, so the count of the burst checks both.
 */
#include <libfdt.h>
#include <fv/fmt.h>
#include <fv/string.h>
#include "sbitest.h"

#define DB_RING		0x0
#define DB_STATUS	0x4
#define DB_ACK		0x8

#define READY		0x52454459	/* "REDY" */
#define DONE		0x444f4e45	/* "DONE": pong has said what it got */
#define WAIT_MS		10000		/* for the peer, who may be slow to boot */

struct shm {
	volatile uint32_t ready[2];	/* [0] ping's, [1] pong's */
	char msg[60];
};

static struct {
	uintptr_t regs;
	struct shm *shm;
	uint64_t shm_size;
	uint32_t irq;
	unsigned nr;		/* doorbells in the tree */
} db;

/* What the interrupt handler saw, for the main loop to report. */
static volatile unsigned long db_irqs, db_rings, db_claim_other;
static volatile uint32_t db_last_status;
/* pong's answer to "echo <r>" from its handler: the take-ring calls'
 * errors with a0, then a1, past the last doorbell, and the good one's
 * error and value; `echoed` once they are in. */
static volatile long echo_bad_take, echo_bad_ring, echo_err, echo_value;
static volatile bool echoed;

/* ---------------------------------------------------------------- device */

static volatile uint32_t *reg32(uintptr_t addr)
{
	return (volatile uint32_t *)addr;
}

/* The vPLIC: vhart 0's S-mode context is context 0. */
static void plic_enable(uint32_t irq)
{
	uintptr_t plic = (uintptr_t)cfg.plic_base;

	*reg32(plic + 4 * irq) = 1;
	*reg32(plic + 0x2000 + 4 * (irq / 32)) |= 1U << (irq % 32);
	*reg32(plic + 0x200000) = 0;
}

static struct sbiret take_ring(unsigned long take, unsigned long ring)
{
	return sbi_call(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_TAKE_RING, take, ring, 0, 0, 0);
}

/*
 * pong at "echo <r>": the answer written and sent from the handler, by
 * the call that takes the rings and rings back.  First that call with
 * the doorbell to take, then the one to ring, past the last: each must
 * fail and do nothing, so the ring is still there for the good call
 * (value 1), and ping gets one ring back, not two.
 */
static uint32_t echo(void)
{
	struct sbiret r;

	echo_bad_take = take_ring(db.nr, 0).error;
	echo_bad_ring = take_ring(0, db.nr).error;
	memcpy(db.shm->msg, "pong", 4);		/* "echo <r>" -> "pong <r>" */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	r = take_ring(0, 0);
	echo_err = r.error;
	echo_value = r.value;
	__atomic_store_n(&echoed, true, __ATOMIC_RELEASE);
	return r.error ? 0 : (uint32_t)r.value;
}

/* What the doorbell counted, acknowledged: by SBI (one call), or by the
 * registers (a read, a write).  See the top of the file for which. */
static uint32_t take_rings(void)
{
	uint32_t n;

	if (!strcmp(cfg.doorbell, "pong") && !strncmp(db.shm->msg, "echo ", 5))
		return echo();
	if (!strcmp(cfg.doorbell, "ping") || (db_irqs & 1)) {	/* pong: its even ones */
		struct sbiret r = sbi_call(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_TAKE, 0, 0, 0, 0, 0);

		return r.error ? 0 : (uint32_t)r.value;
	}
	n = *reg32(db.regs + DB_STATUS);
	*reg32(db.regs + DB_ACK) = n;
	return n;
}

/* From the trap handler: claim, take what the doorbell counted, ack it,
 * complete.  Any other interrupt is counted (it should never come). */
void doorbell_trap(void)
{
	uintptr_t claim = (uintptr_t)cfg.plic_base + 0x200004;
	uint32_t id = *reg32(claim), n;

	if (!id)
		return;
	if (id == db.irq) {
		n = take_rings();
		db_last_status = n;
		db_rings += n;
		__atomic_fetch_add(&db_irqs, 1, __ATOMIC_RELEASE);
	} else {
		db_claim_other++;
	}
	*reg32(claim) = id;
}

static bool read_doorbell(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "ferrovisor,doorbell"), len;
	const fdt32_t *reg, *irq;

	for (int n = node; n >= 0; n = fdt_node_offset_by_compatible(fdt, n,
								     "ferrovisor,doorbell"))
		db.nr++;
	if (node < 0)
		return false;
	reg = fdt_getprop(fdt, node, "reg", &len);
	irq = fdt_getprop(fdt, node, "interrupts", NULL);
	if (!reg || len != 32 || !irq)	/* two (address, size) pairs of 2 cells */
		return false;
	db.regs = (uintptr_t)(((uint64_t)fdt32_to_cpu(reg[0]) << 32) | fdt32_to_cpu(reg[1]));
	db.shm = (struct shm *)(uintptr_t)(((uint64_t)fdt32_to_cpu(reg[4]) << 32) |
					   fdt32_to_cpu(reg[5]));
	db.shm_size = ((uint64_t)fdt32_to_cpu(reg[6]) << 32) | fdt32_to_cpu(reg[7]);
	db.irq = fdt32_to_cpu(*irq);
	return true;
}

/* ---------------------------------------------------------------- ringing */

static void say(const char *s)
{
	size_t n = strlen(s);

	memcpy(db.shm->msg, s, n + 1);
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

/* Ring by SBI (the value: 1 taken, 0 dropped) or by the register. */
static long ring(bool by_sbi)
{
	struct sbiret r;

	__atomic_thread_fence(__ATOMIC_RELEASE);	/* the message first */
	if (!by_sbi) {
		*reg32(db.regs + DB_RING) = 1;
		return 1;
	}
	r = sbi_call(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_RING, 0, 0, 0, 0, 0);
	return r.error ? r.error : r.value;
}

/* Wait for the next interrupt after `seen`; report it with the message. */
static bool next_irq(unsigned long *seen)
{
	if (!wait_change(&db_irqs, *seen, WAIT_MS)) {
		out("sbitest: doorbell no interrupt after %lu\n", *seen);
		return false;
	}
	*seen = __atomic_load_n(&db_irqs, __ATOMIC_ACQUIRE);
	out("sbitest: doorbell irq %u rings %u msg %.40s\n", db.irq, db_last_status,
	    db.shm->msg);
	return true;
}

/* Wait up to WAIT_MS for *w to read `want`. */
static bool wait_word(volatile uint32_t *w, uint32_t want)
{
	uint64_t end = now() + ms_to_ticks(WAIT_MS);

	while (*w != want)
		if (now() >= end)
			return false;
	return true;
}

static bool peer_ready(unsigned me)
{
	db.shm->ready[me] = READY;
	return wait_word(&db.shm->ready[!me], READY) ||
	       db.shm->ready[!me] == DONE;
}

static void ping(void)
{
	unsigned long seen = 0, sent = 0;
	struct sbiret got;
	char msg[24];
	long v;

	for (unsigned r = 1; r <= 4; r++) {
		fmt_snprintf(msg, sizeof(msg), "ping %u", r);
		say(msg);
		v = ring(r & 1);
		sent++;
		if (r & 1)
			out("sbitest: doorbell ring %u by sbi value %ld\n", r, v);
		else
			out("sbitest: doorbell ring %u by mmio\n", r);
		if (!next_irq(&seen))
			return;
	}
	/* pong answers this one from its handler, by take-ring; ours has
	 * taken the answer, so a take-ring now takes nothing, rings nothing */
	say("echo 5");
	v = ring(true);
	sent++;
	out("sbitest: doorbell echo 5 by sbi value %ld\n", v);
	if (!next_irq(&seen))
		return;
	got = take_ring(0, 0);
	v = got.error ? got.error : got.value;
	out("sbitest: doorbell take_ring with nothing pending value %ld\n", v);
	say("burst");
	for (unsigned i = 0; i < 5; i++, sent++)
		ring(false);
	fmt_snprintf(msg, sizeof(msg), "bye %lu", sent + 1);
	say(msg);
	v = ring(true);
	out("sbitest: doorbell sent %lu value %ld\n", sent + 1, v);
	check("fv.doorbell_past_last", sbi_call(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_RING, db.nr, 0, 0, 0,
						0).error, SBI_ERR_INVALID_PARAM);
	check("fv.doorbell_take_past_last", sbi_call(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_TAKE, db.nr, 0, 0,
						     0, 0).error, SBI_ERR_INVALID_PARAM);
	check("fv.doorbell_take_ring_past_last", take_ring(db.nr, 0).error,
	      SBI_ERR_INVALID_PARAM);
	check("fv.doorbell_take_ring_back_past_last", take_ring(0, db.nr).error,
	      SBI_ERR_INVALID_PARAM);
	check("fv.doorbell_unknown_fid", sbi_call(SBI_EXT_FERROVISOR, 3, 0, 0, 0, 0, 0).error,
	      SBI_ERR_NOT_SUPPORTED);
	/* pong counts, says so, then stops: from then on rings are dropped */
	if (!wait_word(&db.shm->ready[1], DONE)) {
		out("sbitest: doorbell the peer is not done\n");
		return;
	}
	for (uint64_t end = now() + ms_to_ticks(WAIT_MS); (v = ring(true)) != 0 && now() < end; )
		sleep_ms(10);
	out("sbitest: doorbell ring after the peer stopped value %ld\n", v);
}

static void pong(void)
{
	unsigned long seen = 0, want = 0;
	unsigned r;
	char msg[24];

	for (;;) {
		if (!next_irq(&seen))
			return;
		if (!strncmp(db.shm->msg, "bye ", 4))
			break;
		if (strncmp(db.shm->msg, "ping ", 5))
			continue;	/* the burst: counted, not answered */
		r = (unsigned)(db.shm->msg[5] - '0');
		fmt_snprintf(msg, sizeof(msg), "pong %u", r);
		say(msg);
		ring(!(r & 1));
	}
	for (const char *p = db.shm->msg + 4; *p >= '0' && *p <= '9'; p++)
		want = want * 10 + (unsigned long)(*p - '0');
	/* rings of the burst may still be on their way: wait for them all */
	for (uint64_t end = now() + ms_to_ticks(WAIT_MS); db_rings < want && now() < end; )
		;
	if (echoed)
		out("sbitest: doorbell echo by take_ring error %ld value %ld, past the last: "
		    "take %ld ring %ld\n", echo_err, echo_value, echo_bad_take, echo_bad_ring);
	out("sbitest: doorbell received %lu rings in %lu interrupts, other %lu\n",
	    db_rings, db_irqs, db_claim_other);
	db.shm->ready[1] = DONE;	/* ping's rings from now on are not counted here */
}

void doorbell_run(void)
{
	bool is_ping = !strcmp(cfg.doorbell, "ping");

	if (!read_doorbell(cfg.fdt)) {
		out("sbitest: doorbell none in the device tree\n");
		return;
	}
	out("sbitest: doorbell %s regs %#lx shm %#lx size %#llx irq %u of %u\n", cfg.doorbell,
	    (unsigned long)db.regs, (unsigned long)db.shm, (unsigned long long)db.shm_size,
	    db.irq, db.nr);
	plic_enable(db.irq);
	csr_set(sie, SIE_SEIE);
	csr_set(sstatus, SSTATUS_SIE);
	if (!peer_ready(is_ping ? 0 : 1)) {
		out("sbitest: doorbell the peer is not ready\n");
		return;
	}
	if (is_ping)
		ping();
	else
		pong();
	out("sbitest: doorbell done\n");
}
