// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtio-mmio transport, the split-virtqueue walker and the blk and
 * net models, driven by a model guest (virtio_guest.h): registers and
 * negotiation, every kind of malformed ring (each must leave the device
 * needing a reset, say why once, and touch nothing outside the cell),
 * disk requests in and out of range, frames between cells.
 */
#include <stdlib.h>
#include "stubs.h"
#include "test.h"
#include "virtio_guest.h"
#include <fv/virtio_blk.h>
#include <fv/virtio_console.h>
#include <fv/virtio_net.h>

#define LOGGED(s) (strstr(stub_log, (s)) != NULL)

static bool irq_level;
static unsigned irq_calls;

static void cb_irq(void *arg, bool level)
{
	(void)arg;
	irq_level = level;
	irq_calls++;
}

/* ---------------------------------------------------------- a disk */
static struct gcell g;
static struct virtio_blk blk;
static uint8_t *disk;
#define DISK_SIZE (64 * 1024)

static void new_disk(struct gdev *v, bool readonly)
{
	for (unsigned i = 0; i < DISK_SIZE; i++)
		disk[i] = (uint8_t)(i * 7 + i / 512);
	virtio_blk_init(&blk, &g.cell, 0x10008000, disk, DISK_SIZE, readonly, "disk0");
	blk.dev.irq = cb_irq;
	gdev_attach(v, &g, &blk.dev);
	irq_level = false;
	stub_log_clear();
}

static void test_registers(void)
{
	struct gdev v;

	new_disk(&v, false);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_MAGIC), 0x74726976);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_VERSION), 2);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_DEVICE_ID), 2);
	g_wr(&v, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_DEVICE_FEATURES), 1);	/* VERSION_1 */
	g_wr(&v, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
	CHECK(!(g_rd(&v, VIRTIO_MMIO_DEVICE_FEATURES) & (1u << 5)));	/* not RO */
	g_wr(&v, VIRTIO_MMIO_QUEUE_SEL, 0);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_QUEUE_NUM_MAX), VIRTQ_NUM_MAX);
	g_wr(&v, VIRTIO_MMIO_QUEUE_SEL, 1);			/* blk has one queue */
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_QUEUE_NUM_MAX), 0);
	/* config: capacity in sectors, any width up to 4 */
	uint64_t val = 0;
	CHECK_EQ(v.e.ops->read(&v.e, 0x100, 4, &val), 0);
	CHECK_EQ(val, DISK_SIZE / 512);
	CHECK_EQ(v.e.ops->read(&v.e, 0x100, 1, &val), 0);
	CHECK_EQ(val, (DISK_SIZE / 512) & 0xff);
	CHECK_EQ(v.e.ops->read(&v.e, 0x10c, 4, &val), 0);	/* seg_max */
	CHECK_EQ(val, VIRTQ_MAX_SEGS - 2);
	/* registers are 32-bit, naturally aligned */
	CHECK(v.e.ops->read(&v.e, 0x070, 1, &val) < 0);
	CHECK(v.e.ops->read(&v.e, 0x072, 2, &val) < 0);
	CHECK(v.e.ops->write(&v.e, 0x070, 8, 0) < 0);
	CHECK(v.e.ops->read(&v.e, 0x101, 2, &val) < 0);
}

static void test_negotiation(void)
{
	struct gdev v;
	const uint32_t drv = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER;

	new_disk(&v, false);
	/* no VERSION_1: FEATURES_OK does not stick (legacy drivers refused) */
	g_wr(&v, VIRTIO_MMIO_STATUS, drv);
	g_wr(&v, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
	g_wr(&v, VIRTIO_MMIO_DRIVER_FEATURES, 0);
	g_wr(&v, VIRTIO_MMIO_STATUS, drv | VIRTIO_STATUS_FEATURES_OK);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_STATUS), drv);
	/* a feature the device did not offer: refused too */
	g_wr(&v, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	g_wr(&v, VIRTIO_MMIO_DRIVER_FEATURES, 1 | 2);
	g_wr(&v, VIRTIO_MMIO_STATUS, drv | VIRTIO_STATUS_FEATURES_OK);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_STATUS), drv);
	/* DRIVER_OK without FEATURES_OK does not go live */
	g_wr(&v, VIRTIO_MMIO_STATUS, drv | VIRTIO_STATUS_DRIVER_OK);
	CHECK(!virtio_live(&blk.dev));
	/* the proper way */
	CHECK_EQ(gdev_start(&v, 0, 1, 8), drv | VIRTIO_STATUS_FEATURES_OK |
		 VIRTIO_STATUS_DRIVER_OK);
	CHECK(virtio_live(&blk.dev));
	/* queue registers are frozen while the queue is ready */
	g_wr(&v, VIRTIO_MMIO_QUEUE_SEL, 0);
	g_wr(&v, VIRTIO_MMIO_QUEUE_NUM, 4);
	CHECK_EQ(blk.dev.vq[0].num, 8);
	/* status 0 resets everything */
	g_wr(&v, VIRTIO_MMIO_STATUS, 0);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_STATUS), 0);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_QUEUE_READY), 0);
	CHECK(!virtio_live(&blk.dev));
}

/* One request: header, `data` bytes at G_BUF (device-writable for IN),
 * status byte.  Returns the status byte, *len the used length. */
static int blk_req(struct gdev *v, uint32_t type, uint64_t sector, uint32_t data, uint32_t *len)
{
	uint64_t hdr = G_RAM + 0x70000, st = hdr + 0x100;
	uint32_t *h = g_hva(&g, hdr);
	uint8_t *status = g_hva(&g, st);
	struct gseg s[3] = {
		{ hdr, 16, false },
		{ G_BUF, data, type == 0 || type == 8 },
		{ st, 1, true },
	};
	uint32_t id;

	h[0] = type;
	h[1] = 0;
	memcpy(&h[2], &sector, 8);
	*status = 0xee;
	if (data)
		gdev_add(v, 0, s, 3);
	else
		gdev_add(v, 0, (struct gseg[]){ s[0], s[2] }, 2);
	gdev_kick(v, 0);
	if (!gdev_used(v, 0, &id, len))
		return -1;
	return *status;
}

static void test_blk(void)
{
	struct gdev v;
	uint8_t *buf = g_hva(&g, G_BUF);
	uint32_t len;

	new_disk(&v, false);
	gdev_start(&v, 0, 1, 8);
	/* read sectors 2-3 */
	CHECK_EQ(blk_req(&v, 0, 2, 1024, &len), 0);
	CHECK_EQ(len, 1025);
	CHECK(!memcmp(buf, disk + 1024, 1024));
	CHECK(irq_level);
	g_wr(&v, VIRTIO_MMIO_INTERRUPT_ACK, g_rd(&v, VIRTIO_MMIO_INTERRUPT_STATUS));
	CHECK(!irq_level);
	/* write sector 5 */
	memset(buf, 0xab, 512);
	CHECK_EQ(blk_req(&v, 1, 5, 512, &len), 0);
	CHECK_EQ(disk[5 * 512], 0xab);
	CHECK_EQ(disk[6 * 512 - 1], 0xab);
	CHECK(disk[6 * 512] != 0xab);
	/* past the end, and straddling it: IOERR, nothing moves */
	memset(buf, 0x11, 1024);
	CHECK_EQ(blk_req(&v, 0, DISK_SIZE / 512, 512, &len), 1);
	CHECK_EQ(len, 1);
	CHECK_EQ(buf[0], 0x11);
	CHECK_EQ(blk_req(&v, 1, DISK_SIZE / 512 - 1, 1024, &len), 1);
	CHECK(disk[DISK_SIZE - 1] != 0x11);
	CHECK_EQ(blk_req(&v, 0, ~0ULL / 256, 512, &len), 1);	/* sector * 512 wraps */
	/* flush, get-id, unknown types */
	CHECK_EQ(blk_req(&v, 4, 0, 0, &len), 0);
	CHECK_EQ(blk_req(&v, 8, 0, 20, &len), 0);
	CHECK_EQ(len, 21);
	CHECK(!memcmp(buf, "disk0", 6));
	CHECK_EQ(blk_req(&v, 99, 0, 0, &len), 2);
	CHECK_EQ(blk.dev.stats.errors, 4);
	/* read-only: writes fail, the data stays */
	new_disk(&v, true);
	g_wr(&v, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
	CHECK(g_rd(&v, VIRTIO_MMIO_DEVICE_FEATURES) & (1u << 5));
	gdev_start(&v, 1u << 5, 1, 8);
	memset(buf, 0xcd, 512);
	CHECK_EQ(blk_req(&v, 1, 0, 512, &len), 1);
	CHECK(disk[0] != 0xcd);
	CHECK_EQ(blk_req(&v, 0, 0, 512, &len), 0);
	CHECK(!memcmp(buf, disk, 512));
}

/* ---------------------------------------------------------- malformed rings */

/* Start a fresh disk, let `spoil` break its queue, notify; the device must
 * need a reset, have said `why`, and have written nothing anywhere. */
static void malformed(const char *what, void (*spoil)(struct gdev *v), const char *why)
{
	struct gdev v;
	uint8_t *ram_copy = malloc(G_RAM_SIZE);
	uint32_t id, len;

	new_disk(&v, false);
	gdev_start(&v, 0, 1, 8);
	/* a valid request, then the spoiled one */
	spoil(&v);
	memcpy(ram_copy, g.ram, G_RAM_SIZE);
	gdev_kick(&v, 0);
	if (!(g_rd(&v, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_NEEDS_RESET) || !LOGGED(why))
		printf("malformed ring (%s): not caught as \"%s\"; log: %s\n", what, why, stub_log);
	CHECK(g_rd(&v, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_NEEDS_RESET);
	/* a configuration change, and no used-buffer interrupt: nothing used */
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_INTERRUPT_STATUS), VIRTIO_INT_CONFIG);
	CHECK(irq_level);
	CHECK(!memcmp(ram_copy, g.ram, G_RAM_SIZE));
	CHECK(!gdev_used(&v, 0, &id, &len));
	CHECK(LOGGED(why));
	CHECK(LOGGED("virtio-blk at 0x10008000"));
	/* reported once only, and nothing more is done until a reset */
	stub_log_clear();
	gdev_kick(&v, 0);
	CHECK(stub_log[0] == 0);
	/* a reset brings it back */
	CHECK_EQ(gdev_start(&v, 0, 1, 8) & VIRTIO_STATUS_NEEDS_RESET, 0);
	uint32_t l;
	CHECK_EQ(blk_req(&v, 0, 0, 512, &l), 0);
	free(ram_copy);
}

static const struct gseg ok_req[3] = {
	{ G_RAM + 0x70000, 16, false }, { G_BUF, 512, true }, { G_RAM + 0x70100, 1, true },
};

static void spoil_loop(struct gdev *v)
{
	gdev_add(v, 0, ok_req, 3);
	g_desc(v, 0, 2)->flags |= VRING_DESC_F_NEXT;
	g_desc(v, 0, 2)->next = 1;		/* back to the data buffer */
}

static void spoil_head(struct gdev *v)
{
	gdev_add(v, 0, ok_req, 3);
	g_avail(v, 0)[2] = 8;			/* queue of 8: no descriptor 8 */
}

static void spoil_next(struct gdev *v)
{
	gdev_add(v, 0, ok_req, 3);
	g_desc(v, 0, 1)->next = 200;
}

static void spoil_avail_idx(struct gdev *v)
{
	gdev_add(v, 0, ok_req, 3);
	g_avail(v, 0)[1] = 9;			/* 9 chains in a queue of 8 */
}

static void spoil_wrap(struct gdev *v)
{
	gdev_add(v, 0, ok_req, 3);
	g_desc(v, 0, 1)->addr = ~0ULL - 100;	/* addr + len wraps */
}

static void spoil_outside(struct gdev *v)
{
	gdev_add(v, 0, ok_req, 3);
	g_desc(v, 0, 1)->addr = G_RAM + G_RAM_SIZE - 256;	/* runs past RAM */
}

static void spoil_readonly(struct gdev *v)
{
	gdev_add(v, 0, ok_req, 3);
	g_desc(v, 0, 1)->addr = G_ROM;		/* the device would write there */
}

static void spoil_indirect(struct gdev *v)
{
	gdev_add(v, 0, ok_req, 3);
	g_desc(v, 0, 0)->flags |= VRING_DESC_F_INDIRECT;
}

static void spoil_order(struct gdev *v)
{
	struct gseg s[3] = { ok_req[0], ok_req[2], { G_BUF, 512, false } };

	gdev_add(v, 0, s, 3);			/* readable after writable */
}

static void spoil_long(struct gdev *v)
{
	/* a queue of 256 and a chain of 65 (the device takes 64) */
	struct gseg s[65];

	gdev_queue(v, 0, 8);			/* ignored: the queue is ready */
	g_wr(v, VIRTIO_MMIO_STATUS, 0);
	gdev_start(v, 0, 1, 128);
	for (unsigned i = 0; i < 65; i++)
		s[i] = (struct gseg){ G_BUF + 16 * i, 16, i > 0 };
	gdev_add(v, 0, s, 65);
}

static void test_malformed(void)
{
	malformed("loop", spoil_loop, "a descriptor chain loops");
	malformed("head", spoil_head, "an available head is outside the queue");
	malformed("next", spoil_next, "a descriptor's next index is outside the queue");
	malformed("avail", spoil_avail_idx, "the available index ran more than a queue ahead");
	malformed("wrap", spoil_wrap, "a buffer the device writes is not writable memory");
	malformed("outside", spoil_outside, "a buffer the device writes is not writable memory");
	malformed("readonly", spoil_readonly, "a buffer the device writes is not writable memory");
	malformed("indirect", spoil_indirect, "an indirect descriptor (not offered)");
	malformed("order", spoil_order, "a readable buffer follows a writable one");
	malformed("long", spoil_long, "a descriptor chain is longer than the device takes");
}

static void test_bad_queue_setup(void)
{
	struct gdev v;

	new_disk(&v, false);
	g_wr(&v, VIRTIO_MMIO_STATUS, 3);
	g_wr(&v, VIRTIO_MMIO_QUEUE_SEL, 0);
	g_wr(&v, VIRTIO_MMIO_QUEUE_NUM, 6);		/* not a power of two */
	g_wr(&v, VIRTIO_MMIO_QUEUE_READY, 1);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_QUEUE_READY), 0);
	CHECK(g_rd(&v, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_NEEDS_RESET);
	CHECK(LOGGED("queue size is not a power of two"));

	new_disk(&v, false);
	g_wr(&v, VIRTIO_MMIO_STATUS, 3);
	g_wr(&v, VIRTIO_MMIO_QUEUE_NUM, 8);
	g_wr(&v, VIRTIO_MMIO_QUEUE_DESC_LOW, 0x1000);	/* not the cell's memory */
	g_wr(&v, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)G_RAM);
	g_wr(&v, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)G_ROM);	/* read-only */
	g_wr(&v, VIRTIO_MMIO_QUEUE_READY, 1);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_QUEUE_READY), 0);
	CHECK(LOGGED("a queue area is outside the cell's memory"));

	new_disk(&v, false);
	g_wr(&v, VIRTIO_MMIO_STATUS, 3);
	g_wr(&v, VIRTIO_MMIO_QUEUE_NUM, 8);
	g_wr(&v, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)G_RAM + 8);	/* 16-byte aligned */
	g_wr(&v, VIRTIO_MMIO_QUEUE_READY, 1);
	CHECK(LOGGED("a queue area is not aligned"));
}

/* ---------------------------------------------------------- net */
static struct gcell ga, gb, gc;
static struct virtio_net na, nb, nc;
static struct net_switch sw;
static unsigned kicks[3];

static void cb_kick(void *arg)
{
	kicks[(uintptr_t)arg]++;
}

static void new_card(struct virtio_net *n, struct gcell *gc_, struct gdev *v, uint8_t last,
		     uintptr_t who)
{
	uint8_t mac[6] = { 2, 0x46, 0x56, 0, 1, last };

	virtio_net_init(n, &gc_->cell, 0x10009000, mac, &sw);
	n->kick = cb_kick;
	n->kick_arg = (void *)who;
	gdev_attach(v, gc_, &n->dev);
	gdev_start(v, (1u << 5) | (1ULL << 16), 2, 16);
}

/* Give card `v` `n` receive buffers of `size` at G_BUF + i * 0x1000. */
static void rx_buffers(struct gdev *v, unsigned n, uint32_t size)
{
	for (unsigned i = 0; i < n; i++) {
		struct gseg s = { G_BUF + i * 0x1000, size, true };

		gdev_add(v, 0, &s, 1);
	}
	gdev_kick(v, 0);
}

/* Send a frame to `dst` of `len` bytes (header + Ethernet) from card `v`. */
static void send(struct gdev *v, const uint8_t dst[6], const uint8_t src[6], uint32_t len)
{
	uint64_t at = G_RAM + 0x60000;
	uint8_t *p = g_hva(v->g, at);
	struct gseg s[2] = { { at, 12, false }, { at + 12, len - 12, false } };
	uint32_t id, l;

	memset(p, 0, 12);
	memcpy(p + 12, dst, 6);
	memcpy(p + 18, src, 6);
	for (uint32_t i = 24; i < len; i++)
		p[i] = (uint8_t)i;
	gdev_add(v, 1, s, 2);
	gdev_kick(v, 1);
	CHECK(gdev_used(v, 1, &id, &l));	/* the transmit buffer comes back */
}

static void test_net(void)
{
	struct gdev a, b, c;
	const uint8_t mac_a[6] = { 2, 0x46, 0x56, 0, 1, 1 }, mac_b[6] = { 2, 0x46, 0x56, 0, 1, 2 };
	const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	const uint8_t other[6] = { 2, 9, 9, 9, 9, 9 };
	uint32_t id, len;

	gcell_init(&ga, "a");
	gcell_init(&gb, "b");
	gcell_init(&gc, "c");
	new_card(&na, &ga, &a, 1, 0);
	new_card(&nb, &gb, &b, 2, 1);
	new_card(&nc, &gc, &c, 3, 2);
	uint64_t cfg = 0;
	CHECK_EQ(b.e.ops->read(&b.e, 0x105, 1, &cfg), 0);
	CHECK_EQ(cfg, 2);				/* its MAC */
	CHECK_EQ(b.e.ops->read(&b.e, 0x106, 2, &cfg), 0);
	CHECK_EQ(cfg, 1);				/* link up */
	rx_buffers(&b, 4, 2048);
	rx_buffers(&c, 1, 2048);
	/* unicast to b's MAC: b only, header + frame, the receiver's hart kicked */
	send(&a, mac_b, mac_a, 12 + 100);
	CHECK(gdev_used(&b, 0, &id, &len));
	CHECK_EQ(len, 112);
	uint8_t *rx = g_hva(&gb, G_BUF + id * 0x1000);
	CHECK_EQ(rx[10], 1);				/* num_buffers */
	CHECK(!memcmp(rx + 12, mac_b, 6) && !memcmp(rx + 18, mac_a, 6));
	CHECK_EQ(rx[12 + 99], 12 + 99);
	CHECK(!gdev_used(&c, 0, &id, &len));
	CHECK_EQ(kicks[1], 1);
	CHECK(nb.dev.isr & VIRTIO_INT_USED);
	/* broadcast: everybody else */
	send(&a, bcast, mac_a, 12 + 60);
	CHECK(gdev_used(&b, 0, &id, &len));
	CHECK(gdev_used(&c, 0, &id, &len));
	/* c has no buffer left: dropped and counted, b unaffected */
	send(&b, other, mac_b, 12 + 60);		/* unknown: flooded */
	CHECK(gdev_used(&a, 0, &id, &len) == false);	/* a gave no buffers */
	CHECK_EQ(na.rx_drops, 1);
	CHECK_EQ(nc.rx_drops, 1);
	/* b learned a's source: a frame from c to mac_a reaches a only */
	rx_buffers(&a, 1, 2048);
	send(&c, mac_a, other, 12 + 60);
	CHECK(gdev_used(&a, 0, &id, &len));
	/* the receiver is busy (its lock held): dropped, the sender not blocked */
	spin_lock(&nb.dev.lock);
	send(&a, mac_b, mac_a, 12 + 60);
	spin_unlock(&nb.dev.lock);
	CHECK_EQ(nb.rx_drops, 1);
	/* too long, too short: dropped at the sender */
	send(&a, mac_b, mac_a, 12 + 1515);
	send(&a, mac_b, mac_a, 12 + 13);
	CHECK_EQ(na.tx_drops, 2);
	/* a receive buffer too small for the frame: given back empty */
	gdev_start(&b, (1u << 5) | (1ULL << 16), 2, 16);	/* no buffers left */
	unsigned before = (unsigned)nb.rx_drops;
	rx_buffers(&b, 1, 40);
	send(&a, mac_b, mac_a, 12 + 100);
	CHECK(gdev_used(&b, 0, &id, &len));
	CHECK_EQ(len, 0);
	CHECK_EQ(nb.rx_drops, before + 1);
	/* a reset card takes nothing */
	g_wr(&b, VIRTIO_MMIO_STATUS, 0);
	send(&a, mac_b, mac_a, 12 + 60);
	CHECK_EQ(nb.rx_drops, before + 2);
}

/* ---------------------------------------------------------- console */
static struct gcell gd;
static struct virtio_console vcon;
static struct mux_port port;

static void nokick(void)
{
}

static void test_console(void)
{
	struct gdev v;
	uint32_t id, len;
	const char *msg = "hi\033[2Jthere\n";

	gcell_init(&gd, "c");
	CHECK(mux_add_port(&port, "c-hvc") >= 0);
	mux_set_kick(nokick);		/* output stays in the ring */
	virtio_console_init(&vcon, &gd.cell, 0x1000a000, &port);
	port.rx = virtio_console_rx;
	port.rx_arg = &vcon;
	gdev_attach(&v, &gd, &vcon.dev);
	CHECK_EQ(g_rd(&v, VIRTIO_MMIO_DEVICE_ID), 3);
	gdev_start(&v, 0, 2, 8);
	/* transmit: into the port's ring, filtered like any guest output */
	memcpy(g_hva(&gd, G_BUF), msg, strlen(msg));
	struct gseg s = { G_BUF, (uint32_t)strlen(msg), false };
	gdev_add(&v, 1, &s, 1);
	gdev_kick(&v, 1);
	CHECK(gdev_used(&v, 1, &id, &len));
	CHECK_EQ(port.out_head - port.out_tail, strlen("hithere\n"));
	CHECK(!memcmp(port.out, "hithere\n", 8));
	/* receive: typed bytes wait until the guest gives buffers */
	mux_open(&port);
	CHECK(mux_deliver(&port, 'a'));
	CHECK(mux_deliver(&port, 'b'));
	mux_rx_drain(&port);
	CHECK(!gdev_used(&v, 0, &id, &len));
	for (unsigned i = 0; i < 2; i++) {
		struct gseg b = { G_BUF + 0x100 + 16 * i, 16, true };

		gdev_add(&v, 0, &b, 1);
	}
	gdev_kick(&v, 0);
	mux_rx_drain(&port);		/* what the glue does after a notify */
	CHECK(gdev_used(&v, 0, &id, &len));
	CHECK_EQ(len, 1);
	CHECK_EQ(*(char *)g_hva(&gd, G_BUF + 0x100), 'a');
	CHECK(gdev_used(&v, 0, &id, &len));
	CHECK_EQ(*(char *)g_hva(&gd, G_BUF + 0x110), 'b');
	CHECK(!gdev_used(&v, 0, &id, &len));
}

int main(void)
{
	gcell_init(&g, "cell0");
	disk = malloc(DISK_SIZE);
	test_registers();
	test_negotiation();
	test_blk();
	test_malformed();
	test_bad_queue_setup();
	test_net();
	test_console();
	return test_report("test_virtio");
}
