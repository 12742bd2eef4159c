/* SPDX-License-Identifier: GPL-2.0-only */
/* The RISC-V benchmark guest: per-hart state, the machine it found, the figures. */
#ifndef BENCH_H
#define BENCH_H

/* struct hart offsets, for entry.S */
#define HART_T0		0
#define HART_STAMP	8
#define HART_SP		16
#define STACK_SIZE	16384
#define MAX_HARTS	2

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <fv/compiler.h>
#include "figures.h"

struct hart {
	unsigned long save_t0;		/* trap entry's scratch */
	volatile uint64_t stamp;	/* rdcycle at the trap handler's 2nd instruction */
	unsigned long boot_sp;
	unsigned long hartid;
	/* what this hart's interrupts do now; NULL: count and ignore */
	void (*on_soft)(struct hart *h);
	void (*on_timer)(struct hart *h);
	void (*on_ext)(struct hart *h);
	volatile unsigned long stray;
};

/* Everything the guest knows about its machine, from the device tree. */
struct machine {
	unsigned long boot_hartid;
	unsigned long other_hartid;	/* the second hart, if have_other */
	bool have_other;
	uint64_t timebase;
	bool sstc;
	uintptr_t uart;			/* ns16550 of stdout-path, 0 if none */
	unsigned uart_shift;
	uintptr_t plic;			/* PLIC and this hart's S-mode context */
	int plic_ctx;
	uintptr_t rtc;			/* goldfish RTC and its interrupt source */
	uint32_t rtc_irq;
	/* AIA: the S-level interrupt files of this hart and the other, this
	 * hart's index in the IMSIC (an APLIC target's hart index), its
	 * identities, and the APLIC domain that sends to these files */
	uintptr_t imsic_self, imsic_other;
	unsigned imsic_idx;
	uint32_t imsic_ids;
	uintptr_t aplic;
	const void *fdt;
	const char *bootargs;		/* /chosen/bootargs, "" if none */
	unsigned cycles_per_tick;	/* measured: 100 under -icount shift=0 */
	bool aligned;			/* time == cycle / cycles_per_tick */
};

extern struct machine mach;
extern struct hart harts[MAX_HARTS];

/* The handler's first instruction ran one cycle before its stamp. */
/* Instructions retired, all harts (under -icount: not warped while
 * every hart sleeps, unlike rdcycle). */
static inline uint64_t rdinstret(void)
{
	uint64_t v;

	__asm__ volatile("rdinstret %0" : "=r"(v) :: "memory");
	return v;
}

/* A 32-bit device register. */
static inline volatile uint32_t *reg(uintptr_t base, uintptr_t off)
{
	return (volatile uint32_t *)(base + off);
}

static inline uint64_t entry_cycle(const struct hart *h)
{
	return h->stamp - 1;
}

/* goldfish RTC registers */
#define RTC_TIME_LOW	0x00
#define RTC_TIME_HIGH	0x04
#define RTC_ALARM_LOW	0x08
#define RTC_ALARM_HIGH	0x0c
#define RTC_IRQ_ENABLED	0x10
#define RTC_CLEAR_IRQ	0x1c

/* extirq.c: RTC nanoseconds now, and RTC time minus cycle count */
uint64_t rtc_now(int64_t *offset);

/* dtb.c */
int dtb_read(const void *fdt, unsigned long hartid, struct machine *m);

/* console.c: the console out() prints on (figures.h) */
void out_init(void);

/* the figures */
void bench_calls(void);		/* sbi_call, mmio_emul, mmio_pass */
void bench_timer(void);		/* timer_cost_*, timer_lat_* */
void bench_ipi(void);		/* ipi_rtt */
void bench_extirq(void);	/* ext_irq_lat, ext_irq_handle */
void bench_aia(void);		/* aia_ext_lat, aia_ext_handle, aia_ipi_* */
void bench_blk(void);		/* blk_read_4k, blk_seq_64k, blk_seq_4k */
void bench_doorbell(void);	/* doorbell_rtt, doorbell_oneway (_sbi) */
void echo_main(void) __noreturn;	/* bench=echo: the doorbell's peer */
/* The first doorbell of the tree: registers, shared region, source. */
bool doorbell_locate(uintptr_t *regs, void **shm, uint32_t *irq);
void dbstorm_main(void) __noreturn;	/* bench=dbstorm: rings, peer restarting */
void dbreboot_main(void) __noreturn;	/* bench=dbreboot: the restarting peer */

/* main.c */
void fail(const char *why) __noreturn;
unsigned long secondary_start(void (*fn)(struct hart *h));
extern void (*volatile secondary_fn)(struct hart *h);

/* sled.S: program the timer with the write at a chosen cycle phase */
struct arm_result {
	uint64_t deadline;	/* ticks */
	uint64_t write_cycle;	/* cycle of the csrw / ecall */
};

void arm_at_phase(unsigned long phase, unsigned long ahead_ticks, unsigned long use_sbi,
		  unsigned long cycles_per_tick, struct arm_result *r);
#endif

#endif
