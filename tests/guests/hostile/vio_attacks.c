// SPDX-License-Identifier: GPL-2.0-only
/*
 * The VirtIO attacks: rings, chains and requests that break the rules, on
 * our own virtio-blk disk and virtio-net card.  A broken ring must leave
 * the device in DEVICE_NEEDS_RESET (with the configuration-change
 * interrupt once DRIVER_OK was set) having touched nothing outside our
 * cell; a bad request must fail (IOERR, UNSUPP) with no byte moved; a
 * notify the device cannot take must do nothing.  Each attack reads its
 * outcome back from the device (Status, InterruptStatus, the used ring)
 * and then resets it and makes one valid request, which must succeed:
 *
 *   status <s> isr <i> used <u>[ len <l> blk <b>][ ...]; reset: status <s> <what>
 *
 * <what> is "read ok" (blk: sector 0 holds what blk_write_sector0 put
 * there) or "sent ok" (net: one frame went out).  The device is left
 * reset, its interrupt line low.
 */
#include <stdarg.h>
#include <fv/compiler.h>
#include <fv/fmt.h>
#include <fv/string.h>
#include "vio.h"

#define BLK_NUM		16	/* queue size for blk requests */
#define NET_NUM		64	/* and for each net queue */
#define RXQ		0
#define TXQ		1
#define TAG_LEN		32	/* a sector starts with its text tag */

struct blk_hdr {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};

static struct vdev blk, net;
static struct blk_hdr hdr __aligned(16);
static uint8_t data[2 * SECTOR] __aligned(16);
static uint8_t want[SECTOR];
static volatile uint8_t blk_status;
static uint8_t frame[2048] __aligned(16);	/* virtio-net header, then the frame */

static void append(char *res, size_t n, const char *fmt, ...) __printf(3, 4);

static void append(char *res, size_t n, const char *fmt, ...)
{
	size_t len = strlen(res);
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(res + len, n - len, fmt, ap);
	va_end(ap);
}

/* ---------------------------------------------------------------- blk */

static struct vdev *blk_dev(void)
{
	blk.base = BLK_MMIO;
	return &blk;
}

/* What we write to a sector: a text tag, then bytes of `seed`. */
static void pattern(uint8_t *p, unsigned sector, unsigned seed)
{
	memset(p, 0, TAG_LEN);
	fmt_snprintf((char *)p, TAG_LEN, "hostile sector %u", sector);
	for (unsigned i = TAG_LEN; i < SECTOR; i++)
		p[i] = (uint8_t)(i * 7 + seed);
}

/* Descriptors 0-2 of queue 0: header, `len` bytes of data (the device's
 * to write for a read), status byte; published, not notified. */
static void blk_request(uint32_t type, uint64_t sector, uint32_t len)
{
	uint16_t data_flags = VD_NEXT | (type == BLK_T_OUT ? 0 : VD_WRITE);

	hdr.type = type;
	hdr.reserved = 0;
	hdr.sector = sector;
	blk_status = 0xff;
	vio_desc(&blk, 0, 0, (unsigned long)&hdr, sizeof(hdr), VD_NEXT, 1);
	vio_desc(&blk, 0, 1, (unsigned long)data, len, data_flags, 2);
	vio_desc(&blk, 0, 2, (unsigned long)&blk_status, 1, VD_WRITE, 0);
	vio_publish(&blk, 0, 0);
}

/* One request, done: its status byte, or -1 if it did not come back. */
static int blk_io(uint32_t type, uint64_t sector, uint32_t len)
{
	uint16_t before = vio_used_idx(&blk, 0);

	blk_request(type, sector, len);
	vio_notify(&blk, 0);
	return vio_used_idx(&blk, 0) == before ? -1 : blk_status;
}

/* What the device says now: Status, InterruptStatus, the used ring. */
static void blk_outcome(char *res, size_t n)
{
	uint16_t used = vio_used_idx(&blk, 0);

	append(res, n, "status %#x isr %#x used %u", vio_rd(&blk, VIO_STATUS),
	       vio_rd(&blk, VIO_INT_STATUS), used);
	if (used) {
		uint32_t id, len;

		vio_used_elem(&blk, 0, (uint16_t)(used - 1), &id, &len);
		append(res, n, " len %u blk %u", len, blk_status);
	}
}

/* Reset, start again, read sector 0: the disk still works for us. */
static void blk_recover(char *res, size_t n)
{
	uint32_t st = vio_start(blk_dev(), 1, BLK_NUM);
	int r = blk_io(BLK_T_IN, 0, SECTOR);
	uint32_t id, len = 0;
	const char *what;

	pattern(want, 0, 0);
	if (r >= 0)
		vio_used_elem(&blk, 0, 0, &id, &len);
	if (r < 0)
		what = "no answer";
	else if (r != BLK_S_OK || len != SECTOR + 1)
		what = "read failed";
	else
		what = memcmp(data, want, SECTOR) ? "read wrong data" : "read ok";
	append(res, n, "; reset: status %#x %s", st, what);
	vio_reset(&blk);
}

/* The data path: addr is the sector, arg[0] the request type. */
void do_blk_rw(const struct attack *a, char *res, size_t n)
{
	vio_start(blk_dev(), 1, BLK_NUM);
	pattern(want, (unsigned)a->addr, 0);
	if (a->arg[0] == BLK_T_OUT)
		memcpy(data, want, SECTOR);
	else
		memset(data, 0, SECTOR);
	blk_io((uint32_t)a->arg[0], a->addr, SECTOR);
	blk_outcome(res, n);
	if (a->arg[0] == BLK_T_IN) {
		char tag[TAG_LEN];

		for (unsigned i = 0; i < TAG_LEN; i++)	/* printable, NUL-ended */
			tag[i] = data[i] >= ' ' && data[i] < 0x7f ? (char)data[i] : 0;
		tag[TAG_LEN - 1] = 0;
		append(res, n, " \"%s\" %s", tag, memcmp(data, want, SECTOR) ? "wrong data" : "ok");
	}
	blk_recover(res, n);
}

/* A data buffer at addr, arg[1] bytes long: of a read (the device writes
 * it) or of a write (the device reads it) to sector 1. */
void do_blk_buffer(const struct attack *a, char *res, size_t n)
{
	bool out = a->arg[0] == BLK_T_OUT;

	vio_start(blk_dev(), 1, BLK_NUM);
	blk_request((uint32_t)a->arg[0], out ? 1 : 0, (uint32_t)a->arg[1]);
	blk.q[0].desc[1].addr = a->addr;
	vio_notify(&blk, 0);
	blk_outcome(res, n);
	blk_recover(res, n);
}

/* Patch a read request of sector 0 into a bad chain (arg[0]). */
static void bad_chain(unsigned long kind, unsigned long addr)
{
	volatile struct vdesc *d = blk.q[0].desc;

	switch (kind) {
	case CH_LOOP:		/* 0 -> 1 -> 2 -> 1 -> ... */
	case CH_SELF_LOOP:	/* 0 -> 1 -> 2 -> 2 -> ... */
	case CH_NEXT_BEYOND:
		d[2].flags = VD_WRITE | VD_NEXT;
		d[2].next = (uint16_t)addr;
		break;
	case CH_TOO_LONG:	/* header, addr - 2 data buffers, status */
		for (unsigned i = 1; i < addr - 1; i++)
			vio_desc(&blk, 0, (uint16_t)i, (unsigned long)data + 8 * (i % 64), 8,
				 VD_WRITE | VD_NEXT, (uint16_t)(i + 1));
		vio_desc(&blk, 0, (uint16_t)(addr - 1), (unsigned long)&blk_status, 1,
			 VD_WRITE, 0);
		break;
	case CH_READ_AFTER_WRITE:
		d[2].flags = 0;		/* the status byte readable, after the data */
		break;
	case CH_INDIRECT:	/* a table of descriptors, in the victim's RAM */
		d[0].addr = addr;
		d[0].len = 3 * sizeof(struct vdesc);
		d[0].flags = VD_INDIRECT;
		break;
	case CH_NO_STATUS:	/* the header alone */
		d[0].flags = 0;
		break;
	}
}

void do_blk_chain(const struct attack *a, char *res, size_t n)
{
	vio_start(blk_dev(), 1, a->arg[0] == CH_TOO_LONG ? 128 : BLK_NUM);
	blk_request(BLK_T_IN, 0, SECTOR);
	bad_chain(a->arg[0], a->addr);
	vio_notify(&blk, 0);
	blk_outcome(res, n);
	blk_recover(res, n);
}

/* The available ring: its index (arg[0] RI_AVAIL_IDX) or the head in it
 * (RI_HEAD) is addr. */
void do_blk_ring(const struct attack *a, char *res, size_t n)
{
	volatile uint16_t *avail;

	vio_start(blk_dev(), 1, BLK_NUM);
	blk_request(BLK_T_IN, 0, SECTOR);
	avail = blk.q[0].avail;
	if (a->arg[0] == RI_AVAIL_IDX)
		avail[1] = (uint16_t)a->addr;
	else
		avail[2] = (uint16_t)a->addr;
	vio_notify(&blk, 0);
	blk_outcome(res, n);
	blk_recover(res, n);
}

/* Queue setup: a size (QA_NUM) or a ring area (QA_DESC, QA_AVAIL,
 * QA_USED) of addr; the device must refuse QueueReady = 1. */
void do_blk_queue(const struct attack *a, char *res, size_t n)
{
	unsigned long r = vio_ring(0);
	uint64_t area[3] = { r, r + VQ_AVAIL_OFF, r + VQ_USED_OFF };
	uint16_t num = BLK_NUM;

	vio_negotiate(blk_dev());
	if (a->arg[0] == QA_NUM)
		num = (uint16_t)a->addr;
	else
		area[a->arg[0] - QA_DESC] = a->addr;
	vio_queue_at(&blk, 0, num, area[0], area[1], area[2]);
	append(res, n, "status %#x ready %u isr %#x", vio_rd(&blk, VIO_STATUS),
	       vio_rd(&blk, VIO_QUEUE_READY), vio_rd(&blk, VIO_INT_STATUS));
	blk_recover(res, n);
}

/* Queue 0 as vio_start() would set it up, but never given to the device. */
static void blk_queue_unknown(void)
{
	unsigned long r = vio_ring(0);

	memset((void *)r, 0, VQ_USED_OFF + 0x1000);
	blk.q[0] = (struct vq){ BLK_NUM, (volatile struct vdesc *)r,
				(volatile uint16_t *)(r + VQ_AVAIL_OFF),
				(volatile uint16_t *)(r + VQ_USED_OFF), 0 };
}

/* QueueSel = addr, a queue that does not exist: what it reads, and
 * whether it can be made ready. */
static void blk_sel_beyond(unsigned long q, char *res, size_t n)
{
	unsigned long r = vio_ring(0);

	vio_wr(&blk, VIO_QUEUE_SEL, (uint32_t)q);
	append(res, n, "num_max %u ", vio_rd(&blk, VIO_QUEUE_NUM_MAX));
	vio_wr(&blk, VIO_QUEUE_NUM, BLK_NUM);
	vio_wr64(&blk, VIO_QUEUE_DESC, r);
	vio_wr64(&blk, VIO_QUEUE_DRIVER, r + VQ_AVAIL_OFF);
	vio_wr64(&blk, VIO_QUEUE_DEVICE, r + VQ_USED_OFF);
	vio_wr(&blk, VIO_QUEUE_READY, 1);
	append(res, n, "ready %u ", vio_rd(&blk, VIO_QUEUE_READY));
}

/* A read request waiting, and a notify of queue addr: of queue 0 never
 * set up (NT_UNSET: DRIVER_OK with no queue ready), of a queue that does
 * not exist (NT_INDEX, the request in a live queue 0), or of one that
 * does not exist after trying to set it up (NT_SEL). */
void do_blk_notify(const struct attack *a, char *res, size_t n)
{
	if (a->arg[0] == NT_INDEX) {
		vio_start(blk_dev(), 1, BLK_NUM);
	} else {
		vio_negotiate(blk_dev());
		if (a->arg[0] == NT_SEL)
			blk_sel_beyond(a->addr, res, n);
		vio_wr(&blk, VIO_STATUS, VIO_S_ACK | VIO_S_DRIVER | VIO_S_FEATURES_OK |
		       VIO_S_DRIVER_OK);
		blk_queue_unknown();
	}
	blk_request(BLK_T_IN, 0, SECTOR);
	vio_notify(&blk, (uint32_t)a->addr);
	blk_outcome(res, n);
	blk_recover(res, n);
}

/* A request the device must fail before any byte moves: type arg[0],
 * sector addr, arg[1] bytes of data, which start as 0xa5. */
void do_blk_req(const struct attack *a, char *res, size_t n)
{
	bool same = true;

	vio_start(blk_dev(), 1, BLK_NUM);
	memset(data, 0xa5, sizeof(data));
	blk_io((uint32_t)a->arg[0], a->addr, (uint32_t)a->arg[1]);
	blk_outcome(res, n);
	for (unsigned i = 0; i < sizeof(data); i++)
		same &= data[i] == 0xa5;
	append(res, n, " data %s", same ? "kept" : "changed");
	blk_recover(res, n);
}

/* A write across the end of the disk, from its last sector (addr): it
 * must fail and leave that sector as it was. */
void do_blk_write_end(const struct attack *a, char *res, size_t n)
{
	uint8_t first[SECTOR];

	vio_start(blk_dev(), 1, BLK_NUM);
	pattern(first, (unsigned)a->addr, 1);
	memcpy(data, first, SECTOR);
	blk_io(BLK_T_OUT, a->addr, SECTOR);
	pattern(data, (unsigned)a->addr, 2);
	pattern(data + SECTOR, (unsigned)a->addr + 1, 2);
	blk_io(BLK_T_OUT, a->addr, 2 * SECTOR);
	blk_outcome(res, n);
	memset(data, 0, sizeof(data));
	blk_io(BLK_T_IN, a->addr, SECTOR);
	append(res, n, " sector %lu %s", a->addr,
	       memcmp(data, first, SECTOR) ? "changed" : "kept");
	blk_recover(res, n);
}

/* ---------------------------------------------------------------- net */

static struct vdev *net_dev(void)
{
	net.base = NET_MMIO;
	return &net;
}

/* A frame of `len` bytes (with the virtio-net header) in `frame`: to the
 * victim's card (to_victim) or broadcast, from our own MAC. */
static void make_frame(uint32_t len, bool to_victim)
{
	static const uint8_t victim_mac[6] = VICTIM_MAC;
	uint8_t *eth = frame + VIRTIO_NET_HDR;

	memset(frame, 0, sizeof(frame));
	if (to_victim)
		memcpy(eth, victim_mac, 6);
	else
		memset(eth, 0xff, 6);
	for (unsigned i = 0; i < 6; i++)
		eth[6 + i] = *(volatile uint8_t *)(NET_MMIO + VIO_CONFIG + i);
	eth[12] = 0x88;		/* local experimental ethertype */
	eth[13] = 0xb5;
	for (uint32_t i = VIRTIO_NET_HDR + 14; i < MIN(len, sizeof(frame)); i++)
		frame[i] = (uint8_t)i;
}

/* `count` one-buffer frames at addr of len bytes, a queue at a time:
 * how many came back used. */
static unsigned net_send(unsigned count, uint64_t addr, uint32_t len)
{
	unsigned used = 0;

	while (used < count) {
		unsigned batch = MIN(count - used, NET_NUM);
		uint16_t before = vio_used_idx(&net, TXQ);

		for (unsigned i = 0; i < batch; i++) {
			vio_desc(&net, TXQ, (uint16_t)i, addr, len, 0, 0);
			vio_publish(&net, TXQ, (uint16_t)i);
		}
		vio_notify(&net, TXQ);
		used += (uint16_t)(vio_used_idx(&net, TXQ) - before);
		if ((uint16_t)(vio_used_idx(&net, TXQ) - before) != batch)
			break;		/* the device stopped taking them */
	}
	return used;
}

/* Reset, start again, send one broadcast frame: the card still works. */
static void net_recover(char *res, size_t n)
{
	uint32_t st = vio_start(net_dev(), 2, NET_NUM);

	make_frame(VIRTIO_NET_HDR + 60, false);
	append(res, n, "; reset: status %#x %s", st,
	       net_send(1, (unsigned long)frame, VIRTIO_NET_HDR + 60) == 1 ?
	       "sent ok" : "send failed");
	vio_reset(&net);
}

static void net_outcome(char *res, size_t n)
{
	append(res, n, "status %#x isr %#x", vio_rd(&net, VIO_STATUS),
	       vio_rd(&net, VIO_INT_STATUS));
}

/* addr frames of arg[0] bytes each (header included), from arg[1] (0:
 * our frame buffer), to the victim's card (arg[2]) or broadcast. */
void do_net_storm(const struct attack *a, char *res, size_t n)
{
	uint64_t at = a->arg[1] ? a->arg[1] : (unsigned long)frame;
	unsigned used;

	vio_start(net_dev(), 2, NET_NUM);
	make_frame((uint32_t)a->arg[0], a->arg[2]);
	used = net_send((unsigned)a->addr, at, (uint32_t)a->arg[0]);
	append(res, n, "sent %lu used %u ", a->addr, used);
	net_outcome(res, n);
	net_recover(res, n);
}

/* One frame whose buffer is at addr, arg[0] bytes. */
void do_net_buffer(const struct attack *a, char *res, size_t n)
{
	vio_start(net_dev(), 2, NET_NUM);
	append(res, n, "used %u ", net_send(1, a->addr, (uint32_t)a->arg[0]));
	net_outcome(res, n);
	net_recover(res, n);
}

/* A frame waiting in the transmit queue, and a notify of queue addr. */
void do_net_notify(const struct attack *a, char *res, size_t n)
{
	vio_start(net_dev(), 2, NET_NUM);
	make_frame(VIRTIO_NET_HDR + 60, false);
	vio_desc(&net, TXQ, 0, (unsigned long)frame, VIRTIO_NET_HDR + 60, 0, 0);
	vio_publish(&net, TXQ, 0);
	vio_notify(&net, (uint32_t)a->addr);
	append(res, n, "used %u ", vio_used_idx(&net, TXQ));
	net_outcome(res, n);
	net_recover(res, n);
}
