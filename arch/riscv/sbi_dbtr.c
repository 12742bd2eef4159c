// SPDX-License-Identifier: GPL-2.0-only
/*
 * The firmware's SBI DBTR, for the hypervisor's users of debug triggers
 * (arch/riscv/vsbi_dbtr.c, a debugger stub): each hart has its own
 * shared memory with the firmware, in the hypervisor's image, registered
 * on first use.  Calls are about the calling hart only.
 */
#include <arch/sbi.h>
#include <arch/sbi_dbtr.h>
#include <fv/compiler.h>
#include <fv/cpu.h>

static struct sbi_dbtr_entry shmem[CONFIG_MAX_HARTS][SBI_DBTR_ENTRIES] __aligned(64);
static bool registered[CONFIG_MAX_HARTS];

struct sbi_dbtr_entry *sbi_dbtr_shmem(void)
{
	unsigned id = this_cpu()->id;

	if (!registered[id]) {
		/* the hypervisor runs in bare mode: this address is physical */
		if (sbi_ecall(SBI_EXT_DBTR, SBI_DBTR_SETUP_SHMEM,
			      (unsigned long)shmem[id], 0, 0).error)
			return NULL;
		registered[id] = true;
	}
	return shmem[id];
}

long sbi_dbtr_num(unsigned long tdata1, unsigned long *n)
{
	struct sbiret r = sbi_ecall(SBI_EXT_DBTR, SBI_DBTR_NUM_TRIGGERS, tdata1, 0, 0);

	*n = r.error ? 0 : (unsigned long)r.value;
	return r.error;
}

long sbi_dbtr_install(unsigned long count, unsigned long *value)
{
	struct sbiret r;

	if (!sbi_dbtr_shmem())
		return SBI_ERR_NO_SHMEM;
	r = sbi_ecall(SBI_EXT_DBTR, SBI_DBTR_TRIGGER_INSTALL, count, 0, 0);
	*value = (unsigned long)r.value;
	return r.error;
}

long sbi_dbtr_update(unsigned long base, unsigned long mask)
{
	if (!sbi_dbtr_shmem())
		return SBI_ERR_NO_SHMEM;
	return sbi_ecall(SBI_EXT_DBTR, SBI_DBTR_TRIGGER_UPDATE, base, mask, 0).error;
}

long sbi_dbtr_uninstall(unsigned long base, unsigned long mask)
{
	return sbi_ecall(SBI_EXT_DBTR, SBI_DBTR_TRIGGER_UNINSTALL, base, mask, 0).error;
}

long sbi_dbtr_enable(unsigned long base, unsigned long mask)
{
	return sbi_ecall(SBI_EXT_DBTR, SBI_DBTR_TRIGGER_ENABLE, base, mask, 0).error;
}

long sbi_dbtr_disable(unsigned long base, unsigned long mask)
{
	return sbi_ecall(SBI_EXT_DBTR, SBI_DBTR_TRIGGER_DISABLE, base, mask, 0).error;
}
