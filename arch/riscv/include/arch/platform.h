/* SPDX-License-Identifier: GPL-2.0-only */
/* What the RISC-V code reads from the device tree: ISA extensions per hart,
 * interrupt controllers and timers. */
#ifndef ARCH_PLATFORM_H
#define ARCH_PLATFORM_H

#include <fv/types.h>

/* ISA extensions the hypervisor uses or reports; bit numbers in isa_ext. */
enum riscv_isa_ext {
	ISA_H,
	ISA_SSTC,
	ISA_SSAIA,
	ISA_SMAIA,
	ISA_SVPBMT,
	ISA_SVNAPOT,
	ISA_SVINVAL,
	ISA_SSCOFPMF,
	ISA_ZICBOM,
	ISA_ZIHINTPAUSE,
	ISA_D,		/* double-precision FP: guest FP state to reset */
	ISA_V,		/* vectors: guest vector state to reset */
	ISA_SMSTATEEN,	/* hstateen0 exists: AIA state of guests gated there */
	ISA_NR,
};

struct arch_hart {
	uint64_t isa_ext;	/* BIT(ISA_*) */
	uint32_t intc_phandle;	/* its interrupt-controller child */
	int plic_ctx_s;		/* PLIC context of its S-mode external IRQ, -1 none */
	int imsic_idx;		/* its place in the S-level IMSIC (APLIC hart index), -1 none */
};

struct riscv_irqc {
	bool present;
	paddr_t base;
	uint64_t size;
	uint32_t ndev;		/* PLIC: riscv,ndev; APLIC: riscv,num-sources; IMSIC: riscv,num-ids */
	uint32_t guest_bits;	/* IMSIC: riscv,guest-index-bits (guest files per hart: 2^bits - 1) */
	int node;
};

#define RISCV_HV_OWNED_MAX	16

struct arch_platform {
	uint64_t isa_common;	/* extensions every hart has */
	struct riscv_irqc plic, aplic_s, imsic_s, clint, aclint_mswi, aclint_sswi;
	/* the reg ranges of every interrupt controller, timer and IPI device
	 * node, read once at probe: none may be passed through */
	struct plat_range hv_owned[RISCV_HV_OWNED_MAX];
	unsigned nr_hv_owned;	/* RISCV_HV_OWNED_MAX + 1: more, walk the tree */
};

const char *riscv_isa_ext_name(enum riscv_isa_ext e);
uint64_t riscv_parse_isa_string(const char *isa);

#endif
