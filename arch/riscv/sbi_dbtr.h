/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Client of the firmware's SBI debug-trigger extension (DBTR): Sdtrig
 * triggers, which only M-mode may program, installed by the firmware on
 * the calling hart (arch/riscv/sbi_dbtr.c).
 */
#ifndef RISCV_SBI_DBTR_H
#define RISCV_SBI_DBTR_H

#include <fv/types.h>

#define SBI_EXT_DBTR	0x44425452	/* "DBTR" */

/* One trigger as the firmware reads it from (and answers into) the
 * calling hart's shared memory: on install, word 0 comes back as its
 * index. */
struct sbi_dbtr_entry {
	unsigned long tstate, tdata1, tdata2, tdata3;
};

/* Triggers of the calling hart (0: none, or no DBTR). */
unsigned long sbi_dbtr_count(void);
/* Install e[0] on the calling hart, e (room for two entries) being this
 * hart's shared memory (set up on first use); its index, or < 0.
 * `lowest_free`: the lowest index the caller has not installed, for a
 * firmware that does not say. */
long sbi_dbtr_install(struct sbi_dbtr_entry e[2], long lowest_free);
int sbi_dbtr_uninstall(unsigned long idx);

#endif
