# SPDX-License-Identifier: GPL-2.0-only
#
# Build rules shared by the bare-metal guests (cells/guests/rtos,
# cells/guests/sbitest, cells/guests/hello-arm64, tests/bench/guest for
# either board).  A guest's Makefile sets
#
#   GUEST        the image's name: gives $(O)/$(GUEST).elf and .bin,
#                linked with $(HERE)/$(GUEST).ld
#   HERE         the guest's own directory (absolute)
#   SRCS         its sources, in link order: paths relative to $(HERE),
#                or common/<file> for a shared one here (the RISC-V
#                guests' SBI calls: common/arch/riscv/sbi.c)
#   FDT_SRCS     the libfdt files it needs (default fdt.c fdt_ro.c)
#   GUEST_CFLAGS, GUEST_ASFLAGS   extra flags, if any
#   GUEST_LDS    its linker script, if not $(HERE)/$(GUEST).ld
#   GUEST_ARCH   riscv (the default) or arm64: compiler, flags, LOAD_ADDR
#
# then includes this file.  It is run out of tree only:
#   make -C <guest dir> O=/abs/outdir [LOAD_ADDR=0x80200000]
#        [CROSS_COMPILE=riscv64-unknown-elf-] [FV_CACHE=...] [V=1]
# (arm64: LOAD_ADDR 0x40200000, CROSS_COMPILE aarch64-linux-gnu-).
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
GUEST_ARCH ?= riscv
XDG_CACHE_HOME ?= $(HOME)/.cache
FV_CACHE ?= $(XDG_CACHE_HOME)/ferrovisor
LIBFDT := $(FV_CACHE)/libfdt
GUEST_LDS ?= $(HERE)/$(GUEST).ld

ifeq ($(GUEST_ARCH),arm64)
# EL1 with the MMU off (Device memory: -mstrict-align), no FP/SIMD.
# Debian's aarch64 compiler is a Linux one: -nostdinc keeps the C
# library's headers out, _LIBC_LIMITS_H_ lets GCC's <limits.h> stand alone.
# cells/guests/common/arch/riscv is RISC-V code: not on the include path.
LOAD_ADDR ?= 0x40200000
CROSS_COMPILE ?= aarch64-linux-gnu-
CC := $(CROSS_COMPILE)gcc
ARCHFLAGS := -march=armv8-a -mgeneral-regs-only -mstrict-align -mno-outline-atomics
ARCH_CFLAGS := -nostdinc -isystem $(shell $(CC) -print-file-name=include) -D_LIBC_LIMITS_H_
ARCH_INCLUDES :=
else ifeq ($(GUEST_ARCH),riscv)
LOAD_ADDR ?= 0x80200000
CROSS_COMPILE ?= riscv64-unknown-elf-
CC := $(CROSS_COMPILE)gcc
ARCHFLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
ARCH_CFLAGS :=
ARCH_INCLUDES := -I$(COMMON)/arch/riscv
else
$(error GUEST_ARCH=$(GUEST_ARCH): riscv or arm64)
endif
OBJCOPY := $(CROSS_COMPILE)objcopy

CFLAGS := $(ARCHFLAGS) $(ARCH_CFLAGS) -ffreestanding -nostdlib -O2 -g -Wall -Wextra -Werror \
	-fno-common -fno-stack-protector -fno-pie \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-ffunction-sections -fdata-sections \
	-I$(TOP)/src/fdt -I$(TOP)/src/include -I$(LIBFDT) -I$(HERE) $(ARCH_INCLUDES) \
	-MMD -MP $(GUEST_CFLAGS)
ASFLAGS := $(ARCHFLAGS) -I$(HERE) $(ARCH_INCLUDES) -MMD -MP $(GUEST_ASFLAGS)
LDFLAGS := $(ARCHFLAGS) -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,--gc-sections -Wl,--no-warn-rwx-segments \
	-Wl,--defsym=LOAD_ADDR=$(LOAD_ADDR) -T $(GUEST_LDS)

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

$(O)/$(GUEST).elf: $(OBJS) $(GUEST_LDS) $(O)/load_addr
	@echo "  LD      $(GUEST)/$(notdir $@)"
	$(Q)$(CC) $(LDFLAGS) -o $@ $(OBJS)

# Relink when LOAD_ADDR changes: the file only changes when the value does.
$(O)/load_addr: FORCE | $(O)
	@echo '$(LOAD_ADDR)' | cmp -s - $@ || echo '$(LOAD_ADDR)' > $@

# Rebuild everything when the architecture changes (an O reconfigured for
# another board): the same trick.
$(O)/guest_arch: FORCE | $(O)
	@echo '$(GUEST_ARCH)' | cmp -s - $@ || echo '$(GUEST_ARCH)' > $@
$(OBJS): $(O)/guest_arch

$(O)/common/%.o: $(COMMON)/%.c | $(O)/common
	@mkdir -p $(dir $@)
	@echo "  CC      $(GUEST)/$(notdir $<)"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(O)/%.o: $(HERE)/%.c | $(O)
	@mkdir -p $(dir $@)
	@echo "  CC      $(GUEST)/$(notdir $<)"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(O)/%.o: $(HERE)/%.S | $(O)
	@mkdir -p $(dir $@)
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
