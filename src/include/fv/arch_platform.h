/* SPDX-License-Identifier: GPL-2.0-only */
/* Platform hooks: what only the architecture can read or decide. */
#ifndef FV_ARCH_PLATFORM_H
#define FV_ARCH_PLATFORM_H

#include <fv/compiler.h>
#include <fv/platform.h>

/* Fill the arch part of hart `h` from its cpu node (ISA string, ...). */
int arch_platform_hart(const void *fdt, int cpu_node, struct plat_hart *h);

/* Fill p->arch (interrupt controllers, timers) from the device tree. */
int arch_platform_probe(const void *fdt, struct platform *p);

/* Can the hypervisor run here?  Prints one line saying why not and returns
 * a negative value if a required feature (e.g. the H extension) is missing. */
int arch_platform_check(const struct platform *p);

/* Append the arch's lines to the boot summary. */
void arch_platform_print(const struct platform *p);

/* Highest valid external interrupt id of the interrupt controller the
 * hypervisor drives (0: none), for checking a layout's IRQs. */
unsigned arch_platform_nr_irqs(const struct platform *p);

/* The checks of a cell's arch part (layout_cell.arch) that depend on the
 * platform, e.g. which interrupt controller the guest gets: report(arg,
 * printf-like message) for each problem. */
struct layout_cell;
typedef void (*arch_layout_report)(void *arg, const char *fmt, ...) __printf(2, 3);
void arch_layout_check_cell(const struct platform *p, const struct layout_cell *lc,
			    arch_layout_report report, void *arg);

/* Does [base, base+size) touch something the hypervisor (or the firmware
 * below it) keeps for itself: interrupt controllers, timers, IPI devices?
 * Such ranges are never passed through to a cell. */
bool arch_platform_is_hv_owned(const struct platform *p, paddr_t base, uint64_t size);

#endif
