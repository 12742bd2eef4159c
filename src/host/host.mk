# SPDX-License-Identifier: GPL-2.0-only
#
# Host tools: the build-time layout checker and memory-map renderer.
#
# Included by the top-level Makefile inside its configured part (it needs
# ARCH, AUTOCONF_H, LIBFDT_DIR, LIBFDT_OBJS and the platform's
# PLATFORM_DTB_CMD), with LAYOUT_SRC set to the layout source before the
# include.  The layout is compiled for the host with the build's autoconf.h,
# so the checker sees exactly the data the image will carry.
#
#   $(O)/host/layoutcheck      the checker, with $(LAYOUT_SRC) linked in
#   $(O)/platform.dtb          the board's device tree (PLATFORM_DTB_CMD)
#   $(O)/layout.ok             stamp: the check passed; holds the memory map
#   make layout-map            print the memory map of the cells
#
# $(HOST_O)/check/<path>, for any layout source <path>.c, is a checker with
# that layout linked in (the tests build one per layout).  HOST_SANITIZE=1
# builds with ASan and UBSan (use a separate HOST_O: flags are not tracked).

HOSTCC ?= gcc
HOST_O ?= $(O)/host
PLATFORM_DTB ?= $(O)/platform.dtb
LAYOUT_IMAGES ?=

HOST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wshadow -Wno-missing-field-initializers \
	-MMD -MP -include $(AUTOCONF_H) -I$(srctree)/src/include \
	-I$(srctree)/arch/$(ARCH)/include $(ARCH_INCLUDES) -I$(O)/include -I$(srctree)/src/fdt -I$(LIBFDT_DIR)
ifeq ($(HOST_SANITIZE),1)
HOST_CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=undefined
endif
HOST_LDFLAGS := $(filter -fsanitize%,$(HOST_CFLAGS))

# Everything but the layout: the same checker and probing code as the image.
HOST_CHECK_OBJS := $(addprefix $(HOST_O)/obj/,src/host/layoutcheck.o \
	src/host/host_console.o src/layout_check.o src/platform.o \
	arch/$(ARCH)/platform.o src/lib/fmt.o \
	src/host/guest_dtb.o src/guest_fdt.o arch/$(ARCH)/guest_fdt.o src/mm/page_alloc.o) \
	$(addprefix $(HOST_O)/obj/libfdt/,$(LIBFDT_OBJS))

$(HOST_O)/obj/%.o: %.c $(AUTOCONF_H) | $(LIBFDT_DIR)/.stamp
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -c $< -o $@

$(HOST_O)/obj/libfdt/%.o: $(LIBFDT_DIR)/%.c $(AUTOCONF_H) | $(LIBFDT_DIR)/.stamp
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  libfdt/$(notdir $<)"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Wno-sign-compare -Wno-unused-parameter -c $< -o $@

# A layout: GUEST_IMAGE() .incbin's paths are relative to $(O)/guests.
$(HOST_O)/layout/%.o: %.c $(AUTOCONF_H) | $(LIBFDT_DIR)/.stamp
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $< (layout)"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Wa,-I$(O)/guests -c $< -o $@

$(HOST_O)/check/%: $(HOST_O)/layout/%.o $(HOST_CHECK_OBJS)
	@mkdir -p $(dir $@)
	@echo "  HOSTLD  $@"
	$(Q)$(HOSTCC) $(HOST_LDFLAGS) $^ -o $@

ifneq ($(LAYOUT_SRC),)
HOST_LAYOUT_OBJ := $(HOST_O)/layout/$(LAYOUT_SRC:.c=.o)
$(HOST_LAYOUT_OBJ): $(LAYOUT_IMAGES)

$(HOST_O)/layoutcheck: $(HOST_LAYOUT_OBJ) $(HOST_CHECK_OBJS)
	@echo "  HOSTLD  $@"
	$(Q)$(HOSTCC) $(HOST_LDFLAGS) $^ -o $@

# The check; its output (summary and memory map) is the stamp.
$(O)/layout.ok: $(HOST_O)/layoutcheck $(PLATFORM_DTB)
	@echo "  CHECK   $(LAYOUT_SRC)"
	$(Q)$(HOST_O)/layoutcheck -m $(PLATFORM_DTB) $(LAYOUT_SRC) >$@.tmp || \
		{ rm -f $@.tmp; exit 1; }
	$(Q)head -n 1 $@.tmp | sed 's/^/  /'
	$(Q)mv $@.tmp $@

layout-map: $(O)/layout.ok
	$(Q)tail -n +2 $<
endif

ifneq ($(PLATFORM_DTB_CMD),)
$(O)/platform.dtb: $(AUTOCONF_H)
	@mkdir -p $(dir $@)
	@echo "  DTB     $@"
	$(Q)$(PLATFORM_DTB_CMD)
endif

# Objects reached through the pattern rules are not intermediate files.
.PRECIOUS: $(HOST_O)/obj/%.o $(HOST_O)/obj/libfdt/%.o $(HOST_O)/layout/%.o
.PHONY: layout-map
-include $(wildcard $(HOST_O)/obj/*/*.d $(HOST_O)/obj/*/*/*.d $(HOST_O)/obj/*/*/*/*.d)
# every layout object, also the tests' (make .../check/<layout>): a change
# of <fv/layout.h> must rebuild them all
-include $(wildcard $(HOST_O)/layout/*/*.d $(HOST_O)/layout/*/*/*.d $(HOST_O)/layout/*/*/*/*.d)
