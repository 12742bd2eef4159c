/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hostile guest: the map it attacks and what main.c and attacks.c
 * share.  The addresses are those of tests/layouts/run/hostile.c on QEMU
 * virt (4 harts, 1 GiB); test_hostile.py checks them against the layout
 * and the boot log.
 */
#ifndef HOSTILE_H
#define HOSTILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <fv/compiler.h>

/* Our own cell: RAM, the kept region and a read-only region at gpa ==
 * hpa, a vPLIC, an emulated UART (irq 10) and two VirtIO devices where
 * the real machine has nothing. */
#define OWN_RAM		0x84000000UL
#define OWN_RAM_SIZE	0x200000UL
#define KEEP_BASE	0x84400000UL	/* MEM_KEEP: survives our restarts */
#define KEEP_SIZE	0x10000UL
#define OWN_UART	0x1f000000UL
#define OWN_UART_IRQ	10
#define VPLIC		0x20000000UL
#define VPLIC_SIZE	0x4000000UL
#define OWN_ROM		0x84800000UL	/* MEM_R only */
#define OWN_ROM_SIZE	0x10000UL
#define BLK_MMIO	0x1f010000UL	/* virtio-blk, 64 KiB */
#define NET_MMIO	0x1f011000UL	/* virtio-net on link 1 with the victim */
#define DISK_SECTORS	128

/* What is not ours. */
#define FIRMWARE	0x80000000UL	/* OpenSBI */
#define HV_IMAGE	0x80200000UL
#define VICTIM_RAM	0x85000000UL	/* the RTOS cell's RAM (hpa) */
#define VICTIM_GUARD	0x85300000UL	/* inside its guard=2048 region */
#define VICTIM_ENTRY	0x85200000UL
#define PLATFORM_DTB	0xbfe00000UL	/* OpenSBI's "Domain0 Next Arg1" */
#define RAM_END		0xc0000000UL
#define PLIC		0x0c000000UL
#define CLINT		0x02000000UL
#define UART0		0x10000000UL	/* the victim's emulated UART's gpa */
#define VICTIM_HART	2		/* its physical hart */
#define DISK_BACKING	0x84c00000UL	/* our disk's bytes: host RAM no cell maps */
/* The victim's card: derived, cell 0, link 1, its emus[1] */
#define VICTIM_MAC	{ 0x02, 0x46, 0x56, 0x00, 0x01, 0x01 }

/* SBI */
#define EXT_LEGACY_SEND_IPI	0x04
#define EXT_LEGACY_REMOTE_FENCE_I 0x05
#define EXT_BASE		0x10
#define EXT_TIME		0x54494D45
#define EXT_IPI			0x735049
#define EXT_RFENCE		0x52464E43
#define EXT_HSM			0x48534D
#define EXT_SRST		0x53525354
#define EXT_PMU			0x504D55
#define EXT_DBCN		0x4442434E

struct sbiret {
	long error;
	long value;
};

struct sbiret ecall(unsigned long ext, unsigned long fid, unsigned long a0,
		    unsigned long a1, unsigned long a2, unsigned long a3);

/* One attack: its name, the address (or main argument) it is about, and
 * what to do.  run() returns only if the cell survived; it fills `res`
 * with what happened. */
struct attack {
	const char *name;
	void (*run)(const struct attack *a, char *res, size_t n);
	unsigned long addr;
	unsigned long arg[6];
	void (*probe)(void);		/* an instruction of probes.S */
};

extern const struct attack attacks[];
extern const unsigned nr_attacks;

/* What survives our restarts (at KEEP_BASE). */
struct keep {
	uint64_t magic;
	uint32_t next;		/* the attack to do next */
	uint32_t reboots;	/* SRST reboots done by the reboot attack */
	uint32_t boots;
};
#define KEEP_MAGIC	0x686f7374696c6521ULL
#define kept		((volatile struct keep *)KEEP_BASE)

void out(const char *fmt, ...) __printf(1, 2);
uint64_t now(void);
void sleep_ms(unsigned ms);
/* The pc the hypervisor reports if attack `a` faults (0: none). */
unsigned long attack_pc(const struct attack *a);
/* The reboot attack: true while it has reboots left to do. */
bool reboot_pending(const struct attack *a);

/* The trap handler's share with attacks.c. */
extern volatile unsigned long ipis, timer_irqs;
extern volatile unsigned long timer_storm;	/* interrupts to take */
/* Until then the handler raises the next interrupt itself: the IPI
 * (livelock_ipi) or the timer one, so nothing but it runs. */
extern volatile uint64_t livelock_end;
extern volatile bool livelock_ipi;
extern volatile bool armed;
extern volatile unsigned long seen_cause, seen_epc, seen_tval;

/* probes.S: the faulting instruction is each function's first. */
unsigned long probe_ld(unsigned long addr);
unsigned long probe_lw(unsigned long addr);
unsigned long probe_lh(unsigned long addr);
void probe_sd(unsigned long addr, unsigned long val);
void probe_sw(unsigned long addr, unsigned long val);

#endif
