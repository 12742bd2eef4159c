# SPDX-License-Identifier: GPL-2.0-only
# The RISC-V bench guest's sources (paths from tests/bench/guest; the
# shared out.c and stat.c go between the two lists).  common/arch/riscv/sbi.c
# is the shared one in cells/guests/common/arch/riscv.
ARCH_SRCS_FIRST := arch/riscv/entry.S arch/riscv/sled.S arch/riscv/main.c
ARCH_SRCS := arch/riscv/console.c arch/riscv/dtb.c common/arch/riscv/sbi.c arch/riscv/calls.c \
	arch/riscv/timer.c arch/riscv/ipi.c arch/riscv/extirq.c arch/riscv/blk.c \
	arch/riscv/doorbell.c arch/riscv/dbrestart.c arch/riscv/aia.c \
	arch/riscv/aiabench.c
