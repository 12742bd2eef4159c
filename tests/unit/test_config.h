/* SPDX-License-Identifier: GPL-2.0-only */
/* Configuration the host unit tests compile the core with. */
#define CONFIG_MAX_HARTS 8
#define CONFIG_MAX_CELLS 4
#define CONFIG_ARCH "riscv"
#define CONFIG_DEBUG 1
