// SPDX-License-Identifier: GPL-2.0-only
/*
 * fv-doorbell: the Linux end of the demo's channel to the RTOS cell.
 *
 *   fv-doorbell [/dev/uioN [rounds]]      (default /dev/uio0, 10 rounds)
 *   fv-doorbell /sys/firmware/devicetree/base/soc/doorbell@ADDR [rounds]
 *
 * Why it exists: the hypervisor gives the two cells a shared region and a
 * doorbell each (README, "Doorbells"); Linux binds its doorbell with
 * uio_pdrv_genirq, and this program shows the channel working: it sends
 * "ping <i>" over the region, rings, waits for the RTOS's ring back (the
 * doorbell interrupt, by read() on /dev/uioN), checks the answer
 * ("pong <i>") and prints one line with the last answer and the mean
 * round trip:
 *
 *   ferrovisor-linux: doorbell: rtos answered "pong 10" round trip <N> us (10 rounds)
 *
 * or, on failure, "ferrovisor-linux: doorbell: <what went wrong>", exit 1.
 *
 * Given the doorbell's device-tree node instead (a kernel without
 * uio_pdrv_genirq: Debian's, in the AIA demo), it maps the two windows of
 * the node's reg (two cells of address and two of size each) from
 * /dev/mem, and, with no interrupt to wait for, looks at the answer
 * every millisecond; the line then ends "(10 rounds, polled)".
 *
 * Why freestanding: it is built by ci/build-initramfs.sh with the
 * kernel's cross compiler (riscv64-linux-gnu-gcc or aarch64-linux-gnu-gcc,
 * -nostdlib -static) and makes the few Linux system calls it needs itself,
 * so the initramfs needs no C library beside busybox.  What differs per
 * architecture (the system call instruction, the barrier, _start) is in
 * arch/<riscv|arm64>/fv-doorbell-arch.h.
 *
 * /dev/uioN: map 0 (mmap offset 0) the doorbell's registers, map 1
 * (offset one page) the shared region.  The channel at the start of the
 * region is the one cells/guests/rtos/doorbell.c answers:
 *   0x00  u32 req_seq    our request number, written after req[]
 *   0x04  u32 ans_seq    the request the RTOS answered, after ans[]
 *   0x08  char req[56]   our request, NUL-terminated
 *   0x40  char ans[64]   the RTOS's answer
 */
#include <stddef.h>
#include <stdint.h>
#include "fv-doorbell-arch.h"	/* syscall6(), fence(), FV_DOORBELL_START */

/* Linux system call numbers (asm-generic's, which riscv64 and arm64 both
 * use) and the flags we use */
#define SYS_openat		56
#define SYS_close		57
#define SYS_read		63
#define SYS_write		64
#define SYS_ppoll		73
#define SYS_exit		93
#define SYS_clock_gettime	113
#define SYS_mmap		222
#define AT_FDCWD		(-100)
#define O_RDONLY		0
#define O_RDWR			2
#define O_SYNC			04010000
#define PROT_RW			3
#define MAP_SHARED		1
#define POLLIN			1
#define CLOCK_MONOTONIC		1

#define PAGE			4096
#define DOORBELL_RING		0	/* in 32-bit words */
#define DOORBELL_STATUS		1
#define DOORBELL_ACK		2
#define REQ_LEN			56
#define ANS_LEN			64
#define TIMEOUT_S		10	/* per round */
#define LINE_MAX		200

struct channel {
	volatile uint32_t req_seq;
	volatile uint32_t ans_seq;
	volatile char req[REQ_LEN];
	volatile char ans[ANS_LEN];
};

struct timespec_k { long sec, nsec; };
struct pollfd_k { int fd; short events, revents; };

static long sys3(long nr, long a, long b, long c)
{
	return syscall6(nr, a, b, c, 0, 0, 0);
}

static uint64_t now_ns(void)
{
	struct timespec_k t;

	sys3(SYS_clock_gettime, CLOCK_MONOTONIC, (long)&t, 0);
	return (uint64_t)t.sec * 1000000000u + (uint64_t)t.nsec;
}

/* A line under construction: text and numbers appended, then written. */
struct line {
	char buf[LINE_MAX];
	unsigned len;
};

static void put_str(struct line *l, const char *s)
{
	while (*s && l->len < LINE_MAX - 1)
		l->buf[l->len++] = *s++;
}

static void put_vstr(struct line *l, const volatile char *s, unsigned max)
{
	for (unsigned i = 0; i < max && s[i] && l->len < LINE_MAX - 1; i++)
		l->buf[l->len++] = s[i];
}

static void put_num(struct line *l, uint64_t v)
{
	char d[20];
	int n = 0;

	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n && l->len < LINE_MAX - 1)
		l->buf[l->len++] = d[--n];
}

static void line_begin(struct line *l)
{
	l->len = 0;
	put_str(l, "ferrovisor-linux: doorbell: ");
}

static void line_end(struct line *l)
{
	l->buf[l->len++] = '\n';
	sys3(SYS_write, 1, (long)l->buf, l->len);
}

static int fail(const char *what, const char *detail)
{
	struct line l;

	line_begin(&l);
	put_str(&l, what);
	put_str(&l, detail);
	line_end(&l);
	return 1;
}

static unsigned parse_uint(const char *s)
{
	unsigned v = 0;

	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned)(*s++ - '0');
	return v;
}

static void *map_at(int fd, long offset, long size)
{
	long p = syscall6(SYS_mmap, 0, size, PROT_RW, MAP_SHARED, fd, offset);

	return p < 0 && p > -4096 ? NULL : (void *)p;
}

static void *map(int fd, long index, long size)
{
	return map_at(fd, index * PAGE, size);
}

/* Take the rings counted so far and let the interrupt in again
 * (uio_pdrv_genirq masks it when it fires; writing 1 unmasks it). */
static void ack_and_unmask(int fd, volatile uint32_t *regs)
{
	uint32_t n = regs[DOORBELL_STATUS];
	int32_t on = 1;

	if (n)
		regs[DOORBELL_ACK] = n;
	sys3(SYS_write, fd, (long)&on, sizeof(on));
}

/* Wait until the RTOS has answered request `seq`: after every interrupt,
 * acknowledge, then look.  0 if it did, -1 after TIMEOUT_S seconds. */
static int wait_answer(int fd, volatile uint32_t *regs, struct channel *ch, uint32_t seq)
{
	uint64_t deadline = now_ns() + TIMEOUT_S * 1000000000ull;

	for (;;) {
		struct pollfd_k pfd = { fd, POLLIN, 0 };
		uint64_t t = now_ns();
		struct timespec_k left;
		uint32_t count;

		if (t >= deadline)
			return -1;
		left.sec = (long)((deadline - t) / 1000000000u);
		left.nsec = (long)((deadline - t) % 1000000000u);
		if (syscall6(SYS_ppoll, (long)&pfd, 1, (long)&left, 0, 8, 0) <= 0)
			continue;	/* timed out or interrupted: check the time */
		sys3(SYS_read, fd, (long)&count, sizeof(count));
		ack_and_unmask(fd, regs);
		fence();
		if (ch->ans_seq == seq)
			return 0;
	}
}

/* The same without an interrupt: acknowledge the rings and look, then
 * sleep a millisecond.  0 if it answered, -1 after TIMEOUT_S seconds. */
static int poll_answer(volatile uint32_t *regs, struct channel *ch, uint32_t seq)
{
	uint64_t deadline = now_ns() + TIMEOUT_S * 1000000000ull;
	struct timespec_k ms = { 0, 1000000 };

	while (now_ns() < deadline) {
		uint32_t n = regs[DOORBELL_STATUS];

		if (n)
			regs[DOORBELL_ACK] = n;
		fence();
		if (ch->ans_seq == seq)
			return 0;
		syscall6(SYS_ppoll, 0, 0, (long)&ms, 0, 8, 0);
	}
	return -1;
}

/* Request `seq`: "ping <seq>", its number after it, then the ring. */
static void send_request(volatile uint32_t *regs, struct channel *ch, uint32_t seq)
{
	struct line l;
	unsigned i;

	l.len = 0;
	put_str(&l, "ping ");
	put_num(&l, seq);
	for (i = 0; i < l.len; i++)
		ch->req[i] = l.buf[i];
	ch->req[i] = '\0';
	fence();
	ch->req_seq = seq;
	fence();
	regs[DOORBELL_RING] = 1;
}

/* The answer to request `seq` must be "pong <seq>". */
static int answer_ok(const struct channel *ch, uint32_t seq)
{
	struct line want;
	unsigned i;

	want.len = 0;
	put_str(&want, "pong ");
	put_num(&want, seq);
	for (i = 0; i < want.len; i++)
		if (ch->ans[i] != want.buf[i])
			return 0;
	return ch->ans[i] == '\0';
}

static int report(const struct channel *ch, uint64_t total_ns, unsigned rounds, int polled)
{
	struct line l;

	line_begin(&l);
	put_str(&l, "rtos answered \"");
	put_vstr(&l, ch->ans, ANS_LEN);
	put_str(&l, "\" round trip ");
	put_num(&l, total_ns / rounds / 1000);
	put_str(&l, " us (");
	put_num(&l, rounds);
	put_str(&l, polled ? " rounds, polled)" : " rounds)");
	line_end(&l);
	return 0;
}

static int run(const char *dev, unsigned rounds)
{
	int fd = (int)syscall6(SYS_openat, AT_FDCWD, (long)dev, O_RDWR, 0, 0, 0);
	volatile uint32_t *regs;
	struct channel *ch;
	uint64_t total = 0;

	if (fd < 0)
		return fail("cannot open ", dev);
	regs = map(fd, 0, PAGE);
	ch = map(fd, 1, PAGE);
	if (!regs || !ch)
		return fail("cannot map the registers and the region of ", dev);
	ch->ans_seq = 0;
	ack_and_unmask(fd, regs);	/* rings from before we opened it */
	for (uint32_t seq = 1; seq <= rounds; seq++) {
		uint64_t t0 = now_ns();

		send_request(regs, ch, seq);
		if (wait_answer(fd, regs, ch, seq))
			return fail("no answer from the peer on ", dev);
		total += now_ns() - t0;
		if (!answer_ok(ch, seq))
			return fail("wrong answer on ", dev);
	}
	return report(ch, total, rounds, 0);
}

static uint64_t be64(const unsigned char *p)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

/* The node's reg: registers, then the shared region, {address, size} of
 * two cells each, big-endian.  0 if that is what it holds. */
static int read_reg(const char *node, uint64_t *regs_pa, uint64_t *shm_pa)
{
	char path[LINE_MAX];
	unsigned char reg[33];
	struct line l;
	long fd, n;

	l.len = 0;
	put_str(&l, node);
	put_str(&l, "/reg");
	for (unsigned i = 0; i <= l.len; i++)
		path[i] = i < l.len ? l.buf[i] : '\0';
	fd = syscall6(SYS_openat, AT_FDCWD, (long)path, O_RDONLY, 0, 0, 0);
	if (fd < 0)
		return -1;
	n = sys3(SYS_read, fd, (long)reg, sizeof(reg));
	sys3(SYS_close, fd, 0, 0);
	if (n != 32)
		return -1;
	*regs_pa = be64(reg);
	*shm_pa = be64(reg + 16);
	return (*regs_pa | *shm_pa) % PAGE ? -1 : 0;
}

static int run_polled(const char *node, unsigned rounds)
{
	volatile uint32_t *regs;
	uint64_t regs_pa, shm_pa, total = 0;
	struct channel *ch;
	int fd;

	if (read_reg(node, &regs_pa, &shm_pa))
		return fail("no registers and region in the reg of ", node);
	fd = (int)syscall6(SYS_openat, AT_FDCWD, (long)"/dev/mem", O_RDWR | O_SYNC, 0, 0, 0);
	if (fd < 0)
		return fail("cannot open /dev/mem for ", node);
	regs = map_at(fd, (long)regs_pa, PAGE);
	ch = map_at(fd, (long)shm_pa, PAGE);
	if (!regs || !ch)
		return fail("cannot map from /dev/mem the registers and the region of ", node);
	ch->ans_seq = 0;
	for (uint32_t seq = 1; seq <= rounds; seq++) {
		uint64_t t0 = now_ns();

		send_request(regs, ch, seq);
		if (poll_answer(regs, ch, seq))
			return fail("no answer from the peer on ", node);
		total += now_ns() - t0;
		if (!answer_ok(ch, seq))
			return fail("wrong answer on ", node);
	}
	return report(ch, total, rounds, 1);
}

static int starts_with(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return 0;
	return 1;
}

int start_c(long *sp);

int start_c(long *sp)
{
	long argc = sp[0];
	char **argv = (char **)(sp + 1);
	unsigned rounds = argc > 2 ? parse_uint(argv[2]) : 10;
	const char *dev = argc > 1 ? argv[1] : "/dev/uio0";

	if (rounds < 1 || rounds > 1000000)
		rounds = 10;
	sys3(SYS_exit, starts_with(dev, "/dev/") ? run(dev, rounds) : run_polled(dev, rounds),
	     0, 0);
	for (;;)
		;
}

/* _start: calls start_c with the kernel's initial stack pointer. */
FV_DOORBELL_START;
