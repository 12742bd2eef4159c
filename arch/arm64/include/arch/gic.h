/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor's own use of its GIC, implemented by the image's variant
 * (irqc/gicv3/gic.c or irqc/gicv2/gic.c): a software-generated
 * interrupt (SGI 0) is the kick between CPUs, the EL2 physical timer
 * (PPI 26) ends a wait, the console UART's SPI brings typed input, the
 * guest's virtual timer (PPI 27) and the cells' passthrough SPIs are
 * forwarded (virq.c), and the maintenance interrupt (PPI 25) asks for a
 * list-register sync (vlr.c).  Only those are enabled; the
 * hypervisor takes them with PSTATE.I masked, from WFI or, while a guest
 * runs, through HCR_EL2.IMO.  Before gic_init() kicks are SEV and waits
 * WFE.  (GICv2: PPIs are banked in the distributor, so gic_ppi_enable and
 * gic_ppi_deactivate act only on the calling CPU's own.)
 */
#ifndef ARCH_GIC_H
#define ARCH_GIC_H

#include <fv/platform.h>

#define GIC_SGI_KICK		0
#define GIC_PPI_MAINT		25	/* the virtual CPU interface's maintenance */
#define GIC_PPI_HYP_TIMER	26
#define GIC_PPI_VTIMER		27	/* the guest's virtual timer: forwarded */

/* Boot CPU, after the platform probe: distributor and its own CPU. */
void gic_init(const struct platform *p);
/* Every other CPU, from arch_cpu_init(): its redistributor and interface. */
void gic_init_cpu(void);
bool gic_ready(void);
/* SGI 0 to the CPU with affinity `mpidr`. */
void gic_send_kick(uint64_t mpidr);
/* Acknowledge and end (deactivate too) every pending interrupt; how many
 * there were. */
unsigned gic_ack_all(void);
/* One at a time: the INTID acknowledged (1020 and up: none), then its end:
 * the priority drop, and the deactivation unless a guest will do it. */
unsigned gic_ack(void);
void gic_eoi(unsigned intid, bool deactivate);
#define GIC_INTID_SPURIOUS	1020
/* Route SPI `intid` to the CPU with affinity `mpidr` and enable it, or
 * (on false) disable it. */
void gic_spi_route(unsigned intid, uint64_t mpidr, bool on);
/* Deactivate SPI `intid` (from any CPU: through the distributor). */
void gic_spi_deactivate(unsigned intid);
/* Enable or disable PPI `intid` on the CPU with affinity `mpidr`. */
void gic_ppi_enable(uint64_t mpidr, unsigned intid, bool on);
/* Deactivate PPI `intid` of the CPU with affinity `mpidr` (its
 * redistributor): one a list register held with the HW bit, which the
 * guest will never end once the list registers are cleared. */
void gic_ppi_deactivate(uint64_t mpidr, unsigned intid);

#endif
