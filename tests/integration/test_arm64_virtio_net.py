# SPDX-License-Identifier: GPL-2.0-only
"""virtio-net between cells on the ARM64 board (layout
cells/qemu-aarch64-virt/linux-linux.c): two cells of the arm64 demo Linux,
one CPU each, a card each on link 1, the hypervisor's switch between them.

The same checks as RISC-V's test_virtio_net.py (netlink.py): pings cross
the link and the derived MAC is the card's, a 1 MiB nc transfer arrives
with the md5 it was sent with, and one cell reboots while the other pings
it, the pinger untouched and the link working again afterwards.  One boot
for the three, in that order (the reboot last), to keep the time down:
each leaves linux0 at its prompt with console focus.  Each step waits for
whole lines; the timeouts are wall-clock bounds for a slow host (a hang
fails), never measurements."""
import pytest

import arm64qemu
import netlink
from fvqemu import Qemu
from test_arm64_debian_kernel import PROMPT

LAYOUT_CONFIG = "CONFIG_LAYOUT_A64_LINUX_LINUX=y"
BOOT_TIMEOUT = 300      # TCG on a loaded 2-core host is slow


@pytest.fixture(scope="module")
def cells():
    image = arm64qemu.build(LAYOUT_CONFIG, name="arm64-linux-linux")
    q = Qemu(arm64qemu.qemu_cmd(image, smp=3, mem="1G"), timeout=BOOT_TIMEOUT)
    try:
        q.expect(r"cell linux0: starting on hart 1, entry 0x40200000")
        q.expect(r"cell linux1: starting on hart 2, entry 0x40200000")
        c = netlink.Cells(q, PROMPT.pattern)
        c.wait_up(BOOT_TIMEOUT)
        yield c
    finally:
        q.close()


def test_ping_between_cells(cells):
    netlink.ping_between_cells(cells)


def test_bulk_transfer_arrives_whole(cells):
    netlink.bulk_transfer_arrives_whole(cells)


def test_reboot_of_a_peer_in_the_middle_of_traffic(cells):
    netlink.reboot_of_a_peer_in_the_middle_of_traffic(cells, BOOT_TIMEOUT)
