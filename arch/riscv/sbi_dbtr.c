// SPDX-License-Identifier: GPL-2.0-only
/* The SBI debug-trigger extension (DBTR) client; see sbi_dbtr.h. */
#include <arch/sbi.h>
#include "sbi_dbtr.h"

enum { DBTR_NUM_TRIGGERS, DBTR_SET_SHMEM, DBTR_READ, DBTR_INSTALL, DBTR_UPDATE,
       DBTR_UNINSTALL };

#define SBI_ERR_ALREADY_AVAILABLE	(-6)
#define NO_IDX				(~0UL)

unsigned long sbi_dbtr_count(void)
{
	struct sbiret r;

	if (!sbi_probe(SBI_EXT_DBTR))
		return 0;
	r = sbi_ecall(SBI_EXT_DBTR, DBTR_NUM_TRIGGERS, 0, 0, 0);
	return r.error || r.value < 0 ? 0 : (unsigned long)r.value;
}

/* The hypervisor runs untranslated: its addresses are physical. */
static int set_shmem(struct sbi_dbtr_entry *e)
{
	struct sbiret r = sbi_ecall(SBI_EXT_DBTR, DBTR_SET_SHMEM, (unsigned long)e, 0, 0);

	return r.error == 0 || r.error == SBI_ERR_ALREADY_AVAILABLE ? 0 : -1;
}

/*
 * The index comes back in word 0 of the entry, as the SBI specification
 * has it.  OpenSBI 1.5.1 writes it one entry further (seen: word 0 of
 * e[1]), so e has room for two and both words are looked at; should
 * neither change, the firmware gives the lowest free trigger, which
 * `lowest_free` (the caller's count: the hypervisor is the only user of
 * the hart's triggers) stands for.
 */
long sbi_dbtr_install(struct sbi_dbtr_entry e[2], long lowest_free)
{
	struct sbiret r;
	unsigned long idx;

	if (set_shmem(e) < 0)
		return -1;
	e[0].tstate = NO_IDX;
	e[1].tstate = NO_IDX;
	r = sbi_ecall(SBI_EXT_DBTR, DBTR_INSTALL, 1, 0, 0);
	if (r.error)
		return -1;
	idx = __atomic_load_n(&e[0].tstate, __ATOMIC_ACQUIRE);
	if (idx == NO_IDX)
		idx = __atomic_load_n(&e[1].tstate, __ATOMIC_ACQUIRE);
	return idx == NO_IDX ? lowest_free : (long)idx;
}

int sbi_dbtr_uninstall(unsigned long idx)
{
	return sbi_ecall(SBI_EXT_DBTR, DBTR_UNINSTALL, idx, 1, 0).error ? -1 : 0;
}
