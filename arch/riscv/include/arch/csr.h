/* SPDX-License-Identifier: GPL-2.0-only */
/* RISC-V CSR access and the bits of the supervisor and hypervisor CSRs we use. */
#ifndef ARCH_CSR_H
#define ARCH_CSR_H

#define CSR_SSTATUS	0x100
#define CSR_SIE		0x104
#define CSR_STVEC	0x105
#define CSR_SCOUNTEREN	0x106
#define CSR_SENVCFG	0x10a
#define CSR_SSCRATCH	0x140
#define CSR_SEPC	0x141
#define CSR_SCAUSE	0x142
#define CSR_STVAL	0x143
#define CSR_SIP		0x144
#define CSR_STIMECMP	0x14d
#define CSR_SISELECT	0x150	/* AIA: indirect access to this hart's S-level file */
#define CSR_SIREG	0x151
#define CSR_STOPEI	0x15c	/* AIA: claim the S-level file's top interrupt */
#define CSR_SATP	0x180

#define CSR_HSTATUS	0x600
#define CSR_HEDELEG	0x602
#define CSR_HIDELEG	0x603
#define CSR_HIE		0x604
#define CSR_HTIMEDELTA	0x605
#define CSR_HCOUNTEREN	0x606
#define CSR_HGEIE	0x607
#define CSR_HENVCFG	0x60a
#define CSR_HSTATEEN0	0x60c	/* Smstateen: the guest's access to AIA state */
#define CSR_HTVAL	0x643
#define CSR_HIP		0x644
#define CSR_HVIP	0x645
#define CSR_HTINST	0x64a
#define CSR_HGATP	0x680
#define CSR_VSSTATUS	0x200
#define CSR_VSIE	0x204
#define CSR_VSTVEC	0x205
#define CSR_VSSCRATCH	0x240
#define CSR_VSEPC	0x241
#define CSR_VSCAUSE	0x242
#define CSR_VSTVAL	0x243
#define CSR_VSIP	0x244
#define CSR_VSTIMECMP	0x24d
#define CSR_VSATP	0x280
#define CSR_VSISELECT	0x250	/* AIA: the guest file selected by hstatus.VGEIN */
#define CSR_VSIREG	0x251
#define CSR_TIME	0xc01

/* sstatus */
#define SSTATUS_SIE	(1UL << 1)
#define SSTATUS_SPIE	(1UL << 5)
#define SSTATUS_SPP	(1UL << 8)
#define SSTATUS_FS	(3UL << 13)
#define SSTATUS_SUM	(1UL << 18)

/* hstatus */
#define HSTATUS_GVA	(1UL << 6)
#define HSTATUS_SPV	(1UL << 7)
#define HSTATUS_SPVP	(1UL << 8)
#define HSTATUS_HU	(1UL << 9)
#define HSTATUS_VTW	(1UL << 21)
#define HSTATUS_VTSR	(1UL << 22)
#define HSTATUS_VSXL_SHIFT 32
#define HSTATUS_VGEIN_SHIFT 12	/* the guest interrupt file VS-level uses */

/* hstateen0 bits (Smstateen with AIA) */
#define HSTATEEN0_SE0		(1UL << 63)
#define HSTATEEN0_ENVCFG	(1UL << 62)	/* senvcfg */
#define HSTATEEN0_CSRIND	(1UL << 60)	/* vsiselect/vsireg */
#define HSTATEEN0_AIA		(1UL << 59)	/* the other AIA state */
#define HSTATEEN0_IMSIC		(1UL << 58)	/* vstopei, the guest file */

/* IMSIC registers reached through siselect/vsiselect */
#define IMSIC_EIDELIVERY	0x70
#define IMSIC_EITHRESHOLD	0x72
#define IMSIC_EIP0		0x80
#define IMSIC_EIE0		0xc0

/* interrupts (sip/sie/hip/hie/hvip/hideleg bit numbers) */
#define IRQ_S_SOFT	1
#define IRQ_VS_SOFT	2
#define IRQ_S_TIMER	5
#define IRQ_VS_TIMER	6
#define IRQ_S_EXT	9
#define IRQ_VS_EXT	10
#define IRQ_SG_EXT	12

/* exception causes */
#define EXC_INST_MISALIGNED	0
#define EXC_INST_ACCESS		1
#define EXC_ILLEGAL_INST	2
#define EXC_BREAKPOINT		3
#define EXC_LOAD_MISALIGNED	4
#define EXC_LOAD_ACCESS		5
#define EXC_STORE_MISALIGNED	6
#define EXC_STORE_ACCESS	7
#define EXC_ECALL_U		8
#define EXC_ECALL_S		9	/* from HS-mode (or S without H) */
#define EXC_ECALL_VS		10
#define EXC_INST_PAGE_FAULT	12
#define EXC_LOAD_PAGE_FAULT	13
#define EXC_STORE_PAGE_FAULT	15
#define EXC_INST_GUEST_PAGE_FAULT	20
#define EXC_LOAD_GUEST_PAGE_FAULT	21
#define EXC_VIRTUAL_INST	22
#define EXC_STORE_GUEST_PAGE_FAULT	23
#define CAUSE_IRQ_FLAG	(1UL << 63)

/* henvcfg */
#define HENVCFG_STCE	(1UL << 63)
#define HENVCFG_PBMTE	(1UL << 62)
#define HENVCFG_ADUE	(1UL << 61)	/* Svadu: A/D updated by the hart */
#define HENVCFG_DTE	(1UL << 59)	/* Ssdbltrp */
#define HENVCFG_PMM	(3UL << 32)	/* Ssnpm: 2 = PMLEN 7, 3 = PMLEN 16 */
#define HENVCFG_PMM_SHIFT 32
#define HENVCFG_SSE	(1UL << 3)	/* Zicfiss */
#define HENVCFG_LPE	(1UL << 2)	/* Zicfilp */

/* hgatp */
#define HGATP_MODE_SHIFT 60
#define HGATP_MODE_SV39X4 8UL
#define HGATP_VMID_SHIFT 44
#define HGATP_VMID_MASK	0x3fffUL

#ifndef __ASSEMBLER__
#define __STR(x) #x
#define STR(x) __STR(x)

/* Value-returning macros use their own names: csr_write(a, csr_read(b)) nests. */
#define csr_read(csr) ({ \
	unsigned long __r; \
	__asm__ volatile("csrr %0, " STR(csr) : "=r"(__r) :: "memory"); \
	__r; })
#define csr_write(csr, val) ({ \
	unsigned long __v = (unsigned long)(val); \
	__asm__ volatile("csrw " STR(csr) ", %0" :: "rK"(__v) : "memory"); })
#define csr_set(csr, val) ({ \
	unsigned long __v = (unsigned long)(val); \
	__asm__ volatile("csrs " STR(csr) ", %0" :: "rK"(__v) : "memory"); })
#define csr_clear(csr, val) ({ \
	unsigned long __v = (unsigned long)(val); \
	__asm__ volatile("csrc " STR(csr) ", %0" :: "rK"(__v) : "memory"); })
#define csr_swap(csr, val) ({ \
	unsigned long __x = (unsigned long)(val); \
	__asm__ volatile("csrrw %0, " STR(csr) ", %1" : "=r"(__x) : "rK"(__x) : "memory"); \
	__x; })
#endif

#endif
