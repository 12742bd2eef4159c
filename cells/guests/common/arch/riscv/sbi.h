/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The SBI calls the bare-metal guests make (rtos, bench): their only way
 * to their firmware, or to the hypervisor when they run in a cell.
 */
#ifndef GUEST_SBI_H
#define GUEST_SBI_H

#include <stddef.h>
#include <stdint.h>

#define SBI_EXT_LEGACY_PUTCHAR	0x01
#define SBI_EXT_BASE		0x10
#define SBI_EXT_TIME		0x54494D45
#define SBI_EXT_IPI		0x735049
#define SBI_EXT_HSM		0x48534D
#define SBI_EXT_SRST		0x53525354
#define SBI_EXT_DBCN		0x4442434E

#define SBI_HSM_STARTED		0
#define SBI_HSM_STOPPED		1

#define SBI_SRST_SHUTDOWN	0
#define SBI_SRST_COLD_REBOOT	1
#define SBI_SRST_NO_REASON	0
#define SBI_SRST_FAILURE	1

struct sbiret {
	long error;
	long value;
};

struct sbiret sbi_ecall(unsigned long ext, unsigned long fid, unsigned long a0,
			unsigned long a1, unsigned long a2);

/* Non-zero when the firmware implements extension `ext`. */
long sbi_probe(unsigned long ext);
void sbi_set_timer(uint64_t when);
long sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base);
long sbi_hart_start(unsigned long hartid, unsigned long addr, unsigned long opaque);
long sbi_hart_stop(void);
long sbi_hart_status(unsigned long hartid);
long sbi_system_reset(unsigned long type, unsigned long reason);
/* DBCN write: returns bytes written or a negative SBI error. */
long sbi_dbcn_write(const char *buf, size_t len);
void sbi_legacy_putchar(char c);

#endif
