// SPDX-License-Identifier: GPL-2.0-only
/*
 * The APLIC of an AIA machine, in MSI delivery mode: each wired source
 * the RTOS uses (the console UART, the doorbell) is given a target, the
 * boot hart's IMSIC file with the source number as identity, and is
 * delivered as a message there.  A level source sends one message per
 * rise: after the handler, a line still high is made pending again.
 */
#include <libfdt.h>
#include <fv/string.h>
#include "aplic.h"
#include "console.h"
#include "imsic.h"
#include "rtc.h"
#include "rtos.h"
#include "uart.h"

#define DOMAINCFG	0x0000
#define DOMAINCFG_IE	(1u << 8)
#define DOMAINCFG_DM	(1u << 2)
#define SOURCECFG(s)	(0x0004 + 4 * ((uintptr_t)(s) - 1))
#define SM_LEVEL_HIGH	6
#define SETIPNUM	0x1cdc
#define IN_CLRIP(s)	(0x1d00 + 4 * ((uintptr_t)(s) / 32))
#define SETIENUM	0x1edc
#define GENMSI		0x3000
#define TARGET(s)	(0x3004 + 4 * ((uintptr_t)(s) - 1))

static uintptr_t base;	/* 0: no APLIC */
static uint32_t nsrc, phandle, rtc_src;

static volatile uint32_t *reg(uintptr_t off)
{
	return (volatile uint32_t *)(base + off);
}

/* The source of `dev` if its interrupt parent is the APLIC. */
uint32_t aplic_dev_source(const void *fdt, int dev)
{
	const fdt32_t *ip = NULL, *irq = fdt_getprop(fdt, dev, "interrupts", NULL);

	for (int n = dev; n >= 0 && !ip; n = fdt_parent_offset(fdt, n))
		ip = fdt_getprop(fdt, n, "interrupt-parent", NULL);
	if (!base || !irq || !ip || fdt32_to_cpu(*ip) != phandle)
		return 0;
	return fdt32_to_cpu(irq[0]) <= nsrc ? fdt32_to_cpu(irq[0]) : 0;
}

static int stdout_dev(const void *fdt)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), len;
	const char *path = chosen < 0 ? NULL : fdt_getprop(fdt, chosen, "stdout-path", &len);
	const char *colon = path ? memchr(path, ':', len) : NULL;

	if (!path)
		return -1;
	return fdt_path_offset_namelen(fdt, path, colon ? (int)(colon - path) : (int)strlen(path));
}

void aplic_probe(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "riscv,aplic");
	const fdt32_t *r, *n;
	int len, dev;

	if (node < 0 || !fdt_getprop(fdt, node, "msi-parent", NULL) ||
	    !(r = fdt_getprop(fdt, node, "reg", &len)) || len < 16 ||
	    !(n = fdt_getprop(fdt, node, "riscv,num-sources", NULL)))
		return;
	base = (uintptr_t)(((uint64_t)fdt32_to_cpu(r[0]) << 32) | fdt32_to_cpu(r[1]));
	nsrc = fdt32_to_cpu(*n);
	phandle = fdt_get_phandle(fdt, node);
	if (plat.uart && !plat.uart_irq && (dev = stdout_dev(fdt)) >= 0)
		plat.uart_irq = aplic_dev_source(fdt, dev);
	dev = fdt_node_offset_by_compatible(fdt, -1, "ferrovisor,doorbell");
	if (!plat.db_irq && dev >= 0)
		plat.db_irq = aplic_dev_source(fdt, dev);
	rtc_src = rtc_probe(fdt);
}

static void route(uint32_t src, unsigned hart_index)
{
	*reg(SOURCECFG(src)) = SM_LEVEL_HIGH;
	*reg(TARGET(src)) = ((uint32_t)hart_index << 18) | src;	/* guest index 0 */
	imsic_enable(src);
	*reg(SETIENUM) = src;
}

/*
 * aplic_attack=1: aim the console UART's source at a hart past our own,
 * at guest index 1, and at identity 2047, and send a genmsi to that hart;
 * then say what the target register holds.  The hypervisor is to ignore
 * all four, so the UART's interrupt keeps coming here.
 */
static void attack(struct hart *h, uint32_t src)
{
	uint32_t was = *reg(TARGET(src)), away = (uint32_t)plat.nharts << 18 | src;

	*reg(TARGET(src)) = away;
	*reg(TARGET(src)) = (uint32_t)imsic_hart_index(h) << 18 | 1u << 12 | src;
	*reg(TARGET(src)) = (uint32_t)imsic_hart_index(h) << 18 | 2047;
	*reg(GENMSI) = away;
	rprintf("rtos: aplic: aimed source %u at hart %u: target %#x, was %#x\n",
		src, plat.nharts, *reg(TARGET(src)), was);
}

void aia_hart_setup(struct hart *h)
{
	imsic_hart_setup(h);
	if (!base || h->idx != 0)
		return;
	*reg(DOMAINCFG) = DOMAINCFG_IE | DOMAINCFG_DM;
	if (plat.uart_irq) {
		h->rx_irq = true;
		route(plat.uart_irq, imsic_hart_index(h));
		uart_enable_rx_irq();
		if (cfg.aplic_attack)
			attack(h, plat.uart_irq);
	}
	if (plat.db_irq && plat.db_shm_size >= 128) {
		h->db_irq = true;
		route(plat.db_irq, imsic_hart_index(h));
	}
	if (rtc_src)
		route(rtc_src, imsic_hart_index(h));
}

void aplic_irq(struct hart *h, uint32_t id)
{
	if (!base || id > nsrc)
		return;
	if (id == rtc_src)
		rtc_irq();
	else
		irq_dispatch(h, id);
	if ((*reg(IN_CLRIP(id)) >> (id % 32)) & 1)
		*reg(SETIPNUM) = id;	/* still asserted: once more */
}
