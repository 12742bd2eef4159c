/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The riscv64 part of fv-doorbell (../../fv-doorbell.c): why it exists,
 * the program has no C library, so its system call instruction, its
 * memory barrier and its entry point are written here, per architecture
 * (ci/build-initramfs.sh puts this directory on the include path).
 */
#ifndef FV_DOORBELL_ARCH_H
#define FV_DOORBELL_ARCH_H

/* ecall: number in a7, arguments in a0-a5, result in a0. */
static inline long syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
	register long a0 __asm__("a0") = a;
	register long a1 __asm__("a1") = b;
	register long a2 __asm__("a2") = c;
	register long a3 __asm__("a3") = d;
	register long a4 __asm__("a4") = e;
	register long a5 __asm__("a5") = f;
	register long a7 __asm__("a7") = nr;

	__asm__ volatile("ecall" : "+r"(a0)
			 : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a7)
			 : "memory");
	return a0;
}

/* Orders our accesses to the shared region and to the doorbell's
 * registers (device memory) with each other. */
static inline void fence(void)
{
	__asm__ volatile("fence rw, rw" ::: "memory");
}

/* The kernel enters _start with sp at argc, argv[], envp[]; start_c gets
 * that address. */
#define FV_DOORBELL_START			\
	__asm__(".text\n"			\
		".global _start\n"		\
		"_start:\n"			\
		"	mv a0, sp\n"		\
		"	andi sp, sp, -16\n"	\
		"	call start_c\n")

#endif
