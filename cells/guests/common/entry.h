/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Assembler pieces the bare-metal guests' entry code shares.  Include from
 * a .S file (guest.mk puts cells/guests/common on the include path).
 */
#ifndef GUEST_ENTRY_H
#define GUEST_ENTRY_H

/* All mutable state of a guest is in .bss: clear it on every (re)boot.
 * Uses t0 and t1; __bss_start and __bss_end are 8-byte aligned. */
.macro CLEAR_BSS
	la	t0, __bss_start
	la	t1, __bss_end
101:	bgeu	t0, t1, 102f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	101b
102:
.endm

#endif
