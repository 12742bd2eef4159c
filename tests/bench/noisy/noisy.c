// SPDX-License-Identifier: GPL-2.0-only
/*
 * The noisy neighbour of the interference benchmark (tests/bench/run.py):
 * a cell that does, in a loop, everything a cell may legally do to load
 * the machine: flood its console (SBI DBCN), storm SBI calls, send IPIs
 * between its own two vharts, and reboot itself every ROUNDS rounds (its
 * layout restarts it).  A cell beside it must not notice: the benchmark
 * compares that cell's traps and shared-lock waits with and without it.
 */
#include <stddef.h>
#include <stdint.h>
#include "csr.h"
#include "sbi.h"

#define ROUNDS		100
#define CALLS		20	/* SBI calls per round */

void secondary_entry(void);
void noisy_main(void);
void noisy_secondary(void);

static const char line[] =
	"noisy: a console flood, line after line, as long as a line may be: "
	"0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopq\r\n";

/* vhart 1: take the IPIs (the trap handler acknowledges them). */
void noisy_secondary(void)
{
	csr_set(sie, SIE_SSIE);
	csr_set(sstatus, SSTATUS_SIE);
	for (;;)
		__asm__ volatile("wfi");
}

void noisy_main(void)
{
	sbi_hart_start(1, (unsigned long)secondary_entry, 0);
	csr_set(sie, SIE_SSIE);
	csr_set(sstatus, SSTATUS_SIE);
	for (unsigned r = 0; r < ROUNDS; r++) {
		sbi_dbcn_write(line, sizeof(line) - 1);
		for (unsigned i = 0; i < CALLS; i++)
			sbi_probe(SBI_EXT_BASE);
		sbi_send_ipi(3, 0);	/* both vharts, itself included */
	}
	sbi_system_reset(SBI_SRST_COLD_REBOOT, SBI_SRST_NO_REASON);
}
