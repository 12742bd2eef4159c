/* SPDX-License-Identifier: GPL-2.0-only */
/* RISC-V's trap frame, shared by switch.S and the C code (config.h). */
#ifndef RTOS_ARCH_CONFIG_H
#define RTOS_ARCH_CONFIG_H

/*
 * Trap frame: slot 0 is sepc, slot n (1..31) is register xn (sp and tp
 * are not stored: sp is the frame address plus FRAME_SIZE and tp is the
 * constant per-hart pointer), then sstatus and the `time` read at entry.
 */
#define FRAME_SEPC		0
#define FRAME_SSTATUS		32
#define FRAME_TIME		33
#define FRAME_SLOTS		34
#define FRAME_SIZE		(FRAME_SLOTS * 8)

#endif
