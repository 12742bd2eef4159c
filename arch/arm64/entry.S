/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry from the boot loader.  The image starts with the arm64 Image
 * header, so QEMU's direct kernel boot (and any Linux boot loader) loads
 * it at RAM + text_offset and enters _start on the boot CPU with x0 = the
 * device tree, the MMU and caches off, at the highest EL it has below EL3
 * (EL2 with virtualization=on).  Other CPUs enter at
 * arm64_secondary_entry when we start them with PSCI CPU_ON, with x0 =
 * the context we passed: their struct cpu.  Each CPU turns its EL2 MMU
 * and caches on (arm64_mmu_on) before it touches its stack; the boot CPU
 * from arm64_boot once it has built the tables (mmu.c), the others first
 * thing here, with the same registers.
 */
#include <arch/cpu.h>
#include <arch/mmu.h>

	.section .text.entry, "ax"
	.global _start
_start:
	b	primary				/* code0 */
	.long	0				/* code1 */
	.quad	CONFIG_HV_LOAD_ADDR - CONFIG_FW_BASE	/* text_offset from RAM */
	.quad	hv_image_size			/* image_size */
	.quad	2				/* flags: little-endian, 4 KiB pages */
	.quad	0, 0, 0				/* reserved */
	.ascii	"ARM\x64"			/* magic */
	.long	0				/* reserved (no PE header) */

primary:
	msr	daifset, #0xf
	mov	x19, x0

	/* clear .bss */
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:
	/* the boot CPU is cpu 0: the first stack */
	ldr	x1, =hv_stacks
	ldr	x2, =CONFIG_HV_STACK_SIZE
	add	sp, x1, x2
	mov	x0, x19
	bl	arm64_boot
3:	wfi
	b	3b

	.text
	.global arm64_secondary_entry
arm64_secondary_entry:
	msr	daifset, #0xf
	mov	x19, x0
	ldr	x0, =arm64_mmu_regs	/* cleaned to memory by the boot CPU */
	bl	arm64_mmu_on
	mov	x0, x19			/* its struct cpu, read through the cache */
	ldr	x1, [x0, #ARCH_CPU_STACK_TOP]
	mov	sp, x1
	bl	hv_secondary_main
1:	wfi
	b	1b

/* x0 = the struct mmu_regs; the MMU off.  The registers, then this CPU's
 * stale EL2 TLB entries and instruction cache dropped, then SCTLR_EL2 with
 * M, C, I: the ISBs order each step.  Uses x1 only, no stack. */
	.global arm64_mmu_on
arm64_mmu_on:
	ldr	x1, [x0, #MMU_REGS_MAIR]
	msr	mair_el2, x1
	ldr	x1, [x0, #MMU_REGS_TCR]
	msr	tcr_el2, x1
	ldr	x1, [x0, #MMU_REGS_TTBR]
	msr	ttbr0_el2, x1
	isb
	tlbi	alle2
	ic	iallu
	dsb	nsh
	isb
	ldr	x1, [x0, #MMU_REGS_SCTLR]
	msr	sctlr_el2, x1
	isb
	ret
	.ltorg
