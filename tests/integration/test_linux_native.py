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
"ferrovisor-linux: ready (nproc N)", then one line per VirtIO device it
found (disk, net, console; see the comment at the top of init), then a
shell with the prompt "linux:<cwd># "; poweroff and leaving the shell power
the guest off.  QEMU's own virtio-mmio devices stand in here for the
hypervisor's; the demo disk is $O/guests/disk/disk.img (ci/build-disk.sh).
"""
import os
import re
import socket
import subprocess

import pexpect.fdpexpect
import pytest

from fvqemu import BUILD, ROOT, Qemu, have_qemu, qemu_cmd

OUT = os.path.join(BUILD, "guests", "linux")
KERNEL = os.path.join(OUT, "Image")
INITRD = os.path.join(OUT, "initramfs.cpio.gz")
DISK = os.path.join(BUILD, "guests", "disk", "disk.img")

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


@pytest.fixture(scope="module")
def disk():
    if not os.path.exists(DISK):
        subprocess.run([os.path.join(ROOT, "ci", "build-disk.sh"), DISK], check=True)
    return DISK


def init_line(q, what):
    """Wait for /init's whole line "ferrovisor-linux: <what>: ..."; return
    the rest of it."""
    m = q.expect(rf"ferrovisor-linux: {what}: ([^\r\n]*)\r*\n")
    return m.group(1)


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


def test_hvc0_console_and_exit(images, tmp_path):
    """console=hvc0: the virtio console (hvc0, the kernel having no SBI
    hvc) as the only console, the early boot through earlycon=sbi; leaving
    the shell powers the guest off."""
    kernel, initrd = images
    vc_path = str(tmp_path / "vc.sock")
    with socket.socket(socket.AF_UNIX) as vc_listen:
        vc_listen.bind(vc_path)
        vc_listen.listen(1)
        vc_listen.settimeout(BOOT_TIMEOUT)
        extra = ["-global", "virtio-mmio.force-legacy=false",
                 "-device", "virtio-serial-device,max_ports=1",
                 "-chardev", f"socket,id=vc0,path={vc_path}",
                 "-device", "virtconsole,chardev=vc0"]
        with Qemu(qemu_cmd(kernel, smp=2, mem="256M", append="console=hvc0 earlycon=sbi",
                           initrd=initrd, extra=extra), timeout=BOOT_TIMEOUT) as q:
            conn, _ = vc_listen.accept()
            with conn:
                hvc = Hvc(conn, BOOT_TIMEOUT)
                m = hvc.expect(READY)
                assert m.group(1) == "2"
                assert init_line(hvc, "console") == "hvc0"
                hvc.expect(PROMPT)
                rc, out = run(hvc, "cat /sys/class/tty/console/active; tty")
                assert rc == 0 and out.split() == ["hvc0", "/dev/hvc0"], out
                hvc.send("exit\n")
                hvc.expect(r"Requesting system poweroff", timeout=CMD_TIMEOUT)
                q.wait_exit(timeout=CMD_TIMEOUT)
                q.child.close()
                assert q.child.exitstatus == 0


def test_virtio_mmio_devices(images, tmp_path):
    """virtio-blk, virtio-net and virtio-console over (modern) virtio-mmio
    are built in and find their devices.  /init says it cannot mount the
    blank disk and leaves eth0 down without fv.ip=."""
    disk = tmp_path / "disk.img"
    disk.write_bytes(b"\0" * (1 << 20))
    kernel, initrd = images
    # max_ports=1: a plain virtio console, whose port exists as soon as
    # the driver probes (a multiport one announces its ports later, maybe
    # after /init has looked)
    extra = ["-global", "virtio-mmio.force-legacy=false",
             "-drive", f"if=none,id=vd0,format=raw,file={disk}",
             "-device", "virtio-blk-device,drive=vd0",
             "-netdev", "hubport,id=n0,hubid=0",
             "-device", "virtio-net-device,netdev=n0",
             "-device", "virtio-serial-device,max_ports=1",
             "-chardev", "null,id=vc0",
             "-device", "virtconsole,chardev=vc0"]
    with Qemu(qemu_cmd(kernel, smp=2, mem="256M",
                       append="console=ttyS0 earlycon=sbi", initrd=initrd,
                       extra=extra), timeout=BOOT_TIMEOUT) as q:
        q.expect(READY)
        assert init_line(q, "disk") == "mount failed"
        assert init_line(q, "net") == "eth0 down (no fv.ip=)"
        assert init_line(q, "console") == "hvc0"
        q.expect(PROMPT)
        rc, out = run(q, "cat /sys/block/vda/size")
        assert rc == 0 and out == "2048", out
        rc, out = run(q, "ls /sys/class/net")
        assert rc == 0 and "eth0" in out.split(), out
        rc, out = run(q, "ip link set eth0 up && ip addr add 10.0.0.2/24 dev eth0 && ip -4 addr show eth0")
        assert rc == 0 and "10.0.0.2/24" in out, out
        # no SBI hvc in the kernel: the virtio console is hvc0
        rc, out = run(q, "ls /sys/class/tty | grep hvc")
        assert rc == 0 and "hvc0" in out.split(), out
        q.send("poweroff\n")
        q.wait_exit(timeout=CMD_TIMEOUT)



class Hvc:
    """The host end of a virtio console: expect() and send() on a socket,
    like Qemu's on the serial console."""

    def __init__(self, sock, timeout):
        self.sock = sock
        self.log = []
        self.child = pexpect.fdpexpect.fdspawn(sock.fileno(), timeout=timeout,
                                               encoding="utf-8", codec_errors="replace")
        self.child.logfile_read = _Log(self.log)

    def expect(self, pattern, timeout=None):
        try:
            self.child.expect(pattern, timeout=-1 if timeout is None else timeout)
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            kind = "timed out" if isinstance(e, pexpect.TIMEOUT) else "closed"
            raise AssertionError(f"virtio console: {kind} waiting for {pattern!r}\n"
                                 f"--- hvc ---\n{''.join(self.log)[-3000:]}") from None
        return self.child.match

    def send(self, s):
        self.sock.sendall(s.encode())


class _Log:
    def __init__(self, sink):
        self.sink = sink

    def write(self, s):
        self.sink.append(s)

    def flush(self):
        pass


def test_virtio_disk_net_console(images, disk, tmp_path):
    """What /init does with the demo disk, a network card and a virtio
    console: the disk's hello line, eth0 up with the address of fv.ip=
    (ping and TCP to QEMU's user network, where 10.0.2.2 is this host),
    and a login shell on hvc0 that is started again when left, without
    powering the guest off."""
    kernel, initrd = images
    vc_path = str(tmp_path / "vc.sock")
    # Both host ends listen before QEMU starts, and QEMU connects to the
    # console's at start-up: nothing the guest writes there is lost.
    with socket.socket(socket.AF_UNIX) as vc_listen, socket.socket() as tcp_listen:
        vc_listen.bind(vc_path)
        vc_listen.listen(1)
        vc_listen.settimeout(BOOT_TIMEOUT)
        tcp_listen.bind(("127.0.0.1", 0))
        tcp_listen.listen(1)
        tcp_listen.settimeout(CMD_TIMEOUT)
        port = tcp_listen.getsockname()[1]
        extra = ["-global", "virtio-mmio.force-legacy=false",
                 "-drive", f"if=none,id=vd0,format=raw,readonly=on,file={disk}",
                 "-device", "virtio-blk-device,drive=vd0",
                 "-netdev", "user,id=n0",
                 "-device", "virtio-net-device,netdev=n0",
                 "-device", "virtio-serial-device,max_ports=1",
                 "-chardev", f"socket,id=vc0,path={vc_path}",
                 "-device", "virtconsole,chardev=vc0"]
        append = "console=ttyS0 earlycon=sbi fv.ip=10.0.2.15/24"
        with Qemu(qemu_cmd(kernel, smp=2, mem="256M", append=append, initrd=initrd,
                           extra=extra), timeout=BOOT_TIMEOUT) as q:
            conn, _ = vc_listen.accept()
            with conn:
                hvc = Hvc(conn, BOOT_TIMEOUT)
                q.expect(READY)
                assert init_line(q, "disk") == "hello from the virtio-blk disk"
                assert init_line(q, "net") == "eth0 10.0.2.15/24"
                assert init_line(q, "console") == "hvc0"
                q.expect(PROMPT)

                rc, out = run(q, "grep ' /mnt ' /proc/mounts; cat /mnt/hello.txt")
                assert rc == 0, out
                assert out.splitlines() == ["/dev/vda /mnt ext2 ro,relatime,errors=continue 0 0",
                                            "hello from the virtio-blk disk"], out
                rc, out = run(q, "ping -c 1 -W 10 10.0.2.2")
                assert rc == 0 and "1 packets received" in out, out
                # TCP: the guest's nc to this host, through eth0
                q.send(f'echo "@@out$((1))@@"; echo hello-over-eth0 | nc 10.0.2.2 {port}; '
                       'echo "@@rc=$((0+$?))@@"\n')
                try:
                    tcp, _ = tcp_listen.accept()
                except socket.timeout:
                    raise AssertionError("no TCP connection from the guest\n--- console ---\n"
                                         f"{q.text()[-3000:]}") from None
                with tcp:
                    tcp.settimeout(CMD_TIMEOUT)
                    got = b""
                    while not got.endswith(b"\n"):
                        data = tcp.recv(100)
                        if not data:
                            break
                        got += data
                assert got == b"hello-over-eth0\n"
                m = q.expect(r"@@rc=(\d+)@@", timeout=CMD_TIMEOUT)
                assert m.group(1) == "0"
                q.expect(PROMPT, timeout=CMD_TIMEOUT)

                # The shell on the virtio console: its own tty, controlling
                hvc.expect(r"ferrovisor-linux: hvc0 ready\r*\n")
                hvc.expect(PROMPT)
                rc, out = run(hvc, "tty; true < /dev/tty")
                assert rc == 0 and out == "/dev/hvc0", out
                rc, first = run(hvc, "echo $$")
                hvc.send("exit\n")
                hvc.expect(PROMPT)
                rc, second = run(hvc, "echo $$")
                assert rc == 0 and second != first, (first, second)
                # ... and the guest runs on
                rc, out = run(q, "echo main-$((3+4))")
                assert rc == 0 and out == "main-7", out
                assert "Power down" not in q.text()
                q.send("poweroff\n")
                q.wait_exit(timeout=CMD_TIMEOUT)
