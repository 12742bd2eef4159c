# SPDX-License-Identifier: GPL-2.0-only
# The architecture-neutral core.
core-y := src/main.o src/run.o src/console.o src/panic.o src/platform.o \
	src/cell.o src/cell_lookup.o src/cell_virtio.o src/vcpu.o src/vcpu_hsm.o \
	src/doorbell.o src/cell_doorbell.o \
	src/cpu.o src/virtio/mmio.o src/virtio/virtqueue.o src/virtio/blk.o \
	src/virtio/net.o src/virtio/console.o \
	src/console_mux.o src/printk.o \
	src/housekeeping.o src/monitor.o src/guest_fdt.o \
	src/layout_boot.o src/layout_check.o src/emul/uart16550.o src/emul/pl011.o src/cell_pl011.o \
	src/mm/page_alloc.o src/drivers/ns16550.o src/drivers/pl011.o \
	src/lib/fmt.o src/lib/string.o
core-$(CONFIG_TRACE) += src/trace.o src/trace_ring.o
# the GDB stub, or its absence (Ctrl-] g then says so)
core-$(CONFIG_GDBSTUB) += src/gdbstub.o src/gdb_cell.o
core-$(if $(CONFIG_GDBSTUB),,y) += src/gdb_none.o
