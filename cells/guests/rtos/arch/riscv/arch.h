/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RISC-V's side of the RTOS's arch interface: the per-hart and platform
 * state only this architecture has, and the small inline helpers
 * (this_hart, interrupt masking, time, barriers) the shared code calls.
 * The functions of the interface itself are declared in ../../arch_if.h.
 */
#ifndef RTOS_ARCH_H
#define RTOS_ARCH_H

#include <stdbool.h>
#include <stdint.h>
#include "csr.h"

/* What only RISC-V reads from its device tree (dtb.c). */
struct arch_platform {
	unsigned uart_shift, uart_width;	/* ns16550 reg-shift, reg-io-width */
	uintptr_t plic_base;		/* 0: no PLIC */
	int plic_node;
};

struct arch_hart {
	bool sstc;			/* the tick through stimecmp */
	int plic_ctx;			/* S-mode context, -1 if none */
};

/* The name the banner gives the console when it is not the UART. */
#define ARCH_CONSOLE_FALLBACK	"sbi"

struct hart;

/* tp holds this hart's struct hart from entry.S on and never changes. */
static inline struct hart *this_hart(void)
{
	struct hart *h;

	__asm__("mv %0, tp" : "=r"(h));
	return h;
}

static inline uint64_t arch_now(void)
{
	return rdtime();
}

static inline void arch_idle(void)
{
	__asm__ volatile("wfi");
}

/* All earlier accesses before all later ones / earlier loads before later ones. */
static inline void arch_mb(void)
{
	__asm__ volatile("fence rw, rw" ::: "memory");
}

static inline void arch_rmb(void)
{
	__asm__ volatile("fence r, r" ::: "memory");
}

#endif
