# SPDX-License-Identifier: GPL-2.0-only
LAYOUT_IMAGES := $(O)/guests/debian/Image $(O)/guests/linux/perf-initramfs.cpio.gz \
	$(O)/guests/rtos/rtos.bin
