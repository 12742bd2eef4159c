/* SPDX-License-Identifier: GPL-2.0-only */
/* The Arm PL011 UART as the hypervisor's console (src/drivers/pl011.c). */
#ifndef FV_PL011_H
#define FV_PL011_H

#include <fv/console.h>

void pl011_console_init(struct console_dev *d, uintptr_t base);

#endif
