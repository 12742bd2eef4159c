/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Virtual APLIC: one per cell on an AIA machine, a pure state machine
 * behind the cell's MMIO window (register map of the RISC-V AIA spec's
 * APLIC), in MSI delivery mode only.  It has no hardware access; the
 * hypervisor drives it from the MMIO trap path and from its emulated
 * devices, and it answers through struct vaplic_ops.
 *
 * The guest sees one interrupt domain with sources 1..VAPLIC_MAX_SRCS-1,
 * of which only the ones the cell owns (vaplic_add_source) exist: every
 * other source's registers read 0 and ignore writes.  Its harts are the
 * cell's vharts (hart index k = vhart k), each with one interrupt file of
 * identities 1..nr_ids, and it has no guest index (a target's guest index
 * must be 0).
 *
 * Passthrough sources live in the physical APLIC: source mode, target
 * and enable are handed to hw_config, hw_target and hw_enable (the target
 * again each time the source becomes active: an inactive source's
 * target register is read-only zero in an APLIC), and the
 * device's message goes straight to the vhart's guest interrupt file.
 * Emulated sources are modelled here: a source's rectified input sets its
 * pending bit (a level source: while high; an edge source: on a rise), a
 * pending, enabled source of an enabled domain is sent as a message
 * (msi) and is no longer pending.
 *
 * Faults: a target or genmsi write that names a hart outside the cell, a
 * guest index other than 0, or an identity above nr_ids is ignored (the
 * register keeps its value, no message is sent) and told to refused();
 * so no write of a guest ever reaches a file that is not its own.
 *
 * Accesses: 32-bit aligned only; anything else returns -1 (a fault of the
 * cell).  Locking: one spinlock per vaplic, taken by every entry point;
 * callbacks run with it held and must not call back in.  The one entry
 * for harts of other cells (a doorbell's ringer) is vaplic_try_set_level,
 * which only try-locks it: its msi callback then runs on that hart, so
 * the owner's harts may wait for one such line change, never longer.
 */
#ifndef FV_VAPLIC_H
#define FV_VAPLIC_H

#include <fv/emul.h>
#include <fv/spinlock.h>
#include <fv/types.h>

#define VAPLIC_MAX_SRCS		128
#define VAPLIC_SIZE		0x8000
#define VAPLIC_WORDS		(VAPLIC_MAX_SRCS / 32)

/* register map */
#define VAPLIC_DOMAINCFG	0x0000
#define VAPLIC_SOURCECFG	0x0004		/* + 4 * (src - 1) */
#define VAPLIC_SETIP		0x1c00		/* + 4 * word */
#define VAPLIC_SETIPNUM		0x1cdc
#define VAPLIC_IN_CLRIP		0x1d00
#define VAPLIC_CLRIPNUM		0x1ddc
#define VAPLIC_SETIE		0x1e00
#define VAPLIC_SETIENUM		0x1edc
#define VAPLIC_CLRIE		0x1f00
#define VAPLIC_CLRIENUM		0x1fdc
#define VAPLIC_SETIPNUM_LE	0x2000
#define VAPLIC_GENMSI		0x3000
#define VAPLIC_TARGET		0x3004		/* + 4 * (src - 1) */

#define VAPLIC_DOMAINCFG_FIXED	0x80000000u	/* reads as 0x80 in the top byte */
#define VAPLIC_DOMAINCFG_IE	(1u << 8)
#define VAPLIC_DOMAINCFG_DM	(1u << 2)	/* MSI mode: always 1 */
#define VAPLIC_SOURCECFG_D	(1u << 10)	/* delegate: always 0 (no child) */

struct vaplic_ops {
	/* send identity eiid to vhart's interrupt file */
	void (*msi)(void *arg, unsigned vhart, uint32_t eiid);
	/* passthrough source src: its mode, its target, its enable */
	void (*hw_config)(void *arg, uint32_t src, unsigned sm);
	void (*hw_target)(void *arg, uint32_t src, unsigned vhart, uint32_t eiid);
	void (*hw_enable)(void *arg, uint32_t src, bool on);
	/* a target (src) or genmsi (src 0) write was refused */
	void (*refused)(void *arg, uint32_t src, uint32_t val);
};

struct vaplic {
	spinlock_t lock;
	unsigned nr_harts;
	uint32_t nr_ids;
	const struct vaplic_ops *ops;
	void *arg;
	bool ie;			/* domaincfg.IE */
	uint32_t owned[VAPLIC_WORDS];
	uint32_t hw[VAPLIC_WORDS];
	uint32_t pending[VAPLIC_WORDS];
	uint32_t enabled[VAPLIC_WORDS];
	uint32_t input[VAPLIC_WORDS];	/* raw input level of emulated sources */
	/* emulated, active (edge or level), enabled, in an enabled domain,
	 * aimed at an identity, with an msi callback: a rise of its input
	 * is sent at once, so it is never pending */
	uint32_t armed[VAPLIC_WORDS];
	uint32_t sourcecfg[VAPLIC_MAX_SRCS];
	uint32_t target[VAPLIC_MAX_SRCS];
	uint32_t genmsi;
	uint32_t refused;		/* writes refused since boot */
};

/* Once, at boot; ops (and each callback) may be NULL. */
void vaplic_init(struct vaplic *v, unsigned nr_harts, uint32_t nr_ids,
		 const struct vaplic_ops *ops, void *arg);
/* Back to the state after vaplic_add_source() at boot (under the lock,
 * never initialised again); passthrough sources are disabled and made
 * inactive through the callbacks. */
void vaplic_reset(struct vaplic *v);
/* The cell owns src; hw: passthrough.  -1 if src is 0 or out of range. */
int vaplic_add_source(struct vaplic *v, uint32_t src, bool hw);
/* Guest accesses; off is relative to the window.  0, or -1 if refused. */
int vaplic_read(struct vaplic *v, uint64_t off, unsigned width, uint64_t *val);
int vaplic_write(struct vaplic *v, uint64_t off, unsigned width, uint64_t val);
/* The input level of an emulated source (ignored for others). */
void vaplic_set_level(struct vaplic *v, uint32_t src, bool level);
/* The same from any hart, never waiting: false (nothing done) if the lock
 * is held; true once done, or for a source that is not emulated. */
bool vaplic_try_set_level(struct vaplic *v, uint32_t src, bool level);

/* emu_dev adapters: emu_dev->state is the struct vaplic */
extern const struct emu_ops vaplic_emu_ops;

#endif
