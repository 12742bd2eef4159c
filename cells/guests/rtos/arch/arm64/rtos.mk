# SPDX-License-Identifier: GPL-2.0-only
# The ARM64 sources of the RTOS (paths from cells/guests/rtos).
ARCH_SRCS := arch/arm64/entry.S arch/arm64/switch.S arch/arm64/trap.c \
	arch/arm64/cpu.c arch/arm64/psci.c arch/arm64/gic.c arch/arm64/pl011.c \
	arch/arm64/dtb.c arch/arm64/gicv2.c arch/arm64/dbgregs.c
