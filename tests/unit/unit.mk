# SPDX-License-Identifier: GPL-2.0-only
#
# Host unit tests: core code compiled with the host's gcc (with ASan and
# UBSan), against the C library instead of our freestanding lib.
# Included by the top-level Makefile; run with 'make unit'.

HOSTCC ?= gcc
UNIT_O := $(O)/tests/unit
UNIT_LIBFDT := $(FV_CACHE)/libfdt
UNIT_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wshadow -Wno-missing-field-initializers \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-include tests/unit/test_config.h -Itests/unit -Isrc/include \
	-Iarch/riscv/include -Iarch/riscv/irqc/plic -Iarch/riscv/irqc/aia -Isrc/fdt -I$(UNIT_LIBFDT)
UNIT_LIBFDT_SRCS := $(addprefix $(UNIT_LIBFDT)/,fdt.c fdt_ro.c fdt_rw.c fdt_sw.c \
	fdt_wip.c fdt_strerror.c fdt_addresses.c)

UNIT_TESTS := test_fmt test_page_alloc test_platform test_stage2 test_mmio_decode test_console_mux test_vsbi_mask test_virtio
UNIT_TESTS += test_vplic test_uart16550 test_doorbell test_gdbstub test_vaplic test_pl011 test_arm64_stage2 test_arm64_vgic \
	test_arm64_vgic2 test_arm64_vgic_lr test_arm64_mmu test_arm64_layout
UNIT_TESTS += test_layout_check test_trace_ring
UNIT_BINS := $(addprefix $(UNIT_O)/,$(UNIT_TESTS))

$(UNIT_O)/test_fmt: tests/unit/test_fmt.c src/lib/fmt.c
$(UNIT_O)/test_page_alloc: tests/unit/test_page_alloc.c src/mm/page_alloc.c
$(UNIT_O)/test_stage2: tests/unit/test_stage2.c arch/riscv/stage2.c src/mm/page_alloc.c
$(UNIT_O)/test_mmio_decode: tests/unit/test_mmio_decode.c arch/riscv/mmio_decode.c
$(UNIT_O)/test_console_mux: tests/unit/test_console_mux.c src/console_mux.c tests/unit/stubs.c
$(UNIT_O)/test_vsbi_mask: tests/unit/test_vsbi_mask.c arch/riscv/vsbi_mask.c
$(UNIT_O)/test_platform: tests/unit/test_platform.c src/platform.c \
	arch/riscv/platform.c tests/unit/stubs.c $(UNIT_LIBFDT_SRCS)
$(UNIT_O)/test_layout_check: tests/unit/test_layout_check.c src/layout_check.c \
	src/platform.c arch/riscv/platform.c src/lib/fmt.c tests/unit/stubs.c \
	$(UNIT_LIBFDT_SRCS) src/include/fv/layout_check.h src/include/fv/layout.h
$(UNIT_O)/test_layout_check: UNIT_CFLAGS += -DCONFIG_PLATFORM=\"qemu-riscv64-virt\"
$(UNIT_O)/test_vplic: tests/unit/test_vplic.c arch/riscv/irqc/plic/vplic.c \
	arch/riscv/irqc/plic/vplic.h src/include/fv/emul.h src/include/fv/spinlock.h
$(UNIT_O)/test_vaplic: tests/unit/test_vaplic.c arch/riscv/irqc/aia/vaplic.c \
	arch/riscv/irqc/aia/vaplic.h src/include/fv/emul.h src/include/fv/spinlock.h
$(UNIT_O)/test_virtio: tests/unit/test_virtio.c tests/unit/virtio_guest.h src/virtio/mmio.c \
	src/virtio/virtqueue.c src/virtio/blk.c src/virtio/net.c src/virtio/console.c \
	src/console_mux.c src/cell_lookup.c tests/unit/stubs.c src/include/fv/virtio.h src/include/fv/virtio_blk.h \
	src/include/fv/virtio_net.h
$(UNIT_O)/test_uart16550: tests/unit/test_uart16550.c src/emul/uart16550.c \
	src/include/fv/uart16550.h src/include/fv/emul.h src/include/fv/spinlock.h
$(UNIT_O)/test_trace_ring: tests/unit/test_trace_ring.c src/trace_ring.c \
	src/include/fv/trace_ring.h
$(UNIT_O)/test_trace_ring: UNIT_CFLAGS += -DTRACE_RING_SIZE=8
$(UNIT_O)/test_pl011: tests/unit/test_pl011.c src/emul/pl011.c \
	src/include/fv/emul_pl011.h src/include/fv/emul.h src/include/fv/spinlock.h
# ARM64 code: its own arch headers instead of RISC-V's
$(UNIT_O)/test_arm64_stage2: tests/unit/test_arm64_stage2.c arch/arm64/stage2.c src/mm/page_alloc.c \
	arch/arm64/include/arch/stage2.h
$(UNIT_O)/test_arm64_stage2: UNIT_CFLAGS := $(filter-out -Iarch/riscv/%,$(UNIT_CFLAGS)) \
	-Iarch/arm64/include
# (and the list registers, fake, an interrupt's state is in too)
$(UNIT_O)/test_arm64_vgic: tests/unit/test_arm64_vgic.c arch/arm64/vgic.c arch/arm64/vgicd.c \
	arch/arm64/irqc/gicv3/vgicd_regs.c arch/arm64/irqc/gicv3/vgicr.c arch/arm64/vlr.c \
	arch/arm64/include/arch/vgic.h arch/arm64/include/arch/irqc.h tests/unit/fake_lrs.h \
	src/include/fv/emul.h src/include/fv/spinlock.h
$(UNIT_O)/test_arm64_vgic: UNIT_CFLAGS := $(filter-out -Iarch/riscv/%,$(UNIT_CFLAGS)) \
	-Iarch/arm64/include
$(UNIT_O)/test_arm64_mmu: tests/unit/test_arm64_mmu.c arch/arm64/mmu_map.c \
	arch/arm64/include/arch/mmu.h
$(UNIT_O)/test_arm64_mmu: UNIT_CFLAGS := $(filter-out -Iarch/riscv/%,$(UNIT_CFLAGS)) \
	-Iarch/arm64/include
# the same model with the GICv2 variant's registers (and the list
# registers, fake, an SGI's pending state is in too)
$(UNIT_O)/test_arm64_vgic2: tests/unit/test_arm64_vgic2.c arch/arm64/vgic.c arch/arm64/vgicd.c \
	arch/arm64/irqc/gicv2/vgicd_regs.c arch/arm64/vlr.c \
	arch/arm64/include/arch/vgic.h arch/arm64/include/arch/irqc.h tests/unit/fake_lrs.h \
	src/include/fv/emul.h src/include/fv/spinlock.h
$(UNIT_O)/test_arm64_vgic2: UNIT_CFLAGS := $(filter-out -Iarch/riscv/%,$(UNIT_CFLAGS)) \
	-Iarch/arm64/include
# the list-register fill, against fake list registers
$(UNIT_O)/test_arm64_vgic_lr: tests/unit/test_arm64_vgic_lr.c arch/arm64/vlr.c arch/arm64/vgic.c \
	arch/arm64/vgicd.c arch/arm64/irqc/gicv3/vgicd_regs.c arch/arm64/irqc/gicv3/vgicr.c \
	arch/arm64/include/arch/vgic.h arch/arm64/include/arch/irqc.h \
	src/include/fv/emul.h src/include/fv/spinlock.h
$(UNIT_O)/test_arm64_vgic_lr: UNIT_CFLAGS := $(filter-out -Iarch/riscv/%,$(UNIT_CFLAGS)) \
	-Iarch/arm64/include
# the ARM64 layout checks beside the core's (a GICv2's eight CPUs)
$(UNIT_O)/test_arm64_layout: tests/unit/test_arm64_layout.c arch/arm64/platform.c \
	src/platform.c tests/unit/stubs.c $(UNIT_LIBFDT_SRCS)
$(UNIT_O)/test_arm64_layout: UNIT_CFLAGS := $(filter-out -Iarch/riscv/%,$(UNIT_CFLAGS)) \
	-Iarch/arm64/include
$(UNIT_O)/test_gdbstub: tests/unit/test_gdbstub.c src/gdbstub.c src/include/fv/gdbstub.h
$(UNIT_O)/test_doorbell: tests/unit/test_doorbell.c src/doorbell.c \
	src/include/fv/doorbell.h src/include/fv/emul.h src/include/fv/spinlock.h \
	src/include/fv/layout.h

$(UNIT_BINS): tests/unit/test.h tests/unit/test_config.h tests/unit/dtb_file.h | $(UNIT_LIBFDT)/.stamp
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) $(UNIT_CFLAGS) $(filter %.c,$^) -o $@ -lpthread

# Device trees of QEMU's virt machine, as the firmware would pass them.
UNIT_DTB := $(UNIT_O)/dtb
UNIT_DTBS := $(addprefix $(UNIT_DTB)/,virt-smp4-1G.dtb virt-aia-smp8-2G.dtb \
	virt-noh.dtb virt-smp12.dtb)
qemu-dtb = qemu-system-riscv64 -M virt$(2),dumpdtb=$(1) -nographic $(3) >/dev/null
$(UNIT_DTB)/virt-smp4-1G.dtb:
	@mkdir -p $(dir $@)
	$(Q)$(call qemu-dtb,$@,,-smp 4 -m 1G)
$(UNIT_DTB)/virt-aia-smp8-2G.dtb:
	@mkdir -p $(dir $@)
	$(Q)$(call qemu-dtb,$@,$(comma)aia=aplic-imsic,-smp 8 -m 2G)
$(UNIT_DTB)/virt-noh.dtb:
	@mkdir -p $(dir $@)
	$(Q)$(call qemu-dtb,$@,,-cpu rv64$(comma)h=false)
$(UNIT_DTB)/virt-smp12.dtb:
	@mkdir -p $(dir $@)
	$(Q)$(call qemu-dtb,$@,,-smp 12)
comma := ,

unit: $(UNIT_BINS) $(UNIT_DTBS)
	$(Q)tests/unit/run.sh $(UNIT_DTB) $(UNIT_BINS)
