# SPDX-License-Identifier: GPL-2.0-only
LAYOUT_IMAGES := $(O)/guests/rtos/rtos.bin $(O)/guests/own-dtb/own-dtb.dtb

$(O)/guests/own-dtb/own-dtb.dtb: tests/layouts/run/own-dtb.dts
	@mkdir -p $(dir $@)
	$(Q)dtc -q -I dts -O dtb -o $@ $<
