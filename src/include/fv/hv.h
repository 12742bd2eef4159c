/* SPDX-License-Identifier: GPL-2.0-only */
/* Symbols of the hypervisor image and the phase after boot. */
#ifndef FV_HV_H
#define FV_HV_H

#include <fv/compiler.h>
#include <fv/cpu.h>

/* Linker-script symbols: the image's first byte and first free byte. */
extern char hv_image_start[], hv_image_end[];
/* The end of what is never written: text, read-only data, guest images. */
extern char hv_ro_end[];

/* The boot-time layout check (src/layout_boot.c): number of errors. */
int layout_check_boot(void);

/* After boot: apply the layout and run (src/run.c). */
__noreturn void hv_run(void);
__noreturn void hv_run_secondary(struct cpu *c);

#endif
