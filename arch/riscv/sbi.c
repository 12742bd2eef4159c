// SPDX-License-Identifier: GPL-2.0-only
/* SBI client: the hypervisor's calls into the M-mode firmware. */
#include <arch/sbi.h>
#include <fv/arch_console.h>

long sbi_probe(unsigned long ext)
{
	struct sbiret r = sbi_ecall(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, ext, 0, 0);

	return r.error ? 0 : r.value;
}

/* Program the firmware's S-mode timer (it clears a pending one). */
void sbi_set_timer(unsigned long when)
{
	sbi_ecall(SBI_EXT_TIME, 0, when, 0, 0);
}

long sbi_fwft_set(unsigned long feature, unsigned long value)
{
	return sbi_ecall(SBI_EXT_FWFT, SBI_FWFT_SET, feature, value, 0).error;
}

long sbi_fwft_get(unsigned long feature, unsigned long *value)
{
	struct sbiret r = sbi_ecall(SBI_EXT_FWFT, SBI_FWFT_GET, feature, 0, 0);

	*value = (unsigned long)r.value;
	return r.error;
}

/* 0: not probed yet, 1: DBCN, 2: legacy console calls */
static int fw_console;

static int fw_console_kind(void)
{
	if (!fw_console)
		fw_console = sbi_probe(SBI_EXT_DBCN) ? 1 : 2;
	return fw_console;
}

void arch_firmware_putc(char c)
{
	if (fw_console_kind() == 1)
		sbi_ecall(SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, (unsigned char)c, 0, 0);
	else
		sbi_ecall(SBI_EXT_LEGACY_PUTCHAR, 0, (unsigned char)c, 0, 0);
}

int arch_firmware_getc(void)
{
	if (fw_console_kind() == 1) {
		char ch;
		struct sbiret r = sbi_ecall(SBI_EXT_DBCN, SBI_DBCN_READ, 1,
					    (unsigned long)&ch, 0);

		return r.error || r.value != 1 ? -1 : (unsigned char)ch;
	}
	return (int)sbi_ecall(SBI_EXT_LEGACY_GETCHAR, 0, 0, 0, 0).error;
}
