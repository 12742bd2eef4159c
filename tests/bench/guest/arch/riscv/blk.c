// SPDX-License-Identifier: GPL-2.0-only
/*
 * virtio-blk figures, the same driver natively (QEMU's virtio-blk-device
 * on a virtio-mmio transport) and in a cell (the hypervisor's
 * EMU_VIRTIO_BLK): why a bench guest needs its own small driver is that
 * the figures must be the same instructions on both sides, and that the
 * guest must wait in a way that does not depend on how fast the host is.
 *
 * A request is three descriptors (header, data, status) in a queue of
 * QSIZE; one request at a time.  The guest notifies with interrupts off,
 * then sleeps in wfi until the used-buffer interrupt is pending, takes it
 * (the handler claims it at the PLIC, acknowledges InterruptStatus,
 * completes) and reads the used ring.  Natively QEMU completes the
 * request on a host thread, at a host-dependent moment: whether that is
 * before or after the wfi, the guest executes the same instructions, and
 * with no timer armed QEMU has no deadline to warp virtual time to
 * (sleep=off), so it just waits.  The figures count rdinstret (all harts'
 * instructions under -icount); each line also gives the rdcycle mean,
 * which equals it when no time was skipped.
 *
 * blk_read_4k     one 4 KiB read: from just before the notify to the used
 *                 element read back (notify, device, interrupt, handler)
 * blk_seq_64k     1 MiB read sequentially in 64 KiB requests, per MiB
 * blk_seq_4k      the same in 4 KiB requests, per MiB
 *
 * The disk (tests/bench/mkdisk.py) has its sector number in the first 8
 * bytes of every sector; every read is checked, outside the count.
 */
#include <libfdt.h>
#include <fv/fmt.h>
#include <fv/string.h>
#include "bench.h"
#include "csr.h"

#define QSIZE		16
#define SECTOR		512
#define MIB		(1024 * 1024)
#define ROUNDS_1	200	/* single 4 KiB reads */
#define ROUNDS_SEQ	4	/* 1 MiB passes */

/* virtio-mmio registers (virtio 1.x, 4.2.2) */
#define VIO_MAGIC		0x000
#define VIO_VERSION		0x004
#define VIO_DEVICE_ID		0x008
#define VIO_DRV_FEATURES	0x020
#define VIO_DRV_FEATURES_SEL	0x024
#define VIO_QUEUE_SEL		0x030
#define VIO_QUEUE_NUM_MAX	0x034
#define VIO_QUEUE_NUM		0x038
#define VIO_QUEUE_READY		0x044
#define VIO_QUEUE_NOTIFY	0x050
#define VIO_INT_STATUS		0x060
#define VIO_INT_ACK		0x064
#define VIO_STATUS		0x070
#define VIO_QUEUE_DESC		0x080
#define VIO_QUEUE_DRIVER	0x090
#define VIO_QUEUE_DEVICE	0x0a0
#define VIO_CONFIG		0x100	/* virtio-blk: capacity in sectors */

#define S_ACK		0x01
#define S_DRIVER	0x02
#define S_DRIVER_OK	0x04
#define S_FEATURES_OK	0x08

#define D_NEXT		1
#define D_WRITE		2

#define T_IN		0

#define PLIC_PRIO(irq)		(4 * (irq))
#define PLIC_ENABLE(ctx, irq)	(0x2000 + 0x80 * (ctx) + 4 * ((irq) / 32))
#define PLIC_THRESHOLD(ctx)	(0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx)		(0x200004 + 0x1000 * (ctx))

struct desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct req_hdr {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};

static struct {
	struct desc desc[QSIZE];
} dring __aligned(4096);
static struct {
	uint16_t flags, idx, ring[QSIZE], used_event;
} avail __aligned(4096);
static struct {
	uint16_t flags, idx;
	struct { uint32_t id, len; } ring[QSIZE];
	uint16_t avail_event;
} used __aligned(4096);
static struct req_hdr hdr __aligned(16);
static volatile uint8_t status;

static struct {
	uintptr_t base;
	uint32_t irq;
	uint64_t sectors;
	uint16_t avail_idx, used_idx;
} blk;
static volatile bool done;
static volatile uint32_t wrong_id;

/* 1 MiB for the data, after the guest's .bss: no boot-time clearing. */
extern char __bss_end[];
static uint8_t *buf;

static uint32_t rd(unsigned off)
{
	__asm__ volatile("fence rw, rw" ::: "memory");
	return *reg(blk.base, off);
}

static void wr(unsigned off, uint32_t v)
{
	__asm__ volatile("fence rw, rw" ::: "memory");
	*reg(blk.base, off) = v;
}

static void wr64(unsigned off, uint64_t v)
{
	wr(off, (uint32_t)v);
	wr(off + 4, (uint32_t)(v >> 32));
}

/* The first virtio-mmio transport of the tree with a version 2 virtio-blk
 * behind it (natively QEMU has 8 transports, most of them empty). */
static bool find(const void *fdt)
{
	int node;

	for (node = fdt_node_offset_by_compatible(fdt, -1, "virtio,mmio"); node >= 0;
	     node = fdt_node_offset_by_compatible(fdt, node, "virtio,mmio")) {
		int len;
		const fdt32_t *r = fdt_getprop(fdt, node, "reg", &len);
		const fdt32_t *irq = fdt_getprop(fdt, node, "interrupts", NULL);
		uintptr_t base;

		if (!r || len < 8 || !irq)
			continue;
		base = (uintptr_t)(((uint64_t)fdt32_to_cpu(r[0]) << 32) | fdt32_to_cpu(r[1]));
		if (*reg(base, VIO_MAGIC) != 0x74726976 || *reg(base, VIO_VERSION) != 2 ||
		    *reg(base, VIO_DEVICE_ID) != 2)
			continue;
		blk.base = base;
		blk.irq = fdt32_to_cpu(*irq);
		return true;
	}
	return false;
}

static void blk_irq(struct hart *h)
{
	uint32_t id = *reg(mach.plic, PLIC_CLAIM(mach.plic_ctx));

	(void)h;
	if (id == blk.irq) {
		wr(VIO_INT_ACK, rd(VIO_INT_STATUS));
		done = true;
	} else {
		wrong_id = id;
	}
	if (id)
		*reg(mach.plic, PLIC_CLAIM(mach.plic_ctx)) = id;
}

static bool start(void)
{
	uint32_t max;

	wr(VIO_STATUS, 0);
	wr(VIO_STATUS, S_ACK);
	wr(VIO_STATUS, S_ACK | S_DRIVER);
	wr(VIO_DRV_FEATURES_SEL, 0);
	wr(VIO_DRV_FEATURES, 0);
	wr(VIO_DRV_FEATURES_SEL, 1);
	wr(VIO_DRV_FEATURES, 1);			/* VIRTIO_F_VERSION_1 only */
	wr(VIO_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK);
	if (!(rd(VIO_STATUS) & S_FEATURES_OK))
		return false;
	wr(VIO_QUEUE_SEL, 0);
	max = rd(VIO_QUEUE_NUM_MAX);
	if (max < QSIZE)
		return false;
	wr(VIO_QUEUE_NUM, QSIZE);
	wr64(VIO_QUEUE_DESC, (uintptr_t)&dring);
	wr64(VIO_QUEUE_DRIVER, (uintptr_t)&avail);
	wr64(VIO_QUEUE_DEVICE, (uintptr_t)&used);
	wr(VIO_QUEUE_READY, 1);
	wr(VIO_STATUS, S_ACK | S_DRIVER | S_FEATURES_OK | S_DRIVER_OK);
	blk.sectors = rd(VIO_CONFIG) | ((uint64_t)rd(VIO_CONFIG + 4) << 32);
	return true;
}

/*
 * Read `len` bytes at `sector` into `to`, interrupts off throughout but
 * for the one place the guest takes the interrupt (after wfi): so the
 * handler runs at the same instruction whenever the device completes.
 * Returns false on a device error.
 */
static bool read_req(uint64_t sector, void *to, uint32_t len)
{
	uint16_t head = 0;

	hdr.type = T_IN;
	hdr.reserved = 0;
	hdr.sector = sector;
	status = 0xff;
	dring.desc[0] = (struct desc){ (uintptr_t)&hdr, sizeof(hdr), D_NEXT, 1 };
	dring.desc[1] = (struct desc){ (uintptr_t)to, len, D_WRITE | D_NEXT, 2 };
	dring.desc[2] = (struct desc){ (uintptr_t)&status, 1, D_WRITE, 0 };
	avail.ring[blk.avail_idx % QSIZE] = head;
	blk.avail_idx++;
	done = false;
	__asm__ volatile("fence w, w" ::: "memory");
	*(volatile uint16_t *)&avail.idx = blk.avail_idx;
	wr(VIO_QUEUE_NOTIFY, 0);
	while (!done) {
		__asm__ volatile("wfi");
		irq_on();
		irq_off();
	}
	__asm__ volatile("fence rw, rw" ::: "memory");
	if (*(volatile uint16_t *)&used.idx != (uint16_t)(blk.used_idx + 1))
		return false;
	blk.used_idx++;
	return status == 0;
}

/* Every sector of [sector, sector + len) holds its number. */
static bool check(uint64_t sector, const uint8_t *p, uint32_t len)
{
	for (uint32_t off = 0; off < len; off += SECTOR, sector++) {
		uint64_t v;

		memcpy(&v, p + off, sizeof(v));
		if (v != sector)
			return false;
	}
	return true;
}

static void line(const char *name, const struct stat *ir, const struct stat *cy)
{
	char extra[64];
	uint64_t tenths = (cy->sum * 10 + cy->n / 2) / cy->n;

	fmt_snprintf(extra, sizeof(extra), "unit=instret rdcycle_mean=%llu.%llu",
		     (unsigned long long)(tenths / 10), (unsigned long long)(tenths % 10));
	stat_print(name, ir, extra);
}

/* 1 MiB from sector 0 in requests of `req` bytes: instructions (and cycles). */
static void seq(const char *name, uint32_t req)
{
	struct stat ir = { 0 }, cy = { 0 };

	for (int r = 0; r < ROUNDS_SEQ; r++) {
		uint64_t i0, c0, i1, c1;

		memset(buf, 0, MIB);
		c0 = rdcycle();
		i0 = rdinstret();
		for (uint32_t off = 0; off < MIB; off += req)
			if (!read_req(off / SECTOR, buf + off, req))
				fail("virtio-blk: a sequential read failed");
		i1 = rdinstret();
		c1 = rdcycle();
		if (!check(0, buf, MIB))
			fail("virtio-blk: wrong data in a sequential read");
		stat_add(&ir, i1 - i0);
		stat_add(&cy, c1 - c0);
	}
	line(name, &ir, &cy);
}

void bench_blk(void)
{
	struct stat ir = { 0 }, cy = { 0 };

	if (!find(mach.fdt)) {
		out("bench: blk_read_4k skipped (no virtio-blk)");
		return;
	}
	if (!mach.plic)
		fail("virtio-blk: no PLIC context");
	if (!start())
		fail("virtio-blk: the device refused VERSION_1 or a queue of 16");
	if (blk.sectors < MIB / SECTOR)
		fail("virtio-blk: the disk is smaller than 1 MiB");
	buf = (uint8_t *)(((uintptr_t)__bss_end + 4095) & ~4095UL);
	out("bench: virtio-blk at %#lx irq %u sectors %llu", (unsigned long)blk.base, blk.irq,
	    (unsigned long long)blk.sectors);

	irq_off();
	*reg(mach.plic, PLIC_PRIO(blk.irq)) = 1;
	*reg(mach.plic, PLIC_THRESHOLD(mach.plic_ctx)) = 0;
	*reg(mach.plic, PLIC_ENABLE(mach.plic_ctx, blk.irq)) |= 1U << (blk.irq % 32);
	harts[0].on_ext = blk_irq;
	csr_set(sie, SIE_SEIE);

	/* one 4 KiB read, at a different place each time */
	for (int i = 0; i < ROUNDS_1; i++) {
		uint64_t sector = (uint64_t)(i % 256) * 8, i0, c0, i1, c1;

		c0 = rdcycle();
		i0 = rdinstret();
		if (!read_req(sector, buf, 4096))
			fail("virtio-blk: a 4 KiB read failed");
		i1 = rdinstret();
		c1 = rdcycle();
		if (!check(sector, buf, 4096))
			fail("virtio-blk: wrong data in a 4 KiB read");
		stat_add(&ir, i1 - i0);
		stat_add(&cy, c1 - c0);
	}
	if (wrong_id)
		fail("virtio-blk: the PLIC gave another interrupt");
	line("blk_read_4k", &ir, &cy);
	seq("blk_seq_64k", 65536);
	seq("blk_seq_4k", 4096);

	csr_clear(sie, SIE_SEIE);
	*reg(mach.plic, PLIC_ENABLE(mach.plic_ctx, blk.irq)) &= ~(1U << (blk.irq % 32));
	harts[0].on_ext = NULL;
	wr(VIO_STATUS, 0);
}
