# SPDX-License-Identifier: GPL-2.0-only
# Linux (Image and initramfs built for the board's ARCH, arm64, by the
# top Makefile's rules), the RTOS and the demo disk (make disk).
LAYOUT_IMAGES := $(O)/guests/linux/Image $(O)/guests/linux/initramfs.cpio.gz \
	$(O)/guests/rtos/rtos.bin $(O)/guests/disk/disk.img
