# SPDX-License-Identifier: GPL-2.0-only
LAYOUT_IMAGES := $(O)/guests/linux/Image $(O)/guests/linux/initramfs.cpio.gz
