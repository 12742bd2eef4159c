/* SPDX-License-Identifier: GPL-2.0-only */
/* virtio-net between cells (src/virtio/net.c). */
#ifndef FV_VIRTIO_NET_H
#define FV_VIRTIO_NET_H

#include <fv/layout.h>
#include <fv/virtio.h>

#define VIRTIO_NET_HDR_LEN	12	/* struct virtio_net_hdr_v1 */
#define NET_FRAME_MAX		1514	/* MTU 1500 + Ethernet header */
#define NET_FRAME_MIN		14
#define NET_MAX_PORTS		CONFIG_MAX_CELLS

struct virtio_net_config {
	uint8_t mac[6];
	uint16_t status;		/* VIRTIO_NET_S_LINK_UP */
} __packed;

struct net_switch;

struct virtio_net {
	struct virtio_dev dev;
	struct net_switch *sw;
	/* Ask a hart of the owning cell to bring its interrupt line up to
	 * date (after a frame arrived from another cell's hart). */
	void (*kick)(void *arg);
	void *kick_arg;
	volatile uint64_t learned;	/* source MAC last seen, | NET_MAC_VALID */
	/* TX: one hart of the cell at a time; the others leave a note */
	spinlock_t tx_lock;
	volatile uint32_t tx_again;
	struct vq_chain tx_chain, rx_chain;
	uint64_t tx_frames, rx_frames;
	volatile uint64_t rx_drops;	/* frames for this card it could not take */
	uint64_t tx_drops;		/* frames it sent that were malformed */
	struct virtio_net_config config;
};

/* The learning switch of one link: its ports, fixed at boot. */
struct net_switch {
	unsigned nr_ports;
	struct virtio_net *port[NET_MAX_PORTS];
};

/* Once, at boot: a card with `mac` on switch `sw`. */
void virtio_net_init(struct virtio_net *n, const struct cell *cell, gpaddr_t base,
		     const uint8_t mac[6], struct net_switch *sw);

#endif
