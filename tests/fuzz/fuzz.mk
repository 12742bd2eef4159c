# SPDX-License-Identifier: GPL-2.0-only
#
# libFuzzer harnesses: the same core sources as the hypervisor and the unit
# tests (same flags, headers and stubs as tests/unit/unit.mk), built with
# clang's -fsanitize=fuzzer,address,undefined.  Included by the top-level
# Makefile after unit.mk (it reuses UNIT_LIBFDT_SRCS and the QEMU DTBs).
#
#   make fuzz [FUZZ_TIME=60]   fuzz each harness that many seconds, corpus in
#                              O/tests/fuzz/corpus/<name> (seeded from
#                              tests/fuzz/seeds/<name>); fails on a finding
#   make fuzz-replay           the seeds, then -runs=20000 -seed=1 of each:
#                              deterministic, part of 'make test'

FUZZ_CC ?= clang
FUZZ_O := $(O)/tests/fuzz
FUZZ_TIME ?= 60
FUZZ_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-missing-field-initializers \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-include tests/unit/test_config.h -Itests/unit -Isrc/include \
	-Iarch/riscv/include -Iarch/riscv/irqc/plic -Iarch/riscv/irqc/aia -Isrc/fdt -I$(UNIT_LIBFDT)

FUZZ_NAMES := mmio_decode vsbi_mask vsbi virtio vplic uart16550 layout_check guest_fdt
FUZZ_BINS := $(addprefix $(FUZZ_O)/fuzz_,$(FUZZ_NAMES))

# libfdt is third-party and walks one fixed, valid tree over and over:
# instrumented, it took 90% of the layout harnesses' time.  It is built
# plainly (-O2, no sanitizers, no coverage); our code around it keeps all.
FUZZ_LIBFDT_OBJS := $(patsubst $(UNIT_LIBFDT)/%.c,$(FUZZ_O)/libfdt/%.o,$(UNIT_LIBFDT_SRCS))

# Everything layout_check() needs, and what the guest tree adds.
FUZZ_LAYOUT_SRCS := src/layout_check.c src/platform.c arch/riscv/platform.c \
	src/lib/fmt.c tests/unit/stubs.c $(FUZZ_LIBFDT_OBJS)
FUZZ_DTBS := $(UNIT_DTB)/virt-smp4-1G.dtb $(UNIT_DTB)/virt-aia-smp8-2G.dtb

$(FUZZ_O)/fuzz_mmio_decode: tests/fuzz/fuzz_mmio_decode.c arch/riscv/mmio_decode.c
# arch/sbi.h binds a0..a7 in an inline ecall that clang checks (and
# refuses) even unused on the host; dropping the bindings leaves it valid C.
$(FUZZ_O)/fuzz_vsbi_mask: tests/fuzz/fuzz_vsbi_mask.c arch/riscv/vsbi_mask.c
$(FUZZ_O)/fuzz_vsbi_mask: FUZZ_CFLAGS += '-D__asm__(...)='
# The dispatcher itself, its CSR accesses on a model CSR file (the harness
# includes vsbi.c), with the core's lookups, HSM checks and doorbell model
# it calls.
$(FUZZ_O)/fuzz_vsbi: tests/fuzz/fuzz_vsbi.c arch/riscv/vsbi.c arch/riscv/vsbi_mask.c \
	arch/riscv/vsbi_hsm.c arch/riscv/vsbi_susp.c arch/riscv/vsbi_suspend.c \
	arch/riscv/vsbi_fwft.c arch/riscv/vsbi_pmu.c arch/riscv/vsbi_dbtr.c arch/riscv/vsbi_legacy.c src/cell_lookup.c src/vcpu_hsm.c src/doorbell.c arch/riscv/vsbi.h \
	arch/riscv/include/arch/sbi.h src/include/fv/cell.h src/include/fv/doorbell.h
$(FUZZ_O)/fuzz_vsbi: FUZZ_CFLAGS += '-D__asm__(...)='
$(FUZZ_O)/fuzz_vsbi: FUZZ_INCLUDED := arch/riscv/vsbi.c arch/riscv/vsbi_hsm.c arch/riscv/vsbi_susp.c \
	arch/riscv/vsbi_suspend.c arch/riscv/vsbi_fwft.c arch/riscv/vsbi_pmu.c \
	arch/riscv/vsbi_dbtr.c arch/riscv/vsbi_legacy.c
$(FUZZ_O)/fuzz_virtio: tests/fuzz/fuzz_virtio.c src/virtio/mmio.c src/virtio/virtqueue.c \
	src/virtio/blk.c src/virtio/net.c src/cell_lookup.c tests/unit/stubs.c \
	src/include/fv/virtio.h src/include/fv/virtio_blk.h src/include/fv/virtio_net.h
$(FUZZ_O)/fuzz_vplic: tests/fuzz/fuzz_vplic.c arch/riscv/irqc/plic/vplic.c \
	arch/riscv/irqc/plic/vplic.h src/include/fv/emul.h src/include/fv/spinlock.h
$(FUZZ_O)/fuzz_uart16550: tests/fuzz/fuzz_uart16550.c src/emul/uart16550.c \
	src/include/fv/uart16550.h src/include/fv/emul.h src/include/fv/spinlock.h
$(FUZZ_O)/fuzz_layout_check: tests/fuzz/fuzz_layout_check.c $(FUZZ_LAYOUT_SRCS) \
	tests/fuzz/fuzz_layout.h $(FUZZ_DTBS)
$(FUZZ_O)/fuzz_guest_fdt: tests/fuzz/fuzz_guest_fdt.c $(FUZZ_LAYOUT_SRCS) \
	src/guest_fdt.c arch/riscv/guest_fdt.c src/mm/page_alloc.c \
	tests/fuzz/fuzz_layout.h $(FUZZ_DTBS)
$(FUZZ_O)/fuzz_layout_check $(FUZZ_O)/fuzz_guest_fdt: FUZZ_CFLAGS += \
	-DCONFIG_PLATFORM=\"qemu-riscv64-virt\" \
	-DFUZZ_DTB_SMP4=\"$(UNIT_DTB)/virt-smp4-1G.dtb\" \
	-DFUZZ_DTB_AIA=\"$(UNIT_DTB)/virt-aia-smp8-2G.dtb\"

# No stack-depth features: they depend on where the stack starts, and
# fuzz-replay must not (run.sh also turns address randomization off).
$(FUZZ_BINS): tests/fuzz/fuzz.h tests/unit/test_config.h | $(UNIT_LIBFDT)/.stamp
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -fno-sanitize-coverage=stack-depth $(filter-out $(FUZZ_INCLUDED),$(filter %.c %.o,$^)) -o $@

$(FUZZ_O)/libfdt/%.o: $(UNIT_LIBFDT)/%.c | $(UNIT_LIBFDT)/.stamp
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  libfdt/$(notdir $<)"
	$(Q)$(FUZZ_CC) -std=gnu11 -O2 -g -Isrc/fdt -I$(UNIT_LIBFDT) -c $< -o $@

fuzz: $(FUZZ_BINS)
	$(Q)tests/fuzz/run.sh fuzz $(FUZZ_O) $(FUZZ_TIME) $(FUZZ_NAMES)

fuzz-replay: $(FUZZ_BINS)
	$(Q)tests/fuzz/run.sh replay $(FUZZ_O) 20000 $(FUZZ_NAMES)

.PHONY: fuzz fuzz-replay
