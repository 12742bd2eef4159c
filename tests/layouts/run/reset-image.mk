# SPDX-License-Identifier: GPL-2.0-only
LAYOUT_IMAGES := $(O)/guests/rtos/rtos.bin $(O)/guests/reset-image/pattern.bin

# 1234567 (little-endian), then 4 KiB of a byte ramp
$(O)/guests/reset-image/pattern.bin: tests/layouts/run/reset-image.mk
	@mkdir -p $(dir $@)
	$(Q)$(PYTHON) -c "import struct, sys; \
		sys.stdout.buffer.write(struct.pack('<I', 1234567) + bytes(range(256)) * 16)" > $@
