# SPDX-License-Identifier: GPL-2.0-only
# The ARM64 bench guest: one binary that runs natively at EL1 on QEMU virt
# and unchanged in a Ferrovisor cell, so make bench can compare the two;
# an arm64 Image, loaded at 0x40200000 both ways (guest.mk's LOAD_ADDR
# for arm64).  Its sources, paths from tests/bench/guest (the shared
# out.c and stat.c go between the two lists).
# BENCH_GIC: the GIC the guest drives, 3 (arch/arm64/gicv3) or 2
# (arch/arm64/gicv2); make bench builds one guest for each of the ARM64
# images (tests/bench/layouts/arm64-bench.mk passes the image's
# CONFIG_ARM64_GIC_VERSION).
BENCH_GIC ?= 3
ifeq ($(filter 2 3,$(BENCH_GIC)),)
$(error BENCH_GIC=$(BENCH_GIC): 3 or 2)
endif
ARCH_SRCS_FIRST := arch/arm64/entry.S arch/arm64/probe.S arch/arm64/main.c \
	arch/arm64/gicv$(BENCH_GIC)/gic.c
ARCH_SRCS := arch/arm64/console.c arch/arm64/spi.c arch/arm64/sgi.c
# x18 is the IRQ vector's: its first instruction reads the cycle counter
# into it before anything is saved.
ARCH_CFLAGS_BENCH := -ffixed-x18 -I$(HERE)/arch/arm64/gicv$(BENCH_GIC)
