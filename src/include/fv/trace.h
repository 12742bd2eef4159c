/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The event trace (CONFIG_TRACE): each hart records what it does for the
 * cells (trap entries and exits, SBI calls, emulated MMIO accesses,
 * virtual interrupts raised, cell state changes) into its own ring
 * (<fv/trace_ring.h>), with a timestamp of the arch's trace clock.  The
 * monitor switches it on and off and dumps it (`trace ...`), panic() dumps
 * the panicking hart's ring.
 *
 * Every hook below is one line at its call site.  Compiled out, a hook is
 * nothing; compiled in but off, it is a load of this hart's
 * cpu->trace_on and a branch.
 */
#ifndef FV_TRACE_H
#define FV_TRACE_H

#include <fv/compiler.h>
#include <fv/cpu.h>
#include <fv/types.h>

struct cell;
struct vcpu;

enum trace_type {
	TR_NONE,
	TR_TRAP_IN,	/* a = trap kind (arch_trap_kind_name()), b = pc */
	TR_TRAP_OUT,	/* a = trap kind, b = pc the guest resumes at */
	TR_SBI,		/* a = extension, b = function (low 32) | error << 32;
			   the exit of an SBI call's trap */
	TR_MMIO,	/* a = guest-physical address, b = value,
			   aux = width | TRACE_MMIO_STORE; the exit of an
			   emulated access's trap */
	TR_VIRQ,	/* a = VIRQ_EXT, VIRQ_TIMER or VIRQ_SOFT; cell and
			   vhart are the target's */
	TR_CELL,	/* a = enum trace_cell_event, b = its detail */
	TR_NR,
};

#define TRACE_MMIO_STORE	0x80
#define TRACE_NO_CELL		0xff

enum trace_cell_event {
	TRACE_CELL_START,	/* b = times started so far */
	TRACE_CELL_STOP,	/* b = the state it stops in (enum cell_state) */
	TRACE_CELL_RESTART,
	TRACE_CELL_FAULT,	/* b = the address */
};

#ifdef CONFIG_TRACE

/* A flag of this hart's: no address to form, no register to keep. */
static inline bool trace_active(void)
{
	return unlikely(READ_ONCE(this_cpu()->trace_on));
}

/* Record an event on this hart's ring: of vCPU `v`, or of cell `c`. */
void trace_put_vcpu(const struct vcpu *v, unsigned type, unsigned aux, uint64_t a, uint64_t b);
void trace_put_cell(const struct cell *c, unsigned type, uint64_t a, uint64_t b);

/* Before the cells start: on if CONFIG_TRACE_AT_BOOT. */
void trace_init(void);
/* The monitor's, on the console's hart with the console lock held. */
void trace_set(bool on);
void trace_clear(void);
/* Every hart's ring, only the events of `only` if not NULL; the others'
 * harts go on writing (records overwritten meanwhile are skipped). */
void trace_dump_cells_locked(const struct cell *only);
/* panic(): the ring of logical CPU `cpu`. */
void trace_dump_locked(unsigned cpu);
#else
static inline bool trace_active(void) { return false; }
static inline void trace_put_vcpu(const struct vcpu *v, unsigned type, unsigned aux,
				  uint64_t a, uint64_t b)
{
	(void)v; (void)type; (void)aux; (void)a; (void)b;
}
static inline void trace_put_cell(const struct cell *c, unsigned type, uint64_t a, uint64_t b)
{
	(void)c; (void)type; (void)a; (void)b;
}
static inline void trace_init(void) { }
static inline void trace_set(bool on) { (void)on; }
static inline void trace_clear(void) { }
static inline void trace_dump_cells_locked(const struct cell *only) { (void)only; }
static inline void trace_dump_locked(unsigned cpu) { (void)cpu; }
#endif

/*
 * ---- the hooks ----
 * Macros, so that their arguments (a CSR read, say) are evaluated only
 * while tracing is on.
 */

#define trace_trap_in(v, kind, pc)						\
	do { if (trace_active()) trace_put_vcpu((v), TR_TRAP_IN, 0, (kind), (pc)); } while (0)

#define trace_trap_out(v, kind, pc)						\
	do { if (trace_active()) trace_put_vcpu((v), TR_TRAP_OUT, 0, (kind), (pc)); } while (0)

#define trace_sbi(v, ext, fid, err)						\
	do { if (trace_active()) trace_put_vcpu((v), TR_SBI, 0, (ext),		\
		((uint64_t)(fid) & 0xffffffffU) | ((uint64_t)(uint32_t)(err) << 32)); } while (0)

#define trace_mmio(v, gpa, width, store, val)					\
	do { if (trace_active()) trace_put_vcpu((v), TR_MMIO,			\
		(unsigned)(width) | ((store) ? TRACE_MMIO_STORE : 0U), (gpa), (val)); } while (0)

#define trace_virq(v, kind)							\
	do { if (trace_active()) trace_put_vcpu((v), TR_VIRQ, 0, (kind), 0); } while (0)

#define trace_cell(c, ev, detail)						\
	do { if (trace_active()) trace_put_cell((c), TR_CELL, (ev), (detail)); } while (0)

#endif
