# SPDX-License-Identifier: GPL-2.0-only
# The ARM64 bench guest (tests/bench/guest with GUEST_ARCH=arm64) for
# layouts/arm64-bench.c.  Its own Makefile knows whether anything
# changed, so it is always asked.  The guest drives the GIC the image's
# (CONFIG_ARM64_GIC_VERSION: the GICv2 image's cell gets a GICv2).
LAYOUT_IMAGES := $(O)/guests/bench-arm64/bench.bin

$(O)/guests/bench-arm64/bench.bin: FORCE
	$(Q)$(MAKE) --no-print-directory -C $(srctree)/tests/bench/guest GUEST_ARCH=arm64 \
		BENCH_GIC=$(CONFIG_ARM64_GIC_VERSION) \
		O=$(O)/guests/bench-arm64 CROSS_COMPILE=$(CROSS_COMPILE) FV_CACHE=$(FV_CACHE)
