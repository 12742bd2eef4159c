/* SPDX-License-Identifier: GPL-2.0-only */
/* The console monitor (Ctrl-] m): each cell's state and counters. */
#ifndef FV_MONITOR_H
#define FV_MONITOR_H

/* With the console lock held. */
void monitor_print_locked(void);

#endif
