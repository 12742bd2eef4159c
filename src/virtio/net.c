// SPDX-License-Identifier: GPL-2.0-only
/*
 * virtio-net between cells: every card on a link is a port of one small
 * learning switch.  A frame the guest puts in its transmit queue is copied
 * once, on the sending hart, straight into a receive buffer of the card it
 * is for (the one whose MAC, from the layout or last seen as a source,
 * matches), or of every other card for broadcast, multicast and unknown
 * destinations.  No offloads, MTU 1500.
 *
 * No cell waits for another: the sender only try-locks the receiving
 * card, and drops the frame (counted in its rx_drops) when that card is
 * busy, its receive queue empty or not live.  It never holds its own
 * card's lock meanwhile (so two cells sending to each other cannot block
 * each other), and it leaves raising the receiver's interrupt to a hart of
 * the receiving cell (kick).
 */
#include <fv/compiler.h>
#include <fv/string.h>
#include <fv/virtio_net.h>

#define VIRTIO_NET_F_MAC	5
#define VIRTIO_NET_F_STATUS	16
#define VIRTIO_NET_S_LINK_UP	1
#define NET_RXQ			0
#define NET_TXQ			1
#define NET_MAC_VALID		(1ULL << 48)

static uint64_t mac48(const uint8_t *m)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < 6; i++)
		v |= (uint64_t)m[i] << (8 * i);
	return v;
}

static bool has_mac(const struct virtio_net *n, uint64_t mac)
{
	uint64_t learned = __atomic_load_n(&n->learned, __ATOMIC_RELAXED);

	return mac48(n->config.mac) == mac ||
	       ((learned & NET_MAC_VALID) && (learned & (NET_MAC_VALID - 1)) == mac);
}

/* The frame's bytes (after the virtio-net header) into the buffers. */
static void copy_frame(const struct vq_chain *tx, const struct vq_chain *rx)
{
	uint64_t skip = VIRTIO_NET_HDR_LEN, off = VIRTIO_NET_HDR_LEN;

	for (unsigned i = 0; i < tx->nr_read; i++) {
		const struct vq_seg *s = &tx->seg[i];

		if (skip >= s->len) {
			skip -= s->len;
			continue;
		}
		off += vq_write(rx, off, s->p + skip, s->len - skip);
		skip = 0;
	}
}

/* Whether a hart of the receiving cell must look at its card. */
static bool needs_kick(const struct virtio_dev *d)
{
	return (READ_ONCE(d->isr) && !d->irq_out) || (d->broken && !d->broken_told);
}

/* One frame of `len` bytes into card `to`, or dropped and counted. */
static void deliver(struct virtio_net *to, const struct vq_chain *tx, uint64_t len)
{
	static const uint8_t hdr[VIRTIO_NET_HDR_LEN] = { [10] = 1 };	/* num_buffers */
	struct virtio_dev *d = &to->dev;
	struct vq_chain *rx = &to->rx_chain;
	bool kick, used = false;

	if (!spin_trylock(&d->lock)) {
		__atomic_fetch_add(&to->rx_drops, 1, __ATOMIC_RELAXED);
		return;
	}
	if (virtq_pop(d, NET_RXQ, rx) <= 0) {
		__atomic_fetch_add(&to->rx_drops, 1, __ATOMIC_RELAXED);
	} else if (rx->write_len < VIRTIO_NET_HDR_LEN + len) {
		virtq_push(d, NET_RXQ, rx, 0);	/* too small: give it back empty */
		__atomic_fetch_add(&to->rx_drops, 1, __ATOMIC_RELAXED);
		used = true;
	} else {
		vq_write(rx, 0, hdr, sizeof(hdr));
		copy_frame(tx, rx);
		virtq_push(d, NET_RXQ, rx, (uint32_t)(VIRTIO_NET_HDR_LEN + len));
		to->rx_frames++;
		used = true;
	}
	if (used && virtio_queue_live(d, NET_RXQ))
		virtq_notify_guest(d, NET_RXQ);
	kick = needs_kick(d);
	spin_unlock(&d->lock);
	if (kick && to->kick)
		to->kick(to->kick_arg);
}

/* Switch one frame from `from`: to the card that has its destination, or
 * to every other card. */
static void forward(struct virtio_net *from, const struct vq_chain *tx)
{
	struct net_switch *sw = from->sw;
	uint64_t len = tx->read_len - VIRTIO_NET_HDR_LEN;
	uint8_t eth[12];
	uint64_t dst;

	vq_read(tx, VIRTIO_NET_HDR_LEN, eth, sizeof(eth));
	dst = mac48(eth);
	__atomic_store_n(&from->learned, mac48(eth + 6) | NET_MAC_VALID, __ATOMIC_RELAXED);
	if (!(eth[0] & 1)) {		/* unicast */
		for (unsigned i = 0; i < sw->nr_ports; i++) {
			if (sw->port[i] != from && has_mac(sw->port[i], dst)) {
				deliver(sw->port[i], tx, len);
				return;
			}
		}
	}
	for (unsigned i = 0; i < sw->nr_ports; i++)
		if (sw->port[i] != from)
			deliver(sw->port[i], tx, len);
}

/* Send what the transmit queue holds, at most a queue's worth. */
static void tx_batch(struct virtio_net *n)
{
	struct virtio_dev *d = &n->dev;
	struct vq_chain *tx = &n->tx_chain;
	unsigned done = 0;

	for (unsigned budget = VIRTQ_NUM_MAX; budget; budget--) {
		uint32_t gen;
		int r;

		spin_lock(&d->lock);
		gen = d->config_gen;
		r = virtq_pop(d, NET_TXQ, tx);
		spin_unlock(&d->lock);
		if (r <= 0)
			break;
		if (tx->read_len < VIRTIO_NET_HDR_LEN + NET_FRAME_MIN ||
		    tx->read_len > VIRTIO_NET_HDR_LEN + NET_FRAME_MAX)
			n->tx_drops++;
		else
			forward(n, tx);
		n->tx_frames++;
		spin_lock(&d->lock);
		if (d->config_gen == gen && virtio_queue_live(d, NET_TXQ)) {
			virtq_push(d, NET_TXQ, tx, 0);	/* else it was reset meanwhile */
			done++;
		}
		spin_unlock(&d->lock);
	}
	spin_lock(&d->lock);
	if (done && virtio_queue_live(d, NET_TXQ))
		virtq_notify_guest(d, NET_TXQ);
	spin_unlock(&d->lock);
}

/* Called with the card's lock held (the transport's notify); sends with
 * it released, one hart of the cell at a time. */
static void net_notify(struct virtio_dev *d, unsigned q)
{
	struct virtio_net *n = d->model;

	if (q != NET_TXQ)
		return;		/* new receive buffers: frames will use them */
	WRITE_ONCE(n->tx_again, 1);
	spin_unlock(&d->lock);
	while (READ_ONCE(n->tx_again) && spin_trylock(&n->tx_lock)) {
		while (__atomic_exchange_n(&n->tx_again, 0, __ATOMIC_ACQ_REL))
			tx_batch(n);
		spin_unlock(&n->tx_lock);
	}
	spin_lock(&d->lock);
}

static void net_reset(struct virtio_dev *d)
{
	struct virtio_net *n = d->model;

	__atomic_store_n(&n->learned, 0, __ATOMIC_RELAXED);
}

static const struct virtio_dev_ops net_ops = {
	.name = "virtio-net",
	.device_id = VIRTIO_ID_NET,
	.nr_queues = 2,
	.features = BIT(VIRTIO_NET_F_MAC) | BIT(VIRTIO_NET_F_STATUS),
	.notify = net_notify,
	.reset = net_reset,
};

void virtio_net_init(struct virtio_net *n, const struct cell *cell, gpaddr_t base,
		     const uint8_t mac[6], struct net_switch *sw)
{
	memset(n, 0, sizeof(*n));
	virtio_init(&n->dev, &net_ops, cell, base, n);
	n->tx_lock = (spinlock_t)SPINLOCK_INIT;
	memcpy(n->config.mac, mac, 6);
	n->config.status = VIRTIO_NET_S_LINK_UP;
	n->dev.config = (const uint8_t *)&n->config;
	n->dev.config_size = sizeof(n->config);
	n->sw = sw;
	if (sw->nr_ports < NET_MAX_PORTS)
		sw->port[sw->nr_ports++] = n;
}
