// SPDX-License-Identifier: GPL-2.0-only
/*
 * Round trips that are one instruction for the guest: a trivial SBI call
 * (BASE get_spec_version), a read of the UART's line status register (in
 * a cell the hypervisor emulates the UART), of the PLIC's priority of the
 * RTC's interrupt (in a cell the virtual PLIC's) and of the goldfish
 * RTC's TIME_LOW (passed through to the cell).  Each sample is the cycles
 * between two rdcycle around the instruction, less those of an empty
 * pair, so an instruction that does not trap costs 1.
 */
#include "bench.h"
#include "csr.h"
#include "sbi.h"

#define N 2000

static uint64_t empty_pair(void)
{
	uint64_t c0, c1, best = ~0ULL;

	for (int i = 0; i < 16; i++) {
		__asm__ volatile("rdcycle %0\n rdcycle %1" : "=r"(c0), "=r"(c1));
		best = MIN(best, c1 - c0);
	}
	return best;
}

static void sbi_call(uint64_t empty)
{
	struct stat s = { 0 };
	long version = 0;

	for (int i = 0; i < N; i++) {
		register unsigned long a0 __asm__("a0") = 0;
		register unsigned long a1 __asm__("a1") = 0;
		register unsigned long a6 __asm__("a6") = 0;	/* get_spec_version */
		register unsigned long a7 __asm__("a7") = SBI_EXT_BASE;
		uint64_t c0, c1;

		__asm__ volatile("rdcycle %0\n ecall\n rdcycle %1"
				 : "=&r"(c0), "=&r"(c1), "+r"(a0), "+r"(a1)
				 : "r"(a6), "r"(a7) : "memory");
		if (a0)
			fail("get_spec_version failed");
		version = a1;
		stat_add(&s, c1 - c0 - empty);
	}
	(void)version;
	stat_print("sbi_call", &s, NULL);
}

static void mmio_read(const char *name, uintptr_t addr, bool byte, uint64_t empty)
{
	struct stat s = { 0 };

	for (int i = 0; i < N; i++) {
		uint64_t c0, c1, v;

		if (byte)
			__asm__ volatile("rdcycle %0\n lbu %2, 0(%3)\n rdcycle %1"
					 : "=&r"(c0), "=&r"(c1), "=&r"(v) : "r"(addr) : "memory");
		else
			__asm__ volatile("rdcycle %0\n lw %2, 0(%3)\n rdcycle %1"
					 : "=&r"(c0), "=&r"(c1), "=&r"(v) : "r"(addr) : "memory");
		(void)v;
		stat_add(&s, c1 - c0 - empty);
	}
	stat_print(name, &s, NULL);
}

void bench_calls(void)
{
	uint64_t empty = empty_pair();

	out("bench: empty_pair cycles=%llu", (unsigned long long)empty);
	sbi_call(empty);
	if (mach.uart)
		mmio_read("mmio_emul", mach.uart + (5U << mach.uart_shift), true, empty);
	else
		out("bench: mmio_emul skipped (no UART)");
	/* the priority of the RTC's interrupt: in a cell a vPLIC register */
	if (mach.plic && mach.rtc_irq)
		mmio_read("mmio_vplic", mach.plic + 4 * mach.rtc_irq, false, empty);
	else
		out("bench: mmio_vplic skipped (no PLIC or RTC interrupt)");
	if (mach.rtc)
		mmio_read("mmio_pass", mach.rtc, false, empty);
	else
		out("bench: mmio_pass skipped (no goldfish RTC)");
}
