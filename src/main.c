// SPDX-License-Identifier: GPL-2.0-only
/*
 * Boot orchestration.  The boot hart probes the platform, checks it can run
 * here, sets up the hypervisor's memory and starts every other hart; then
 * (from the cells issue on) the layout is applied and the cells start.
 */
#include <libfdt.h>
#include <fv/arch_cpu.h>
#include <fv/arch_platform.h>
#include <fv/console.h>
#include <fv/cpu.h>
#include <fv/hv.h>
#include <fv/ns16550.h>
#include <fv/page_alloc.h>
#include <fv/pl011.h>
#include <fv/panic.h>
#include <fv/platform.h>
#include <fv/string.h>
#include <fv/trace.h>

struct cpu cpus[CONFIG_MAX_HARTS];
unsigned nr_cpus;

static struct console_dev uart;

/* How long the boot hart waits for the others, in seconds of the timer. */
#define HART_WAIT_SECONDS 2

static void start_console(const struct platform *p)
{
	if (!p->uart.present || !IS_ENABLED(CONFIG_CONSOLE_UART))
		return;
	if (p->uart.kind == UART_PL011)
		pl011_console_init(&uart, p->uart.reg.base);
	else
		ns16550_console_init(&uart, p->uart.reg.base, p->uart.reg_shift,
				     p->uart.io_width);
	console_set_device(&uart);
}

static void setup_memory(void)
{
	uintptr_t start = (uintptr_t)hv_image_end;
	uintptr_t end = (uintptr_t)hv_image_start + CONFIG_HV_MEM_SIZE;
	void *copy;

	if (start >= end)
		panic("the image (%lu KiB) does not fit CONFIG_HV_MEM_SIZE (%lu KiB)",
		      (unsigned long)(start - (uintptr_t)hv_image_start) >> 10,
		      (unsigned long)CONFIG_HV_MEM_SIZE >> 10);
	if (page_pool_init(&hv_pool, start, end - start) < 0)
		panic("cannot set up the page pool at %#lx-%#lx", start, end);
	/* Keep the firmware's tree where no cell can overwrite it. */
	copy = page_alloc(ALIGN_UP(fdt_totalsize(platform.fdt), PAGE_SIZE) / PAGE_SIZE, 1);
	if (!copy)
		panic("no memory for a copy of the device tree");
	memcpy(copy, platform.fdt, fdt_totalsize(platform.fdt));
	platform.fdt = copy;

	kprintf("memory: hypervisor %#lx-%#lx, image %lu KiB, page pool %lu KiB\n",
		(unsigned long)hv_image_start, end - 1,
		(unsigned long)(start - (uintptr_t)hv_image_start) >> 10,
		(unsigned long)(hv_pool.npages * PAGE_SIZE) >> 10);
}

static unsigned count_online(void)
{
	unsigned online = 0;

	for (unsigned i = 0; i < nr_cpus; i++)
		online += READ_ONCE(cpus[i].online);
	return online;
}

/*
 * Start the other harts and wait until they are online.  The boot hart
 * sleeps meanwhile, woken by each hart's kick: a spinning hart would take
 * time from the ones it waits for (under QEMU's -icount it burns its whole
 * turn, 15 M instructions at each boot).
 */
static void start_harts(unsigned long boot_hwid)
{
	unsigned started = 1, online = 1, i;
	uint64_t deadline;

	/* Logical CPU 0 is the boot hart; the others follow device-tree order. */
	nr_cpus = 1;
	for (i = 0; i < platform.nr_harts; i++) {
		struct cpu *c;

		if (platform.harts[i].hwid == boot_hwid)
			continue;
		c = &cpus[nr_cpus];
		c->id = nr_cpus++;
		c->hwid = platform.harts[i].hwid;
		if (arch_cpu_start(c->hwid, c) < 0)
			kprintf("hart %lu: the firmware refused to start it\n", c->hwid);
		else
			started++;
	}
	deadline = arch_counter() + platform.timebase_hz * HART_WAIT_SECONDS;
	while ((online = count_online()) < started && arch_counter() < deadline)
		arch_cpu_wait_kick(deadline);
	kprintf("%u of %u harts online\n", online, nr_cpus);
}

__noreturn void hv_main(unsigned long boot_hwid, const void *fdt)
{
	struct cpu *c = &cpus[0];

	c->id = 0;
	c->hwid = boot_hwid;
	arch_cpu_init(c);

	kprintf("\nFerrovisor %s (%s, %s)\n", FV_VERSION, CONFIG_ARCH, CONFIG_PLATFORM);
	if (platform_probe(fdt, &platform) < 0)
		panic("cannot use the firmware's device tree at %p", fdt);
	start_console(&platform);
	platform_print(&platform);
	if (arch_platform_check(&platform) < 0) {
		kprintf("Ferrovisor cannot run on this machine; powering off.\n");
		arch_system_off();
	}
	if (platform_hart_index(&platform, boot_hwid) < 0)
		panic("the boot hart %lu is not in the device tree", boot_hwid);
	setup_memory();

	pr_verbose("device tree copied to %p (%u bytes)\n", platform.fdt,
		   fdt_totalsize(platform.fdt));
	c->online = true;
	kprintf("hart %lu online (cpu 0, boot)\n", boot_hwid);
	start_harts(boot_hwid);

	hv_run();
}

__noreturn void hv_secondary_main(struct cpu *c)
{
	arch_cpu_init(c);
	kprintf("hart %lu online (cpu %u)\n", c->hwid, c->id);
	WRITE_ONCE(c->online, true);
	arch_cpu_kick(&cpus[0]);	/* the boot hart waits for us */
	hv_run_secondary(c);
}
