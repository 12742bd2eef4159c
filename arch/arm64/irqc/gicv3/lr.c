// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the GICv3 virtual CPU interface as <arch/irqc.h> hands
 * it to the shared list-register code: ICH_LR<n>_EL2 (already in the
 * interface's layout), ICH_HCR_EL2 and ICH_VMCR_EL2, system registers of
 * this CPU.  Encodings from Arm's GICv3/v4 specification (IHI 0069).
 */
#include <arch/irqc.h>
#include <arch/sysreg.h>
#include <arch/vgic.h>

#define ICH_HCR_EL2	S3_4_C12_C11_0
#define ICH_VTR_EL2	S3_4_C12_C11_1
#define ICH_VMCR_EL2	S3_4_C12_C11_7
#define ICH_HCR_EN	(1ULL << 0)
#define ICH_HCR_UIE	(1ULL << 1)

void arm64_lr_write(unsigned n, uint64_t v)
{
	switch (n) {
	case 0: write_sysreg(S3_4_C12_C12_0, v); break;
	case 1: write_sysreg(S3_4_C12_C12_1, v); break;
	case 2: write_sysreg(S3_4_C12_C12_2, v); break;
	case 3: write_sysreg(S3_4_C12_C12_3, v); break;
	default: break;
	}
}

uint64_t arm64_lr_read(unsigned n)
{
	switch (n) {
	case 0: return read_sysreg(S3_4_C12_C12_0);
	case 1: return read_sysreg(S3_4_C12_C12_1);
	case 2: return read_sysreg(S3_4_C12_C12_2);
	case 3: return read_sysreg(S3_4_C12_C12_3);
	default: return 0;
	}
}

unsigned arm64_nr_lrs(void)
{
	unsigned n = (unsigned)(read_sysreg(ICH_VTR_EL2) & 0x1f) + 1;

	return n < VGIC_LRS ? n : VGIC_LRS;
}

void irqc_vif_on(bool underflow)
{
	write_sysreg(ICH_HCR_EL2, ICH_HCR_EN | (underflow ? ICH_HCR_UIE : 0));
	isb();
}

void irqc_vif_off(void)
{
	write_sysreg(ICH_HCR_EL2, 0);
	isb();
}

void irqc_vif_reset(void)
{
	write_sysreg(ICH_VMCR_EL2, 0);
}

/* The hardware deactivates a HW entry's physical interrupt itself. */
void irqc_maint(void)
{
}
