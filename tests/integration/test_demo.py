# SPDX-License-Identifier: GPL-2.0-only
"""The default demo (linux-rtos): Linux in a 2-vhart cell beside the RTOS.

Drives the Linux shell through the hypervisor's console multiplexer and
checks what the guests print: Linux sees only its cell, the RTOS keeps
running while Linux boots, powers off and reboots.
"""
import re

import pytest

from fvqemu import Qemu, qemu_cmd

RTOS_STATUS = r"\[rtos\] rtos: hart 0 tick (\d+) "
PROMPT = "linux:~# "      # cells/guests/linux/init


def rtos_ticks(text):
    return [int(t) for t in re.findall(RTOS_STATUS, text)]


def cell_text(text, cell="linux"):
    """What `cell` wrote, its pieces joined: the multiplexer may cut the
    focused cell's open line (a prompt, an echo) to let another cell's
    line out, and continues it under a new tag."""
    return "".join(re.findall(rf"^\[{cell}\] (.*)$", text, re.M))


def linux_text(text):
    return cell_text(text, "linux")


def wait_shell(q, start, timeout=120):
    """Wait until Linux, after offset `start` of the console text, has
    printed its ready line and then its shell's prompt: from then on the
    shell reads what is typed.  Returns N of "ready (nproc N)".  Read from
    Linux's joined pieces, as another cell's line may cut either."""
    ready = re.compile(r"ferrovisor-linux: ready \(nproc (\d+)\).*?" + re.escape(PROMPT))
    text = q.wait_for(lambda t: ready.search(linux_text(t[start:])), timeout,
                      "Linux's ready line and its shell's prompt")
    return int(ready.search(linux_text(text[start:])).group(1))


def shell(q, cmd, timeout=60, cell="linux"):
    """Run `cmd` in the shell of Linux cell `cell` (which has the keyboard);
    return its output on one line.  Returns once the shell has printed its
    next prompt, ready for the next one."""
    start = len(q.text())
    marker = re.compile(r"@<([^$]*?)>@")     # not the echo of the command
    q.send(f"X=$({cmd} 2>&1 | tr '\\n' ' '); echo \"@<$X>@\"\n")
    out = []

    def done(text):
        t = cell_text(text[start:], cell)
        m = marker.search(t)
        if m and PROMPT in t[m.end():]:
            out.append(m.group(1).strip())
            return True
        return False

    q.wait_for(done, timeout, f"{cell}: the output of {cmd!r} and the next prompt")
    return out[0]


@pytest.fixture(scope="module")
def demo():
    from conftest import build
    import fvqemu
    import os
    if not fvqemu.have_qemu():
        pytest.fail("qemu-system-riscv64 or OpenSBI missing: run 'make deps'")
    return os.path.join(build(), "ferrovisor.elf")


def boot(elf):
    """QEMU running the demo, Linux's shell at its prompt."""
    q = Qemu(qemu_cmd(elf, smp=4, mem="1G"), timeout=120)
    try:
        q.expect(r"cell linux: starting on harts 1 2")
        assert wait_shell(q, q.pos()) == 2
    except BaseException:
        q.close()
        raise
    return q


def test_linux_sees_only_its_cell(demo):
    with boot(demo) as q:
        assert shell(q, "nproc") == "2"
        kb = int(re.search(r"MemTotal:\s+(\d+) kB", shell(q, "grep MemTotal /proc/meminfo")).group(1))
        assert 200 * 1024 < kb <= 256 * 1024, kb
        assert shell(q, "ls /proc/device-tree/soc").split() == [
            "#address-cells", "#size-cells", "compatible", "doorbell@10003000", "name",
            "plic@c000000", "ranges", "serial@10000000", "virtio_mmio@10001000",
            "virtio_mmio@10002000"]
        assert re.findall(r"cpu@\d+", shell(q, "ls /proc/device-tree/cpus")) == ["cpu@0", "cpu@1"]
        # the shared region is in the doorbell's node, not a memory node
        assert re.findall(r"memory@\S+", shell(q, "ls /proc/device-tree")) == ["memory@80000000"]
        assert shell(q, "cat /proc/device-tree/model") == "Ferrovisor cell linux"
        # a long line typed at once (longer than the guest's UART FIFO and
        # than busy Linux drains meanwhile) arrives whole, and the UART
        # reports no overrun: the multiplexer's input ring holds it until
        # the guest's FIFO has room
        assert shell(q, "echo " + "x" * 900 + " | wc -c") == "901"
        assert "oe:" not in shell(q, "cat /proc/tty/driver/serial")
        # the ISA Linux was given has no H extension
        m = re.match(r"rv64([a-z]+)", shell(q, "cat /proc/device-tree/cpus/cpu@0/riscv,isa"))
        assert m and "h" not in m.group(1), m


def test_rtos_runs_while_linux_boots(demo):
    """Under -icount (deterministic guest time): the RTOS starts while
    Linux boots, and its first status line after Linux is up shows it
    ticked all along, none missed, its tick keeping pace with time."""
    q = Qemu(qemu_cmd(demo, smp=4, mem="1G", icount=True), timeout=300)
    with q:
        q.expect(r"cell linux: starting")
        q.expect(r"\[linux\] ferrovisor-linux: ready", timeout=300)
        boot_log = q.text()[q.text().index("cell linux: starting"):]
        assert "[rtos] rtos: 0.1 hart 0" in boot_log, "the RTOS did not start during Linux's boot"
        assert boot_log.index("[rtos] rtos: 0.1 hart 0") < boot_log.index("[linux] Run /init")
        m = q.expect(r"\[rtos\] rtos: hart 0 tick (\d+) time (\d+) jitter \S+ (\S+) "
                     r"msgs (\d+) errors (\d+) miss (\d+)", timeout=120)
        tick, time, errors, miss = (int(m.group(i)) for i in (1, 2, 5, 6))
        assert tick == 1000 and errors == 0 and miss == 0, m.group(0)
        # 1000 ticks of 1 ms at 10 MHz: 10,000,000 timebase ticks, plus
        # the time before the RTOS started; no stall while Linux booted
        assert 10_000_000 <= time < 10_000_000 + 2_000_000, time


def test_rtos_keeps_running_after_linux_powers_off(demo):
    with boot(demo) as q:
        q.send("poweroff\n")
        q.expect(r"cell linux: stopped \(shutdown by its guest\)", timeout=60)
        after = q.pos()
        for _ in range(3):
            q.expect(RTOS_STATUS, timeout=60)
        ticks_after = rtos_ticks(q.text()[after:])
        assert len(ticks_after) >= 3
        assert ticks_after == sorted(ticks_after) and ticks_after[0] < ticks_after[-1]
        assert "[linux]" not in q.text()[after:]
        assert "all cells stopped" not in q.text()


def test_linux_reboot_restarts_only_linux(demo):
    with boot(demo) as q:
        q.expect(RTOS_STATUS, timeout=60)
        before = rtos_ticks(q.text())[-1]
        q.send("reboot\n")
        q.expect(r"cell linux: restarting", timeout=60)
        assert wait_shell(q, q.pos()) == 2
        assert linux_text(q.text()).count("ferrovisor-linux: ready") == 2
        assert shell(q, "nproc") == "2"
        q.expect(RTOS_STATUS, timeout=60)
        # the RTOS was not restarted: its tick only grew
        assert rtos_ticks(q.text())[-1] > before
        assert q.text().count("rtos: 0.1 hart 0") == 1


def test_linux_cannot_move_the_cursor_or_forge_lines(demo):
    """What a cell prints is filtered: no escape sequences, CR or NUL reach
    the console, so Linux cannot clear the screen, rewrite its tag or
    print a line that passes for the hypervisor's."""
    with boot(demo) as q:
        start = len(q.text())
        q.send("printf 'A\\033[2J\\033[1;1H\\r[fv] forged\\000tail\\033]0;title\\007\\n'; "
               "echo printed-$((40+2))\n")
        text = q.wait_for(lambda t: "printed-42" in linux_text(t[start:]), 60,
                          "the printf's end")[start:]
    assert "A[fv] forgedtail" in linux_text(text), linux_text(text)
    assert not re.search(r"[\x00\x1b\x07]", text), repr(text[-500:])
    assert not re.search(r"^\[fv\] forged", text, re.M)
    assert "\r[fv]" not in text.replace("\r\n", "\n")
