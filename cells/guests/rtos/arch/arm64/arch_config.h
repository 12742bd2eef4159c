/* SPDX-License-Identifier: GPL-2.0-only */
/* ARM64's trap frame, shared by switch.S and the C code (config.h). */
#ifndef RTOS_ARCH_CONFIG_H
#define RTOS_ARCH_CONFIG_H

/*
 * Trap frame: slot n (0..30) is register xn, then ELR_EL1, SPSR_EL1 and
 * the virtual count read at entry (sp is the frame address plus
 * FRAME_SIZE).  34 slots keep the stack 16-byte aligned.
 */
#define FRAME_ELR		31
#define FRAME_SPSR		32
#define FRAME_TIME		33
#define FRAME_SLOTS		34
#define FRAME_SIZE		(FRAME_SLOTS * 8)

/* SPSR of a task: EL1 with SP_EL1 (EL1h), interrupts unmasked. */
#define SPSR_EL1H		0x5

#endif
