/* SPDX-License-Identifier: GPL-2.0-only */
/* The hart's IMSIC interrupt file (AIA), where the device tree has one. */
#ifndef RTOS_IMSIC_H
#define RTOS_IMSIC_H

#include <stdbool.h>
#include <stdint.h>

struct hart;

#define IMSIC_IPI_ID	1	/* identity of IPIs between our harts */

/* Once, on the boot hart: find the IMSIC node; false if there is none. */
bool imsic_probe(const void *fdt);
bool imsic_present(void);
/* On each hart: its file on, with IPIs enabled. */
void imsic_hart_setup(struct hart *h);
void imsic_enable(uint32_t id);
/* This hart's index among the files (an APLIC target's hart index). */
unsigned imsic_hart_index(const struct hart *h);
/* Claim the top pending identity of this hart's file; 0: none. */
uint32_t imsic_claim(void);
/* The external interrupt handler for an IMSIC hart. */
void imsic_external_irq(struct hart *h);
/* On the boot hart's status task: the IPI ping-pong, once. */
void imsic_ipi_test(struct hart *h);

#endif
