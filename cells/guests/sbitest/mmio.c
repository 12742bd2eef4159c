// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loads and stores of an emulated device register, checked for what the
 * instruction itself says: the width a store writes, a load's sign or
 * zero extension, into a register the hypervisor's short path handles
 * (a0) and into one only its full path handles (s1, s2).  The device is
 * the 16550's scratch register (SCR), which holds what is written to it;
 * natively it is QEMU's own UART, in a cell the cell's emulated one.
 */
#include <libfdt.h>
#include "sbitest.h"

#define UART_LSR	5
#define UART_SCR	7
#define LSR_IDLE	0x60	/* THRE | TEMT: nothing to send */

/* A load `op` of *p into register `reg` (a0: the hypervisor's short
 * path; s1, s2: its full path), as its own function. */
#define LOAD_INTO(name, op, reg)					\
static long name(volatile uint8_t *p)					\
{									\
	register long v __asm__(reg);					\
									\
	__asm__ volatile(op " %0, 0(%1)" : "=r"(v) : "r"(p) : "memory");	\
	return v;							\
}

LOAD_INTO(lb_a0, "lb", "a0")
LOAD_INTO(lbu_a0, "lbu", "a0")
LOAD_INTO(lb_s1, "lb", "s1")
LOAD_INTO(lbu_s2, "lbu", "s2")

/* sb of a register whose upper bits are set: only its low byte lands */
static void sb_a1(volatile uint8_t *p, unsigned long val)
{
	register unsigned long v __asm__("a1") = val;

	__asm__ volatile("sb %0, 0(%1)" : : "r"(v), "r"(p) : "memory");
}

static void sb_s3(volatile uint8_t *p, unsigned long val)
{
	register unsigned long v __asm__("s3") = val;

	__asm__ volatile("sb %0, 0(%1)" : : "r"(v), "r"(p) : "memory");
}

static volatile uint8_t *uart(void)
{
	int node = fdt_node_offset_by_compatible(cfg.fdt, -1, "ns16550a");
	const fdt32_t *reg = node >= 0 ? fdt_getprop(cfg.fdt, node, "reg", NULL) : NULL;

	if (!reg)
		return NULL;
	/* #address-cells = 2 on QEMU virt and in a cell's tree */
	return (volatile uint8_t *)(((uint64_t)fdt32_to_cpu(reg[0]) << 32) |
				    fdt32_to_cpu(reg[1]));
}

void mmio_checks(void)
{
	volatile uint8_t *u = cfg.fdt ? uart() : NULL;

	if (!u) {
		skip("mmio.uart");
		return;
	}
	check("mmio.lsr_idle", lbu_a0(u + UART_LSR) & LSR_IDLE, LSR_IDLE);
	sb_s3(u + UART_SCR, 0x1a5);
	check("mmio.sb_s3_lbu_a0", lbu_a0(u + UART_SCR), 0xa5);
	check("mmio.lb_a0_signed", lb_a0(u + UART_SCR), -91);
	check("mmio.lb_s1_signed", lb_s1(u + UART_SCR), -91);
	check("mmio.lbu_s2", lbu_s2(u + UART_SCR), 0xa5);
	sb_a1(u + UART_SCR, 0xfe5a);
	check("mmio.sb_a1_lb_a0", lb_a0(u + UART_SCR), 0x5a);
	check("mmio.sb_a1_lb_s1", lb_s1(u + UART_SCR), 0x5a);
	sb_a1(u + UART_SCR, 0);
	check("mmio.scr_cleared", lbu_a0(u + UART_SCR), 0);
}
