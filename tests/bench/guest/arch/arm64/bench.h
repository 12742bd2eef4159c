/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the parts of the ARM64 bench guest share: system registers, the
 * console, the GIC and the timed probes (probe.S); the figures' lines are
 * the shared figures.h's.
 */
#ifndef BENCH_ARM64_H
#define BENCH_ARM64_H

#include <fv/types.h>
#include <fv/compiler.h>
#include "figures.h"

#define sysreg_rd(r) ({ uint64_t __v; __asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define sysreg_wr(r, v) __asm__ volatile("msr " #r ", %0\n isb" :: "r"((uint64_t)(v)) : "memory")
#define irqs_on()	__asm__ volatile("msr daifclr, #2" ::: "memory")
#define irqs_off()	__asm__ volatile("msr daifset, #2" ::: "memory")

#define VTIMER_INTID	27	/* CNTV's PPI */
#define SGI_INTID	1	/* sgi.c's ping */

static inline uint64_t pmc(void)
{
	uint64_t v;

	__asm__ volatile("mrs %0, pmccntr_el0" : "=r"(v) :: "memory");
	return v;
}

/* main.c */
uint64_t clock_offset(void);
int pmu_init(void);
extern uint64_t ns_per_tick;
long smccc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);

/* spi.c: the PL031's alarm through the distributor; sgi.c: CPU to CPU */
int spi_init(const void *fdt);
bool spi_irq(uint32_t intid, uint64_t at, uint64_t t0);
void fig_spi(void);
int sgi_init(const void *fdt, uintptr_t gicr);
bool sgi_irq(uint32_t intid, uint64_t at);
void fig_sgi(void);

/* console.c: the PL011 /chosen/stdout-path names, polled, for out()
 * (figures.h) */
void out_init(uintptr_t pl011);

/* gicv3/gic.c: a GICv3 (distributor, this CPU's redistributor, ICC_*
 * registers); gicv2/gic.c: a GICv2 (distributor, CPU interface, MMIO) */
int gic_init(uintptr_t gicd, uintptr_t gicr);
int gic_cpu_init(uintptr_t gicr);
void gic_enable_ppi(unsigned intid);
void gic_enable_spi(unsigned intid, uint64_t mpidr);
unsigned gic_spi_lines(void);
uint32_t gic_ack(void);
void gic_eoi(uint32_t iar);

/* probe.S */
uint64_t probe_empty(void);
uint64_t probe_hvc(uint64_t fn);
uint64_t probe_smc(uint64_t fn);
uint64_t probe_load32(uintptr_t addr);
uint64_t probe_work(uint64_t rounds);
void probe_clock(uint64_t out[18]);
uint64_t probe_store32_at(uintptr_t addr, uint32_t val);
uint64_t probe_sgi1r_at(uint64_t val);

/* the GIC variant's own (gicv3/ or gicv2/, BENCH_GIC) */
#include "gic_variant.h"

#endif
