/* SPDX-License-Identifier: GPL-2.0-only */
/* The goldfish RTC's alarm, where the cell owns the RTC (AIA machines). */
#ifndef RTOS_RTC_H
#define RTOS_RTC_H

#include <stdint.h>

struct hart;

/* After aplic_probe(): the RTC and its APLIC source (0: none). */
uint32_t rtc_probe(const void *fdt);
void rtc_irq(void);
/* On the boot hart's status task: ten alarms, once. */
void rtc_alarm_test(struct hart *h);

#endif
