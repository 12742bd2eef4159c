// SPDX-License-Identifier: GPL-2.0-only
/*
 * After boot: check the layout against this machine, make the cells, start
 * them.  Then the boot hart, like every other, waits in its idle loop for
 * a vCPU to run.
 */
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include <fv/cell.h>
#include <fv/console.h>
#include <fv/housekeeping.h>
#include <fv/hv.h>
#include <fv/page_alloc.h>
#include <fv/platform.h>

__noreturn void hv_run(void)
{
	if (fv_layout.nr_cells == 0) {
		kprintf("boot complete: no cells configured, harts idle\n");
		hv_run_secondary(this_cpu());
	}
	if (layout_check_boot() > 0 || arch_cells_prepare() < 0 || cells_setup() < 0) {
		kprintf("Ferrovisor: the layout cannot run on this machine; powering off.\n");
		arch_system_off();
	}
	hk_start();
	cells_start();
	kprintf("memory: %lu KiB in use: image %lu KiB, page pool %lu of %lu KiB\n",
		(unsigned long)(hv_pool.base - (uintptr_t)hv_image_start +
				(hv_pool.npages - hv_pool.nfree) * PAGE_SIZE) >> 10,
		(unsigned long)((uintptr_t)hv_image_end - (uintptr_t)hv_image_start) >> 10,
		(unsigned long)((hv_pool.npages - hv_pool.nfree) * PAGE_SIZE) >> 10,
		(unsigned long)(hv_pool.npages * PAGE_SIZE) >> 10);
	hv_run_secondary(this_cpu());
}
