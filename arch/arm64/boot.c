// SPDX-License-Identifier: GPL-2.0-only
/*
 * The boot CPU's first C code: a console on the UART the device tree
 * names, then the one check that must come before anything touches an EL2
 * register: were we entered at EL2?  If not, one line says so and the
 * machine is powered off.  Then the EL2 MMU and caches (mmu.c).
 */
#include <libfdt.h>
#include <arch/mmu.h>
#include <arch/psci.h>
#include <arch/sysreg.h>
#include <fv/arch_cpu.h>
#include <fv/console.h>
#include <fv/fmt.h>
#include <fv/panic.h>
#include <fv/pl011.h>
#include <fv/platform.h>
#include <fv/string.h>
#include "trap.h"

static struct console_dev early_uart;

/* The PL011 /chosen/stdout-path names, until the platform probe has read
 * the tree properly (there is no firmware console on ARM64): its base, 0
 * if none. */
static uint64_t early_console(const void *fdt)
{
	int chosen, node, len;
	const char *path, *colon;
	struct plat_range r;

	if (fdt_check_header(fdt) || (chosen = fdt_path_offset(fdt, "/chosen")) < 0)
		return 0;
	path = fdt_getprop(fdt, chosen, "stdout-path", &len);
	if (!path || len <= 1)
		return 0;
	colon = memchr(path, ':', (size_t)len);
	len = colon ? (int)(colon - path) : (int)strnlen(path, (size_t)len);
	node = fdt_path_offset_namelen(fdt, path, len);
	if (node < 0 || fdt_node_check_compatible(fdt, node, "arm,pl011") ||
	    fdt_read_reg(fdt, node, 0, &r) < 0)
		return 0;
	pl011_console_init(&early_uart, (uintptr_t)r.base);
	console_set_device(&early_uart);
	return r.base;
}

/* Not at EL2: no stage-2, no HCR_EL2; say so and power off. */
static __noreturn void refuse(const void *fdt, unsigned el)
{
	char line[160];
	int n = fmt_snprintf(line, sizeof(line), "\nFerrovisor: entered at EL%u, not EL2: "
			     "it needs the virtualization extensions (QEMU: -M "
			     "virt,virtualization=on); powering off.\n", el);

	/* the only CPU running; console_lock() would read TPIDR_EL2, which
	 * does not exist below EL2 */
	console_write_locked(line, n < (int)sizeof(line) ? (unsigned long)n : sizeof(line) - 1);
	psci_set_conduit(arm64_psci_conduit(fdt));
	psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

__noreturn void arm64_boot(const void *fdt)
{
	unsigned el = CURRENT_EL(read_sysreg(CurrentEL));
	uint64_t uart = early_console(fdt);

	if (el != 2)
		refuse(fdt, el);
	write_sysreg(tpidr_el2, 0);	/* no struct cpu yet */
	write_sysreg(vbar_el2, (uintptr_t)arm64_vectors);
	isb();
	/* Normal cacheable memory for all that follows (exclusives, guests'
	 * cached views); without it, refuse to go on */
	if (arm64_mmu_setup(fdt, uart) < 0)
		panic("EL2 MMU: the identity map does not fit its tables");
	hv_main(read_sysreg(mpidr_el1) & MPIDR_AFF_MASK, fdt);
}
