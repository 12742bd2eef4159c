/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FV_NS16550_H
#define FV_NS16550_H

#include <fv/console.h>

void ns16550_console_init(struct console_dev *d, uintptr_t base,
			  unsigned reg_shift, unsigned io_width);

#endif
