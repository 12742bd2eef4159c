# SPDX-License-Identifier: GPL-2.0-only
# The RISC-V sources of the RTOS (paths from cells/guests/rtos);
# common/arch/riscv/sbi.c is the SBI client the bare-metal RISC-V guests share.
ARCH_SRCS := arch/riscv/entry.S arch/riscv/switch.S arch/riscv/trap.c \
	arch/riscv/cpu.c arch/riscv/console_sbi.c arch/riscv/uart.c \
	arch/riscv/plic.c common/arch/riscv/sbi.c arch/riscv/dtb.c arch/riscv/imsic.c \
	arch/riscv/aplic.c arch/riscv/rtc.c
