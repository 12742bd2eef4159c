// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hostile guest: from its own cell it attacks the hypervisor, the
 * firmware and a victim cell, one attack at a time (attacks.c), and says
 * before each what it tries and after it, if it is still running, what
 * happened.  An attack the hypervisor stops with a fault restarts this
 * cell (its fault policy), so the index of the next attack is kept in a
 * region the restart keeps (MEM_KEEP): each boot resumes where the last
 * one stopped.  Console lines (through SBI DBCN):
 *
 *   hostile: boot <boots> next <n> reboots <r>
 *   hostile: attack <n> <name> <addr>[ pc <pc>]
 *   hostile: attack <n> <name> result <what happened>
 *   hostile: attack <n> unexpected trap scause <x> sepc <x> stval <x>
 *   hostile: done <attacks>
 */
#include <stdarg.h>
#include <fv/fmt.h>
#include <fv/string.h>
#include "csr.h"
#include "hostile.h"

#define TIMEBASE	10000000UL	/* QEMU virt */
#define FIRST_DELAY_MS	250		/* let the victim tick first */
#define PACE_MS		2		/* between two attacks */

volatile unsigned long ipis, timer_irqs;
volatile unsigned long timer_storm;
volatile uint64_t livelock_end;
volatile bool livelock_ipi;
volatile bool armed;
volatile unsigned long seen_cause, seen_epc, seen_tval;
static unsigned current;

void hostile_main(void);
void hostile_trap(void);

struct sbiret ecall(unsigned long ext, unsigned long fid, unsigned long a0,
		    unsigned long a1, unsigned long a2, unsigned long a3)
{
	register unsigned long r0 __asm__("a0") = a0;
	register unsigned long r1 __asm__("a1") = a1;
	register unsigned long r2 __asm__("a2") = a2;
	register unsigned long r3 __asm__("a3") = a3;
	register unsigned long r6 __asm__("a6") = fid;
	register unsigned long r7 __asm__("a7") = ext;

	__asm__ volatile("ecall"
			 : "+r"(r0), "+r"(r1)
			 : "r"(r2), "r"(r3), "r"(r6), "r"(r7)
			 : "memory");
	return (struct sbiret){ (long)r0, (long)r1 };
}

/* ---------------------------------------------------------------- output */

static void emit(const char *s, unsigned n)
{
	while (n) {
		struct sbiret r = ecall(EXT_DBCN, 0, n, (unsigned long)s, 0, 0);

		if (r.error || r.value <= 0 || (unsigned long)r.value > n)
			return;
		s += r.value;
		n -= (unsigned)r.value;
	}
}

/* A whole line per DBCN write: a fault right after cannot cut it. */
void out(const char *fmt, ...)
{
	char buf[200];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	emit(buf, n < (int)sizeof(buf) ? (unsigned)n : sizeof(buf) - 1);
}

/* ---------------------------------------------------------------- time */

uint64_t now(void)
{
	uint64_t t;

	__asm__ volatile("rdtime %0" : "=r"(t));
	return t;
}

/* Sleep in wfi (so the victim's hart gets the machine under -icount). */
void sleep_ms(unsigned ms)
{
	uint64_t end = now() + TIMEBASE / 1000 * ms;

	ecall(EXT_TIME, 0, end, 0, 0, 0);
	csr_set(sie, SIE_STIE);
	while (now() < end)
		__asm__ volatile("wfi");
	csr_clear(sie, SIE_STIE);
	ecall(EXT_TIME, 0, ~0UL, 0, 0, 0);
}

/* ---------------------------------------------------------------- traps */

static __noreturn void reboot(void)
{
	ecall(EXT_SRST, 0, 1, 0, 0, 0);		/* cold reboot: resume after it */
	for (;;)
		__asm__ volatile("wfi");
}

static void interrupt(unsigned long irq)
{
	if (irq == IRQ_S_SOFT) {
		csr_clear(sip, SIP_SSIP);
		ipis++;
		if (livelock_ipi && now() < livelock_end)
			ecall(EXT_IPI, 0, 1, 0, 0, 0);	/* the next one, at once */
	} else if (irq == IRQ_S_TIMER) {
		bool again = ++timer_irqs < timer_storm ||
			     (!livelock_ipi && now() < livelock_end);

		/* a storm re-arms at once until it is done; otherwise the
		 * deadline is gone */
		ecall(EXT_TIME, 0, again ? 0 : ~0UL, 0, 0, 0);
	} else {
		csr_clear(sie, 1UL << irq);
	}
}

void hostile_trap(void)
{
	unsigned long cause = csr_read(scause);

	if (cause & CAUSE_IRQ) {
		interrupt(cause & ~CAUSE_IRQ);
		return;
	}
	if (armed) {
		armed = false;
		seen_cause = cause;
		seen_epc = csr_read(sepc);
		seen_tval = csr_read(stval);
		csr_write(sepc, seen_epc + 4);	/* every probe is 4 bytes */
		return;
	}
	out("hostile: attack %u unexpected trap scause %#lx sepc %#lx stval %#lx\n",
	    current, cause, csr_read(sepc), csr_read(stval));
	reboot();
}

/* ---------------------------------------------------------------- main */

static void run_one(unsigned n)
{
	const struct attack *a = &attacks[n];
	unsigned long pc = attack_pc(a);
	char res[120];

	current = n;
	/* a restart from here on goes on with the next attack, except for
	 * the reboot attack, which comes back until it is done */
	kept->next = reboot_pending(a) ? n : n + 1;
	__asm__ volatile("fence" ::: "memory");
	if (pc)
		out("hostile: attack %u %s %#lx pc %#lx\n", n, a->name, a->addr, pc);
	else
		out("hostile: attack %u %s %#lx\n", n, a->name, a->addr);
	res[0] = '\0';
	a->run(a, res, sizeof(res));
	kept->next = n + 1;
	out("hostile: attack %u %s result %s\n", n, a->name, res);
}

void hostile_main(void)
{
	if (kept->magic != KEEP_MAGIC) {
		memset((void *)KEEP_BASE, 0, sizeof(struct keep));
		kept->magic = KEEP_MAGIC;
	}
	kept->boots++;
	out("hostile: boot %u next %u reboots %u\n", kept->boots, kept->next, kept->reboots);
	if (kept->boots == 1)
		sleep_ms(FIRST_DELAY_MS);
	for (unsigned n = kept->next; n < nr_attacks; n++) {
		sleep_ms(PACE_MS);
		run_one(n);
	}
	kept->next = nr_attacks;
	out("hostile: done %u\n", nr_attacks);
	for (;;)
		__asm__ volatile("wfi");
}
