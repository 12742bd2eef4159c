/* SPDX-License-Identifier: GPL-2.0-only */
/* The console monitor (Ctrl-] m): each cell's state and counters, and its
 * command line (CONFIG_MONITOR_SHELL). */
#ifndef FV_MONITOR_H
#define FV_MONITOR_H

#include <fv/types.h>

/* With the console lock held. */
void monitor_print_locked(void);
/* Per vCPU: traps by kind and waits on locks shared between cells. */
void monitor_print_vcpus_locked(void);

/* The command line, from the housekeeping hart: open it (the overview,
 * then a prompt); while it is open typed bytes go to monitor_input()
 * instead of a cell. */
void monitor_open(void);
bool monitor_is_open(void);
void monitor_close(void);
void monitor_input(char c);

#endif
