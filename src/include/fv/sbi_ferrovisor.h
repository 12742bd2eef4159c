/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ABI of Ferrovisor's own SBI extension, in one place for the
 * hypervisor (arch/riscv/vsbi.c) and the guests that call it (sbitest,
 * the bench guest): a number that drifted between them would fail only
 * at run time.  Plain defines, nothing else, so any guest can include it.
 */
#ifndef FV_SBI_FERROVISOR_H
#define FV_SBI_FERROVISOR_H

/*
 * Ferrovisor's own SBI extension.  Its ID is in the space the SBI spec
 * reserves for firmware-specific extensions (0x0A000000-0x0AFFFFFF),
 * where the low 24 bits must be those of the implementation ID: the
 * vendor space (0x09000000-0x09FFFFFF) is for a hart vendor's mvendorid,
 * which we are not.  BASE probe reports it.  The ID's low 24 bits are
 * the hypervisor's VSBI_IMPL_ID (arch/riscv/vsbi.h checks it).
 *
 * SBI_FV_DOORBELL_RING: a0 = index of one of the calling cell's
 * doorbells, in layout order among them; rings the peer as a write of
 * DOORBELL_RING would.  SBI_SUCCESS with value 1 if the peer took the
 * ring, 0 if it was dropped (the peer is not running);
 * SBI_ERR_INVALID_PARAM if the cell has no doorbell a0.
 *
 * SBI_FV_DOORBELL_TAKE: a0 = the same index; acknowledges every ring the
 * doorbell holds and returns how many (SBI_SUCCESS, value 0..0xffffffff),
 * the line following (doorbell_take): one call where the registers take
 * a read of DOORBELL_STATUS and a write of DOORBELL_ACK.
 * SBI_ERR_INVALID_PARAM if the cell has no doorbell a0.
 *
 * SBI_FV_DOORBELL_TAKE_RING: a0 = a doorbell to take, a1 = one to ring
 * (the same index answers the peer that rang): takes a0's rings as
 * SBI_FV_DOORBELL_TAKE does, then rings a1 as SBI_FV_DOORBELL_RING does
 * if at least one was taken (an answer follows a request; value 0 means
 * nothing was rung either).  SBI_SUCCESS with value: how many were taken
 * (whether the ring was taken or dropped is not returned: the monitor's
 * counters have it).  SBI_ERR_INVALID_PARAM, nothing taken or rung, if
 * the cell has no doorbell a0 or no doorbell a1.  One trap for an echo's
 * take and ring back (doorbell_take_ring).
 */
#define SBI_EXT_FERROVISOR	0x0A004656UL	/* 0x0A000000 | VSBI_IMPL_ID */
#define SBI_FV_DOORBELL_RING	0
#define SBI_FV_DOORBELL_TAKE	1
#define SBI_FV_DOORBELL_TAKE_RING	2

#endif
