// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtual SBI: BASE, TIME, IPI, RFENCE, HSM (vsbi_hsm.c), SRST, DBCN,
 * SUSP (vsbi_susp.c), FWFT (vsbi_fwft.c), PMU (vsbi_pmu.c), DBTR
 * (vsbi_dbtr.c), the legacy v0.1 calls (vsbi_legacy.c), and our own
 * extension (doorbells).  Hart masks, hart ids, addresses and doorbell indexes are
 * checked against the calling cell before anything is done; a request
 * outside the cell gets an SBI error, never a fault here.
 */
#include <arch/csr.h>
#include <arch/sbi.h>
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include <fv/doorbell.h>
#include <fv/errno.h>
#include <fv/trace.h>
#include "irq.h"
#include "trap.h"
#include <arch/sbi_dbtr.h>
#include "vsbi.h"


void vsbi_set_timer(uint64_t when)
{
	if (riscv_sstc) {
		csr_write(CSR_VSTIMECMP, when);
	} else {
		/* the firmware clears a pending timer when given a new one */
		csr_clear(CSR_HVIP, BIT(IRQ_VS_TIMER));
		sbi_set_timer(when);
		csr_set(CSR_SIE, BIT(IRQ_S_TIMER));
	}
}

/* Post `req` to the vharts in `m` (running ones), do our own share here. */
void vsbi_to_vharts(struct vcpu *self, const struct vsbi_mask *m, unsigned long req,
		      bool wait)
{
	struct cell *cell = self->cell;

	for (unsigned i = 0; i < cell->nr_vcpus; i++) {
		struct vcpu *t = cell->vcpu[i];

		if (!(m->bits & BIT(i)))
			continue;
		if (t == self)
			arch_cpu_handle_requests(self->cpu, req);
		else if (READ_ONCE(t->state) == VCPU_RUNNING)
			cpu_request(t->cpu, req);
	}
	if (!wait)
		return;
	/* A remote fence is done when the call returns: wait until every
	 * target took the request, serving our own meanwhile. */
	for (unsigned i = 0; i < cell->nr_vcpus; i++) {
		struct vcpu *t = cell->vcpu[i];

		while (t != self && (m->bits & BIT(i)) &&
		       READ_ONCE(t->state) == VCPU_RUNNING && (READ_ONCE(t->cpu->req) & req))
			cpu_handle_requests(self->cpu, REQS_MAY_ADMIN);
	}
}

static long probe(unsigned long ext)
{
	if (ext == SBI_EXT_PMU)
		return vsbi_pmu_offered();
	if (ext == SBI_EXT_DBTR)
		return vsbi_dbtr_offered();
	switch (ext) {
	case SBI_EXT_BASE: case SBI_EXT_TIME: case SBI_EXT_IPI: case SBI_EXT_RFENCE:
	case SBI_EXT_HSM: case SBI_EXT_SRST: case SBI_EXT_DBCN: case SBI_EXT_SUSP:
	case SBI_EXT_FWFT:
	case SBI_EXT_LEGACY_SET_TIMER ... SBI_EXT_LEGACY_SHUTDOWN:	/* vsbi_legacy.c */
	case SBI_EXT_FERROVISOR:
		return 1;
	}
	return 0;
}

static struct sbiret base(unsigned long fid, unsigned long a0)
{
	switch (fid) {
	case SBI_BASE_GET_SPEC_VERSION: return (struct sbiret){ 0, VSBI_SPEC_VERSION };
	case SBI_BASE_GET_IMPL_ID: return (struct sbiret){ 0, VSBI_IMPL_ID };
	case SBI_BASE_GET_IMPL_VERSION: return (struct sbiret){ 0, 0x000100 };
	case SBI_BASE_PROBE_EXT: return (struct sbiret){ 0, probe(a0) };	/* see call_base */
	case SBI_BASE_GET_MVENDORID:
	case SBI_BASE_GET_MARCHID:
	case SBI_BASE_GET_MIMPID: return (struct sbiret){ 0, 0 };
	}
	return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
}

static struct sbiret ipi(struct vcpu *v, unsigned long fid, unsigned long *a)
{
	struct vsbi_mask m;
	long err;

	if (fid != 0)
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	err = vsbi_hart_mask(v->cell->nr_vcpus, a[0], a[1], &m);
	if (!err)
		vsbi_to_vharts(v, &m, REQ_VSSIP, false);
	return (struct sbiret){ err, 0 };
}

static struct sbiret rfence(struct vcpu *v, unsigned long fid, unsigned long *a)
{
	unsigned long req;
	struct vsbi_mask m;
	long err;

	switch (fid) {
	case SBI_RFENCE_FENCE_I:
		req = REQ_FENCE_I;
		break;
	case SBI_RFENCE_SFENCE_VMA:
	case SBI_RFENCE_SFENCE_VMA_ASID:
		req = REQ_HFENCE_VVMA;	/* a whole-guest flush covers any range */
		break;
	default:	/* the guest has no H extension: no HFENCE calls */
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	}
	err = vsbi_hart_mask(v->cell->nr_vcpus, a[0], a[1], &m);
	if (!err)
		vsbi_to_vharts(v, &m, req, true);
	return (struct sbiret){ err, 0 };
}

static struct sbiret srst(struct vcpu *v, unsigned long fid, unsigned long *a)
{
	if (fid != SBI_SRST_RESET)
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	/* Both are uint32_t in the spec: the low 32 bits count.  Reasons: 0
	 * none, 1 failure; the rest are reserved or platform-specific ones
	 * we do not have. */
	if ((uint32_t)a[1] > 1)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	switch ((uint32_t)a[0]) {
	case SBI_SRST_TYPE_SHUTDOWN:
		cell_stop(v, "shutdown by its guest");
	case SBI_SRST_TYPE_COLD_REBOOT:
	case SBI_SRST_TYPE_WARM_REBOOT:
		cell_reboot(v);
	}
	return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
}

/*
 * The guest's DBCN buffer as it gave it: num_bytes `n` at base_addr_lo `lo`,
 * base_addr_hi `hi`, wholly inside one of the cell's memory regions with
 * `flags`, or NULL (SBI_ERR_INVALID_PARAM).  Checked before any capping,
 * so a range that wraps or runs past the memory is refused, not cut short.
 * On RV64 base_addr_hi holds address bits 64 and up: none exist.
 */
static void *dbcn_buffer(struct vcpu *v, unsigned long n, unsigned long lo,
			 unsigned long hi, unsigned flags)
{
	if (hi || lo + n < lo)
		return NULL;
	return cell_gpa_to_hva(v->cell, lo, n ? n : 1, flags);
}

static struct sbiret dbcn(struct vcpu *v, unsigned long fid, unsigned long *a)
{
	unsigned long n = a[0];
	const char *p;

	switch (fid) {
	case SBI_DBCN_WRITE:
		p = dbcn_buffer(v, n, a[1], a[2], MEM_R);
		if (!p)
			return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
		if (n > VSBI_DBCN_MAX)
			n = VSBI_DBCN_MAX;	/* a partial write is allowed */
		cell_console_write(v->cell, p, n);
		return (struct sbiret){ 0, (long)n };
	case SBI_DBCN_READ: {
		char *dst = dbcn_buffer(v, n, a[1], a[2], MEM_W);
		unsigned long got = 0;
		int ch;

		if (!dst)
			return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
		while (got < n && (ch = cell_console_getc(v->cell)) >= 0)
			dst[got++] = (char)ch;
		return (struct sbiret){ 0, (long)got };
	}
	case SBI_DBCN_WRITE_BYTE:
		cell_console_putc(v->cell, (char)a[0]);
		return (struct sbiret){ 0, 0 };
	}
	return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
}

/* Ours: ring doorbell a0 of the cell (value 1 if the peer took it), take
 * its rings (value: how many were acknowledged), or take a0's and ring
 * a1 if any were (value: how many were taken).  Every index is checked
 * before anything happens. */
static struct sbiret ferrovisor(struct vcpu *v, unsigned long fid, unsigned long *a)
{
	struct doorbell *d, *back;

	if (fid > SBI_FV_DOORBELL_TAKE_RING)
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	d = cell_doorbell(v->cell, a[0]);
	back = fid == SBI_FV_DOORBELL_TAKE_RING ? cell_doorbell(v->cell, a[1]) : d;
	if (!d || !back)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	if (fid == SBI_FV_DOORBELL_TAKE_RING)
		return (struct sbiret){ SBI_SUCCESS, (long)doorbell_take_ring(d, back) };
	if (fid == SBI_FV_DOORBELL_TAKE)
		return (struct sbiret){ SBI_SUCCESS, (long)doorbell_take(d) };
	return (struct sbiret){ SBI_SUCCESS, doorbell_ring(d) };
}

/* vcpu_stats.fw_calls[]: the extensions by kind, for the monitor. */
enum { FW_LEGACY, FW_BASE, FW_TIME, FW_IPI, FW_RFENCE, FW_HSM, FW_SRST, FW_DBCN,
       FW_FERROVISOR, FW_OTHER, FW_SUSP, FW_FWFT, FW_PMU, FW_DBTR, FW_KINDS };

_Static_assert(FW_KINDS <= VCPU_FW_KINDS, "vcpu_stats.fw_calls[] is too small");

const char *arch_fw_call_kind_name(unsigned kind)
{
	static const char *const names[FW_KINDS] = {
		[FW_LEGACY] = "legacy", [FW_BASE] = "base", [FW_TIME] = "time",
		[FW_IPI] = "ipi", [FW_RFENCE] = "rfence", [FW_HSM] = "hsm", [FW_SRST] = "srst",
		[FW_DBCN] = "dbcn", [FW_FERROVISOR] = "ferrovisor", [FW_OTHER] = "unknown",
		[FW_SUSP] = "susp", [FW_FWFT] = "fwft", [FW_PMU] = "pmu",
		[FW_DBTR] = "dbtr",
	};

	return kind < FW_KINDS ? names[kind] : NULL;
}

/*
 * Dispatch by table.  Each extension's call stores its own result in the
 * guest's a0/a1, so riscv_vsbi_call() ends in a tail call.
 */
typedef void (*vsbi_fn)(unsigned long *a, struct vcpu *v);	/* a: a0..a7 */

static void put(unsigned long *a, struct sbiret r)
{
	a[0] = (unsigned long)r.error;
	a[1] = (unsigned long)r.value;
}

/* probe_ext calls out (PMU, DBTR): apart, so the other BASE calls need
 * no stack frame. */
static __attribute__((noinline)) void call_base_probe(unsigned long *a)
{
	put(a, base(SBI_BASE_PROBE_EXT, a[0]));
}

static void call_base(unsigned long *a, struct vcpu *v)
{
	unsigned long fid = a[6];

	(void)v;
	if (fid == SBI_BASE_PROBE_EXT) {
		call_base_probe(a);
		return;
	}
	put(a, base(fid, a[0]));
}

static void call_time(unsigned long *a, struct vcpu *v)
{
	unsigned long fid = a[6];

	(void)v;
	if (fid != 0) {
		put(a, (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 });
		return;
	}
	vsbi_set_timer(a[0]);
	put(a, (struct sbiret){ 0, 0 });
}

/* The extensions whose handler is fn(v, fid, a): their table entries. */
#define VSBI_CALL(name, fn)						\
	static void name(unsigned long *a, struct vcpu *v)		\
	{								\
		put(a, fn(v, a[6], a));					\
	}
VSBI_CALL(call_ipi, ipi)
VSBI_CALL(call_rfence, rfence)
VSBI_CALL(call_hsm, vsbi_hsm)
VSBI_CALL(call_srst, srst)
VSBI_CALL(call_dbcn, dbcn)
VSBI_CALL(call_susp, vsbi_susp)
VSBI_CALL(call_fwft, vsbi_fwft)
VSBI_CALL(call_pmu, vsbi_pmu)
VSBI_CALL(call_dbtr, vsbi_dbtr)
VSBI_CALL(call_ferrovisor, ferrovisor)

static void call_other(unsigned long *a, struct vcpu *v)
{
	(void)v;
	put(a, (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 });
}

/*
 * The extensions by a hash of their IDs, (id ^ id >> 5) % 64, which is
 * different for each of them and not 0 (two in one slot would be an
 * "initialized field overwritten" error): a call's slot is its
 * extension's if the whole ID matches, else it is a legacy call (below
 * 0x10) or an unknown one.  Slot 0 is legacy call 0's (the hash of a
 * legacy ID is the ID); an empty slot's ID 0 matches no call that lands
 * there.
 */
struct vsbi_ext {
	unsigned long id;
	vsbi_fn call;
	unsigned long count;	/* where in struct vcpu its fw_calls[] is */
} __aligned(32);		/* 32 bytes: the index is a shift */

#define FW_COUNT(k)	__builtin_offsetof(struct vcpu, stats.fw_calls[k])

#define EXT_SLOTS	64
#define EXT_SLOT(ext)	(((ext) ^ ((ext) >> 5)) % EXT_SLOTS)
#define EXT_LEGACY	EXT_SLOTS	/* after the slots: legacy, unknown */
#define EXT_OTHER	(EXT_SLOTS + 1)
#define EXT(ext, fn, k)	[EXT_SLOT(ext)] = { (ext), (fn), FW_COUNT(k) }
static const struct vsbi_ext vsbi_exts[EXT_SLOTS + 2] = {
	EXT(SBI_EXT_LEGACY_SET_TIMER, vsbi_legacy, FW_LEGACY),
	EXT(SBI_EXT_BASE, call_base, FW_BASE),
	EXT(SBI_EXT_TIME, call_time, FW_TIME),
	EXT(SBI_EXT_IPI, call_ipi, FW_IPI),
	EXT(SBI_EXT_RFENCE, call_rfence, FW_RFENCE),
	EXT(SBI_EXT_HSM, call_hsm, FW_HSM),
	EXT(SBI_EXT_SRST, call_srst, FW_SRST),
	EXT(SBI_EXT_DBCN, call_dbcn, FW_DBCN),
	EXT(SBI_EXT_SUSP, call_susp, FW_SUSP),
	EXT(SBI_EXT_FWFT, call_fwft, FW_FWFT),
	EXT(SBI_EXT_PMU, call_pmu, FW_PMU),
	EXT(SBI_EXT_DBTR, call_dbtr, FW_DBTR),
	EXT(SBI_EXT_FERROVISOR, call_ferrovisor, FW_FERROVISOR),
	[EXT_LEGACY] = { 0, vsbi_legacy, FW_COUNT(FW_LEGACY) },
	[EXT_OTHER] = { 0, call_other, FW_COUNT(FW_OTHER) },
};

static const struct vsbi_ext *find_ext(unsigned long ext)
{
	unsigned long i = EXT_SLOT(ext);

	if (unlikely(vsbi_exts[i].id != ext))
		i = ext < 0x10 ? EXT_LEGACY : EXT_OTHER;
	return &vsbi_exts[i];
}

/* The same call with the trace on: apart, so that with it off the hot
 * path below has no call but its last and needs no stack frame. */
static __attribute__((noinline)) void vsbi_call_traced(struct cpu *c,
						      const struct vsbi_ext *e)
{
	unsigned long *a = &c->arch.regs[10];
	struct vcpu *v = c->vcpu;

	trace_trap_in(v, EXC_ECALL_VS, csr_read(CSR_SEPC));
	v->stats.sbi_calls++;
	v->stats.traps[EXC_ECALL_VS]++;
	(*(uint64_t *)((char *)v + e->count))++;	/* stats.fw_calls[kind] */
	csr_write(CSR_SEPC, csr_read(CSR_SEPC) + 4);
	e->call(a, v);
	trace_sbi(v, a[7], a[6], (long)a[0]);	/* a6, a7 as the guest left them */
}

/* From trap_entry.S on every guest ecall: the hot path, kept short. */
void riscv_vsbi_call(struct cpu *c)
{
	unsigned long *a = &c->arch.regs[10];	/* a0..a7 */
	unsigned long ext = a[7];
	struct vcpu *v = c->vcpu;
	const struct vsbi_ext *e = find_ext(ext);

	if (trace_active()) {
		vsbi_call_traced(c, e);
		return;
	}
	v->stats.sbi_calls++;
	v->stats.traps[EXC_ECALL_VS]++;
	(*(uint64_t *)((char *)v + e->count))++;	/* stats.fw_calls[kind] */
	/* the ecall is done whatever happens: return past it */
	csr_write(CSR_SEPC, csr_read(CSR_SEPC) + 4);
	e->call(a, v);		/* a tail call */
}
