# SPDX-License-Identifier: GPL-2.0-only
# The ARM64 demo's Linux and initramfs (built for the board's ARCH, arm64,
# by the top Makefile's rules) for layouts/arm64-bench-linux.c.
LAYOUT_IMAGES := $(O)/guests/linux/Image $(O)/guests/linux/initramfs.cpio.gz
