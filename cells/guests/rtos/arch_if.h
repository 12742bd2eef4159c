/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the shared RTOS code (scheduler, queues, tasks, console, boot flow)
 * asks of its architecture.  Each arch/<arch>/ directory implements these
 * and provides "arch.h" (its per-hart and platform state, and the inline
 * helpers: this_hart, irq_save/irq_restore, arch_now, arch_idle, arch_mb,
 * arch_rmb); the Makefile picks the directory, so there is no #ifdef here.
 */
#ifndef RTOS_ARCH_IF_H
#define RTOS_ARCH_IF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hart;
struct platform;

/* Console: set up the fallback before anything is printed (the UART
 * comes later, from the device tree); write through it. */
void arch_console_init(void);
void arch_console_write(const char *s, unsigned n);

/* The arch's part of the device tree: console UART, interrupt
 * controller, doorbell, the timebase where the tree does not give it.
 * Non-zero: the tree is not usable. */
int arch_dtb_parse(const void *fdt, struct platform *p);

/* Per hart, before its banner or "online" line: pick the tick's timer
 * (may give up); its name for the banner. */
void arch_timer_pick(struct hart *h);
const char *arch_timer_name(const struct hart *h);
/* Program the next tick at `when` (also clears the one pending); let
 * the timer interrupt in. */
void arch_timer_program(struct hart *h, uint64_t when);
void arch_timer_enable(struct hart *h);

/* Per hart: which interrupts it takes (h->rx_irq, h->db_irq), before its
 * tasks are made; then turn them on. */
void arch_irqs_choose(struct hart *h);
void arch_irqs_enable(struct hart *h);

/* The first frame of a task: as if interrupted at fn(arg), returning to
 * `ret`, with interrupts on.  `f` is FRAME_SLOTS zeroed words. */
void arch_frame_init(unsigned long *f, void (*fn)(void *), void *arg, void (*ret)(void));

/* Other harts: can they be started at all (false: say why, stay on one);
 * start h (h->hartid) at the secondary entry; ask it to look at
 * h->stop_req; has it stopped; stop this one (never returns). */
bool arch_smp_possible(void);
long arch_cpu_start(struct hart *h);
void arch_cpu_kick(struct hart *h);
bool arch_cpu_stopped(const struct hart *h);
void __attribute__((noreturn)) arch_cpu_stop(void);

/* Power off (failure: a fault or no usable machine) or reboot the whole
 * machine (or cell); returns only on failure, with the firmware's error. */
long arch_system_off(bool failure);
long arch_system_reboot(void);
/* Interrupts off, wait for ever. */
void __attribute__((noreturn)) arch_halt(void);

/* The reset check (main.c): what a reboot left in the arch's own state
 * (e.g. "uart_scr 0 fp 0 vec none"), then marks in it for the next boot. */
void arch_reset_state(char *out, size_t size);
void arch_reset_mark(void);

/* The boot hart's status task, after each of its status lines: the
 * arch's own one-time checks. */
void arch_status_hook(struct hart *h);

#endif
