/* SPDX-License-Identifier: GPL-2.0-only */
/* The console monitor (Ctrl-] m): each cell's state and counters. */
#ifndef FV_MONITOR_H
#define FV_MONITOR_H

/* Once, before the cells start: what the checks compare against. */
void monitor_init(void);
/* With the console lock held. */
void monitor_print_locked(void);
/* Per vCPU: traps by kind and waits on locks shared between cells. */
void monitor_print_vcpus_locked(void);

#endif
