# SPDX-License-Identifier: GPL-2.0-only
# RISC-V 64: the hypervisor runs in HS-mode.  GCC 12 rejects 'h' in -march,
# so the few hypervisor instructions use '.option arch, +h' locally.
ARCH_CFLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany \
	-mstrict-align
ARCH_ASFLAGS :=
arch-y := arch/riscv/entry.o arch/riscv/trap.o arch/riscv/trap_entry.o \
	arch/riscv/cpu.o arch/riscv/sbi.o arch/riscv/platform.o
