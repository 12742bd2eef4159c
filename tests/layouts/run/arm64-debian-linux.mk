# SPDX-License-Identifier: GPL-2.0-only
# Debian's arm64 kernel and our busybox initramfs, fetched and made by
# ci/fetch-debian-kernel-arm64.sh (cached; the copies here change only
# when they do).
LAYOUT_IMAGES := $(O)/guests/debian-arm64/Image $(O)/guests/debian-arm64/initramfs.cpio.gz
$(O)/guests/debian-arm64/initramfs.cpio.gz: $(O)/guests/debian-arm64/Image
$(O)/guests/debian-arm64/Image: FORCE
	$(Q)$(srctree)/ci/fetch-debian-kernel-arm64.sh $(dir $@) >/dev/null
