# SPDX-License-Identifier: GPL-2.0-only
"""The demo's doorbell channel (linux-rtos): Linux and the RTOS share 1 MiB
and have a doorbell each naming the other.  Linux binds its doorbell with
uio_pdrv_genirq, and /init runs fv-doorbell (cells/guests/linux/
fv-doorbell.c) once: 10 requests "ping <i>" over the region, each rung,
answered "pong <i>" by the RTOS's doorbell task (cells/guests/rtos/
doorbell.c) and rung back.  Why these tests: the channel must work at boot,
again after Linux restarts (the region keeps what the last run left, the
RTOS knows nothing of the restart), and never disturb the RTOS.

Assertions are on whole lines, joined from the multiplexer's pieces, never
on the round-trip figure: it depends on how busy the host is.
"""
import re

from test_cells import cell_lines, statuses
from test_demo import boot, demo, shell, wait_shell  # noqa: F401

LINUX_LINE = re.compile(r'ferrovisor-linux: doorbell: rtos answered "pong (\d+)" '
                        r'round trip \d+ us \((\d+) rounds\)$')
RTOS_LINE = 'rtos: doorbell: answered "ping 1" with "pong 1"'
TIMEOUT = 120


def linux_doorbell(text):
    """Linux's doorbell lines (any, good or bad), whole."""
    return [l.text for l in cell_lines(text, "linux", "ferrovisor-linux: ")
            if l.text.startswith("ferrovisor-linux: doorbell: ")]


def rtos_doorbell(text):
    return [l.text for l in cell_lines(text, "rtos", "rtos: ")
            if l.text.startswith("rtos: doorbell: ")]


def wait_channel(q, start, what):
    """Wait, after offset `start`, for Linux's doorbell line and the RTOS's
    answer line; return both lists."""
    def both(t):
        return linux_doorbell(t[start:]) and rtos_doorbell(t[start:])
    text = q.wait_for(both, TIMEOUT, what)
    return linux_doorbell(text[start:]), rtos_doorbell(text[start:])


def assert_answered(lines, rounds=10):
    assert len(lines) == 1, lines
    m = LINUX_LINE.match(lines[0])
    assert m, lines[0]
    assert m.group(1) == str(rounds) and m.group(2) == str(rounds), lines[0]


def assert_rtos_ticks(q, after):
    """Two more status lines of the RTOS after offset `after`, its tick
    growing, no errors."""
    q.wait_for(lambda t: len([s for s in statuses(t, "rtos") if s.pos > after]) >= 2,
               TIMEOUT, "two RTOS status lines")
    st = [s for s in statuses(q.text(), "rtos") if s.pos > after]
    assert st[0].tick < st[1].tick, st
    assert all(s.errors == 0 for s in st), [s.errors for s in st]


def test_linux_and_rtos_talk_at_boot(demo):
    with boot(demo) as q:
        linux, rtos = wait_channel(q, 0, "the doorbell lines of Linux and the RTOS")
        assert_answered(linux)
        assert rtos == [RTOS_LINE], rtos
        assert_rtos_ticks(q, q.pos())
        # the doorbell is a UIO device of its own, with both maps
        assert shell(q, "cat /sys/class/uio/uio0/name /sys/class/uio/uio0/maps/map*/size") \
            == "doorbell 0x0000000000001000 0x0000000000100000"
        # and the tool runs again from the shell: 3 rounds, the last answer
        out = shell(q, "fv-doorbell /dev/uio0 3")
        assert re.fullmatch(r'ferrovisor-linux: doorbell: rtos answered "pong 3" '
                            r'round trip \d+ us \(3 rounds\)', out), out


def test_channel_works_again_after_linux_restarts(demo):
    with boot(demo) as q:
        wait_channel(q, 0, "the doorbell lines at boot")
        q.send("reboot\n")
        q.expect(r"cell linux: restarting", timeout=60)
        start = q.pos()
        linux, rtos = wait_channel(q, start, "the doorbell lines after Linux's restart")
        assert_answered(linux)
        assert rtos == [RTOS_LINE], rtos
        wait_shell(q, start)
        assert_rtos_ticks(q, q.pos())
        # the RTOS was not restarted
        assert q.text().count("rtos: 0.1 hart 0") == 1
