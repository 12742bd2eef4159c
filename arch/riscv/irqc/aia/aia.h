/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The physical AIA, driven by the hypervisor on machines with an APLIC and
 * IMSICs instead of a PLIC: the S-level APLIC domain (delivering by MSI),
 * the hypervisor's own S-level interrupt file on each hart, and the
 * address of each hart's guest interrupt files.
 */
#ifndef RISCV_AIA_H
#define RISCV_AIA_H

#include <fv/types.h>

#define APLIC_MAX_SOURCES	1024
#define IMSIC_FILE_SIZE		0x1000

/* Source modes of sourcecfg (SM field) */
#define APLIC_SM_INACTIVE	0
#define APLIC_SM_DETACHED	1
#define APLIC_SM_EDGE_RISE	4
#define APLIC_SM_EDGE_FALL	5
#define APLIC_SM_LEVEL_HIGH	6
#define APLIC_SM_LEVEL_LOW	7

/* A target register in MSI delivery mode, and genmsi */
#define APLIC_TARGET(hart, guest, eiid) \
	(((uint32_t)(hart) << 18) | ((uint32_t)(guest) << 12) | ((uint32_t)(eiid) & 0x7ff))
#define APLIC_TARGET_HART(t)	((t) >> 18)
#define APLIC_TARGET_GUEST(t)	(((t) >> 12) & 0x3f)
#define APLIC_TARGET_EIID(t)	((t) & 0x7ff)

/* The one guest interrupt file each hart gives the vhart it runs. */
#define AIA_GUEST_FILE		1

/* aplic.c: the S-level APLIC domain */
void aplic_init(paddr_t base, uint32_t nr_sources);
void aplic_source(uint32_t src, unsigned sm);
void aplic_target(uint32_t src, uint32_t target);
void aplic_enable(uint32_t src, bool on);
bool aplic_input_high(uint32_t src);
void aplic_set_pending(uint32_t src);

/* imsic.c: this hart's S-level file, and where guest files are */
void imsic_hart_init(void);
uint32_t imsic_claim(void);
paddr_t imsic_guest_file(int imsic_idx, unsigned guest);
void imsic_send(paddr_t file, uint32_t eiid);
void imsic_guest_file_reset(void);



struct cpu;

/* aia_route.c: the AIA variant of irq_route.c, chosen at boot when the
 * platform has an S-level APLIC and IMSIC and no PLIC (riscv_aia). */
extern bool riscv_aia;
void aia_route_prepare(void);
void aia_hart_init(const struct cpu *c);
void aia_console_irq_route(uint32_t irq, const struct cpu *to);
void aia_external_irq(struct cpu *c);
/* Passthrough sources: give `src` to cell `c` at boot (aimed at its
 * vhart 0's file with identity 0, which is no interrupt, and disabled);
 * then its mode, target and enable as its virtual APLIC says, for the
 * cell that owns it only. */
struct cell;
void aia_route_own(struct cell *c, uint32_t src);
void aia_route_config(const struct cell *c, uint32_t src, unsigned sm);
void aia_route_target(const struct cell *c, unsigned vhart, uint32_t src, uint32_t eiid);
void aia_route_enable(const struct cell *c, uint32_t src, bool on);

/* aia_cell.c: a cell's files and interrupt controller, at boot; 0: it
 * has a virtual APLIC, 1: it keeps the virtual PLIC, -1: it cannot run */
int aia_cell_init(struct cell *c);

/* aia_vcpu.c: a vCPU's guest interrupt file, on guest entry */
struct vcpu;
unsigned long aia_vgein(const struct vcpu *v);
unsigned long aia_hstateen0(const struct vcpu *v);
void aia_vcpu_reset(const struct vcpu *v);

#endif
