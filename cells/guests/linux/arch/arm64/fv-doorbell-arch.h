/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The arm64 part of fv-doorbell (../../fv-doorbell.c): why it exists,
 * the program has no C library, so its system call instruction, its
 * memory barrier and its entry point are written here, per architecture
 * (ci/build-initramfs.sh puts this directory on the include path).
 */
#ifndef FV_DOORBELL_ARCH_H
#define FV_DOORBELL_ARCH_H

/* svc #0: number in x8, arguments in x0-x5, result in x0. */
static inline long syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	register long x5 __asm__("x5") = f;
	register long x8 __asm__("x8") = nr;

	__asm__ volatile("svc #0" : "+r"(x0)
			 : "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5), "r"(x8)
			 : "memory");
	return x0;
}

/* Orders our accesses to the shared region (normal memory) and to the
 * doorbell's registers (device memory) with each other: a full-system
 * DMB covers both kinds. */
static inline void fence(void)
{
	__asm__ volatile("dmb sy" ::: "memory");
}

/* The kernel enters _start with sp (16-byte aligned) at argc, argv[],
 * envp[]; start_c gets that address. */
#define FV_DOORBELL_START			\
	__asm__(".text\n"			\
		".global _start\n"		\
		"_start:\n"			\
		"	mov x0, sp\n"		\
		"	bl start_c\n")

#endif
