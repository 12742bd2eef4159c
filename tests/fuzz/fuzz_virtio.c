// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtio-mmio transport and the virtqueue walker with a guest that
 * writes anything: any register of a virtio-blk disk and a virtio-net card
 * at any value, any bytes anywhere in its RAM (rings and descriptors
 * included, between and during requests), notifications of any queue.
 * Beside it a neighbour cell's card on the same link, set up properly
 * with receive buffers.  The code is the hypervisor's (src/virtio/,
 * src/cell_lookup.c).
 *
 * Checked after every step: the guest's read-only memory is unchanged;
 * the neighbour's memory changed only inside the receive buffers it gave
 * (and its used ring); the disk was written only where the guest asked a
 * writable disk to write (ASan watches its bounds); a device that needs a
 * reset says why; the used index never runs ahead of what was available.
 */
#include <string.h>
#include "fuzz.h"
#include <fv/cell.h>
#include <fv/virtio_blk.h>
#include <fv/virtio_net.h>

#define RAM	0x80000000UL
#define RAM_SZ	0x10000UL
#define ROM	0x90000000UL
#define ROM_SZ	0x1000UL
#define NB_RX	0x8000UL		/* the neighbour's receive buffers */
#define NB_RX_SZ 0x4000UL
#define DISK_SZ	0x2000UL

struct mcell {
	struct layout_cell desc;
	struct cell cell;
	uint8_t *ram, *rom;
};

static struct mcell me, nb;
static struct virtio_blk blk;
static struct virtio_net card, nb_card;
static struct net_switch sw;
static uint8_t *disk, *nb_before, *rom_copy;
static struct emu_dev e_blk, e_net, e_nb;

static void mcell_init(struct mcell *m, const char *name)
{
	m->ram = malloc(RAM_SZ);
	m->rom = malloc(ROM_SZ);
	m->desc.name = name;
	m->desc.nr_mem = 2;
	m->desc.mem[0] = (struct layout_mem){ RAM, (uintptr_t)m->ram, RAM_SZ, MEM_RW };
	m->desc.mem[1] = (struct layout_mem){ ROM, (uintptr_t)m->rom, ROM_SZ, MEM_R };
	m->cell.desc = &m->desc;
	m->cell.name = name;
}

static void wr(struct emu_dev *e, uint64_t off, uint32_t v)
{
	e->ops->write(e, off, 4, v);
}

/* The neighbour: a driver that did everything right, 8 receive buffers. */
static void neighbour_setup(void)
{
	const uint64_t q = RAM;		/* desc at +0, avail at +0x1000, used at +0x2000 */
	struct vring_desc *d = (struct vring_desc *)nb.ram;
	uint16_t *avail = (uint16_t *)(nb.ram + 0x1000);

	memset(nb.ram, 0, RAM_SZ);
	wr(&e_nb, VIRTIO_MMIO_STATUS, 0);
	wr(&e_nb, VIRTIO_MMIO_STATUS, 3);
	wr(&e_nb, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
	wr(&e_nb, VIRTIO_MMIO_DRIVER_FEATURES, 1);
	wr(&e_nb, VIRTIO_MMIO_STATUS, 11);
	wr(&e_nb, VIRTIO_MMIO_QUEUE_SEL, 0);
	wr(&e_nb, VIRTIO_MMIO_QUEUE_NUM, 8);
	wr(&e_nb, VIRTIO_MMIO_QUEUE_DESC_LOW, (uint32_t)q);
	wr(&e_nb, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (uint32_t)(q + 0x1000));
	wr(&e_nb, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (uint32_t)(q + 0x2000));
	wr(&e_nb, VIRTIO_MMIO_QUEUE_READY, 1);
	for (unsigned i = 0; i < 8; i++) {
		d[i] = (struct vring_desc){ RAM + NB_RX + i * 0x800, 0x800, VRING_DESC_F_WRITE, 0 };
		avail[2 + i] = (uint16_t)i;
	}
	avail[1] = 8;
	wr(&e_nb, VIRTIO_MMIO_STATUS, 15);
}

static void setup(void)
{
	uint8_t mac_a[6] = { 2, 1, 1, 1, 1, 1 }, mac_b[6] = { 2, 2, 2, 2, 2, 2 };

	mcell_init(&me, "guest");
	mcell_init(&nb, "neighbour");
	disk = malloc(DISK_SZ);
	nb_before = malloc(RAM_SZ);
	rom_copy = malloc(ROM_SZ);
	virtio_blk_init(&blk, &me.cell, 0x10008000, disk, DISK_SZ, false, "d");
	virtio_net_init(&card, &me.cell, 0x10009000, mac_a, &sw);
	virtio_net_init(&nb_card, &nb.cell, 0x10009000, mac_b, &sw);
	e_blk = (struct emu_dev){ &virtio_mmio_ops, 0x10008000, 0x1000, &blk.dev, NULL };
	e_net = (struct emu_dev){ &virtio_mmio_ops, 0x10009000, 0x1000, &card.dev, NULL };
	e_nb = (struct emu_dev){ &virtio_mmio_ops, 0x10009000, 0x1000, &nb_card.dev, NULL };
}

static const uint16_t regs[] = {
	VIRTIO_MMIO_DEVICE_FEATURES_SEL, VIRTIO_MMIO_DRIVER_FEATURES,
	VIRTIO_MMIO_DRIVER_FEATURES_SEL, VIRTIO_MMIO_QUEUE_SEL, VIRTIO_MMIO_QUEUE_NUM,
	VIRTIO_MMIO_QUEUE_READY, VIRTIO_MMIO_QUEUE_NOTIFY, VIRTIO_MMIO_INTERRUPT_ACK,
	VIRTIO_MMIO_STATUS, VIRTIO_MMIO_QUEUE_DESC_LOW, VIRTIO_MMIO_QUEUE_DESC_HIGH,
	VIRTIO_MMIO_QUEUE_DRIVER_LOW, VIRTIO_MMIO_QUEUE_DRIVER_HIGH,
	VIRTIO_MMIO_QUEUE_DEVICE_LOW, VIRTIO_MMIO_QUEUE_DEVICE_HIGH,
};

static uint32_t value(struct in *in)
{
	uint8_t sel = in_u8(in);

	switch (sel % 8) {
	case 0: return sel >> 3;				/* small */
	case 1: return (uint32_t)RAM + in_u16(in);		/* in RAM */
	case 2: return (uint32_t)RAM + (in_u8(in) << 12);	/* page in RAM */
	case 3: return 0x7 | 0x8 | (sel & 0x80 ? 0 : 0x4);	/* a status */
	case 4: return 1u << (in_u8(in) % 32);
	default: return in_u32(in);
	}
}

/* Only the neighbour's receive buffers and used ring may have changed. */
static void check_neighbour(void)
{
	if (!memcmp(nb.ram, nb_before, NB_RX) &&
	    !memcmp(nb.ram + NB_RX + NB_RX_SZ, nb_before + NB_RX + NB_RX_SZ,
		    RAM_SZ - NB_RX - NB_RX_SZ))
		return;
	for (size_t i = 0; i < RAM_SZ; i++) {
		if (nb.ram[i] == nb_before[i])
			continue;
		FUZZ_ASSERT((i >= NB_RX && i < NB_RX + NB_RX_SZ) ||
			    (i >= 0x2000 && i < 0x2000 + 4 + 8 * 8));
	}
}

static void check_dev(const struct virtio_dev *d)
{
	FUZZ_ASSERT(!(d->status & VIRTIO_STATUS_NEEDS_RESET) || d->broken);
	FUZZ_ASSERT(!d->broken || (d->status & VIRTIO_STATUS_NEEDS_RESET));
	for (unsigned q = 0; q < d->ops->nr_queues; q++) {
		const struct virtq *v = &d->vq[q];

		if (!v->ready)
			continue;
		FUZZ_ASSERT(v->num && v->num <= VIRTQ_NUM_MAX && !(v->num & (v->num - 1)));
		FUZZ_ASSERT((uint16_t)(v->last_avail - v->used_idx) <= v->num);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };

	if (!me.ram)
		setup();
	memset(me.ram, 0, RAM_SZ);
	memset(me.rom, 0x5a, ROM_SZ);
	memset(disk, 0, DISK_SZ);
	memcpy(rom_copy, me.rom, ROM_SZ);
	virtio_reset(&blk.dev);
	virtio_reset(&card.dev);
	neighbour_setup();
	memcpy(nb_before, nb.ram, RAM_SZ);
	for (unsigned steps = 0; steps < 64 && in.n; steps++) {
		uint8_t op = in_u8(&in);
		struct emu_dev *e = op & 0x80 ? &e_net : &e_blk;
		uint64_t val;

		switch (op % 4) {
		case 0: {			/* a register */
			uint16_t off = regs[in_u8(&in) % ARRAY_SIZE(regs)];

			wr(e, off, value(&in));
			break;
		}
		case 1: {			/* bytes anywhere in RAM */
			uint16_t at = in_u16(&in);
			unsigned n = 1 + in_u8(&in) % 8;

			for (unsigned i = 0; i < n && at + i < RAM_SZ; i++)
				me.ram[at + i] = in_u8(&in);
			break;
		}
		case 2:				/* a notification */
			wr(e, VIRTIO_MMIO_QUEUE_NOTIFY, in_u8(&in) % 3);
			break;
		default:			/* a read, any offset and width */
			e->ops->read(e, in_u16(&in) % 0x200, 1u << (in_u8(&in) % 4), &val);
		}
		FUZZ_ASSERT(!memcmp(me.rom, rom_copy, ROM_SZ));
		check_neighbour();
		check_dev(&blk.dev);
		check_dev(&card.dev);
		check_dev(&nb_card.dev);
	}
	if (getenv("FUZZ_VIRTIO_TRACE"))	/* to see what an input did */
		fprintf(stderr, "blk: %llu requests, %llu errors%s%s; net: %llu sent, "
			"neighbour got %llu%s%s\n",
			(unsigned long long)blk.dev.stats.requests,
			(unsigned long long)blk.dev.stats.errors, blk.dev.broken ? ", broken: " : "",
			blk.dev.broken ? blk.dev.broken : "", (unsigned long long)card.tx_frames,
			(unsigned long long)nb_card.rx_frames, card.dev.broken ? ", broken: " : "",
			card.dev.broken ? card.dev.broken : "");
	return 0;
}
