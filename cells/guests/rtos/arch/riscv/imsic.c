// SPDX-License-Identifier: GPL-2.0-only
/*
 * An IMSIC interrupt file per hart (RISC-V AIA): interrupts arrive as
 * messages, an identity each, claimed through stopei.  IPIs between our
 * harts are messages too: a store of the identity into the other hart's
 * file (its seteipnum register), with no call to the firmware.  At the
 * first status line the boot hart plays IPI ping-pong with hart 1 and
 * says how it went and how long it took (timebase ticks, a figure only).
 */
#include <libfdt.h>
#include "aplic.h"
#include "console.h"
#include "csr.h"
#include "imsic.h"
#include "rtos.h"

#define EIDELIVERY	0x70
#define EITHRESHOLD	0x72
#define EIE0		0xc0
#define FILE_SIZE	0x1000
#define PING_ROUNDS	100

static uintptr_t imsic_base;	/* 0: no IMSIC */
static uintptr_t hart_stride;	/* a page per hart, times 2^riscv,guest-index-bits */
static int imsic_node;		/* 0 (the root): none */
static uintptr_t file_of[MAX_HARTS];	/* by our hart index */
static volatile unsigned pongs;
static bool ping_done;

bool imsic_present(void)
{
	return imsic_base != 0;
}

bool imsic_probe(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "riscv,imsics");
	const fdt32_t *reg;
	int len;

	if (node < 0 || !(reg = fdt_getprop(fdt, node, "reg", &len)) || len < 16)
		return false;
	imsic_node = node;
	imsic_base = (uintptr_t)(((uint64_t)fdt32_to_cpu(reg[0]) << 32) | fdt32_to_cpu(reg[1]));
	reg = fdt_getprop(fdt, node, "riscv,guest-index-bits", &len);
	hart_stride = (uintptr_t)FILE_SIZE << (reg && len == 4 ? fdt32_to_cpu(*reg) : 0);
	return true;
}

/* The file of the hart whose cpu node is `cpu`: its place among the
 * pairs of interrupts-extended, hart_stride apart (on a bare machine
 * with guest files each hart's S-level file is followed by its guest
 * files; in a cell there are none). */
static uintptr_t file_of_cpu(const void *fdt, int cpu)
{
	const fdt32_t *ie = fdt_getprop(fdt, imsic_node, "interrupts-extended", NULL);
	int node, len;
	uint32_t intc = 0;

	fdt_getprop(fdt, imsic_node, "interrupts-extended", &len);
	fdt_for_each_subnode(node, fdt, cpu)
		if (!fdt_node_check_compatible(fdt, node, "riscv,cpu-intc"))
			intc = fdt_get_phandle(fdt, node);
	for (int i = 0; ie && intc && i < len / 8; i++)
		if (fdt32_to_cpu(ie[2 * i]) == intc)
			return imsic_base + (uintptr_t)i * hart_stride;
	return 0;
}

static void ireg_write(unsigned long sel, unsigned long val)
{
	__asm__ volatile("csrw 0x150, %0\n\tcsrw 0x151, %1" :: "r"(sel), "r"(val) : "memory");
}

static unsigned long ireg_read(unsigned long sel)
{
	unsigned long v;

	__asm__ volatile("csrw 0x150, %1\n\tcsrr %0, 0x151" : "=r"(v) : "r"(sel) : "memory");
	return v;
}

void imsic_enable(uint32_t id)
{
	unsigned long reg = EIE0 + (id / 64) * 2;

	ireg_write(reg, ireg_read(reg) | (1UL << (id % 64)));
}

void imsic_hart_setup(struct hart *h)
{
	file_of[h->idx] = file_of_cpu(plat.fdt, h->cpu_node);
	ireg_write(EIDELIVERY, 1);
	ireg_write(EITHRESHOLD, 0);
	imsic_enable(IMSIC_IPI_ID);
	csr_set(sie, SIE_SEIE);
}

unsigned imsic_hart_index(const struct hart *h)
{
	return (unsigned)((file_of[h->idx] - imsic_base) / hart_stride);
}

uint32_t imsic_claim(void)
{
	unsigned long v;

	__asm__ volatile("csrrw %0, 0x15c, zero" : "=r"(v) :: "memory");
	return (uint32_t)(v >> 16) & 0x7ff;
}

static void send(unsigned idx, uint32_t id)
{
	if (idx < MAX_HARTS && file_of[idx])
		*(volatile uint32_t *)file_of[idx] = id;
}

void imsic_external_irq(struct hart *h)
{
	uint32_t id;

	while ((id = imsic_claim()) != 0) {
		if (id == IMSIC_IPI_ID && h->idx == 0)
			pongs++;
		else if (id == IMSIC_IPI_ID)
			send(0, IMSIC_IPI_ID);	/* answer the boot hart */
		else
			aplic_irq(h, id);
	}
}

void imsic_ipi_test(struct hart *h)
{
	unsigned done = 0;
	uint64_t start;

	if (ping_done || !imsic_base || h->idx != 0 || nharts_online < 2 || !file_of[1])
		return;
	ping_done = true;
	start = rdtime();
	for (; done < PING_ROUNDS; done++) {
		unsigned before = pongs;
		uint64_t until = rdtime() + plat.timebase / 10;

		send(1, IMSIC_IPI_ID);
		while (pongs == before && (int64_t)(rdtime() - until) < 0)
			;
		if (pongs == before)
			break;
	}
	rprintf("rtos: imsic: ipi ping-pong with hart %lu: %u of %u answered in %lu ticks\n",
		harts[1].hartid, done, PING_ROUNDS, (unsigned long)(rdtime() - start));
}
