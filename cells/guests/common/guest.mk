# SPDX-License-Identifier: GPL-2.0-only
#
# Build rules shared by the bare-metal guests (cells/guests/rtos,
# cells/guests/sbitest, tests/bench/guest).  A guest's Makefile sets
#
#   GUEST        the image's name: gives $(O)/$(GUEST).elf and .bin,
#                linked with $(HERE)/$(GUEST).ld
#   HERE         the guest's own directory (absolute)
#   SRCS         its sources, in link order: paths relative to $(HERE),
#                or common/<file> for a shared one here (common/sbi.c)
#   FDT_SRCS     the libfdt files it needs (default fdt.c fdt_ro.c)
#   GUEST_CFLAGS, GUEST_ASFLAGS   extra flags, if any
#
# then includes this file.  It is run out of tree only:
#   make -C <guest dir> O=/abs/outdir [LOAD_ADDR=0x80200000]
#        [CROSS_COMPILE=riscv64-unknown-elf-] [FV_CACHE=...] [V=1]
# libfdt comes from FV_CACHE (ci/fetch-sources.sh puts it there);
# string.c and fmt.c from src/lib.

MAKEFLAGS += -rR

ifeq ($(GUEST),)
$(error GUEST not set: include guest.mk from a guest's Makefile)
endif
ifeq ($(HERE),)
$(error HERE not set: include guest.mk from a guest's Makefile)
endif

COMMON := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
TOP := $(abspath $(COMMON)/../../..)

O ?= $(TOP)/build/guests/$(GUEST)
override O := $(abspath $(O))
LOAD_ADDR ?= 0x80200000
CROSS_COMPILE ?= riscv64-unknown-elf-
XDG_CACHE_HOME ?= $(HOME)/.cache
FV_CACHE ?= $(XDG_CACHE_HOME)/ferrovisor
LIBFDT := $(FV_CACHE)/libfdt

CC := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy

ARCHFLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
CFLAGS := $(ARCHFLAGS) -ffreestanding -nostdlib -O2 -g -Wall -Wextra -Werror \
	-fno-common -fno-stack-protector -fno-pie \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-ffunction-sections -fdata-sections \
	-I$(TOP)/src/fdt -I$(TOP)/src/include -I$(LIBFDT) -I$(HERE) -I$(COMMON) \
	-MMD -MP $(GUEST_CFLAGS)
ASFLAGS := $(ARCHFLAGS) -I$(HERE) -I$(COMMON) -MMD -MP $(GUEST_ASFLAGS)
LDFLAGS := $(ARCHFLAGS) -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,--gc-sections -Wl,--no-warn-rwx-segments \
	-Wl,--defsym=LOAD_ADDR=$(LOAD_ADDR) -T $(HERE)/$(GUEST).ld

LIB_SRCS := string.c fmt.c
FDT_SRCS ?= fdt.c fdt_ro.c

OBJS := $(addprefix $(O)/,$(addsuffix .o,$(basename $(SRCS)))) \
	$(addprefix $(O)/lib/,$(LIB_SRCS:.c=.o)) \
	$(addprefix $(O)/libfdt/,$(FDT_SRCS:.c=.o))

ifeq ($(V),1)
Q :=
else
Q := @
endif

all: $(O)/$(GUEST).elf $(O)/$(GUEST).bin

$(O)/$(GUEST).bin: $(O)/$(GUEST).elf
	$(Q)$(OBJCOPY) -O binary $< $@

$(O)/$(GUEST).elf: $(OBJS) $(HERE)/$(GUEST).ld $(O)/load_addr
	@echo "  LD      $(GUEST)/$(notdir $@)"
	$(Q)$(CC) $(LDFLAGS) -o $@ $(OBJS)

# Relink when LOAD_ADDR changes: the file only changes when the value does.
$(O)/load_addr: FORCE | $(O)
	@echo '$(LOAD_ADDR)' | cmp -s - $@ || echo '$(LOAD_ADDR)' > $@

$(O)/common/%.o: $(COMMON)/%.c | $(O)/common
	@echo "  CC      $(GUEST)/$(notdir $<)"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(O)/%.o: $(HERE)/%.c | $(O)
	@echo "  CC      $(GUEST)/$(notdir $<)"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(O)/%.o: $(HERE)/%.S | $(O)
	@echo "  AS      $(GUEST)/$(notdir $<)"
	$(Q)$(CC) $(ASFLAGS) -c -o $@ $<

$(O)/lib/%.o: $(TOP)/src/lib/%.c | $(O)
	@echo "  CC      $(GUEST)/$(notdir $<)"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(O)/libfdt/%.o: $(LIBFDT)/%.c | $(O)
	@echo "  CC      $(GUEST)/$(notdir $<)"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(O):
	@test -f $(LIBFDT)/fdt_ro.c || \
		{ echo "error: no libfdt in $(LIBFDT); run ci/fetch-sources.sh" >&2; exit 1; }
	mkdir -p $(O) $(O)/lib $(O)/libfdt

$(O)/common: | $(O)
	mkdir -p $@

clean:
	rm -rf $(O)

FORCE:
.PHONY: all clean FORCE

-include $(wildcard $(OBJS:.o=.d))
