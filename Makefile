# SPDX-License-Identifier: GPL-2.0-only
#
# Ferrovisor build.  'make help' lists the targets.
#
# Out-of-tree like Linux: O=<dir> (default build/) holds .config, the
# generated headers, objects and images.  Third-party sources (libfdt, the
# demo's Linux) are fetched into FV_CACHE, never into the work tree.

VERSION := 0.1.0

srctree := $(CURDIR)
O ?= build
override O := $(abspath $(O))
FV_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/ferrovisor
DEFCONFIG ?= qemu-riscv64-virt_defconfig
PYTHON := /usr/bin/python3
export FV_CACHE O
LIBFDT_DIR := $(FV_CACHE)/libfdt
LIBFDT_OBJS := fdt.o fdt_ro.o fdt_rw.o fdt_sw.o fdt_wip.o fdt_strerror.o \
	fdt_empty_tree.o fdt_addresses.o

# libfdt comes from Debian's linux-source package, fetched into the cache.
$(LIBFDT_DIR)/.stamp $(addprefix $(LIBFDT_DIR)/,$(LIBFDT_OBJS:.o=.c)):
	$(Q)$(srctree)/ci/fetch-sources.sh

KCONFIG_CONFIG := $(O)/.config
AUTOCONF_H := $(O)/include/generated/autoconf.h
AUTOCONF_MK := $(O)/include/config/auto.conf
KCONFIG := srctree=$(srctree) KCONFIG_CONFIG=$(KCONFIG_CONFIG) $(PYTHON) $(srctree)/ci/kconfig.py
KCONFIG_FILES := $(wildcard Kconfig */Kconfig arch/*/Kconfig platform/*/Kconfig cells/*/Kconfig)

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Goals that need no .config (or, for run and test, make one themselves).
NOCONFIG_GOALS := help deps clean distclean %config run test test-under-load bench trace unit \
	fuzz fuzz-replay cloc
ifeq ($(MAKECMDGOALS),)
need-config := all
else
need-config := $(filter-out $(NOCONFIG_GOALS),$(MAKECMDGOALS))
endif

.DEFAULT_GOAL := all
.PHONY: all layout-src-exists cloc help deps clean distclean run test test-under-load bench trace unit lint disk \
	menuconfig olddefconfig \
	savedefconfig qemu-cmd gdb FORCE

# ---------------------------------------------------------------- config
%_defconfig:
	$(Q)test -f configs/$@ || { echo "error: no configs/$@ (see 'make help')" >&2; exit 1; }
	$(Q)$(KCONFIG) defconfig configs/$@

menuconfig:
	$(Q)mkdir -p $(O)
	$(Q)$(KCONFIG) menuconfig

olddefconfig:
	$(Q)$(KCONFIG) olddefconfig

savedefconfig:
	$(Q)$(KCONFIG) savedefconfig $(O)/defconfig

# A build with no .config starts from the default board's defconfig.
$(KCONFIG_CONFIG):
	@echo "No $(KCONFIG_CONFIG): configuring with $(DEFCONFIG)"
	$(Q)$(KCONFIG) defconfig configs/$(DEFCONFIG)

$(AUTOCONF_MK) $(AUTOCONF_H) &: $(KCONFIG_CONFIG) $(KCONFIG_FILES)
	$(Q)$(KCONFIG) genconfig $(AUTOCONF_H) $(AUTOCONF_MK) >/dev/null

ifneq ($(need-config),)
-include $(AUTOCONF_MK)
endif

unquote = $(patsubst "%",%,$(1))

# ---------------------------------------------------------------- build
ifneq ($(CONFIG_ARCH),)
ARCH := $(call unquote,$(CONFIG_ARCH))
PLATFORM := $(call unquote,$(CONFIG_PLATFORM))
CROSS_COMPILE ?= $(call unquote,$(CONFIG_CROSS_COMPILE))
CC := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
SIZE := $(CROSS_COMPILE)size


include src/core.mk
include arch/$(ARCH)/arch.mk
include platform/$(PLATFORM)/platform.mk

# The layout: cells/<board>/<layout>.c, and the guest images it embeds
# (listed by cells/<board>/<layout>.mk, built into $(O)/guests/).
LAYOUT := $(call unquote,$(CONFIG_LAYOUT))
ifeq ($(LAYOUT),custom)
LAYOUT_SRC := $(call unquote,$(CONFIG_LAYOUT_FILE))
else
LAYOUT_SRC := cells/$(PLATFORM)/$(LAYOUT).c
endif
-include $(LAYOUT_SRC:.c=.mk)

# libfdt's header is a system header: its inline functions are not ours to
# keep -Wconversion clean.
INCLUDES := -I$(srctree)/src/include -I$(srctree)/arch/$(ARCH)/include \
	$(ARCH_INCLUDES) -I$(O)/include -I$(srctree)/src/fdt -isystem $(LIBFDT_DIR)
CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdlib -fno-common -fno-pic \
	-fno-stack-protector -fno-strict-aliasing -Wall -Wextra -Werror -Wshadow \
	-Wno-missing-field-initializers -MMD -MP \
	$(ARCH_CFLAGS) -include $(AUTOCONF_H) -DFV_VERSION=\"$(VERSION)\" $(INCLUDES)
ASFLAGS := $(CFLAGS) $(ARCH_ASFLAGS) -D__ASSEMBLER__
LIBFDT_CFLAGS := $(CFLAGS) -Wno-sign-compare -Wno-unused-parameter

# -Wconversion (in C it includes -Wsign-conversion) for our sources, except
# the ones that walk device trees: libfdt's lengths and offsets are int, its
# sizes uint32_t and fdt_property_string() a macro with strlen(), so there
# it would take a cast at nearly every libfdt call.  Not for the layout
# (integrators' data) nor libfdt (not ours).
NOCONV_OBJS := src/guest_fdt.o src/layout_check.o src/platform.o \
	arch/$(ARCH)/platform.o arch/$(ARCH)/guest_fdt.o
CONV_OBJS := $(filter-out $(NOCONV_OBJS),$(core-y) $(arch-y) $(platform-y))
$(addprefix $(O)/,$(CONV_OBJS)): CFLAGS += -Wconversion

OBJS := $(addprefix $(O)/,$(core-y) $(arch-y) $(platform-y) $(LAYOUT_SRC:.c=.o)) \
	$(addprefix $(O)/libfdt/,$(LIBFDT_OBJS))

all: layout-src-exists $(O)/ferrovisor.bin
	@$(SIZE) $(O)/ferrovisor.elf | tail -n 1 | \
		awk '{ printf "  ferrovisor.elf: text %d, data %d, bss %d bytes\n", $$1, $$2, $$3 }'

layout-src-exists:
	@test -f $(LAYOUT_SRC) || { echo "error: layout $(LAYOUT_SRC) does not exist" \
		"(CONFIG_LAYOUT=\"$(LAYOUT)\"; see 'make menuconfig')" >&2; exit 1; }

# the architecture's flags (arch.mk) are part of every object
$(OBJS): arch/$(ARCH)/arch.mk

$(O)/%.o: %.c $(AUTOCONF_H) | $(LIBFDT_DIR)/.stamp
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(O)/%.o: %.S $(AUTOCONF_H)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

$(O)/libfdt/%.o: $(LIBFDT_DIR)/%.c $(AUTOCONF_H) | $(LIBFDT_DIR)/.stamp
	@mkdir -p $(dir $@)
	@echo "  CC      libfdt/$(notdir $<)"
	$(Q)$(CC) $(LIBFDT_CFLAGS) -c $< -o $@

# The layout embeds guest images with .incbin, found under $(O)/guests.
$(O)/$(LAYOUT_SRC:.c=.o): CFLAGS += -Wa,-I$(O)/guests
$(O)/$(LAYOUT_SRC:.c=.o): $(LAYOUT_IMAGES)

# Our own guests, each built by its own Makefile (always asked: it knows
# whether anything changed).
$(O)/guests/rtos/rtos.bin: FORCE
	$(Q)$(MAKE) --no-print-directory -C cells/guests/rtos O=$(O)/guests/rtos \
		GUEST_ARCH=$(ARCH) CROSS_COMPILE=$(CROSS_COMPILE) FV_CACHE=$(FV_CACHE)

$(O)/guests/sbitest/sbitest.bin: FORCE
	$(Q)$(MAKE) --no-print-directory -C cells/guests/sbitest O=$(O)/guests/sbitest \
		CROSS_COMPILE=$(CROSS_COMPILE) FV_CACHE=$(FV_CACHE)

# Linked at its cell's host-physical address (gpa == hpa): LOAD_ADDR in
# its Makefile.
$(O)/guests/hostile/hostile.bin: FORCE
	$(Q)$(MAKE) --no-print-directory -C tests/guests/hostile O=$(O)/guests/hostile \
		CROSS_COMPILE=$(CROSS_COMPILE) FV_CACHE=$(FV_CACHE)

$(O)/guests/bench/bench.bin: FORCE
	$(Q)$(MAKE) --no-print-directory -C tests/bench/guest O=$(O)/guests/bench \
		CROSS_COMPILE=$(CROSS_COMPILE) FV_CACHE=$(FV_CACHE)

# The bench guest's virtio-blk disk: every sector starts with its number.
$(O)/guests/bench/disk.img: tests/bench/mkdisk.py
	$(Q)$(PYTHON) tests/bench/mkdisk.py $@

# make bench's Linux initramfs: the demo's, then an archive with the bench
# /init and fvcount (tests/bench/linux/).
$(O)/guests/linux/bench-initramfs.cpio.gz: $(O)/guests/linux/initramfs.cpio.gz \
		tests/bench/linux/init tests/bench/linux/fvcount.c tests/bench/linux/mkinitramfs.py
	$(Q)riscv64-linux-gnu-gcc -static -nostdlib -ffreestanding -O2 -fno-pie -no-pie \
		-Wall -Wextra -Werror -o $(O)/guests/linux/fvcount tests/bench/linux/fvcount.c
	$(Q)$(PYTHON) tests/bench/linux/mkinitramfs.py $@ $< tests/bench/linux/init \
		$(O)/guests/linux/fvcount

# Linux's perf for a cell (ci/build-perf.sh: static, from the kernel tree,
# cached by content hash) and the demo initramfs with it as /bin/perf, for
# the layouts that list them (tests/layouts/run/debian-perf.mk): built
# only when such a layout is, never by a plain make.
$(O)/guests/linux/perf: ci/build-perf.sh
	$(Q)$(srctree)/ci/build-perf.sh $@
$(O)/guests/linux/perf-initramfs.cpio.gz: $(O)/guests/linux/initramfs.cpio.gz \
		$(O)/guests/linux/perf tests/bench/linux/mkinitramfs.py
	$(Q)$(PYTHON) tests/bench/linux/mkinitramfs.py $@ $< bin/perf=$(O)/guests/linux/perf

$(O)/guests/noisy/noisy.bin: FORCE
	$(Q)$(MAKE) --no-print-directory -C tests/bench/noisy O=$(O)/guests/noisy \
		CROSS_COMPILE=$(CROSS_COMPILE) FV_CACHE=$(FV_CACHE)

# The demo's Linux and initramfs, for the board's architecture (riscv:
# kernel.config; arm64: kernel-arm64.config; both with the doorbell tool,
# its arch part in cells/guests/linux/arch/$(ARCH)/): the scripts cache by
# content hash, so these rules only need their inputs.
# $(O)/guests/linux/arch names the architecture they were built for: an O
# reconfigured for another board builds them again.
LINUX_FRAGMENT := cells/guests/linux/$(if $(filter arm64,$(ARCH)),kernel-arm64,kernel).config
$(O)/guests/linux/arch: FORCE
	@mkdir -p $(dir $@)
	@echo '$(ARCH)' | cmp -s - $@ || echo '$(ARCH)' > $@
$(O)/guests/linux/Image: $(LINUX_FRAGMENT) ci/build-linux.sh $(O)/guests/linux/arch
	$(Q)$(srctree)/ci/build-linux.sh $@ $(ARCH)
$(O)/guests/linux/initramfs.cpio.gz: cells/guests/linux/init cells/guests/linux/fv-doorbell.c \
		$(wildcard cells/guests/linux/arch/$(ARCH)/*) \
		ci/build-initramfs.sh $(O)/guests/linux/arch
	$(Q)$(srctree)/ci/build-initramfs.sh $@ $(ARCH)
# The demo Linux's virtio-blk disk (make disk), a 1 MiB ext2 image of the
# files in cells/guests/linux/disk/ (reproducible: same files, same
# bytes).  A layout embeds it with GUEST_IMAGE(sym, "disk/disk.img") and
# lists it in LAYOUT_IMAGES.  The directory is a prerequisite too, so that
# adding or removing a file rebuilds it.
DISK_FILES := $(shell find cells/guests/linux/disk 2>/dev/null)
$(O)/guests/disk/disk.img: ci/build-disk.sh $(DISK_FILES)
	$(Q)$(srctree)/ci/build-disk.sh $@
disk: $(O)/guests/disk/disk.img
# Debian's own kernel, unmodified (tests/layouts/run/debian-linux.c):
# downloaded once per release into the cache; $@ changes only with it.
$(O)/guests/debian/Image: ci/fetch-debian-kernel.sh
	$(Q)$(srctree)/ci/fetch-debian-kernel.sh $@

include src/host/host.mk


$(O)/ferrovisor.lds: arch/$(ARCH)/ferrovisor.lds.S $(AUTOCONF_H)
	$(Q)$(CC) -E -P -x c $(INCLUDES) -include $(AUTOCONF_H) -D__ASSEMBLER__ $< -o $@

$(O)/ferrovisor.elf: $(OBJS) $(O)/ferrovisor.lds $(O)/layout.ok
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) -nostdlib -static -Wl,--gc-sections -Wl,-T,$(O)/ferrovisor.lds \
		-Wl,-Map,$(O)/ferrovisor.map -Wl,--no-warn-rwx-segments $(OBJS) -o $@
	$(Q)$(PYTHON) $(srctree)/ci/ro-sum.py $(CROSS_COMPILE)nm $@ || { rm -f $@; exit 1; }
	$(if $(ARCH_POSTLINK),$(Q)$(ARCH_POSTLINK) $@ || { rm -f $@; exit 1; })

$(O)/ferrovisor.bin: $(O)/ferrovisor.elf
	$(Q)$(OBJCOPY) -O binary $< $@

-include $(OBJS:.o=.d)

# ---------------------------------------------------------------- lint
# make lint: cppcheck and clang-tidy (.clang-tidy) over our own C: src/,
# arch/$(ARCH)/ and platform/ -- not libfdt, tests or guests.  Both read
# $(O)/compile_commands.json, written here from the build's own flags:
# clang for the configured architecture's target (ARCH_LINT_TARGET, from
# arch/$(ARCH)/arch.mk) with CFLAGS minus what clang 14 does not take (it
# rejects _zicsr_zifencei in -march: they are still part of riscv's 'i'),
# and the host tools (src/host/) with HOST_CFLAGS.  make test lints both
# architectures: the configured one in O, ARM64 in O/lint-arm64 (GICv3) and
# O/lint-arm64-gicv2 (the GICv2 variant's files).  Sources the .config
# leaves out (src/trace.c, src/trace_ring.c) are checked with their options set.
# cppcheck takes -D and -I from the database but not -include, hence
# --include; -D__CPPCHECK__ picks the IS_ENABLED() it can expand
# (<fv/compiler.h>).  clang-tidy runs once per file (given two, its analyzer
# has warned about the second with state from the first) and prints only
# when a file fails, without clang's "N warnings generated".
LINT_SRCS := $(filter-out src/host/%,$(wildcard src/*.c src/*/*.c)) \
	$(wildcard $(patsubst %.o,%.c,$(arch-y) $(platform-y)))
LINT_HOST_SRCS := $(wildcard src/host/*.c)
lint-comma := ,
LINT_CFLAGS := $(ARCH_LINT_TARGET) \
	$(filter-out -march=% -mstrict-align -nostdlib -Werror -MMD -MP -Wl$(lint-comma)%,$(CFLAGS))
LINT_HOST_CFLAGS := $(filter-out -Werror -MMD -MP,$(HOST_CFLAGS))
LINT_FLAGS_src/trace.c := $(if $(CONFIG_TRACE),,-DCONFIG_TRACE=1 -DCONFIG_TRACE_ENTRIES=64)
LINT_FLAGS_src/trace_ring.c := $(LINT_FLAGS_src/trace.c)
LINT_ALL := $(LINT_SRCS) $(LINT_HOST_SRCS)
LINT_DB := $(O)/compile_commands.json
lint-flags = $(if $(filter src/host/%,$(1)),$(LINT_HOST_CFLAGS),$(LINT_CFLAGS) \
	$(if $(filter $(1:.c=.o),$(NOCONV_OBJS)),,-Wconversion)) $(LINT_FLAGS_$(1))
lint-entry = $(if $(filter-out $(firstword $(LINT_ALL)),$(1)),$(lint-comma))$(lint-nl){ \
	"directory": "$(srctree)", "file": "$(1)", \
	"arguments": ["clang", $(foreach a,$(call lint-flags,$(1)),"$(a)",) "-c", "$(1)"] }
define lint-nl


endef

$(LINT_DB): FORCE $(AUTOCONF_H)
	$(file >$@,[$(foreach f,$(LINT_ALL),$(call lint-entry,$(f)))$(lint-nl)])

lint: $(LINT_DB) | $(LIBFDT_DIR)/.stamp
	@echo "  CPPCHECK $(words $(LINT_ALL)) files"
	$(Q)cppcheck -j2 --quiet --error-exitcode=1 --project=$(LINT_DB) \
		--include=$(AUTOCONF_H) -D__CPPCHECK__ --std=c11 --platform=unix64 \
		--enable=warning,style,performance,portability --inline-suppr \
		--suppressions-list=$(srctree)/ci/cppcheck-suppressions.txt \
		--relative-paths=$(srctree) --template='{file}:{line}: {severity}: {message} [{id}]'
	@echo "  CLANG-TIDY $(words $(LINT_ALL)) files"
	$(Q)printf '%s\n' $(LINT_ALL) | xargs -P2 -n1 sh -c 'out=$$(clang-tidy --quiet \
		-p $(O) "$$@" 2>&1) || { printf "%s\n" "$$out" | grep -v "warnings* generated"; exit 1; }' sh

# Dump a cell's generated device tree: make dtb-<cell>
dtb-%: $(O)/host/layoutcheck $(PLATFORM_DTB)
	$(Q)$(O)/host/layoutcheck -d $* $(PLATFORM_DTB) $(LAYOUT_SRC) > $(O)/$*.dtb
	$(Q)dtc -q -I dtb -O dts $(O)/$*.dtb

# Boot the image in QEMU (no deps step; 'make run' is the full one).
qemu: $(O)/ferrovisor.elf $(O)/ferrovisor.bin
	@echo "Booting $(O)/ferrovisor.elf; quit QEMU with Ctrl-A x"
	@echo "  $(QEMU_CMD) $(QEMU_EXTRA)"
	$(Q)$(QEMU_CMD) $(QEMU_EXTRA)

qemu-cmd:
	@echo "$(QEMU_CMD) $(QEMU_EXTRA)"

# Debug one cell with gdb-multiarch over the hypervisor console (Ctrl-] g).
gdb: $(O)/ferrovisor.elf
	$(Q)test -n "$(CELL)" || { echo "usage: make gdb CELL=<cell> [GDB_ELF=<guest ELF>]" >&2; exit 1; }
	$(Q)$(srctree)/ci/gdb-cell.sh $(O) $(CELL) "$(GDB_ELF)" $(QEMU_CMD) $(QEMU_EXTRA)
endif

# ---------------------------------------------------------------- the two commands
deps:
	$(Q)$(srctree)/ci/deps.sh

run:
	$(Q)$(srctree)/ci/deps.sh
	$(Q)$(MAKE) --no-print-directory -f $(srctree)/Makefile O=$(O) qemu

test:
	$(Q)$(srctree)/ci/deps.sh
	$(Q)$(MAKE) --no-print-directory -f $(srctree)/Makefile O=$(O) all
	$(Q)$(MAKE) --no-print-directory -f $(srctree)/Makefile O=$(O) unit
	$(Q)$(MAKE) --no-print-directory -f $(srctree)/Makefile O=$(O) fuzz-replay
	$(Q)$(MAKE) --no-print-directory -f $(srctree)/Makefile O=$(O) lint
	$(Q)$(MAKE) --no-print-directory -f $(srctree)/Makefile O=$(O)/lint-arm64 \
		qemu-aarch64-virt_defconfig >/dev/null
	$(Q)$(MAKE) --no-print-directory -f $(srctree)/Makefile O=$(O)/lint-arm64 lint
	$(Q)$(MAKE) --no-print-directory -f $(srctree)/Makefile O=$(O)/lint-arm64-gicv2 \
		qemu-aarch64-virt-gicv2_defconfig >/dev/null
	$(Q)$(MAKE) --no-print-directory -f $(srctree)/Makefile O=$(O)/lint-arm64-gicv2 lint
	$(Q)cd $(srctree) && O=$(O) $(PYTHON) -m pytest -q -p no:cacheprovider tests/integration

# `make test` while stress-ng keeps both cores busy (tests/README.md).
# stress-ng stops when the suite ends (an hour at the latest, --timeout);
# the exit status is the suite's.
test-under-load:
	$(Q)$(srctree)/ci/deps.sh
	$(Q)stress-ng --cpu 2 --timeout 3600s --quiet & stress=$$!; \
	trap 'kill $$stress 2>/dev/null; wait $$stress' EXIT; trap 'exit 130' INT TERM HUP; \
	echo "test-under-load: stress-ng --cpu 2 (pid $$stress) beside make test"; \
	$(MAKE) --no-print-directory -f $(srctree)/Makefile O=$(O) test; rc=$$?; \
	echo "test-under-load: make test exit status $$rc"; exit $$rc

bench:
	$(Q)$(srctree)/ci/deps.sh
	$(Q)cd $(srctree) && O=$(O) $(PYTHON) tests/bench/run.py

# make trace [LAYOUT=<name or file>] [TRACE_SECONDS=<s>] [TRACE_ENTRIES=<n>]:
# the layout built with CONFIG_TRACE in its own O dir, run under -icount,
# its trace dumped to O/trace.txt and summed up per cell
# (tests/bench/tracerun.py).
TRACE_SECONDS ?= 1
TRACE_ENTRIES ?= 4096
trace:
	$(Q)cd $(srctree) && O=$(O) $(PYTHON) tests/bench/tracerun.py \
		--layout '$(or $(LAYOUT),two-rtos)' --seconds '$(TRACE_SECONDS)' \
		--entries '$(TRACE_ENTRIES)' --qemu-extra '$(QEMU_EXTRA)'

cloc:
	$(Q)$(srctree)/tests/bench/cloc.sh

include tests/unit/unit.mk
include tests/fuzz/fuzz.mk

# ---------------------------------------------------------------- misc
clean:
	$(Q)rm -rf $(O)/src $(O)/arch $(O)/platform $(O)/cells $(O)/libfdt $(O)/tests \
		$(O)/host $(O)/guests $(O)/ferrovisor.* $(O)/layout.ok $(O)/platform.dtb \
		$(O)/compile_commands.json

distclean:
	$(Q)rm -rf $(O)

help:
	@echo "Ferrovisor $(VERSION) -- static-partitioning hypervisor"
	@echo
	@echo "The two commands:"
	@echo "  make run              install missing deps, configure ($(DEFCONFIG)) if"
	@echo "                        there is no .config, build, boot in QEMU (quit: Ctrl-A x)"
	@echo "  make test             install missing deps, build, run every test"
	@echo "  make test-under-load  make test while stress-ng --cpu 2 keeps the cores busy"
	@echo "  make bench            benchmarks, native vs in a cell under -icount (O/bench.md)"
	@echo "  make trace            run a layout with the event trace, dump it to O/trace.txt"
	@echo "                        and print per-cell exit histograms: LAYOUT=<name> (two-rtos),"
	@echo "                        TRACE_SECONDS=<guest s> (1), TRACE_ENTRIES=<per hart> (4096)"
	@echo
	@echo "Configuration (stored in O/.config, default O=build):"
	@echo "  make <board>_defconfig  start from configs/<board>_defconfig:"
	@for f in configs/*_defconfig; do echo "                          $$(basename $$f)"; done
	@echo "  make menuconfig       edit the configuration"
	@echo "  make olddefconfig     update .config, new options take their defaults"
	@echo "  make savedefconfig    write the minimal O/defconfig for this .config"
	@echo
	@echo "Building and running:"
	@echo "  make                  build O/ferrovisor.elf, .bin and .map"
	@echo "  make qemu             boot the built image in QEMU (no deps step)"
	@echo "  make qemu-cmd         print the QEMU command line 'make run' uses"
	@echo "  make gdb CELL=<cell>  boot in QEMU and debug that cell with gdb-multiarch over"
	@echo "                        the console (Ctrl-] g), the guest's ELF from O/guests/<cell>/"
	@echo "                        or GDB_ELF=<file>; the console's text goes to O/gdb-console.log"
	@echo "  make deps             install build and test dependencies (Debian)"
	@echo "  make unit             host unit tests only"
	@echo "  make fuzz             libFuzzer harnesses, FUZZ_TIME=<s> each (default 60)"
	@echo "  make fuzz-replay      the fuzz seeds and a short fixed run of each (in make test)"
	@echo "  make lint             cppcheck and clang-tidy (.clang-tidy) over src/ arch/ platform/"
	@echo "  make layout-map       memory map of the configured cells"
	@echo "  make cloc             lines of C and assembly per directory"
	@echo "  make dtb-<cell>       the device tree generated for a cell, as DTS"
	@echo "  make disk             the demo Linux's virtio-blk disk, O/guests/disk/disk.img"
	@echo "  make clean            remove objects and images, keep .config"
	@echo "  make distclean        remove the whole O directory"
	@echo
	@echo "Variables:"
	@echo "  O=<dir>               build directory (default build)"
	@echo "  QEMU_EXTRA='<args>'   extra QEMU arguments for run/qemu, e.g. '-s -S'"
	@echo "  FV_CACHE=<dir>        download cache (default ~/.cache/ferrovisor)"
	@echo "  V=1                   show the full commands"
	@echo
	@echo "Console (make run): Ctrl-] then n next console, 1-9 console N, m monitor (a command line: help), v vCPU traps,"
	@echo "  g GDB remote protocol for the focused cell (until gdb detaches, or Ctrl-]), h help"
