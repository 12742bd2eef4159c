# SPDX-License-Identifier: GPL-2.0-only
LAYOUT_IMAGES := $(O)/guests/hello-arm64/hello.bin
include $(srctree)/cells/qemu-aarch64-virt/hello-guest.mk
