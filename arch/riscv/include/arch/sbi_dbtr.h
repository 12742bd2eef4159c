/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Client of the firmware's SBI DBTR (debug triggers) for the hypervisor's
 * own users (the vSBI's DBTR, a debugger stub): the calls, on this hart,
 * through a shared memory of this hart's that only the hypervisor writes.
 */
#ifndef ARCH_SBI_DBTR_H
#define ARCH_SBI_DBTR_H

#define SBI_EXT_DBTR			0x44425452
#define SBI_DBTR_NUM_TRIGGERS		0
#define SBI_DBTR_SETUP_SHMEM		1
#define SBI_DBTR_TRIGGER_READ		2
#define SBI_DBTR_TRIGGER_INSTALL	3
#define SBI_DBTR_TRIGGER_UPDATE		4
#define SBI_DBTR_TRIGGER_UNINSTALL	5
#define SBI_DBTR_TRIGGER_ENABLE		6
#define SBI_DBTR_TRIGGER_DISABLE	7
#define SBI_ERR_NO_SHMEM		(-9)

/* One entry of the shared memory: a trigger's state and data (in or
 * out), then its index (out of an install). */
struct sbi_dbtr_entry {
	unsigned long tstate, tdata1, tdata2, tdata3, idx;
};

#define SBI_DBTR_ENTRIES	16	/* entries of this hart's shared memory */

/* This hart's shared memory, registered with the firmware on first use;
 * NULL if the firmware refuses it. */
struct sbi_dbtr_entry *sbi_dbtr_shmem(void);
/* The firmware's triggers (of tdata1's type, or all for 0) on this hart. */
long sbi_dbtr_num(unsigned long tdata1, unsigned long *n);
/* Install the first `count` entries of sbi_dbtr_shmem(): 0 (their idx
 * filled in) or an SBI error (*value: the firmware's). */
long sbi_dbtr_install(unsigned long count, unsigned long *value);
/* Update the triggers of (base, mask) from the first entries, one per
 * trigger in order (the firmware takes tdata2 of each). */
long sbi_dbtr_update(unsigned long base, unsigned long mask);
long sbi_dbtr_uninstall(unsigned long base, unsigned long mask);
long sbi_dbtr_enable(unsigned long base, unsigned long mask);
long sbi_dbtr_disable(unsigned long base, unsigned long mask);

#endif
