// SPDX-License-Identifier: GPL-2.0-only
/*
 * The layout check at boot: the same layout_check() the build ran, now
 * against the firmware's device tree, the firmware's and the hypervisor's
 * own memory, and the tree's reserved-memory.
 */
#include <fv/console.h>
#include <fv/hv.h>
#include <fv/layout_check.h>

static void report(void *arg, const char *msg)
{
	(void)arg;
	kprintf("layout: %s\n", msg);
}

/* An accepted risk (DEV_DMA_UNCONFINED): on the console at every boot. */
static void warn(void *arg, const char *msg)
{
	(void)arg;
	kprintf("layout: warning: %s\n", msg);
}

int layout_check_boot(void)
{
	struct layout_check_env env = {
		.plat = &platform,
		.report = report,
		.warn = warn,
	};
	int errors;

	layout_check_add_reserved(&env, CONFIG_FW_BASE, CONFIG_FW_SIZE, "the firmware");
	layout_check_add_reserved(&env, (uintptr_t)hv_image_start, CONFIG_HV_MEM_SIZE,
				  "the hypervisor");
	/* A range that does not fit the table is reported here and counted
	 * as an error by layout_check(): the boot stops rather than run a
	 * layout never checked against it. */
	layout_check_add_fdt_reserved(&env, platform.fdt_orig);
	errors = layout_check(&fv_layout, &env);
	if (errors)
		kprintf("layout: %d error%s against this machine\n", errors,
			errors > 1 ? "s" : "");
	return errors;
}
