/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the bench guest's shared parts (out.c, stat.c) ask of its
 * architecture, which arch/<arch>/ implements; the Makefile picks the
 * directory, so there is no #ifdef here.
 */
#ifndef BENCH_ARCH_IF_H
#define BENCH_ARCH_IF_H

/* Write one whole console line (its "\r\n" included) and return when the
 * next figure may start: RISC-V waits until a cell's hypervisor has
 * written it out, ARM64 settles before each figure instead. */
void arch_out_line(const char *line, unsigned n);

#endif
