// SPDX-License-Identifier: GPL-2.0-only
/*
 * Debian's own riscv64 kernel in the Linux cell, as debian-linux.c, with
 * the demo initramfs plus Linux's perf as /bin/perf (ci/build-perf.sh):
 * for tests/integration/test_perf_stat.py, which runs `perf stat` in the
 * cell against the virtual SBI PMU (CONFIG_PMU=y) and without it.  Why
 * Debian's kernel: it has perf events and the SBI PMU driver built in,
 * which the demo's tinyconfig kernel has not.  Same cells, harts and
 * memory as debian-linux.c, which this file includes.
 */
#define DEBIAN_INITRD "linux/perf-initramfs.cpio.gz"
#include "debian-linux.c"
