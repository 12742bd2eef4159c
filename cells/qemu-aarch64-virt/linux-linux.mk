# SPDX-License-Identifier: GPL-2.0-only
# Linux's Image and initramfs, built for the board's ARCH (arm64) by the
# top Makefile's rules; both cells boot the same two.
LAYOUT_IMAGES := $(O)/guests/linux/Image $(O)/guests/linux/initramfs.cpio.gz
