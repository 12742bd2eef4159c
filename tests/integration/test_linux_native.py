# SPDX-License-Identifier: GPL-2.0-only
"""The demo's Linux guest (kernel + busybox initramfs) booted natively.

The same Image and initramfs that the demo runs in a cell, booted straight
on OpenSBI in QEMU virt (-smp 2 -m 256M): the reference every "under
Ferrovisor" figure is compared with, and a check that the guest itself is
right before the hypervisor is involved.

The outputs are made by ci/build-linux.sh and ci/build-initramfs.sh into
$O/guests/linux/ (O defaults to build/) when they are missing; delete them
to rebuild after changing cells/guests/linux/ (the scripts cache by hash,
so that is cheap when nothing changed).

Console contract of cells/guests/linux/init: one line
"ferrovisor-linux: ready (nproc N)", then a shell with the prompt
"linux:<cwd># "; poweroff and leaving the shell power the guest off.
"""
import os
import re
import subprocess

import pytest

from fvqemu import BUILD, ROOT, Qemu, have_qemu, qemu_cmd

OUT = os.path.join(BUILD, "guests", "linux")
KERNEL = os.path.join(OUT, "Image")
INITRD = os.path.join(OUT, "initramfs.cpio.gz")

READY = r"ferrovisor-linux: ready \(nproc (\d+)\)"
PROMPT = r"linux:[^\r\n#]*# "
BOOT_TIMEOUT = 180   # ~2 s natively, but TCG on a loaded 2-core host is slow
CMD_TIMEOUT = 60
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture(scope="module")
def images():
    if not have_qemu():
        pytest.skip("qemu-system-riscv64 or OpenSBI fw_dynamic.bin not installed")
    for script, out in (("build-linux.sh", KERNEL), ("build-initramfs.sh", INITRD)):
        if not os.path.exists(out):
            subprocess.run([os.path.join(ROOT, "ci", script), out], check=True)
    return KERNEL, INITRD


def boot(images, console="ttyS0"):
    kernel, initrd = images
    return Qemu(qemu_cmd(kernel, smp=2, mem="256M",
                         append=f"console={console} earlycon=sbi", initrd=initrd),
                timeout=BOOT_TIMEOUT)


def run(q, cmd, timeout=CMD_TIMEOUT):
    """Run `cmd` in the guest shell; return (exit status, output).

    The markers around the output are printed by arithmetic expansions, so
    the echo of the command line (which the line editor may wrap) never
    matches them.
    """
    q.send(f'echo "@@out$((1))@@"; {cmd}; echo "@@rc=$((0+$?))@@"\n')
    m = q.expect(r"@@out1@@\r*\n(.*?)@@rc=(\d+)@@", timeout=timeout)
    q.expect(PROMPT, timeout=timeout)
    return int(m.group(2)), ANSI.sub("", m.group(1)).replace("\r", "").strip()


@pytest.fixture(scope="module")
def guest(images):
    q = boot(images)
    try:
        m = q.expect(READY)
        q.ready_nproc = int(m.group(1))
        q.expect(PROMPT)
        yield q
    finally:
        q.close()


def test_ready_line(guest):
    assert guest.ready_nproc == 2
    text = guest.text()
    assert len(re.findall(READY, text)) == 1, "the ready line must appear once"
    assert "Kernel panic" not in text
    # poweroff and reboot must be able to go through SBI SRST
    assert "SBI SRST extension detected" in text


def test_nproc(guest):
    rc, out = run(guest, "nproc")
    assert rc == 0 and out == "2", out


def test_memtotal(guest):
    rc, out = run(guest, "grep MemTotal /proc/meminfo")
    m = re.search(r"MemTotal:\s+(\d+) kB", out)
    assert rc == 0 and m, out
    mib = int(m.group(1)) / 1024
    assert 200 <= mib <= 256, f"MemTotal {mib:.1f} MiB"


def test_device_tree(guest):
    rc, out = run(guest, "ls -1 /proc/device-tree")
    names = out.split()
    assert rc == 0, out
    assert "cpus" in names and "chosen" in names and "soc" in names, names
    assert any(n.startswith("memory") for n in names), names


def test_console_is_ctty_and_ctrl_c(guest):
    # cttyhack gave the shell the real console as controlling tty.
    rc, out = run(guest, "tty")
    assert rc == 0 and out == "/dev/ttyS0", out
    # Ctrl-C interrupts a foreground job.  Typed before the job runs, the
    # shell's line editor (ISIG off) would read it as a key and the job
    # would run its 100 s; so the job says when it runs.  Its marker is
    # printed by an arithmetic expansion (not matched by the echo of the
    # command line), in the job's own process, which the shell made the
    # foreground process group before running it; `exec` keeps that
    # process, now sleep, so Ctrl-C still lands in a job running sleep.
    guest.send("sh -c 'echo sleeping-$((2+2)); exec sleep 100'; echo after-sleep-$((1+1))\n")
    guest.expect(r"sleeping-4\r*\n")
    guest.send("\x03")
    guest.expect(PROMPT, timeout=CMD_TIMEOUT)
    rc, out = run(guest, "true")
    assert rc == 0
    assert "after-sleep-2" not in guest.text()


def test_poweroff(guest):
    guest.send("poweroff\n")
    text = guest.wait_exit(timeout=CMD_TIMEOUT)
    assert "reboot: Power down" in text
    guest.child.close()
    assert guest.child.exitstatus == 0


def test_hvc0_console_and_exit(images):
    """hvc0 (the SBI legacy console) as the only console; leaving the shell
    powers the guest off."""
    with boot(images, console="hvc0") as q:
        m = q.expect(READY)
        assert m.group(1) == "2"
        q.expect(PROMPT)
        rc, out = run(q, "cat /sys/class/tty/console/active; tty")
        assert rc == 0 and out.split() == ["hvc0", "/dev/hvc0"], out
        q.send("exit\n")
        text = q.wait_exit(timeout=CMD_TIMEOUT)
        assert "reboot: Power down" in text


def test_virtio_mmio_devices(images, tmp_path):
    """virtio-blk, virtio-net and virtio-console over (modern) virtio-mmio
    are built in and find their devices."""
    disk = tmp_path / "disk.img"
    disk.write_bytes(b"\0" * (1 << 20))
    kernel, initrd = images
    extra = ["-global", "virtio-mmio.force-legacy=false",
             "-drive", f"if=none,id=vd0,format=raw,file={disk}",
             "-device", "virtio-blk-device,drive=vd0",
             "-netdev", "hubport,id=n0,hubid=0",
             "-device", "virtio-net-device,netdev=n0",
             "-device", "virtio-serial-device",
             "-chardev", "null,id=vc0",
             "-device", "virtconsole,chardev=vc0"]
    with Qemu(qemu_cmd(kernel, smp=2, mem="256M",
                       append="console=ttyS0 earlycon=sbi", initrd=initrd,
                       extra=extra), timeout=BOOT_TIMEOUT) as q:
        q.expect(READY)
        q.expect(PROMPT)
        rc, out = run(q, "cat /sys/block/vda/size")
        assert rc == 0 and out == "2048", out
        rc, out = run(q, "ls /sys/class/net")
        assert rc == 0 and "eth0" in out.split(), out
        rc, out = run(q, "ip link set eth0 up && ip addr add 10.0.0.2/24 dev eth0 && ip -4 addr show eth0")
        assert rc == 0 and "10.0.0.2/24" in out, out
        # hvc0 is the SBI console; the virtio console is the next hvc
        rc, out = run(q, "ls /sys/class/tty | grep hvc")
        assert rc == 0 and "hvc1" in out.split(), out
        q.send("poweroff\n")
        q.wait_exit(timeout=CMD_TIMEOUT)
