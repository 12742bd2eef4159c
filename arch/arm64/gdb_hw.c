// SPDX-License-Identifier: GPL-2.0-only
/*
 * The debugger's hardware breakpoints and watchpoints on ARM64 (Z1-Z4):
 * the guest's own breakpoint and watchpoint registers (DBGBVR/DBGBCR,
 * DBGWVR/DBGWCR, as many as ID_AA64DFR0_EL1 says), taken over while a
 * debugger is attached to the cell.  MDCR_EL2.TDE (gdb.c) sends their
 * exceptions here and traps the guest's accesses to them, so the guest
 * can neither see nor move the debugger's; what the guest had in them
 * (and in MDSCR_EL1 and its OS Lock) is kept at the session's start and
 * put back at its end, so after a detach the guest finds them as it left
 * them.  Each CPU keeps its own: a trigger is set on every vhart of the
 * cell, one job on each (src/gdb_cell.c).
 *
 * A breakpoint matches an A64 instruction at EL1 or EL0 of the guest
 * (PMC 0b11, HMC 0, SSC 0b00: never at EL2); a watchpoint 1 to 8 bytes
 * within one doubleword (BAS), loads, stores or both (LSC).
 */
#include <arch/sysreg.h>
#include <fv/arch_gdb.h>
#include <fv/fmt.h>
#include "gdb_hw.h"

#define MAX_SLOTS	16		/* DBGBVR0..15, DBGWVR0..15 */
#define DFR0_BRPS(d)	((unsigned)((d) >> 12) & 15)	/* number - 1 */
#define DFR0_WRPS(d)	((unsigned)((d) >> 20) & 15)
#define MDSCR_SS	(1ULL << 0)
#define MDSCR_KDE	(1ULL << 13)
#define MDSCR_MDE	(1ULL << 15)	/* breakpoints and watchpoints on */
#define OSLSR_OSLK	(1ULL << 1)

/* DBGBCR / DBGWCR: enabled, EL1 and EL0 (PMC/PAC 0b11), HMC 0, SSC 0 */
#define CR_E		(1ULL << 0)
#define CR_EL1_EL0	(3ULL << 1)
#define BCR_BAS_A64	(0xfULL << 5)	/* the whole A64 instruction */
#define WCR_LSC(l)	((uint64_t)(l) << 3)
#define WCR_BAS(b)	((uint64_t)(b) << 5)
#define LSC_LOAD	1
#define LSC_STORE	2

#define ESR_EC(e)	((unsigned)((e) >> 26) & 0x3f)
#define EC_BKPT_LOW	0x30
#define EC_WATCH_LOW	0x34

struct slot {
	int type;		/* GDB_HW_BREAK...; 0: free */
	uint64_t addr;
	unsigned len;
};

/* One CPU's: the guest's registers while a session holds them, and the
 * debugger's triggers in them. */
struct hw_dbg {
	bool on;
	uint64_t mdscr, oslsr;
	uint64_t guest[4][MAX_SLOTS];	/* by DBG_BVR... */
	struct slot bp[MAX_SLOTS], wp[MAX_SLOTS];
};

static struct hw_dbg hw[CONFIG_MAX_HARTS];	/* each CPU its own */

static unsigned nr_bps(void)
{
	return DFR0_BRPS(read_sysreg(id_aa64dfr0_el1)) + 1;
}

static unsigned nr_wps(void)
{
	return DFR0_WRPS(read_sysreg(id_aa64dfr0_el1)) + 1;
}

/* Every CPU of a board has the same (ID_AA64DFR0_EL1, read on any). */
const char *arch_gdb_triggers(void)
{
	static char what[80];

	fmt_snprintf(what, sizeof(what),
		     "the CPU's debug registers, %u breakpoints and %u watchpoints", nr_bps(),
		     nr_wps());
	return what;
}

/* How many of kind `k` (DBG_BVR...) the CPU has. */
static unsigned nr_of(unsigned k)
{
	return k <= DBG_BCR ? nr_bps() : nr_wps();
}

static void save_guest(struct hw_dbg *h)
{
	h->mdscr = read_sysreg(mdscr_el1);
	h->oslsr = read_sysreg(oslsr_el1);
	for (unsigned k = DBG_BVR; k <= DBG_WCR; k++)
		for (unsigned n = 0; n < nr_of(k); n++)
			h->guest[k][n] = arm64_dbgreg_read(k, n);
	for (unsigned n = 0; n < MAX_SLOTS; n++) {
		h->bp[n].type = 0;
		h->wp[n].type = 0;
	}
}

/* The debugger's: all off, the OS Lock open (else nothing fires), the
 * guest's own step and debug enables off. */
static void take_over(const struct hw_dbg *h)
{
	for (unsigned n = 0; n < nr_bps(); n++)
		arm64_dbgreg_write(DBG_BCR, n, 0);
	for (unsigned n = 0; n < nr_wps(); n++)
		arm64_dbgreg_write(DBG_WCR, n, 0);
	write_sysreg(oslar_el1, 0);
	write_sysreg(mdscr_el1, h->mdscr & ~(MDSCR_SS | MDSCR_KDE | MDSCR_MDE));
}

/* Ours off, then the guest's registers, each value before its control
 * (nothing matches a half-restored pair), MDSCR_EL1 and OS Lock. */
static void give_back(const struct hw_dbg *h)
{
	for (unsigned n = 0; n < nr_bps(); n++)
		arm64_dbgreg_write(DBG_BCR, n, 0);
	for (unsigned n = 0; n < nr_wps(); n++)
		arm64_dbgreg_write(DBG_WCR, n, 0);
	for (unsigned k = DBG_BVR; k <= DBG_WCR; k++)
		for (unsigned n = 0; n < nr_of(k); n++)
			arm64_dbgreg_write(k, n, h->guest[k][n]);
	write_sysreg(mdscr_el1, h->mdscr);
	write_sysreg(oslar_el1, (h->oslsr & OSLSR_OSLK) ? 1 : 0);
}

void arm64_gdb_hw_session(struct cpu *c, bool on)
{
	struct hw_dbg *h = &hw[c->id];

	if (on == h->on)
		return;
	h->on = on;
	if (on) {
		save_guest(h);
		take_over(h);
	} else {
		give_back(h);
	}
	isb();
}

/* MDSCR_EL1.MDE while any trigger is set (the step bit is gdb.c's). */
static void update_mde(const struct hw_dbg *h)
{
	uint64_t mdscr = read_sysreg(mdscr_el1) & ~MDSCR_MDE;

	for (unsigned n = 0; n < MAX_SLOTS; n++)
		if (h->bp[n].type || h->wp[n].type)
			mdscr |= MDSCR_MDE;
	write_sysreg(mdscr_el1, mdscr);
}

/* A virtual address the registers can hold: bits 63:49 copies of bit 48. */
static bool va_ok(uint64_t a)
{
	return (uint64_t)((int64_t)(a << 15) >> 15) == a;
}

/* What Z1-Z4 may ask: an instruction (4 bytes, aligned), or 1-8 bytes
 * within one doubleword; anything else is refused (an E reply). */
static bool trigger_ok(int type, uint64_t addr, unsigned len)
{
	if (!va_ok(addr))
		return false;
	if (type == GDB_HW_BREAK)
		return len == 4 && !(addr & 3);
	return type <= GDB_WATCH_ACCESS && len >= 1 && len <= 8 && (addr & 7) + len <= 8;
}

static uint64_t wcr_of(int type, uint64_t addr, unsigned len)
{
	unsigned lsc = type == GDB_WATCH_WRITE ? LSC_STORE :
		       type == GDB_WATCH_READ ? LSC_LOAD : LSC_LOAD | LSC_STORE;
	unsigned bas = ((1U << len) - 1) << (addr & 7);

	return CR_E | CR_EL1_EL0 | WCR_LSC(lsc) | WCR_BAS(bas);
}

static int slot_insert(struct slot *s, unsigned nr, int type, uint64_t addr, unsigned len)
{
	bool bp = type == GDB_HW_BREAK;

	for (unsigned n = 0; n < nr; n++) {
		if (s[n].type)
			continue;
		s[n] = (struct slot){ .type = type, .addr = addr, .len = len };
		arm64_dbgreg_write(bp ? DBG_BVR : DBG_WVR, n, bp ? addr : addr & ~7ULL);
		arm64_dbgreg_write(bp ? DBG_BCR : DBG_WCR, n,
				   bp ? CR_E | CR_EL1_EL0 | BCR_BAS_A64 : wcr_of(type, addr, len));
		return 0;
	}
	return -1;	/* all in use */
}

static int slot_remove(struct slot *s, unsigned nr, int type, uint64_t addr, unsigned len)
{
	for (unsigned n = 0; n < nr; n++) {
		if (s[n].type != type || s[n].addr != addr || s[n].len != len)
			continue;
		s[n].type = 0;
		arm64_dbgreg_write(type == GDB_HW_BREAK ? DBG_BCR : DBG_WCR, n, 0);
		return 0;
	}
	return -1;
}

int arch_gdb_trigger(struct cpu *c, int type, uint64_t addr, unsigned len, bool insert_it)
{
	struct hw_dbg *h = &hw[c->id];
	bool bp = type == GDB_HW_BREAK;
	struct slot *s = bp ? h->bp : h->wp;
	unsigned nr = bp ? nr_bps() : nr_wps();
	int r;

	if (!h->on || !trigger_ok(type, addr, len))
		return -1;
	r = insert_it ? slot_insert(s, nr, type, addr, len) : slot_remove(s, nr, type, addr, len);
	update_mde(h);
	isb();
	return r;
}

/* The watchpoint that fired at data address `far`: the one whose bytes
 * hold it, else the first whose doubleword does (an access wider than
 * the watched bytes may start before them), else the first set. */
static const struct slot *watch_hit(const struct hw_dbg *h, uint64_t far)
{
	const struct slot *dword = NULL, *first = NULL;

	for (unsigned n = 0; n < MAX_SLOTS; n++) {
		const struct slot *s = &h->wp[n];

		if (!s->type)
			continue;
		if (far >= s->addr && far - s->addr < s->len)
			return s;
		if (!dword && (far & ~7ULL) == (s->addr & ~7ULL))
			dword = s;
		if (!first)
			first = s;
	}
	return dword ? dword : first;
}

/* ESR_EL2 of the exception that brought the guest here says which. */
int arch_gdb_trigger_hit(struct cpu *c, uint64_t *addr)
{
	const struct hw_dbg *h = &hw[c->id];
	unsigned ec = ESR_EC(read_sysreg(esr_el2));
	uint64_t far = read_sysreg(far_el2);
	const struct slot *s;

	if (ec == EC_BKPT_LOW) {
		*addr = read_sysreg(elr_el2);
		return GDB_HW_BREAK;
	}
	if (ec != EC_WATCH_LOW || !(s = watch_hit(h, far)))
		return 0;	/* a BRK or a step */
	*addr = far >= s->addr && far - s->addr < s->len ? far : s->addr;
	return s->type;
}
