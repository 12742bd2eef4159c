# SPDX-License-Identifier: GPL-2.0-only
"""virtio-net between cells (layout linux-linux): two Linux cells, a card
each on link 1, the hypervisor's switch between them.

Pings and a bulk TCP transfer (busybox nc) cross the link; the bytes that
arrive are checked by their md5 against what was sent.  One cell reboots
while the other keeps sending: the sender keeps running and the link works
again once the rebooted cell is back.  The checks are netlink.py's, shared
with the ARM64 board's test_arm64_virtio_net.py.  Nothing here depends on
how fast the host is: each step waits for the whole line it asserts on.
"""
import re

import pytest

import netlink
from fvqemu import Qemu, qemu_cmd
from test_demo import PROMPT

LAYOUT = "cells/qemu-riscv64-virt/linux-linux.c"


@pytest.fixture(scope="module")
def elf():
    import fvqemu
    from conftest import build_layout
    if not fvqemu.have_qemu():
        pytest.fail("qemu-system-riscv64 or OpenSBI missing: run 'make deps'")
    return build_layout(LAYOUT)


@pytest.fixture
def cells(elf):
    q = Qemu(qemu_cmd(elf, smp=4, mem="1G"), timeout=180)
    try:
        c = netlink.Cells(q, re.escape(PROMPT))
        c.wait_up()
        yield c
    finally:
        q.close()


def test_ping_between_cells(cells):
    netlink.ping_between_cells(cells)


def test_bulk_transfer_arrives_whole(cells):
    netlink.bulk_transfer_arrives_whole(cells)


def test_reboot_of_a_peer_in_the_middle_of_traffic(cells):
    netlink.reboot_of_a_peer_in_the_middle_of_traffic(cells)
