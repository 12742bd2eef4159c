/* SPDX-License-Identifier: GPL-2.0-only */
/* Basic types.  Only compiler-provided freestanding headers are used. */
#ifndef FV_TYPES_H
#define FV_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t paddr_t;   /* host-physical address */
typedef uint64_t gpaddr_t;  /* guest-physical address */
typedef uint64_t vaddr_t;   /* hypervisor virtual address (identity-mapped) */

#endif
