/* SPDX-License-Identifier: GPL-2.0-only */
/* The bench guest's AIA driver (aia.c): its interrupt file, messages,
 * one APLIC source. */
#ifndef BENCH_AIA_H
#define BENCH_AIA_H

#include <stdbool.h>
#include <stdint.h>

void aia_file_on(void);				/* delivery on, threshold 0, sie.SEIE */
void aia_file_enable(uint32_t id, bool on);
uint32_t aia_claim(void);			/* stopei: 0 if none */
void aia_send(uintptr_t file, uint32_t id);	/* a message into a file */
void aia_route(uint32_t src, unsigned idx, uint32_t id);
void aia_unroute(uint32_t src);

#endif
