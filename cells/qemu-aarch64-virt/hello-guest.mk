# SPDX-License-Identifier: GPL-2.0-only
# The ARM64 test guest (cells/guests/hello-arm64), for the layouts that
# embed it: included by their .mk files.  Its own Makefile knows whether
# anything changed, so it is always asked.
$(O)/guests/hello-arm64/hello.bin: FORCE
	$(Q)$(MAKE) --no-print-directory -C $(srctree)/cells/guests/hello-arm64 \
		O=$(O)/guests/hello-arm64 CROSS_COMPILE=$(CROSS_COMPILE) FV_CACHE=$(FV_CACHE)
