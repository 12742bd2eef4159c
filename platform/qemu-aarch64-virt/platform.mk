# SPDX-License-Identifier: GPL-2.0-only
# QEMU virt (aarch64) with EL2 (virtualization=on) and a GICv3, booted by
# QEMU's direct kernel boot: ferrovisor.bin carries the arm64 Image
# header, so QEMU enters it at EL2 with x0 = the device tree.
platform-y :=
QEMU := qemu-system-aarch64
QEMU_MACHINE = virt,virtualization=on,gic-version=$(CONFIG_QEMU_GIC_VERSION)
QEMU_CMD := $(QEMU) -M $(QEMU_MACHINE) -cpu $(call unquote,$(CONFIG_QEMU_CPU)) \
	-smp $(CONFIG_QEMU_SMP) -m $(call unquote,$(CONFIG_QEMU_MEM)) -nographic -nic none \
	-kernel $(O)/ferrovisor.bin

# The board's device tree as QEMU builds it for this configuration, for the
# build-time layout check (src/host/host.mk); $@ is the output file.
PLATFORM_DTB_CMD = $(QEMU) -M $(QEMU_MACHINE),dumpdtb=$@ -cpu $(call unquote,$(CONFIG_QEMU_CPU)) \
	-smp $(CONFIG_QEMU_SMP) -m $(call unquote,$(CONFIG_QEMU_MEM)) -nographic -nic none >/dev/null
