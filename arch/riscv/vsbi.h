/* SPDX-License-Identifier: GPL-2.0-only */
/* The SBI implementation guests see (arch/riscv/vsbi.c). */
#ifndef RISCV_VSBI_H
#define RISCV_VSBI_H

#include <arch/sbi.h>
#include <fv/cell.h>
#include <fv/sbi_ferrovisor.h>

/* Identity reported by BASE: not a registered SBI implementation ID. */
#define VSBI_IMPL_ID		0x4656	/* "FV" */
#define VSBI_SPEC_VERSION	((2UL << 24) | 0)	/* SBI 2.0 */
#define VSBI_DBCN_MAX		4096	/* bytes one DBCN write may take */

/* Ferrovisor's own SBI extension: <fv/sbi_ferrovisor.h>, which guests
 * include too.  Its ID carries our implementation ID. */
_Static_assert(SBI_EXT_FERROVISOR == (0x0A000000UL | VSBI_IMPL_ID),
	       "SBI_EXT_FERROVISOR is not in our firmware-specific slot");

/* The extensions kept in files of their own, called by the dispatcher
 * (vsbi.c) with a = the guest's a0..a7. */
struct sbiret vsbi_hsm(struct vcpu *v, unsigned long fid, unsigned long *a);
struct sbiret vsbi_susp(struct vcpu *v, unsigned long fid, unsigned long *a);
struct sbiret vsbi_fwft(struct vcpu *v, unsigned long fid, unsigned long *a);
struct sbiret vsbi_pmu(struct vcpu *v, unsigned long fid, unsigned long *a);
/* PMU (vsbi_pmu.c): offered at all; every counter of this hart stopped
 * and released, as a vhart starts. */
bool vsbi_pmu_offered(void);
void vsbi_pmu_reset(void);
struct sbiret vsbi_dbtr(struct vcpu *v, unsigned long fid, unsigned long *a);
/* DBTR (vsbi_dbtr.c): offered at all; a starting vhart's triggers gone. */
bool vsbi_dbtr_offered(void);
void vsbi_dbtr_reset(struct vcpu *v);
/* The legacy v0.1 calls, 0x00-0x0f (vsbi_legacy.c): a = a0..a7, a7 the
 * extension; they use vsbi_set_timer() and vsbi_to_vharts() (vsbi.c). */
void vsbi_legacy(unsigned long *a, struct vcpu *v);
void vsbi_set_timer(uint64_t when);
struct vsbi_mask;
void vsbi_to_vharts(struct vcpu *self, const struct vsbi_mask *m, unsigned long req,
		    bool wait);
/* FWFT state of a starting vhart, found on its own hart (vsbi_fwft.c). */
void vsbi_fwft_reset(struct vcpu *v);

/* A vhart in an SBI suspend call (vsbi_suspend.c).  vsbi_hsm_state(): its
 * HSM state if it runs (STARTED or one of the suspend states).
 * vsbi_suspend_wait(): SUSPENDED until one of the guest's enabled
 * interrupts is pending, then RESUME_PENDING; vsbi_resumed() makes it
 * STARTED again.  vsbi_resume_at(): the entry after a non-retentive
 * suspend, returning what a0 and a1 get. */
int vsbi_hsm_state(const struct vcpu *t);
void vsbi_suspend_wait(struct vcpu *v);
void vsbi_resumed(struct vcpu *v);
struct sbiret vsbi_resume_at(struct vcpu *v, unsigned long pc, unsigned long opaque);
/* Per-vhart vSBI state back to what a fresh start has (arch_vcpu_enter). */
void riscv_vsbi_vcpu_reset(struct vcpu *v);

/* The checks of hart masks, usable on the host (tests/unit). */
struct vsbi_mask {
	unsigned long bits;	/* vharts selected, bit i = vhart i */
};
/* Resolve (hart_mask, hart_mask_base) for a cell of `nr` vharts: 0, or
 * an SBI error when it names a hart outside the cell. */
long vsbi_hart_mask(unsigned nr, unsigned long mask, unsigned long base,
		    struct vsbi_mask *out);
/* A legacy (v0.1) mask, from hart 0 up: the vharts of the cell it names;
 * bits past the cell's last vhart are ignored, as OpenSBI ignores harts
 * that do not exist. */
void vsbi_hart_mask_legacy(unsigned nr, unsigned long mask, struct vsbi_mask *out);

#endif
