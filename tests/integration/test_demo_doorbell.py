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
from test_demo import PROMPT, boot, demo, linux_text, shell, wait_shell  # noqa: F401

LINUX_LINE = re.compile(r'ferrovisor-linux: doorbell: rtos answered "pong 10" '
                        r'round trip \d+ us \(10 rounds\)')
LINUX_ANY = "ferrovisor-linux: doorbell: "
RTOS_LINE = 'rtos: doorbell: answered "ping 1" with "pong 1"'
TIMEOUT = 120


def linux_done(t):
    """Linux (the focused cell, whose lines the multiplexer may cut) has
    finished its doorbell line in text `t`: the whole answer line is there
    in its joined pieces, or some other doorbell line and the prompt after
    it."""
    t = linux_text(t)
    at = t.find(LINUX_ANY)
    return LINUX_LINE.search(t) or (at >= 0 and PROMPT in t[at:])


def rtos_doorbell(text):
    """The RTOS's doorbell lines, whole (it is not focused: its lines come
    out whole)."""
    return [l.text for l in cell_lines(text, "rtos", "rtos: ")
            if l.text.startswith("rtos: doorbell: ")]


def wait_channel(q, start, what):
    """Wait, after offset `start`, for Linux's doorbell line and the RTOS's
    answer line.  Linux's must be there exactly once, whole: the answer to
    its 10th request."""
    text = q.wait_for(lambda t: linux_done(t[start:]) and rtos_doorbell(t[start:]),
                      TIMEOUT, what)[start:]
    linux = linux_text(text)
    assert linux.count(LINUX_ANY) == 1 and LINUX_LINE.search(linux), \
        linux[linux.find(LINUX_ANY):][:300]
    return rtos_doorbell(text)


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
        rtos = wait_channel(q, 0, "the doorbell lines of Linux and the RTOS")
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
        rtos = wait_channel(q, start, "the doorbell lines after Linux's restart")
        assert rtos == [RTOS_LINE], rtos
        wait_shell(q, start)
        assert_rtos_ticks(q, q.pos())
        # the RTOS was not restarted
        assert q.text().count("rtos: 0.1 hart 0") == 1
