// SPDX-License-Identifier: GPL-2.0-only
/*
 * sbitest: a bare-metal guest that checks the virtual SBI of the cell it
 * runs in, then (bootarg bad=<what>) does something its cell must be
 * stopped for.  One console line per check; see README.md.
 */
#include <stdarg.h>
#include <libfdt.h>
#include <fv/fmt.h>
#include <fv/string.h>
#include "sbitest.h"

struct config cfg;
volatile unsigned long ipis[MAX_VHARTS], timer_irqs[MAX_VHARTS];
volatile uint64_t timer_at[MAX_VHARTS];
struct v1_mailbox v1;

static bool use_dbcn;
static int out_lock;

void sbitest_main(unsigned long vhartid, const void *fdt);
void sbitest_secondary(unsigned long vhartid, unsigned long job);
void sbitest_trap(void);
void bad_store(unsigned long addr);
void bad_load(unsigned long addr);
void bad_load16(unsigned long addr);

struct sbiret sbi_call(unsigned long ext, unsigned long fid, unsigned long a0,
		       unsigned long a1, unsigned long a2, unsigned long a3,
		       unsigned long a4)
{
	register unsigned long r0 __asm__("a0") = a0;
	register unsigned long r1 __asm__("a1") = a1;
	register unsigned long r2 __asm__("a2") = a2;
	register unsigned long r3 __asm__("a3") = a3;
	register unsigned long r4 __asm__("a4") = a4;
	register unsigned long r6 __asm__("a6") = fid;
	register unsigned long r7 __asm__("a7") = ext;

	__asm__ volatile("ecall"
			 : "+r"(r0), "+r"(r1)
			 : "r"(r2), "r"(r3), "r"(r4), "r"(r6), "r"(r7)
			 : "memory");
	return (struct sbiret){ (long)r0, (long)r1 };
}

/* ---------------------------------------------------------------- output */

struct line {
	char buf[160];
	unsigned n;
};

static void line_out(char c, void *arg)
{
	struct line *l = arg;

	if (l->n < sizeof(l->buf))
		l->buf[l->n++] = c;
}

static void emit(const char *s, unsigned n)
{
	if (!use_dbcn) {
		for (unsigned i = 0; i < n; i++)
			sbi_call(SBI_EXT_LEGACY_PUTCHAR, 0, (unsigned char)s[i], 0, 0, 0, 0);
		return;
	}
	while (n) {
		/* bare mode: the buffer's address is its guest-physical one */
		struct sbiret r = sbi_call(SBI_EXT_DBCN, 0, n, (unsigned long)s, 0, 0, 0);

		if (r.error || r.value <= 0 || (unsigned long)r.value > n)
			break;
		s += r.value;
		n -= (unsigned)r.value;
	}
}

/* A whole line per call, under a lock: the vharts' lines never mix. */
void out(const char *fmt, ...)
{
	struct line l = { .n = 0 };
	va_list ap;

	va_start(ap, fmt);
	fmt_vformat(line_out, &l, fmt, ap);
	va_end(ap);
	while (__atomic_exchange_n(&out_lock, 1, __ATOMIC_ACQUIRE))
		;
	emit(l.buf, l.n);
	__atomic_store_n(&out_lock, 0, __ATOMIC_RELEASE);
}

/* ---------------------------------------------------------------- time */

bool wait_change(volatile unsigned long *p, unsigned long old, unsigned ms)
{
	uint64_t end = now() + ms_to_ticks(ms);

	while (__atomic_load_n(p, __ATOMIC_ACQUIRE) == old)
		if (now() >= end)
			return false;
	return true;
}

/* Sleep in wfi: a pending STIP wakes it even with sstatus.SIE clear. */
void sleep_ms(unsigned ms)
{
	uint64_t end = now() + ms_to_ticks(ms);
	unsigned long sstatus = csr_read(sstatus);

	csr_clear(sstatus, SSTATUS_SIE);
	sbi_call(SBI_EXT_TIME, 0, end, 0, 0, 0, 0);
	csr_set(sie, SIE_STIE);
	while (now() < end)
		__asm__ volatile("wfi");
	csr_clear(sie, SIE_STIE);
	sbi_call(SBI_EXT_TIME, 0, ~0UL, 0, 0, 0, 0);
	csr_set(sstatus, sstatus & SSTATUS_SIE);
}

/* ---------------------------------------------------------------- traps */

static __noreturn void halt(void)
{
	for (;;)
		__asm__ volatile("wfi");
}

void sbitest_trap(void)
{
	unsigned long cause = csr_read(scause), hart;

	__asm__ volatile("mv %0, tp" : "=r"(hart));
	if (hart >= MAX_VHARTS)
		hart = 0;
	switch (cause) {
	case CAUSE_IRQ | IRQ_S_SOFT:
		csr_clear(sip, SIP_SSIP);
		ipis[hart]++;
		return;
	case CAUSE_IRQ | IRQ_S_TIMER:
		timer_at[hart] = now();
		timer_irqs[hart]++;
		sbi_call(SBI_EXT_TIME, 0, ~0UL, 0, 0, 0, 0);	/* clears STIP */
		return;
	case CAUSE_IRQ | IRQ_S_EXT:
		doorbell_trap();
		return;
	}
	if (exc_trap(cause))
		return;
	/* The lock may be ours: print without it. */
	{
		struct line l = { .n = 0 };

		fmt_snprintf(l.buf, sizeof(l.buf),
			     "sbitest: vhart %lu unexpected trap scause %#lx sepc %#lx stval %#lx\n",
			     hart, cause, csr_read(sepc), csr_read(stval));
		emit(l.buf, (unsigned)strlen(l.buf));
	}
	if (cause & CAUSE_IRQ) {
		csr_clear(sie, 1UL << (cause & 63));
		return;
	}
	halt();
}

/* ---------------------------------------------------------------- setup */

static uint64_t read_cells(const fdt32_t *p, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = (v << 32) | fdt32_to_cpu(*p++);
	return v;
}

/* The first (address, size) pair of `node`'s reg. */
static bool read_reg(const void *fdt, int node, uint64_t *addr, uint64_t *size)
{
	int parent = fdt_parent_offset(fdt, node), len;
	int ac = fdt_address_cells(fdt, parent), sc = fdt_size_cells(fdt, parent);
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

	if (!reg || ac < 1 || ac > 2 || sc < 0 || sc > 2 ||
	    len < (int)sizeof(fdt32_t) * (ac + sc))
		return false;
	*addr = read_cells(reg, ac);
	*size = read_cells(reg + ac, sc);
	return true;
}

/* cfg.isa: the CPU's extensions, from riscv,isa-extensions, else from the
 * multi-letter part of riscv,isa ("rv64imafdc_zicsr_sstc"). */
static void read_isa(const void *fdt, int cpu)
{
	size_t n = 1;
	const char *p;
	int len;

	cfg.isa[0] = ' ';
	p = fdt_getprop(fdt, cpu, "riscv,isa-extensions", &len);
	for (int i = 0; p && i < len && n + 2 < sizeof(cfg.isa); i++)
		cfg.isa[n++] = p[i] ? p[i] : ' ';
	if (!p && (p = fdt_getprop(fdt, cpu, "riscv,isa", &len)) != NULL)
		for (int i = 0; i < len && p[i] && n + 2 < sizeof(cfg.isa); i++)
			cfg.isa[n++] = p[i] == '_' ? ' ' : p[i];
	if (cfg.isa[n - 1] != ' ')
		cfg.isa[n++] = ' ';
	cfg.isa[n] = '\0';
}

bool has_isa_ext(const char *ext)
{
	size_t n = strlen(ext);

	for (const char *p = cfg.isa; (p = strchr(p, ' ')) != NULL && p[1]; p++)
		if (!strncmp(p + 1, ext, n) && p[1 + n] == ' ')
			return true;
	return false;
}

static unsigned parse_uint(const char *s, size_t n)
{
	unsigned v = 0;

	for (size_t i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	return v;
}

static void parse_bootargs(const char *s)
{
	while (s && *s) {
		const char *w, *eq;
		size_t n, k;

		while (*s == ' ')
			s++;
		w = s;
		while (*s && *s != ' ')
			s++;
		n = (size_t)(s - w);
		eq = memchr(w, '=', n);
		if (!eq)
			continue;
		k = (size_t)(eq - w);
		n -= k + 1;
		eq++;
		if (k == 3 && !strncmp(w, "bad", 3)) {
			n = MIN(n, sizeof(cfg.bad) - 1);
			memcpy(cfg.bad, eq, n);
			cfg.bad[n] = '\0';
		} else if (k == 9 && !strncmp(w, "bad_vhart", 9)) {
			cfg.bad_vhart = parse_uint(eq, n);
		} else if (k == 6 && !strncmp(w, "checks", 6)) {
			cfg.exc_only = n == 3 && !strncmp(eq, "exc", 3);
			cfg.checks = cfg.exc_only || parse_uint(eq, n) != 0;
		} else if (k == 8 && !strncmp(w, "delay_ms", 8)) {
			cfg.delay_ms = parse_uint(eq, n);
		} else if (k == 8 && !strncmp(w, "shutdown", 8)) {
			cfg.legacy_shutdown = n == 6 && !strncmp(eq, "legacy", 6);
		} else if (k == 8 && !strncmp(w, "doorbell", 8)) {
			n = MIN(n, sizeof(cfg.doorbell) - 1);
			memcpy(cfg.doorbell, eq, n);
			cfg.doorbell[n] = '\0';
		}
	}
}

static void read_dtb(const void *fdt)
{
	int node, cpus;
	uint64_t size;
	const fdt32_t *p;

	cfg.fdt = fdt;
	cfg.timebase = 10000000;
	cfg.checks = true;
	memcpy(cfg.bad, "none", 5);
	if (fdt_check_header(fdt))
		return;
	cpus = fdt_path_offset(fdt, "/cpus");
	p = fdt_getprop(fdt, cpus, "timebase-frequency", NULL);
	if (p)
		cfg.timebase = fdt32_to_cpu(*p);
	fdt_for_each_subnode(node, fdt, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);

		if (!type || strcmp(type, "cpu"))
			continue;
		if (!cfg.nr_vharts) {
			read_isa(fdt, node);
			cfg.sstc = has_isa_ext("sstc");
		}
		cfg.nr_vharts++;
	}
	node = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory", 7);
	if (node >= 0 && read_reg(fdt, node, &cfg.ram_base, &size))
		cfg.ram_end = cfg.ram_base + size;
	node = fdt_node_offset_by_compatible(fdt, -1, "riscv,plic0");
	if (node >= 0)
		read_reg(fdt, node, &cfg.plic_base, &size);
	for (node = -1; (node = fdt_node_offset_by_compatible(fdt, node,
							      "ferrovisor,doorbell")) >= 0; )
		cfg.nr_doorbells++;
	node = fdt_path_offset(fdt, "/chosen");
	parse_bootargs(fdt_getprop(fdt, node, "bootargs", NULL));
}

/* ---------------------------------------------------------------- bad */

/* Do the bad thing of bad=<what>; returns only if the cell survived it. */
static void do_bad(unsigned long vhartid)
{
	unsigned long addr = OUTSIDE, pc;
	void (*fn)(unsigned long);

	if (!strcmp(cfg.bad, "store")) {
		fn = bad_store;
	} else if (!strcmp(cfg.bad, "load")) {
		fn = bad_load;
	} else if (!strcmp(cfg.bad, "mmio")) {
		fn = bad_load16;	/* the vPLIC takes 32-bit accesses only */
		addr = cfg.plic_base;
	} else if (!strcmp(cfg.bad, "exec")) {
		fn = (void (*)(unsigned long))OUTSIDE;
	} else if (!strcmp(cfg.bad, "ptw")) {
		/* the walk for the load reads its PTE from this vhart's
		 * vPLIC context (threshold, claim): a device read with a side
		 * effect if the hypervisor emulated it */
		fn = bad_load;
		addr = ptw_setup(cfg.plic_base + 0x200000 + 0x1000 * vhartid);
	} else {
		out("sbitest: vhart %lu bad %s unknown\n", vhartid, cfg.bad);
		return;
	}
	pc = (unsigned long)fn;
	out("sbitest: vhart %lu bad %s addr %#lx pc %#lx\n", vhartid, cfg.bad, addr, pc);
	fn(addr);
	out("sbitest: vhart %lu bad %s survived\n", vhartid, cfg.bad);
}

/* ---------------------------------------------------------------- main */

void sbitest_main(unsigned long vhartid, const void *fdt)
{
	struct sbiret r;

	read_dtb(fdt);
	cfg.self = vhartid;
	cfg.other = vhartid ^ 1;
	r = sbi_call(SBI_EXT_BASE, 1, 0, 0, 0, 0, 0);
	cfg.native = r.error || r.value != 0x4656;
	r = sbi_call(SBI_EXT_BASE, 3, SBI_EXT_DBCN, 0, 0, 0, 0);
	use_dbcn = !r.error && r.value;
	out("sbitest: start vhart %lu vharts %u sstc %s timebase %llu ram %#llx-%#llx bad %s\n",
	    vhartid, cfg.nr_vharts, cfg.sstc ? "yes" : "no",
	    (unsigned long long)cfg.timebase, (unsigned long long)cfg.ram_base,
	    (unsigned long long)cfg.ram_end, cfg.bad);

	if (cfg.checks) {
		if (cfg.exc_only)
			exc_checks();
		else
			run_checks();
		out("sbitest: done pass=%u fail=%u\n", checks_passed(), checks_failed());
	}
	if (cfg.doorbell[0])
		doorbell_run();
	if (cfg.delay_ms)
		sleep_ms(cfg.delay_ms);
	if (strcmp(cfg.bad, "none")) {
		if (cfg.bad_vhart == 0) {
			do_bad(vhartid);
		} else {
			r = sbi_call(SBI_EXT_HSM, 0, cfg.bad_vhart,
				     (unsigned long)secondary_entry, V1_BAD, 0, 0);
			if (r.error)
				out("sbitest: vhart %u start for bad failed %ld\n",
				    cfg.bad_vhart, r.error);
			/* the cell must be stopped under us meanwhile */
			sleep_ms(2000);
			out("sbitest: vhart %lu still running\n", vhartid);
		}
		halt();
	}
	if (cfg.legacy_shutdown) {	/* SBI v0.1 shutdown: it must not return */
		r = sbi_call(SBI_EXT_LEGACY_SHUTDOWN, 0, 0, 0, 0, 0, 0);
		out("sbitest: legacy shutdown returned %ld\n", r.error);
		halt();
	}
	/* reset_type and reset_reason are uint32_t: shutdown, no reason */
	r = sbi_call(SBI_EXT_SRST, 0, 0xffffffff00000000UL, 0xffffffff00000000UL, 0, 0, 0);
	out("sbitest: shutdown with wide arguments returned %ld\n", r.error);
	r = sbi_call(SBI_EXT_SRST, 0, 0, 0, 0, 0, 0);
	out("sbitest: shutdown returned %ld\n", r.error);
	halt();
}

/* Suspend until vhart 0's IPI (sstatus.SIE clear: it wakes, not traps). */
static void v1_suspend(unsigned long job)
{
	long r;

	csr_set(sie, SIE_SSIE);
	if (job == V1_NONRET)
		mmu_on();	/* the resume must find satp 0 */
	__atomic_store_n(&v1.suspending, 1, __ATOMIC_RELEASE);
	r = suspend_call(SBI_EXT_HSM, 3, job == V1_NONRET ? HSM_SUSP_NON_RET : HSM_SUSP_RET,
			 &v1.ctx);
	csr_write(satp, 0);
	__asm__ volatile("sfence.vma" ::: "memory");
	csr_clear(sie, SIE_SSIE);
	csr_clear(sip, SIP_SSIP);
	v1.susp_ret = r;
	__atomic_store_n(&v1.resumed, 1, __ATOMIC_RELEASE);
}

void sbitest_secondary(unsigned long vhartid, unsigned long job)
{
	struct sbiret r;

	switch (job) {
	case V1_HELLO:
		v1.a0 = vhartid;
		v1.a1 = job;
		out("sbitest: vhart %lu up\n", vhartid);
		csr_set(sie, SIE_SSIE);
		csr_set(sstatus, SSTATUS_SIE);
		__atomic_store_n(&v1.up, 1, __ATOMIC_RELEASE);
		if (wait_change(&ipis[vhartid], 0, 2000))
			__atomic_store_n(&v1.got_ipi, 1, __ATOMIC_RELEASE);
		csr_clear(sstatus, SSTATUS_SIE);
		csr_clear(sie, SIE_SSIE);
		break;
	case V1_STOP:
		__atomic_store_n(&v1.up_again, 1, __ATOMIC_RELEASE);
		break;
	case V1_LEGACY: {
		unsigned long n = ipis[vhartid];

		csr_set(sie, SIE_SSIE);
		csr_set(sstatus, SSTATUS_SIE);
		__atomic_store_n(&v1.legacy_up, 1, __ATOMIC_RELEASE);
		if (wait_change(&ipis[vhartid], n, 2000))
			__atomic_store_n(&v1.legacy_ipi, 1, __ATOMIC_RELEASE);
		csr_clear(sstatus, SSTATUS_SIE);
		csr_clear(sie, SIE_SSIE);
		break;
	}
	case V1_BAD:
		do_bad(vhartid);
		break;
	case V1_SUSPEND:
	case V1_NONRET:
		v1_suspend(job);
		break;
	}
	r = sbi_call(SBI_EXT_HSM, 1, 0, 0, 0, 0, 0);	/* hart_stop */
	out("sbitest: vhart %lu hart_stop returned %ld\n", vhartid, r.error);
	halt();
}
