/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef STUBS_H
#define STUBS_H

/* What the code under test printed through kprintf(). */
extern char stub_log[8192];
void stub_log_clear(void);

#endif
