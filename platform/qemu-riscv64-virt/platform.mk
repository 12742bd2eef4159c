# SPDX-License-Identifier: GPL-2.0-only
# QEMU virt (riscv64): no board code, only how to boot the image (with a
# PLIC, or with AIA: CONFIG_QEMU_MACHINE).
platform-y :=
QEMU := qemu-system-riscv64
QEMU_CMD := $(QEMU) -M $(call unquote,$(CONFIG_QEMU_MACHINE)) -cpu $(call unquote,$(CONFIG_QEMU_CPU)) \
	-smp $(CONFIG_QEMU_SMP) -m $(call unquote,$(CONFIG_QEMU_MEM)) -nographic \
	-bios $(call unquote,$(CONFIG_FIRMWARE)) -kernel $(O)/ferrovisor.elf

# The board's device tree as QEMU builds it for this configuration, for the
# build-time layout check (src/host/host.mk); $@ is the output file.
PLATFORM_DTB_CMD = $(QEMU) -M $(call unquote,$(CONFIG_QEMU_MACHINE)),dumpdtb=$@ -cpu $(call unquote,$(CONFIG_QEMU_CPU)) \
	-smp $(CONFIG_QEMU_SMP) -m $(call unquote,$(CONFIG_QEMU_MEM)) -nographic >/dev/null
