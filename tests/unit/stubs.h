/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef STUBS_H
#define STUBS_H

#include <stdbool.h>

/* What the code under test printed through kprintf(). */
extern char stub_log[65536];
void stub_log_clear(void);
/* console_trylock() fails while this is set (another hart "holds" it) */
extern bool stub_console_busy;

#endif
