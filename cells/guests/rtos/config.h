/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Build-time sizes of the RTOS guest, shared by C and assembly.  Every
 * byte the guest writes outside its DTB and devices is in .bss, sized here.
 */
#ifndef RTOS_CONFIG_H
#define RTOS_CONFIG_H

#define RTOS_VERSION		"0.1"

#define MAX_HARTS		8
#define NTASKS			7	/* per hart, one per priority level */
#define BOOT_STACK_SIZE		4096	/* per hart, used until the first task runs */
#define TASK_STACK_SIZE		4096
#define QUEUE_LEN		8	/* messages in each ring */
#define CONSOLE_LINE_MAX		160	/* longest console line */

/* The trap frame's layout (FRAME_SLOTS, FRAME_SIZE, FRAME_TIME, ...). */
#include "arch_config.h"

#endif
