// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtual SBI dispatcher, riscv_vsbi_call(), with any registers a
 * guest can load, against a model machine: the calling cell (1-7 vharts,
 * 1-3 memory regions anywhere in the guest-physical space with any R/W/X
 * flags, vharts in any HSM state) beside a neighbour cell that holds the
 * remaining harts.  The code under test is the hypervisor's own: vsbi.c,
 * vsbi_hsm.c, vsbi_susp.c, vsbi_suspend.c, vsbi_fwft.c, vsbi_pmu.c,
 * vsbi_dbtr.c and vsbi_legacy.c (included here, their CSR accesses
 * redirected to a model CSR file; a v0.1 hart mask read from the model's
 * guest memory), vsbi_mask.c,
 * src/cell_lookup.c and src/vcpu_hsm.c.  What the hypervisor
 * would do beyond them (post a request to a hart, stop or reboot the cell,
 * write the console) is modelled here and checked.
 *
 * After every call: a0 is an SBI error code (or a legacy call's result),
 * no other register changed, sepc moved past the ecall, only the CSRs the
 * call may touch changed, no request went to a hart outside the cell, no
 * state of the neighbour changed, no byte outside the caller's writable
 * memory changed, the console got only bytes of the caller's readable
 * memory, and the cell was stopped or rebooted only when it asked.  HSM
 * start, status (a running vhart may be in a suspend call) and suspend,
 * SUSP and SRST are checked against the SBI rules (32-bit arguments by
 * their low 32 bits), and an extension that BASE does not report gets
 * SBI_ERR_NOT_SUPPORTED.  A suspend sleeps until the model raises an
 * interrupt the guest enabled in vsie, or for good if it enabled none;
 * a non-retentive one comes back at its resume address with a0 = hart
 * id, a1 = opaque, satp 0 and sstatus.SIE 0.
 *
 * Doorbells (src/doorbell.c, the hypervisor's model): the caller has 0-4,
 * each paired with one of the neighbour's, whose words (open or not, any
 * count, near the top) come from the input.  They are made when the
 * input's first call of SBI_EXT_FERROVISOR comes, so inputs made before
 * they existed mean what they meant.  A ring (our extension, function 0)
 * of a doorbell the caller has adds one to its peer's count if that is
 * open and not at the top, wakes that peer only, and returns whether it
 * took the ring; a take (function 1) of one of the caller's doorbells
 * empties its count, returns what it held and lowers its line if it was
 * up; a take-ring (function 2) is a take of a0, then a ring of a1 if it
 * took any, and with either index not the caller's changes nothing;
 * nothing else of either cell's doorbells changes, on that call or
 * any other, and no call raises a doorbell's line (only the owning
 * cell's harts do that, off this path; the model's peers have no
 * try_irq, so a ring leaves the line to them).
 */
#include <setjmp.h>
#include <string.h>
#include <arch/csr.h>
#include <fv/doorbell.h>
#include "fuzz.h"

/* ---- the model CSR file, in place of the csr* instructions ---- */
static unsigned long fz_csr[4096];
#define VS_IRQS	0x222UL		/* vsip/vsie: SSIP, STIP, SEIP */
#undef csr_read
#undef csr_write
#undef csr_set
#undef csr_clear
#undef csr_swap
#define csr_read(c)		(fz_csr[(c)])
#define csr_write(c, v)		((void)(fz_csr[(c)] = (unsigned long)(v)))
#define csr_set(c, v)		((void)(fz_csr[(c)] |= (unsigned long)(v)))
#define csr_clear(c, v)		((void)(fz_csr[(c)] &= ~(unsigned long)(v)))

#include "../../arch/riscv/vsbi.c"
#include "../../arch/riscv/vsbi_hsm.c"
#include "../../arch/riscv/vsbi_susp.c"
#include "../../arch/riscv/vsbi_suspend.c"
#include "../../arch/riscv/vsbi_fwft.c"
#include "../../arch/riscv/vsbi_pmu.c"
#include "../../arch/riscv/vsbi_dbtr.c"
#include "../../arch/riscv/vsbi_legacy.c"

/* ---- the model machine ---- */
#define NR_HARTS	CONFIG_MAX_HARTS
#define ARENA		(64 * 1024)		/* host memory of each cell */
#define NR_REGIONS	3
#define SLICE		(ARENA / NR_REGIONS)

bool riscv_sstc;
static struct cpu fz_cpus[NR_HARTS];
static struct vcpu fz_vcpus[NR_HARTS];
static struct cell fz_cells[2];			/* [0] calls, [1] is the neighbour */
static struct layout_cell fz_desc[2];
static uint8_t *arena[2];			/* malloc'ed: ASan sees past its end */
static uint8_t *before[2];			/* the arenas before the call */
static struct vcpu *caller;

enum outcome { GOES_ON, OUT_STOPPED, OUT_REBOOTED, OUT_HART_STOPPED, OUT_ASLEEP };
static jmp_buf out;

/* console traffic of the current call */
static const uint8_t *con_in, *con_in_start;
static size_t con_in_left;
static unsigned long con_out, con_in_taken;
static unsigned long served;			/* cpu_handle_requests rounds */
static unsigned long posted[NR_HARTS];		/* requests each hart got */

static bool in_cell(const struct cpu *c, const struct cell *cell)
{
	for (unsigned i = 0; i < cell->nr_vcpus; i++)
		if (cell->vcpu[i]->cpu == c)
			return true;
	return false;
}

void cpu_request(struct cpu *c, unsigned long req)
{
	FUZZ_ASSERT(in_cell(c, caller->cell));
	FUZZ_ASSERT(c != caller->cpu);
	if (req == REQ_START)
		FUZZ_ASSERT(c->vcpu->state == VCPU_START_PENDING);
	else
		FUZZ_ASSERT((req == REQ_VSSIP || req == REQ_FENCE_I ||
			     req == REQ_HFENCE_VVMA) && c->vcpu->state == VCPU_RUNNING);
	c->req |= req;
	posted[c->id] |= req;
}

/* Models of the firmware timer and the hart's wait. */
static unsigned long fw_timer;
static bool fw_timer_set, waited;

void sbi_set_timer(unsigned long when)
{
	fw_timer = when;
	fw_timer_set = true;
}

/* A hart waits in a suspend call: an interrupt the guest enabled comes
 * (the model's VSIP), or with none enabled it sleeps for good. */
void arch_cpu_wait(void)
{
	waited = true;
	if (!(fz_csr[CSR_VSIE] & VS_IRQS))
		longjmp(out, OUT_ASLEEP);
	fz_csr[CSR_VSIP] |= fz_csr[CSR_VSIE] & VS_IRQS;
}

void riscv_ack_kick(void)
{
}

/* The firmware has no DBTR here (vsbi_dbtr.c is a pass-through to it
 * once its checks are done; the guest then gets NOT_SUPPORTED). */
long sbi_probe(unsigned long ext)
{
	(void)ext;
	return 0;
}

struct sbi_dbtr_entry *sbi_dbtr_shmem(void)
{
	FUZZ_ASSERT(!"DBTR is not offered");
	return NULL;
}

long sbi_dbtr_num(unsigned long tdata1, unsigned long *n)
{
	(void)tdata1;
	*n = 0;
	return SBI_ERR_NOT_SUPPORTED;
}

long sbi_dbtr_install(unsigned long count, unsigned long *value)
{
	(void)count, (void)value;
	FUZZ_ASSERT(!"DBTR is not offered");
	return SBI_ERR_FAILED;
}

long sbi_dbtr_uninstall(unsigned long base, unsigned long mask)
{
	(void)base;
	FUZZ_ASSERT(mask == 0 || !"DBTR is not offered");
	return SBI_ERR_FAILED;
}

long sbi_dbtr_update(unsigned long base, unsigned long mask)
{
	(void)base, (void)mask;
	FUZZ_ASSERT(!"DBTR is not offered");
	return SBI_ERR_FAILED;
}

long sbi_dbtr_enable(unsigned long base, unsigned long mask)
{
	(void)base, (void)mask;
	FUZZ_ASSERT(!"DBTR is not offered");
	return SBI_ERR_FAILED;
}

long sbi_dbtr_disable(unsigned long base, unsigned long mask)
{
	(void)base, (void)mask;
	FUZZ_ASSERT(!"DBTR is not offered");
	return SBI_ERR_FAILED;
}

/* The firmware's FWFT: takes any setting of this hart. */
static unsigned long fw_fwft_sets;

long sbi_fwft_set(unsigned long feature, unsigned long value)
{
	FUZZ_ASSERT(feature == SBI_FWFT_MISALIGNED_EXC_DELEG && value <= 1);
	fw_fwft_sets++;
	return 0;
}

long sbi_fwft_get(unsigned long feature, unsigned long *value)
{
	(void)feature;
	*value = 0;
	return SBI_ERR_NOT_SUPPORTED;
}

void riscv_external_irq(struct cpu *c)
{
	FUZZ_ASSERT(c == caller->cpu);
}

void riscv_sync_eip(struct vcpu *v)
{
	FUZZ_ASSERT(v == caller);
}

void arch_cpu_handle_requests(struct cpu *c, unsigned long req)
{
	FUZZ_ASSERT(c == caller->cpu);
	FUZZ_ASSERT(req == REQ_VSSIP || req == REQ_FENCE_I || req == REQ_HFENCE_VVMA);
	posted[c->id] |= req;
}

/* The caller waits for a fence: meanwhile its peers take their requests. */
void cpu_handle_requests(struct cpu *c, int may)
{
	FUZZ_ASSERT(c == caller->cpu && may == REQS_MAY_ADMIN);
	FUZZ_ASSERT(++served < 4);
	for (unsigned i = 0; i < caller->cell->nr_vcpus; i++)
		if (caller->cell->vcpu[i] != caller)
			caller->cell->vcpu[i]->cpu->req = 0;
}

__noreturn void cell_stop(struct vcpu *v, const char *why)
{
	FUZZ_ASSERT(v == caller && why && *why);
	longjmp(out, OUT_STOPPED);
}

__noreturn void cell_reboot(struct vcpu *v)
{
	FUZZ_ASSERT(v == caller);
	longjmp(out, OUT_REBOOTED);
}

__noreturn void vcpu_hart_stop(struct vcpu *v)
{
	FUZZ_ASSERT(v == caller);
	longjmp(out, OUT_HART_STOPPED);
}

/* The model's own answer to cell_gpa_to_hva() for the caller. */
static uint8_t *model_hva(uint64_t gpa, uint64_t len, unsigned flags)
{
	const struct layout_cell *d = caller->cell->desc;

	for (unsigned i = 0; i < d->nr_mem; i++) {
		const struct layout_mem *m = &d->mem[i];

		if (gpa >= m->gpa && gpa - m->gpa < m->size && len <= m->size - (gpa - m->gpa) &&
		    (m->flags & flags) == flags)
			return (uint8_t *)(uintptr_t)m->hpa + (gpa - m->gpa);
	}
	return NULL;
}

/* arch/riscv/guest_mem.c's model: the guest's translation is taken as the
 * identity (the G-stage is what confines a read: the caller's readable
 * memory), anything else faults.  Counted, so a legacy call that names
 * a mask is known to have read it. */
static unsigned long guest_reads;

bool riscv_guest_read_ulong(struct cpu *c, unsigned long va, unsigned long *out)
{
	const uint8_t *p = model_hva(va, sizeof(long), MEM_R);

	FUZZ_ASSERT(c == caller->cpu);
	guest_reads++;
	if (!p)
		return false;
	memcpy(out, p, sizeof(long));
	return true;
}

/* [p, p + n) lies in one region of the caller with `flags`. */
static bool in_region(const void *p, unsigned long n, unsigned flags)
{
	const struct layout_cell *d = caller->cell->desc;
	uintptr_t a = (uintptr_t)p;

	for (unsigned i = 0; i < d->nr_mem; i++) {
		const struct layout_mem *m = &d->mem[i];

		if (a >= m->hpa && a - m->hpa <= m->size && n <= m->size - (a - m->hpa) &&
		    (m->flags & flags) == flags)
			return true;
	}
	return false;
}

void cell_console_write(struct cell *c, const char *s, unsigned long n)
{
	FUZZ_ASSERT(c == caller->cell);
	FUZZ_ASSERT(n <= VSBI_DBCN_MAX);
	FUZZ_ASSERT(in_region(s, n, MEM_R));
	con_out += n;
}

void cell_console_putc(struct cell *c, char ch)
{
	(void)ch;
	FUZZ_ASSERT(c == caller->cell);
	con_out++;
}

int cell_console_getc(struct cell *c)
{
	FUZZ_ASSERT(c == caller->cell);
	if (!con_in_left)
		return -1;
	con_in_left--;
	con_in_taken++;
	return *con_in++;
}

/* ---- doorbells: the caller's i rings the neighbour's i and back ---- */
#define NR_DOORBELLS	4

static struct doorbell fz_db[2][NR_DOORBELLS];
static bool db_built;
static unsigned long wakes[NR_DOORBELLS];	/* the neighbour's, this call */
static unsigned long lines[2][NR_DOORBELLS];	/* line changes, this call */

/* A ring wakes the peer's cell (the hypervisor posts it REQ_EMU): here
 * only counted, and only the neighbour's may be woken. */
static void db_wake(void *arg)
{
	struct doorbell *d = arg;

	FUZZ_ASSERT(d >= fz_db[1] && d < fz_db[1] + fz_cells[1].nr_doorbells);
	wakes[d - fz_db[1]]++;
}

/* Only a take moves a line, its own doorbell's, and only down (checked
 * in check_doorbells()). */
static void db_irq(void *arg, bool level)
{
	struct doorbell *d = arg;
	unsigned c = d >= fz_db[1] && d < fz_db[1] + NR_DOORBELLS;

	FUZZ_ASSERT(!level);
	lines[c][d - fz_db[c]]++;
}

/* closed, open and empty, open near the top of the count, or anything */
static uint64_t db_word(struct in *in)
{
	switch (in_u8(in) % 4) {
	case 0: return 0;
	case 1: return DOORBELL_OPEN;
	case 2: return DOORBELL_OPEN | (DOORBELL_COUNT_MAX - in_u8(in) % 2);
	default: return (in_u8(in) & 1 ? DOORBELL_OPEN : 0) | in_u32(in);
	}
}

static void build_doorbells(struct in *in)
{
	unsigned n = in_u8(in) % (NR_DOORBELLS + 1);

	for (unsigned c = 0; c < 2; c++) {
		fz_cells[c].nr_doorbells = n;
		for (unsigned i = 0; i < n; i++) {
			doorbell_init(&fz_db[c][i], db_irq, &fz_db[c][i], db_wake, &fz_db[c][i]);
			fz_db[c][i].rx = db_word(in);
			fz_cells[c].doorbell[i] = &fz_db[c][i];
		}
	}
	for (unsigned i = 0; i < n; i++)
		doorbell_pair(&fz_db[0][i], &fz_db[1][i]);
	db_built = true;
}

/* ---- building the machine from the input ---- */

/* A register value: mostly ones that mean something here, else any. */
static unsigned long pick(struct in *in)
{
	const struct layout_cell *d = caller->cell->desc;
	const struct layout_mem *m = &d->mem[in_u8(in) % d->nr_mem];
	uint8_t sel = in_u8(in);
	unsigned long small = in_u8(in);

	switch (sel % 16) {
	case 0: return small;
	case 1: return ~0UL - small;
	case 2: return m->gpa + small * 8;
	case 3: return m->gpa + m->size - small;
	case 4: return m->gpa - small;
	case 5: return 1UL << (small % 64);
	case 6: return 0xffffffffUL + (small % 3) - 1;
	case 7: return 0x80000000UL + small;
	case 8: return 0xf0000000UL + small;
	case 9: return small << 32;
	default: return in_u64(in);
	}
}

static const unsigned long exts[] = {
	SBI_EXT_BASE, SBI_EXT_TIME, SBI_EXT_IPI, SBI_EXT_RFENCE, SBI_EXT_HSM,
	SBI_EXT_SRST, SBI_EXT_DBCN, SBI_EXT_PMU, SBI_EXT_SUSP, SBI_EXT_FWFT, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xf,
	0x10 | (1UL << 32), SBI_EXT_HSM | (1UL << 63),
};

static const int vcpu_states[] = {
	VCPU_RUNNING, VCPU_STOPPED, VCPU_START_PENDING, VCPU_STARTING, VCPU_SUSPENDED,
};

static uint64_t page_base(struct in *in, uint64_t size)
{
	switch (in_u8(in) % 5) {
	case 0: return 0x80000000UL + (uint64_t)in_u8(in) * 0x100000;
	case 1: return (uint64_t)in_u8(in) * 0x1000;
	case 2: return 0 - size - (1 + (uint64_t)in_u8(in)) * 0x1000;	/* at the top */
	case 3: return 0x100000000UL - size;
	default: return (in_u64(in) & ~0xfffUL) % (0 - size);
	}
}

static void build_cell(struct in *in, unsigned id, unsigned first, unsigned nr)
{
	struct layout_cell *d = &fz_desc[id];
	struct cell *c = &fz_cells[id];
	unsigned n = 1 + in_u8(in) % LAYOUT_MAX_MEM;

	memset(d, 0, sizeof(*d));
	memset(c, 0, sizeof(*c));
	for (unsigned i = 0; i < n && i < NR_REGIONS; i++) {
		uint64_t size = 0x1000UL * (1 + in_u8(in) % (SLICE / 0x1000));
		uint64_t gpa = page_base(in, size);
		struct layout_mem *m = &d->mem[d->nr_mem];
		bool clash = false;

		for (unsigned j = 0; j < d->nr_mem; j++)
			clash |= RANGES_OVERLAP(gpa, size, d->mem[j].gpa, d->mem[j].size);
		if (clash)
			continue;
		m->gpa = gpa;
		m->size = size;
		m->hpa = (uintptr_t)arena[id] + i * SLICE;
		m->flags = in_u8(in) & (MEM_R | MEM_W | MEM_X);
		d->nr_mem++;
	}
	d->nr_harts = nr;
	c->desc = d;
	c->name = id ? "neighbour" : "caller";
	c->id = id;
	c->state = id || in_u8(in) % 4 ? CELL_RUNNING : CELL_STOPPING;
	c->nr_vcpus = nr;
	for (unsigned i = 0; i < nr; i++) {
		struct vcpu *v = &fz_vcpus[first + i];

		memset(v, 0, sizeof(*v));
		v->cell = c;
		v->cpu = &fz_cpus[first + i];
		v->vhartid = i;
		v->state = vcpu_states[in_u8(in) % ARRAY_SIZE(vcpu_states)];
		/* a running vhart may be in a suspend call */
		if (v->state == VCPU_RUNNING)
			v->arch.hsm_suspend = (int[]){ 0, SBI_HSM_SUSPENDED,
						       SBI_HSM_SUSPEND_PENDING,
						       SBI_HSM_RESUME_PENDING }[in_u8(in) % 4];
		v->start_pc = 0x1111 * (first + i);
		c->vcpu[i] = v;
		memset(v->cpu, 0, sizeof(*v->cpu));
		v->cpu->id = first + i;
		v->cpu->vcpu = v;
	}
}

/* ---- the checks after one call ---- */

struct snapshot {
	unsigned long regs[32], csr_sie, csr_hvip, csr_vstimecmp, csr_sepc, csr_vsatp,
		      csr_vsstatus, csr_hie, csr_henvcfg;
	struct vcpu vcpus[NR_HARTS];
	unsigned long reqs[NR_HARTS];
	int cell_state[2];
	struct doorbell db[2][NR_DOORBELLS];
};

static void snap(struct snapshot *s)
{
	memcpy(s->regs, caller->cpu->arch.regs, sizeof(s->regs));
	s->csr_sie = fz_csr[CSR_SIE];
	s->csr_hvip = fz_csr[CSR_HVIP];
	s->csr_vstimecmp = fz_csr[CSR_VSTIMECMP];
	s->csr_sepc = fz_csr[CSR_SEPC];
	s->csr_vsatp = fz_csr[CSR_VSATP];
	s->csr_vsstatus = fz_csr[CSR_VSSTATUS];
	s->csr_hie = fz_csr[CSR_HIE];
	s->csr_henvcfg = fz_csr[CSR_HENVCFG];
	memcpy(s->vcpus, fz_vcpus, sizeof(s->vcpus));
	for (unsigned i = 0; i < NR_HARTS; i++)
		s->reqs[i] = fz_cpus[i].req;
	s->cell_state[0] = fz_cells[0].state;
	s->cell_state[1] = fz_cells[1].state;
	memcpy(s->db, fz_db, sizeof(s->db));
}

/* Every vhart as it was, but for the caller's counters and FWFT values
 * and locks (check_fwft() checks those). */
static bool vharts_unchanged(const struct snapshot *s)
{
	for (unsigned i = 0; i < NR_HARTS; i++) {
		struct vcpu v = s->vcpus[i];

		if (&fz_vcpus[i] == caller) {
			v.stats = caller->stats;
			v.arch.fwft_locked = caller->arch.fwft_locked;
			memcpy(v.arch.fwft_value, caller->arch.fwft_value,
			       sizeof(v.arch.fwft_value));
		}
		if (memcmp(&v, &fz_vcpus[i], sizeof(v)))
			return false;
	}
	return true;
}

/* The vharts an IPI or a fence with (mask, base) is for: the SBI rules,
 * hart by hart; -1 if one named is not the cell's. */
static long want_harts(unsigned long mask, unsigned long base)
{
	unsigned nr = caller->cell->nr_vcpus;
	long bits = 0;

	if (base == ~0UL)
		return (long)(BIT(nr) - 1);
	for (unsigned i = 0; i < 64; i++) {
		if (!(mask & BIT(i)))
			continue;
		if (base + i < base || base + i >= nr)
			return -1;
		bits |= (long)BIT(base + i);
	}
	return bits;
}

/* Exactly the running vharts named got `req` (the caller served its own). */
static void check_targets(const struct snapshot *s, unsigned long req,
			  const unsigned long *a, long err)
{
	long want = want_harts(a[0], a[1]);

	FUZZ_ASSERT(want < 0 ? err == SBI_ERR_INVALID_PARAM : err == SBI_SUCCESS);
	for (unsigned i = 0; i < caller->cell->nr_vcpus; i++) {
		const struct vcpu *v = caller->cell->vcpu[i];
		bool named = want > 0 && (want & (long)BIT(i));
		bool runs = s->vcpus[v - fz_vcpus].state == VCPU_RUNNING;

		FUZZ_ASSERT(posted[v->cpu->id] == (named && runs ? req : 0));
	}
}

static bool is_sbi_error(long e)
{
	return e <= 0 && e >= SBI_ERR_DENIED_LOCKED;
}

/* Only where the caller may write changed; DBCN read wrote `got` at `dst`. */
static void check_memory(uintptr_t dst, unsigned long got)
{
	FUZZ_ASSERT(!memcmp(arena[1], before[1], ARENA));
	if (!memcmp(arena[0], before[0], ARENA))
		return;
	for (size_t i = 0; i < ARENA; i++) {
		uintptr_t a = (uintptr_t)arena[0] + i;

		if (arena[0][i] == before[0][i])
			continue;
		FUZZ_ASSERT(a >= dst && a - dst < got);
		FUZZ_ASSERT(in_region(&arena[0][i], 1, MEM_W));
	}
}

/* Every other vhart of the caller's cell was stopped. */
static bool caller_alone(const struct snapshot *s)
{
	for (unsigned i = 0; i < caller->cell->nr_vcpus; i++) {
		const struct vcpu *v = caller->cell->vcpu[i];

		if (v != caller && s->vcpus[v - fz_vcpus].state != VCPU_STOPPED)
			return false;
	}
	return true;
}

/* The call was a suspend that must come back at its resume address. */
static bool resumed(const struct snapshot *s, unsigned long ext, unsigned long fid,
		    const unsigned long *a, enum outcome o)
{
	if (o != GOES_ON || !model_hva(a[1], 2, MEM_X))
		return false;
	if (ext == SBI_EXT_SUSP)
		return fid == SBI_SUSP_SYSTEM_SUSPEND && (uint32_t)a[0] == SBI_SUSP_TO_RAM &&
		       caller_alone(s);
	return ext == SBI_EXT_HSM && fid == SBI_HSM_HART_SUSPEND &&
	       (uint32_t)a[0] == SBI_HSM_SUSPEND_NON_RET_DEFAULT;
}

/* FWFT: features 0-5 only, those the hart has, the lock, the values. */
static void check_fwft(const struct snapshot *s, unsigned long fid, const unsigned long *a,
		       long err, long val)
{
	const struct vcpu *was = &s->vcpus[caller - fz_vcpus];
	uint32_t f = (uint32_t)a[0];
	unsigned long env = s->csr_henvcfg;
	unsigned fb = f < VSBI_FWFT_FEATURES ? BIT(f) : 0;	/* 0: not a feature */
	bool has = was->arch.fwft_supported & fb, locked = was->arch.fwft_locked & fb;

	if (fid > SBI_FWFT_GET) {
		FUZZ_ASSERT(err == SBI_ERR_NOT_SUPPORTED);
		return;
	}
	if (!fb)
		FUZZ_ASSERT(err == SBI_ERR_DENIED);
	else if (!has)
		FUZZ_ASSERT(err == SBI_ERR_NOT_SUPPORTED);
	if (fid == SBI_FWFT_GET) {
		FUZZ_ASSERT(fz_csr[CSR_HENVCFG] == env && fw_fwft_sets == 0);
		if (!err)
			FUZZ_ASSERT((unsigned long)val == was->arch.fwft_value[f]);
		return;
	}
	if (err) {	/* nothing changed */
		FUZZ_ASSERT(fz_csr[CSR_HENVCFG] == env && fw_fwft_sets == 0);
		FUZZ_ASSERT(caller->arch.fwft_locked == was->arch.fwft_locked &&
			    !memcmp(caller->arch.fwft_value, was->arch.fwft_value,
				    sizeof(was->arch.fwft_value)));
		FUZZ_ASSERT(!has || (a[2] & ~1UL) || locked || f == F_PMLEN || a[1] > 1);
		if (has && locked && !(a[2] & ~1UL))
			FUZZ_ASSERT(err == SBI_ERR_DENIED_LOCKED);
		return;
	}
	FUZZ_ASSERT(has && !locked && !(a[2] & ~1UL));
	FUZZ_ASSERT(caller->arch.fwft_value[f] == a[1]);
	FUZZ_ASSERT(caller->arch.fwft_locked == (was->arch.fwft_locked | (a[2] & 1 ? fb : 0)));
	if (f == F_MISALIGNED)
		FUZZ_ASSERT(fw_fwft_sets == 1 && fz_csr[CSR_HENVCFG] == env);
	else if (f != F_PMLEN)
		FUZZ_ASSERT(fz_csr[CSR_HENVCFG] == (a[1] ? env | bit_of[f] : env & ~bit_of[f]));
}

/* The caller's own suspend state: back to STARTED after any call. */
static void check_suspend(const unsigned long *a, long err, bool type_ok, bool nonret)
{
	FUZZ_ASSERT(caller->arch.hsm_suspend == 0);
	if (!type_ok) {
		FUZZ_ASSERT(err == SBI_ERR_INVALID_PARAM && !waited);
	} else if (nonret && !model_hva(a[1], 2, MEM_X)) {
		FUZZ_ASSERT(err == SBI_ERR_INVALID_ADDRESS && !waited);
	} else {
		/* it slept until an interrupt it enabled was pending */
		FUZZ_ASSERT(fz_csr[CSR_VSIP] & fz_csr[CSR_VSIE] & VS_IRQS);
		FUZZ_ASSERT(fz_csr[CSR_HIE] == 0);
		FUZZ_ASSERT(nonret || err == SBI_SUCCESS);
	}
}

/* SUSP: the type, then the other vharts all stopped, then the address. */
static void check_susp(const struct snapshot *s, unsigned long fid, const unsigned long *a,
		       long err)
{
	if (fid != SBI_SUSP_SYSTEM_SUSPEND) {
		FUZZ_ASSERT(err == SBI_ERR_NOT_SUPPORTED);
		return;
	}
	if ((uint32_t)a[0] == SBI_SUSP_TO_RAM && !caller_alone(s))
		FUZZ_ASSERT(err == SBI_ERR_DENIED && !waited);
	else
		check_suspend(a, err, (uint32_t)a[0] == SBI_SUSP_TO_RAM, true);
}

static void check_hsm(const struct snapshot *s, unsigned long fid, const unsigned long *a,
		      long err, long val)
{
	const struct cell *cell = caller->cell;
	const struct vcpu *t = a[0] < cell->nr_vcpus ? cell->vcpu[a[0]] : NULL;
	const struct vcpu *was = t ? &s->vcpus[t - fz_vcpus] : NULL;

	switch (fid) {
	case SBI_HSM_HART_START:
		if (!t) {
			FUZZ_ASSERT(err == SBI_ERR_INVALID_PARAM);
		} else if (err == SBI_SUCCESS) {
			FUZZ_ASSERT(was->state == VCPU_STOPPED && s->cell_state[0] == CELL_RUNNING);
			FUZZ_ASSERT(caller->cell == &fz_cells[0]);
			FUZZ_ASSERT(model_hva(a[1], 2, MEM_X));
			FUZZ_ASSERT(t->state == VCPU_START_PENDING && t->start_pc == a[1] &&
				    t->start_arg == a[2] && (t->cpu->req & REQ_START));
			return;
		} else {
			FUZZ_ASSERT(err == SBI_ERR_INVALID_ADDRESS ||
				    err == SBI_ERR_ALREADY_AVAILABLE);
			FUZZ_ASSERT((err == SBI_ERR_INVALID_ADDRESS) == !model_hva(a[1], 2, MEM_X));
		}
		break;
	case SBI_HSM_HART_STATUS:
		if (!t)
			FUZZ_ASSERT(err == SBI_ERR_INVALID_PARAM);
		else
			FUZZ_ASSERT(err == 0 && val == (was->state == VCPU_STARTING ?
							VCPU_START_PENDING :
							was->state == VCPU_RUNNING &&
							was->arch.hsm_suspend ?
							was->arch.hsm_suspend : was->state));
		break;
	case SBI_HSM_HART_SUSPEND:
		check_suspend(a, err, (uint32_t)a[0] == SBI_HSM_SUSPEND_RET_DEFAULT ||
				      (uint32_t)a[0] == SBI_HSM_SUSPEND_NON_RET_DEFAULT,
			      (uint32_t)a[0] == SBI_HSM_SUSPEND_NON_RET_DEFAULT);
		break;
	}
	/* anything but a successful start leaves every vhart as it was */
	FUZZ_ASSERT(vharts_unchanged(s));
}

/* Field by field: struct copies need not keep the padding. */
static bool db_same(const struct doorbell *x, const struct doorbell *y)
{
	return x->rx == y->rx && x->peer == y->peer && x->wake == y->wake &&
	       x->wake_arg == y->wake_arg && x->lock.next == y->lock.next &&
	       x->lock.owner == y->lock.owner && x->irq == y->irq &&
	       x->irq_arg == y->irq_arg && x->irq_out == y->irq_out &&
	       x->stats.rung == y->stats.rung && x->stats.dropped == y->stats.dropped &&
	       x->stats.acked == y->stats.acked && x->stats.direct == y->stats.direct &&
	       x->stats.busy == y->stats.busy && x->try_irq == y->try_irq;
}

/* A take (function 1) of the caller's doorbell a[0] emptied its count
 * alone, returning it, and lowered its line if it was up, under its lock. */
static void want_take(struct doorbell *w, long val, unsigned long *line)
{
	uint64_t count = w->rx & DOORBELL_COUNT_MAX;

	FUZZ_ASSERT((uint64_t)val == count);
	w->rx -= count;
	w->stats.acked += count;
	*line = w->irq_out;
	w->irq_out = false;
	w->lock.next++;		/* taken and given back */
	w->lock.owner++;
}

/* Doorbell i of the caller rang its peer: one more on the peer's count
 * if open and not at the top (it took the ring); its statistics say so. */
static bool want_ring(struct doorbell want[2])
{
	bool took = want[1].rx & DOORBELL_OPEN;

	if (took && (want[1].rx & DOORBELL_COUNT_MAX) != DOORBELL_COUNT_MAX)
		want[1].rx++;
	want[0].stats.rung += took;
	want[0].stats.dropped += !took;
	return took;
}

/* A ring of the caller's doorbell a[0] touched its peer's count alone,
 * and only if the peer was open; a take, see want_take(); a take-ring
 * (function 2), with both a[0] and a[1] doorbells of the caller, is a
 * take of a[0], then a ring of a[1] if the take's value is not 0, and
 * with either index out of range changes nothing; any other call
 * touched none. */
static void check_doorbells(const struct snapshot *s, unsigned long ext, unsigned long fid,
			    const unsigned long *a, long err, long val)
{
	bool ours = ext == SBI_EXT_FERROVISOR;
	bool ring = ours && fid == SBI_FV_DOORBELL_RING;
	bool take = ours && fid == SBI_FV_DOORBELL_TAKE;
	bool both = ours && fid == SBI_FV_DOORBELL_TAKE_RING;
	unsigned n = fz_cells[0].nr_doorbells;
	bool valid = a[0] < n && (!both || a[1] < n);
	long idx = (ring || take || both) && valid ? (long)a[0] : -1;
	long back = ring ? idx : both && valid && val ? (long)a[1] : -1;

	if (ours && !ring && !take && !both)
		FUZZ_ASSERT(err == SBI_ERR_NOT_SUPPORTED);
	if (ring || take || both)
		FUZZ_ASSERT(err == (idx >= 0 ? SBI_SUCCESS : SBI_ERR_INVALID_PARAM));
	for (unsigned i = 0; i < NR_DOORBELLS; i++) {
		struct doorbell want[2] = { s->db[0][i], s->db[1][i] };
		unsigned long line = 0;
		bool took = false;

		if ((take || both) && (long)i == idx)
			want_take(&want[0], val, &line);
		if ((long)i == back)
			took = want_ring(want);
		FUZZ_ASSERT(db_same(&want[0], &fz_db[0][i]));
		FUZZ_ASSERT(db_same(&want[1], &fz_db[1][i]));
		FUZZ_ASSERT(wakes[i] == took);
		FUZZ_ASSERT(lines[0][i] == line && lines[1][i] == 0);
		if (ring && (long)i == idx)	/* a take's value: want_take() */
			FUZZ_ASSERT(val == took);
	}
}

static void check_call(const struct snapshot *s, unsigned long ext, unsigned long fid,
		       const unsigned long *a, enum outcome o, uintptr_t dst)
{
	const unsigned long *r = caller->cpu->arch.regs;
	/* 0x00-0x08, OpenSBI's legacy extension: a0 only; 0x09-0x0f are no
	 * extension at all, so a1 = 0 as for any unknown one */
	bool is_legacy = ext <= SBI_EXT_LEGACY_SHUTDOWN;
	bool timer = ext == SBI_EXT_LEGACY_SET_TIMER || (ext == SBI_EXT_TIME && fid == 0);
	long err = (long)r[10], val = (long)r[11];

	/* registers: a0 (and a1 for v0.2+ calls) only; sepc past the ecall
	 * (or at the resume address) */
	for (unsigned i = 0; i < 32; i++)
		if (i != 10 && (i != 11 || is_legacy))
			FUZZ_ASSERT(r[i] == s->regs[i]);
	if (resumed(s, ext, fid, a, o)) {
		/* a non-retentive resume: at resume_addr, a0 = hart id, a1 =
		 * opaque, satp 0, sstatus.SIE 0 */
		FUZZ_ASSERT(fz_csr[CSR_SEPC] == a[1] && err == (long)caller->vhartid &&
			    val == (long)a[2]);
		FUZZ_ASSERT(fz_csr[CSR_VSATP] == 0 && !(fz_csr[CSR_VSSTATUS] & SSTATUS_SIE));
		FUZZ_ASSERT((fz_csr[CSR_VSSTATUS] | SSTATUS_SIE) ==
			    (s->csr_vsstatus | SSTATUS_SIE));
	} else {
		FUZZ_ASSERT(fz_csr[CSR_SEPC] == s->csr_sepc + 4);
		FUZZ_ASSERT(fz_csr[CSR_VSATP] == s->csr_vsatp &&
			    fz_csr[CSR_VSSTATUS] == s->csr_vsstatus);
	}
	FUZZ_ASSERT(fz_csr[CSR_HIE] == s->csr_hie || o == OUT_ASLEEP);
	FUZZ_ASSERT(caller->stats.sbi_calls == s->vcpus[caller - fz_vcpus].stats.sbi_calls + 1);
	/* the timer calls alone touch the timer CSRs, and only the timer bits */
	FUZZ_ASSERT(!fw_timer_set || (timer && !riscv_sstc));
	/* only a suspend waits */
	FUZZ_ASSERT(!waited || (ext == SBI_EXT_HSM && fid == SBI_HSM_HART_SUSPEND) ||
		    (ext == SBI_EXT_SUSP && fid == SBI_SUSP_SYSTEM_SUSPEND));
	FUZZ_ASSERT(o != OUT_ASLEEP || waited);
	if (ext == SBI_EXT_LEGACY_CLEAR_IPI) {	/* its own pending IPI, no more */
		FUZZ_ASSERT(fz_csr[CSR_VSTIMECMP] == s->csr_vstimecmp);
		FUZZ_ASSERT(fz_csr[CSR_HVIP] == (s->csr_hvip & ~BIT(IRQ_VS_SOFT)) &&
			    fz_csr[CSR_SIE] == s->csr_sie);
	} else if (!timer) {
		FUZZ_ASSERT(fz_csr[CSR_VSTIMECMP] == s->csr_vstimecmp);
		FUZZ_ASSERT(fz_csr[CSR_HVIP] == s->csr_hvip && fz_csr[CSR_SIE] == s->csr_sie);
	} else if (riscv_sstc) {
		FUZZ_ASSERT(fz_csr[CSR_VSTIMECMP] == a[0]);
		FUZZ_ASSERT(fz_csr[CSR_HVIP] == s->csr_hvip && fz_csr[CSR_SIE] == s->csr_sie);
	} else {
		FUZZ_ASSERT(fz_csr[CSR_VSTIMECMP] == s->csr_vstimecmp);
		FUZZ_ASSERT(fw_timer_set && fw_timer == a[0]);
		FUZZ_ASSERT(fz_csr[CSR_HVIP] == (s->csr_hvip & ~BIT(IRQ_VS_TIMER)));
		FUZZ_ASSERT(fz_csr[CSR_SIE] == (s->csr_sie | BIT(IRQ_S_TIMER)));
	}
	/* the neighbour: untouched */
	for (unsigned i = 0; i < NR_HARTS; i++) {
		if (fz_vcpus[i].cell == caller->cell)
			continue;
		FUZZ_ASSERT(!memcmp(&fz_vcpus[i], &s->vcpus[i], sizeof(fz_vcpus[i])));
		FUZZ_ASSERT(fz_cpus[i].req == s->reqs[i]);
	}
	FUZZ_ASSERT(fz_cells[0].state == s->cell_state[0] &&
		    fz_cells[1].state == s->cell_state[1]);
	check_memory(dst, con_in_taken);
	if (o == GOES_ON)
		check_doorbells(s, ext, fid, a, err, val);
	else
		for (unsigned i = 0; i < NR_DOORBELLS; i++)
			FUZZ_ASSERT(db_same(&s->db[0][i], &fz_db[0][i]) &&
				    db_same(&s->db[1][i], &fz_db[1][i]));

	/* leaving: only when asked, with valid arguments */
	if (o == OUT_STOPPED)
		FUZZ_ASSERT(ext == SBI_EXT_LEGACY_SHUTDOWN ||
			    (ext == SBI_EXT_SRST && fid == SBI_SRST_RESET &&
			     (uint32_t)a[0] == SBI_SRST_TYPE_SHUTDOWN));
	if (o == OUT_REBOOTED)
		FUZZ_ASSERT(ext == SBI_EXT_SRST && fid == SBI_SRST_RESET &&
			    ((uint32_t)a[0] == SBI_SRST_TYPE_COLD_REBOOT ||
			     (uint32_t)a[0] == SBI_SRST_TYPE_WARM_REBOOT));
	/* reset_type and reset_reason are uint32_t: the low 32 bits count */
	if (o == OUT_STOPPED || o == OUT_REBOOTED)
		FUZZ_ASSERT(ext != SBI_EXT_SRST || (uint32_t)a[1] <= 1);
	if (o == OUT_HART_STOPPED)
		FUZZ_ASSERT(ext == SBI_EXT_HSM && fid == SBI_HSM_HART_STOP);
	if (o == OUT_ASLEEP)	/* asleep in a suspend with nothing to wake it */
		FUZZ_ASSERT(!(fz_csr[CSR_VSIE] & VS_IRQS) &&
			    caller->arch.hsm_suspend == SBI_HSM_SUSPENDED);
	if (o != GOES_ON)
		return;
	FUZZ_ASSERT(!(ext == SBI_EXT_HSM && fid == SBI_HSM_HART_STOP));
	FUZZ_ASSERT(ext != SBI_EXT_LEGACY_SHUTDOWN);

	if (is_legacy) {
		if (ext == SBI_EXT_LEGACY_GETCHAR)
			FUZZ_ASSERT(err >= -1 && err <= 255);
		else if (ext <= SBI_EXT_LEGACY_CLEAR_IPI)
			FUZZ_ASSERT(err == 0);
		else	/* a mask at a0 (0: all) */
			FUZZ_ASSERT(err == 0 || (err == SBI_ERR_INVALID_ADDRESS && a[0]));
		if (ext < SBI_EXT_LEGACY_SEND_IPI || ext > SBI_EXT_LEGACY_SFENCE_VMA_ASID)
			FUZZ_ASSERT(!guest_reads);
		return;
	}
	if (resumed(s, ext, fid, a, o)) {
		/* a0, a1 are the resume's (checked above); nothing else moved */
		FUZZ_ASSERT(vharts_unchanged(s));
		return;
	}
	FUZZ_ASSERT(is_sbi_error(err));
	if (!probe(ext))
		FUZZ_ASSERT(err == SBI_ERR_NOT_SUPPORTED);
	if (ext == SBI_EXT_BASE && fid == SBI_BASE_PROBE_EXT)
		FUZZ_ASSERT(val == 0 || val == 1);
	if (ext == SBI_EXT_HSM)
		check_hsm(s, fid, a, err, val);
	else
		FUZZ_ASSERT(vharts_unchanged(s));
	if (ext == SBI_EXT_SUSP)
		check_susp(s, fid, a, err);
	if (ext == SBI_EXT_FWFT)
		check_fwft(s, fid, a, err, val);
	else
		FUZZ_ASSERT(fz_csr[CSR_HENVCFG] == s->csr_henvcfg && fw_fwft_sets == 0);
	if (ext == SBI_EXT_IPI && fid == 0)
		check_targets(s, REQ_VSSIP, a, err);
	else if (ext == SBI_EXT_RFENCE && fid == SBI_RFENCE_FENCE_I)
		check_targets(s, REQ_FENCE_I, a, err);
	else if (ext == SBI_EXT_RFENCE && (fid == SBI_RFENCE_SFENCE_VMA ||
					    fid == SBI_RFENCE_SFENCE_VMA_ASID))
		check_targets(s, REQ_HFENCE_VVMA, a, err);
	else
		for (unsigned i = 0; i < NR_HARTS; i++)	/* at most a start */
			FUZZ_ASSERT(!posted[i] ||
				    (ext == SBI_EXT_HSM && fid == SBI_HSM_HART_START && !err &&
				     fz_cpus[i].vcpu->vhartid == a[0] && posted[i] == REQ_START));
	if (ext == SBI_EXT_SRST && fid == SBI_SRST_RESET)
		FUZZ_ASSERT(err == SBI_ERR_INVALID_PARAM);
	if (ext == SBI_EXT_DBCN && fid == SBI_DBCN_WRITE && err == 0)
		FUZZ_ASSERT((unsigned long)val <= a[0] && val <= VSBI_DBCN_MAX &&
			    con_out == (unsigned long)val);
	if (ext == SBI_EXT_DBCN && fid == SBI_DBCN_READ && err == 0)
		FUZZ_ASSERT((unsigned long)val == con_in_taken && (unsigned long)val <= a[0] &&
			    !memcmp((void *)dst, con_in_start, con_in_taken));
	/* a buffer is refused iff it is not wholly in one region that allows
	 * the access: checked before any capping, so no wrap and no straddle */
	if (ext == SBI_EXT_DBCN && fid <= SBI_DBCN_READ) {
		bool ok = !a[2] && a[1] + a[0] >= a[1] &&
			  model_hva(a[1], a[0] ? a[0] : 1, fid ? MEM_W : MEM_R);

		FUZZ_ASSERT(ok == (err == SBI_SUCCESS));
		if (err)
			FUZZ_ASSERT(err == SBI_ERR_INVALID_PARAM && con_out == 0 &&
				    con_in_taken == 0);
	}
}

/* One guest ecall from `caller` with registers from the input; false
 * once the caller left its guest (stop, reboot, hart stop). */
static bool one_call(struct in *in)
{
	unsigned long *r = caller->cpu->arch.regs;
	uint8_t sel = in_u8(in);
	/* 0xe8-0xef: ours (the others as before it existed) */
	unsigned long ext = sel >= 0xe8 && sel < 0xf0 ? SBI_EXT_FERROVISOR :
			    sel < 0xf0 ? exts[sel % ARRAY_SIZE(exts)] : pick(in);
	unsigned long fid = in_u8(in) < 0xf0 ? in_u8(in) % 8 : pick(in);
	unsigned long a[6];
	struct snapshot s;
	volatile uintptr_t dst = 0;
	int o;

	for (unsigned i = 1; i < 32; i++)
		r[i] = 0xfeed0000UL + i;
	for (unsigned i = 0; i < 6; i++)
		a[i] = r[10 + i] = pick(in);
	r[16] = fid;
	r[17] = ext;
	fz_csr[CSR_SEPC] = in_u64(in) & ~1UL;
	con_out = con_in_taken = served = guest_reads = 0;
	fw_timer_set = waited = false;
	fw_fwft_sets = 0;
	memset(posted, 0, sizeof(posted));
	memset(wakes, 0, sizeof(wakes));
	memset(lines, 0, sizeof(lines));
	if (ext == SBI_EXT_FERROVISOR && !db_built)
		build_doorbells(in);
	con_in_left = in_u8(in) % 8;
	if (con_in_left > in->n)
		con_in_left = in->n;
	con_in = con_in_start = in->p;
	in->p += con_in_left;
	in->n -= con_in_left;
	if (ext == SBI_EXT_DBCN && fid == SBI_DBCN_READ && !a[2])
		dst = (uintptr_t)model_hva(a[1], a[0] ? a[0] : 1, MEM_W);
	memcpy(before[0], arena[0], ARENA);
	memcpy(before[1], arena[1], ARENA);
	snap(&s);
	o = setjmp(out);
	if (o == GOES_ON)
		riscv_vsbi_call(caller->cpu);
	check_call(&s, ext, fid, a, (enum outcome)o, dst);
	if (getenv("FUZZ_VSBI_TRACE"))	/* to see what an input does */
		fprintf(stderr, "vhart %u: ext %#lx fid %#lx a0 %#lx a1 %#lx a2 %#lx -> %s %ld %ld\n",
			caller->vhartid, ext, fid, a[0], a[1], a[2],
			(const char *[]){ "returned", "cell stopped", "cell rebooted",
					  "hart stopped", "asleep" }[o], (long)r[10], (long)r[11]);
	return o == GOES_ON;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	unsigned nr = 1 + in_u8(&in) % (NR_HARTS - 1);

	if (!arena[0]) {
		for (unsigned i = 0; i < 2; i++) {
			arena[i] = malloc(ARENA);
			before[i] = malloc(ARENA);
		}
	}
	for (unsigned i = 0; i < 2; i++)
		memset(arena[i], 0xa5 + i, ARENA);
	memset(fz_csr, 0, sizeof(fz_csr));
	fz_csr[CSR_HVIP] = in_u8(&in) & 0x666;
	fz_csr[CSR_SIE] = in_u8(&in) & 0x222;
	fz_csr[CSR_VSIE] = in_u8(&in) & VS_IRQS;
	fz_csr[CSR_VSSTATUS] = in_u8(&in);
	riscv_sstc = in_u8(&in) & 1;
	build_cell(&in, 1, nr, NR_HARTS - nr);
	build_cell(&in, 0, 0, nr);
	memset(fz_db, 0, sizeof(fz_db));	/* none until the first call of ours */
	db_built = false;
	caller = fz_cells[0].vcpu[in_u8(&in) % nr];
	caller->state = VCPU_RUNNING;		/* it is making the call */
	caller->arch.hsm_suspend = 0;
	/* what its hart has of FWFT, and where the guest left it */
	caller->arch.fwft_supported = in_u8(&in) & 0x3f;
	caller->arch.fwft_locked = in_u8(&in) & 0x3f;
	fz_csr[CSR_HENVCFG] = in_u64(&in);
	for (unsigned calls = 0; calls < 8 && in.n; calls++)
		if (!one_call(&in))
			break;
	return 0;
}
