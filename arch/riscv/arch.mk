# SPDX-License-Identifier: GPL-2.0-only
# RISC-V 64: the hypervisor runs in HS-mode.  GCC 12 rejects 'h' in -march,
# so the few hypervisor instructions use '.option arch, +h' locally.
# t2 and t3-t6 stay the guest's while the hypervisor runs: no C code may
# use them, so a trap from a guest need not save them (trap_entry.S).
# t0 and t1 are not among them: GCC's prologues and `tail` use them.
ARCH_FIXED_REGS := -ffixed-x7 -ffixed-x28 -ffixed-x29 -ffixed-x30 -ffixed-x31
# run on the linked image: no code outside trap_entry.S names those
ARCH_POSTLINK = $(srctree)/arch/riscv/check_fixed_regs.sh $(CROSS_COMPILE)objdump
ARCH_CFLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany \
	-mstrict-align $(ARCH_FIXED_REGS)
ARCH_ASFLAGS :=
# clang's target for make lint (clang-tidy, cppcheck's database)
ARCH_LINT_TARGET := --target=riscv64-unknown-elf -march=rv64imac

# Interrupt-controller variants, directories under irqc/: both are built
# in, and the platform's device tree chooses one at boot (a PLIC, or an
# APLIC with IMSICs: riscv_aia).
IRQC := plic
ARCH_INCLUDES := -I$(srctree)/arch/riscv/irqc/$(IRQC) -I$(srctree)/arch/riscv/irqc/aia

arch-y := arch/riscv/entry.o arch/riscv/trap_entry.o arch/riscv/trap.o \
	arch/riscv/cpu.o arch/riscv/sbi.o arch/riscv/platform.o \
	arch/riscv/stage2.o arch/riscv/mmio_decode.o arch/riscv/cell.o arch/riscv/irq_route.o \
	arch/riscv/vcpu.o arch/riscv/guest_trap.o arch/riscv/vsbi.o arch/riscv/vsbi_mask.o \
	arch/riscv/vsbi_hsm.o arch/riscv/vsbi_suspend.o arch/riscv/vsbi_susp.o \
	arch/riscv/vsbi_fwft.o arch/riscv/vsbi_pmu.o arch/riscv/vsbi_dbtr.o arch/riscv/sbi_dbtr.o \
	arch/riscv/guest_fdt.o arch/riscv/gdb.o arch/riscv/gdb_entry.o \
	arch/riscv/irqc/$(IRQC)/$(IRQC).o arch/riscv/irqc/$(IRQC)/v$(IRQC).o \
	arch/riscv/irqc/aia/aplic.o arch/riscv/irqc/aia/imsic.o arch/riscv/irqc/aia/aia_route.o \
	arch/riscv/irqc/aia/aia_vcpu.o arch/riscv/irqc/aia/aia_cell.o \
	arch/riscv/irqc/aia/vaplic.o
arch-y += arch/riscv/vsbi_legacy.o arch/riscv/guest_mem.o
arch-$(CONFIG_TRACE) += arch/riscv/trace_clock.o
