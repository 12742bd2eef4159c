# SPDX-License-Identifier: GPL-2.0-only
# The AIA demo's images: Debian's kernel (the Makefile's rule), its
# modules (ci/fetch-debian-kernel.sh: virtio-mmio, virtio-blk, virtio-net,
# ext4 and what they need, for that very kernel) and an initramfs with
# them (ci/build-initramfs.sh, cached by content hash), the RTOS and the
# demo's disk.
LAYOUT_IMAGES := $(O)/guests/debian/Image $(O)/guests/debian/initramfs.cpio.gz \
	$(O)/guests/rtos/rtos.bin $(O)/guests/disk/disk.img
$(O)/guests/debian/modules/load: $(O)/guests/debian/Image ci/fetch-debian-kernel.sh
	$(Q)$(srctree)/ci/fetch-debian-kernel.sh $< $(dir $@) >/dev/null
$(O)/guests/debian/initramfs.cpio.gz: $(O)/guests/debian/modules/load \
		cells/guests/linux/init cells/guests/linux/fv-doorbell.c ci/build-initramfs.sh
	$(Q)$(srctree)/ci/build-initramfs.sh $@ riscv $(dir $<)
