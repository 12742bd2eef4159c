/* SPDX-License-Identifier: GPL-2.0-only */
/* An APLIC in MSI delivery mode (AIA), where the device tree has one. */
#ifndef RTOS_APLIC_H
#define RTOS_APLIC_H

#include <stdbool.h>
#include <stdint.h>

struct hart;

/* Once, on the boot hart, after imsic_probe(): find the APLIC and take the
 * console UART's and the doorbell's sources from it (plat.uart_irq,
 * plat.db_irq) where the PLIC gave none. */
void aplic_probe(const void *fdt);
/* On each hart with an IMSIC: its file, and on the boot hart the APLIC
 * (sources, targets at this hart's file, identity = source number). */
void aia_hart_setup(struct hart *h);
/* The APLIC source of device node `dev`; 0: none (or not the APLIC's). */
uint32_t aplic_dev_source(const void *fdt, int dev);
/* Identity `id` arrived: the source it stands for. */
void aplic_irq(struct hart *h, uint32_t id);

#endif
