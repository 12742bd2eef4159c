# SPDX-License-Identifier: GPL-2.0-only
LAYOUT_IMAGES := $(O)/guests/bench/bench.bin
