// SPDX-License-Identifier: GPL-2.0-only
/*
 * Physical APLIC access (register map of the RISC-V AIA specification),
 * for the S-level interrupt domain the firmware delegated the sources to.
 * The hypervisor runs it in MSI delivery mode: every source it enables is
 * sent as a message to the interrupt file its target register names.
 */
#include "aia.h"

#define DOMAINCFG		0x0000
#define DOMAINCFG_IE		(1u << 8)
#define DOMAINCFG_DM_MSI	(1u << 2)
#define SOURCECFG(src)		(0x0004 + 4 * ((uintptr_t)(src) - 1))
#define SETIPNUM		0x1cdc
#define IN_CLRIP(src)		(0x1d00 + 4 * ((src) / 32))
#define SETIENUM		0x1edc
#define CLRIENUM		0x1fdc
#define TARGET(src)		(0x3004 + 4 * ((uintptr_t)(src) - 1))

static uintptr_t base;
static uint32_t nr;

static volatile uint32_t *reg(uintptr_t off)
{
	return (volatile uint32_t *)(base + off);
}

/* Once, at boot: every source inactive, messages on. */
void aplic_init(paddr_t b, uint32_t n)
{
	base = b;
	nr = n < APLIC_MAX_SOURCES ? n : APLIC_MAX_SOURCES - 1;
	*reg(DOMAINCFG) = DOMAINCFG_DM_MSI;
	for (uint32_t s = 1; s <= nr; s++) {
		*reg(CLRIENUM) = s;
		*reg(SOURCECFG(s)) = APLIC_SM_INACTIVE;
	}
	*reg(DOMAINCFG) = DOMAINCFG_DM_MSI | DOMAINCFG_IE;
}

void aplic_source(uint32_t src, unsigned sm)
{
	if (src && src <= nr)
		*reg(SOURCECFG(src)) = sm & 7;	/* D (bit 10) stays 0: no child */
}

void aplic_target(uint32_t src, uint32_t target)
{
	if (src && src <= nr)
		*reg(TARGET(src)) = target;
}

void aplic_enable(uint32_t src, bool on)
{
	if (src && src <= nr)
		*reg(on ? SETIENUM : CLRIENUM) = src;
}

/* The rectified input of a level source: still asserted? */
bool aplic_input_high(uint32_t src)
{
	return src && src <= nr && (*reg(IN_CLRIP(src)) >> (src % 32)) & 1;
}

void aplic_set_pending(uint32_t src)
{
	if (src && src <= nr)
		*reg(SETIPNUM) = src;
}
