// SPDX-License-Identifier: GPL-2.0-only
/*
 * fvcount: the instruction and cycle counters, read from Linux user space,
 * for the Linux figures of make bench (tests/bench/linux/init).  Why a
 * program of our own: busybox cannot read the counters, and a read loop
 * here, between two reads of them, is dd's inner loop without the cost of
 * starting a process inside what is measured.  Freestanding (raw Linux
 * system calls), so it needs only riscv64-linux-gnu-gcc, no libc.
 *
 *   fvcount                 prints "instret=<n> cycle=<n>"
 *   fvcount read FILE BS    reads FILE to its end in BS-byte read()s, like
 *                           dd if=FILE of=/dev/null bs=BS, and prints
 *                           "bytes=<n> instret=<n> cycle=<n>" for the loop
 *
 * rdinstret and rdcycle need the kernel to allow them (scounteren); if it
 * does not, the program dies of SIGILL and init reports that.
 */
#define SYS_openat	56
#define SYS_close	57
#define SYS_read	63
#define SYS_write	64
#define SYS_exit	93
#define AT_FDCWD	-100

static long sys3(long n, long a, long b, long c)
{
	register long a0 __asm__("a0") = a;
	register long a1 __asm__("a1") = b;
	register long a2 __asm__("a2") = c;
	register long a7 __asm__("a7") = n;

	__asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
	return a0;
}

static long sys4(long n, long a, long b, long c, long d)
{
	register long a0 __asm__("a0") = a;
	register long a1 __asm__("a1") = b;
	register long a2 __asm__("a2") = c;
	register long a3 __asm__("a3") = d;
	register long a7 __asm__("a7") = n;

	__asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a7) : "memory");
	return a0;
}

static unsigned long instret(void)
{
	unsigned long v;

	__asm__ volatile("rdinstret %0" : "=r"(v) :: "memory");
	return v;
}

static unsigned long cycle(void)
{
	unsigned long v;

	__asm__ volatile("rdcycle %0" : "=r"(v) :: "memory");
	return v;
}

static char *put(char *p, const char *s)
{
	while (*s)
		*p++ = *s++;
	return p;
}

static char *num(char *p, unsigned long v)
{
	char tmp[24];
	int n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while (v /= 10);
	while (n)
		*p++ = tmp[--n];
	return p;
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static unsigned long atoul(const char *s)
{
	unsigned long v = 0;

	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned long)(*s++ - '0');
	return v;
}

static char buf[1 << 20] __attribute__((aligned(4096)));

static int run(int argc, char **argv)
{
	char line[128], *p = line;
	unsigned long i0, c0, i1, c1, bytes = 0;

	if (argc == 4 && streq(argv[1], "read")) {
		unsigned long bs = atoul(argv[3]);
		long fd = sys4(SYS_openat, AT_FDCWD, (long)argv[2], 0, 0), n;

		if (fd < 0 || !bs || bs > sizeof(buf))
			return 1;
		c0 = cycle();
		i0 = instret();
		while ((n = sys3(SYS_read, fd, (long)buf, (long)bs)) > 0)
			bytes += (unsigned long)n;
		i1 = instret();
		c1 = cycle();
		sys3(SYS_close, fd, 0, 0);
		if (n < 0)
			return 1;
		p = num(put(p, "bytes="), bytes);
		p = num(put(p, " instret="), i1 - i0);
		p = num(put(p, " cycle="), c1 - c0);
	} else if (argc == 1) {
		c0 = cycle();
		i0 = instret();
		p = num(put(p, "instret="), i0);
		p = num(put(p, " cycle="), c0);
	} else {
		p = put(p, "usage: fvcount [read FILE BS]");
	}
	*p++ = '\n';
	sys3(SYS_write, 1, (long)line, p - line);
	return 0;
}

__attribute__((noreturn)) void start_c(long *sp)
{
	int argc = (int)sp[0];

	sys3(SYS_exit, run(argc, (char **)(sp + 1)), 0, 0);
	for (;;)
		;
}

__asm__(".globl _start\n_start:\n mv a0, sp\n andi sp, sp, -16\n call start_c\n");
