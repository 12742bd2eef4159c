# SPDX-License-Identifier: GPL-2.0-only
# ARM64: the hypervisor runs at EL2 with its own stage-1 identity map
# (mmu.c), Normal write-back memory; its first C code (the device tree
# parsed to build that map) runs with the MMU off, where every access is
# Device: hence -mstrict-align.  It never touches the FP/SIMD
# registers, which belong to the guests (-mgeneral-regs-only).
#
# Debian's aarch64 compiler is a Linux one: -nostdinc keeps the host's C
# library headers out, and _LIBC_LIMITS_H_ makes GCC's own <limits.h>
# stand alone instead of including the C library's.
ARCH_CFLAGS := -march=armv8-a -mgeneral-regs-only -mstrict-align -mno-outline-atomics \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) -D_LIBC_LIMITS_H_ \
	-Wl,--build-id=none
ARCH_ASFLAGS :=
# clang's target for make lint (clang-tidy, cppcheck's database)
ARCH_LINT_TARGET := --target=aarch64-none-elf -march=armv8-a

# The GIC variant, a directory under irqc/ (CONFIG_ARM64_GIC_VERSION, from
# the choice in arch/arm64/Kconfig): its host driver, list registers, the
# registers of the distributor only it has, its guest-tree node
# (irqc_variant.h) and SGI path.  One per image: the platform check
# refuses a board whose GIC is the other one.
GIC := gicv$(or $(CONFIG_ARM64_GIC_VERSION),3)
ARCH_INCLUDES := -I$(srctree)/arch/arm64/irqc/$(GIC)

arch-y := arch/arm64/entry.o arch/arm64/vectors.o arch/arm64/boot.o \
	arch/arm64/mmu.o arch/arm64/mmu_map.o \
	arch/arm64/trap.o arch/arm64/cpu.o arch/arm64/psci.o \
	arch/arm64/platform.o arch/arm64/platform_check.o \
	arch/arm64/cell.o arch/arm64/guest_mem.o arch/arm64/guest_fdt.o arch/arm64/console.o \
	arch/arm64/stage2.o arch/arm64/vcpu.o arch/arm64/guest_trap.o arch/arm64/vpsci.o \
	arch/arm64/vgic.o arch/arm64/vgicd.o arch/arm64/vlr.o \
	arch/arm64/virq.o arch/arm64/irq_route.o arch/arm64/gdb.o arch/arm64/gdb_hw.o arch/arm64/dbgreg.o \
	$(addprefix arch/arm64/irqc/$(GIC)/,gic.o lr.o vgicd_regs.o vsgi.o cell.o) \
	$(if $(filter gicv3,$(GIC)),arch/arm64/irqc/gicv3/vgicr.o)
