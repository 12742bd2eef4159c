# SPDX-License-Identifier: GPL-2.0-only
"""ARM64 cells: two cells of the test guest (cells/guests/hello-arm64)
print through their emulated UARTs (PL011, and ns16550 in the fault
test) and call the virtual PSCI; a load
outside its memory stops one cell alone; PSCI SYSTEM_OFF stops the
calling cell, and the machine powers off when every cell has; PSCI CPU_ON
starts a vCPU of the cell and refuses one outside it.

The console multiplexer writes the focused cell (the first) through as it
comes, so one of its lines may arrive in pieces: lines() joins a cell's
pieces and cuts them again at the guest's prefix."""
import re

import pytest

import arm64qemu
from fvqemu import Qemu

PREFIX = "hello-arm64: "
HELLO = 'hello-arm64: EL1 mpidr 0x80000000 dtb 0x40fff000 bootargs "{}" console {}'


@pytest.fixture(scope="module")
def images():
    def custom(layout):
        return arm64qemu.build(f'CONFIG_LAYOUT_A64_CUSTOM=y\nCONFIG_LAYOUT_FILE="{layout}"',
                               name="arm64-" + layout.rsplit("/", 1)[1][:-2])
    return {
        "hello": arm64qemu.build("CONFIG_LAYOUT_A64_HELLO=y", name="arm64-hello"),
        "fault": custom("tests/layouts/run/arm64-fault.c"),
        "off": custom("tests/layouts/run/arm64-off.c"),
        "smp": custom("tests/layouts/run/arm64-smp.c"),
        "busy": custom("tests/layouts/run/arm64-smp-busy.c"),
        "timer": custom("tests/layouts/run/arm64-timer.c"),
        "suspend": custom("tests/layouts/run/arm64-suspend.c"),
    }


def lines(text, cell):
    """What cell `cell` printed, as (console offset, line) pairs; the last
    may be incomplete."""
    joined, starts = "", []
    for m in re.finditer(rf"^\[{re.escape(cell)}\] ([^\r\n]*)\r*$", text, re.M):
        starts.append((len(joined), m.start()))
        joined += m.group(1)
    cuts = [m.start() for m in re.finditer(re.escape(PREFIX), joined)]
    out = []
    for i, c in enumerate(cuts):
        pos = max(p for j, p in starts if j <= c)
        out.append((pos, joined[c:cuts[i + 1] if i + 1 < len(cuts) else None]))
    return out


def alive(text, cell):
    """The numbers of the whole "alive <n>" lines of `cell` (a line is
    whole once the cell's next line has begun)."""
    got = lines(text, cell)[:-1]
    return [(pos, int(m[1])) for pos, l in got if (m := re.fullmatch(r"hello-arm64: alive (\d+)", l))]


def test_two_cells_print_and_call_psci(images):
    with Qemu(arm64qemu.qemu_cmd(images["hello"]), timeout=120) as q:
        q.expect(r"cell hello0: starting on hart 1, entry 0x40000000, device tree at 0x40fff000\r*\n")
        q.expect(r"cell hello1: starting on hart 2, entry 0x40000000, device tree at 0x40fff000\r*\n")
        text = q.wait_for(lambda t: all(len(alive(t, c)) >= 2 for c in ("hello0", "hello1")),
                          90, "two whole alive lines from each cell")
    for cell in ("hello0", "hello1"):
        got = [l for _, l in lines(text, cell)]
        assert got[0] == HELLO.format("", "pl011"), got
        assert got[1] == "hello-arm64: psci version 1.0", got
        assert [n for _, n in alive(text, cell)][:2] == [1, 2]
    assert "console: housekeeping on hart 0, which no cell owns\n" in text


def test_load_outside_the_cell_stops_that_cell_alone(images):
    with Qemu(arm64qemu.qemu_cmd(images["fault"]), timeout=120) as q:
        m = q.expect(r"cell bad: vhart 0: load outside the cell at 0x48000000, "
                     r"pc (0x[0-9a-f]+)\r*\n")
        pc = int(m.group(1), 16)
        q.expect(r"cell bad: stopped by its fault policy\r*\n")
        after = q.pos()
        text = q.wait_for(lambda t: any(p > after for p, _ in alive(t, "good")), 90,
                          'a whole "alive" line of cell good after bad stopped')
    assert 0x40000000 <= pc < 0x41000000            # in the guest's image
    bad = [l for _, l in lines(text, "bad")]
    assert bad[:3] == [HELLO.format("fault=0x48000000", "ns16550"), "hello-arm64: psci version 1.0",
                       "hello-arm64: loading from 0x48000000"], bad
    assert not any("not stopped" in l for l in bad)
    assert lines(text, "good")[0][1] == HELLO.format("", "pl011")
    # nothing happened to it: its only hypervisor line is its start
    assert re.findall(r"^cell good: .*$", text, re.M) == [
        "cell good: starting on hart 2, entry 0x40000000, device tree at 0x40fff000"]


def test_psci_system_off_stops_the_calling_cell(images):
    with Qemu(arm64qemu.qemu_cmd(images["off"]), timeout=120) as q:
        text = q.wait_exit(timeout=90)               # the last cell off: power off
    for cell in ("off0", "off1"):
        got = [l for _, l in lines(text, cell)]
        assert got[:3] == [HELLO.format("off", "pl011"), "hello-arm64: psci version 1.0",
                           "hello-arm64: system off"], got
        assert not any("returned" in l for l in got)
        assert re.search(rf"^cell {cell}: stopped \(shutdown by its guest\)$", text, re.M), text
    assert text.rstrip().endswith("all cells stopped: powering off"), text


def test_psci_cpu_on_within_the_cell(images):
    """CPU_ON of an MPIDR the cell does not have: INVALID_PARAMETERS (-2);
    with an entry point outside its memory: INVALID_ADDRESS (-9); then
    vCPU 1 starts with its context id, calls CPU_OFF, and AFFINITY_INFO
    reports it off (1)."""
    with Qemu(arm64qemu.qemu_cmd(images["smp"]), timeout=120) as q:
        text = q.wait_exit(timeout=90)               # SYSTEM_OFF, the only cell
    got = [l for _, l in lines(text, "smp")]
    assert got == [HELLO.format("smp", "pl011"), "hello-arm64: psci version 1.0",
                   "hello-arm64: cpu 1 up, context 0x1234",
                   "hello-arm64: cpu_on mpidr 7: -2",
                   "hello-arm64: cpu_on entry 0x48000000: -9",
                   "hello-arm64: cpu_on mpidr 1: 0",
                   "hello-arm64: affinity_info mpidr 1: 1 (off)",
                   "hello-arm64: system off"], got
    assert "cell smp: starting on harts 1 2, entry 0x40000000" in text
    assert re.search(r"^cell smp: stopped \(shutdown by its guest\)$", text, re.M), text


def test_cell_stop_takes_a_spinning_vcpu_out(images):
    """SYSTEM_OFF from vCPU 0 while vCPU 1 spins in the guest: the stop
    reaches vCPU 1 through a kick (SGI) that takes it out of its guest,
    and with the cell stopped the machine powers off."""
    with Qemu(arm64qemu.qemu_cmd(images["busy"]), timeout=120) as q:
        text = q.wait_exit(timeout=90)
    got = [l for _, l in lines(text, "busy")]
    assert got[2:] == ["hello-arm64: cpu_on mpidr 1: 0, it spins", "hello-arm64: system off"], got
    assert re.search(r"^cell busy: stopped \(shutdown by its guest\)$", text, re.M), text
    assert text.rstrip().endswith("all cells stopped: powering off"), text


def test_boot_refuses_a_machine_the_layout_does_not_fit(images):
    """The layout checked again at boot against QEMU's tree: with 2 CPUs,
    cell hello1's CPU 2 is missing; no cell starts, the machine powers off."""
    with Qemu(arm64qemu.qemu_cmd(images["hello"], smp=2), timeout=120) as q:
        q.expect(r"layout: cell \"hello1\": harts\[0\]: hart 2 is not on the board "
                 r"\(its harts: 0-1\)")
        q.expect(r"Ferrovisor: the layout cannot run on this machine; powering off\.")
        text = q.wait_exit(timeout=60)
    assert "starting on hart" not in text


def custom_v2(mode):
    """The image of tests/layouts/run/arm64-<mode>.c for the GICv2 board."""
    return arm64qemu.build('CONFIG_LAYOUT_A64_CUSTOM=y\n'
                           f'CONFIG_LAYOUT_FILE="tests/layouts/run/arm64-{mode}.c"',
                           name=f"arm64-gicv2-{mode}", gic=2)


@pytest.fixture(scope="module")
def timer_v2():
    return custom_v2("timer")


@pytest.mark.parametrize("gic", [3, 2], ids=["gicv3", "gicv2"])
def test_virtual_timer_through_the_virtual_gic(images, gic, request):
    """The guest enables PPI 27 in its virtual redistributor (GICv2: its
    banked distributor registers) and takes 10 interrupts of its virtual
    timer through the GIC's virtual CPU interface (injected with the HW
    bit), nothing else, no earlier than the timer says."""
    image = images["timer"] if gic == 3 else request.getfixturevalue("timer_v2")
    with Qemu(arm64qemu.qemu_cmd(image, gic=gic), timeout=120) as q:
        text = q.wait_exit(timeout=90)
    got = [l for _, l in lines(text, "timer")]
    assert got[2:] == ["hello-arm64: timer: 10 interrupts of intid 27, 0 others, "
                       "at least 10 periods apart", "hello-arm64: system off"], got


@pytest.fixture(scope="module")
def suspend_v2():
    return custom_v2("suspend")


@pytest.mark.parametrize("gic", [3, 2], ids=["gicv3", "gicv2"])
def test_psci_cpu_suspend(images, gic, request):
    """CPU_SUSPEND: a standby returns once the guest's virtual timer is due
    (its interrupt pending, though masked; a vPSCI that only returned
    would need far more than 100 calls for 10 ms), a reserved bit and a
    powerdown entry point outside the cell are refused, and a powerdown
    resumes at its entry point with the context id and the MMU off."""
    image = images["suspend"] if gic == 3 else request.getfixturevalue("suspend_v2")
    with Qemu(arm64qemu.qemu_cmd(image, gic=gic), timeout=120) as q:
        text = q.wait_exit(timeout=90)
    got = [l for _, l in lines(text, "suspend")]
    standby = [re.fullmatch(r"hello-arm64: suspend standby: 0, (\d+) calls, after its "
                            r"deadline: yes, pending intid 27", l) for l in got]
    standby = [m for m in standby if m]
    assert len(standby) == 1 and int(standby[0][1]) < 100, got
    assert got[-4:] == [
        "hello-arm64: suspend reserved bit: -2",
        "hello-arm64: suspend powerdown entry 0x48000000: -9",
        "hello-arm64: suspend powerdown: resumed, context 0x5e5, mmu off",
        "hello-arm64: system off"], got


def test_console_input_reaches_the_monitor(images):
    """Typed input: the console UART's interrupt routed to the housekeeping
    CPU; Ctrl-] m prints the monitor's overview of both cells, and its
    "stop hello1" reaches hello1's CPU (a kick into the running guest):
    hello1 stops, hello0 goes on."""
    with Qemu(arm64qemu.qemu_cmd(images["hello"]), timeout=120) as q:
        q.expect(r"console: housekeeping on hart 0, which no cell owns\r*\n")
        q.wait_for(lambda t: all(len(alive(t, c)) >= 1 for c in ("hello0", "hello1")),
                   90, "an alive line from each cell")
        start = len(q.text())
        q.send("\x1dm")
        text = q.wait_for(lambda t: "[fv] monitor> " in t[start:], 60, "the monitor prompt")
        q.send("stop hello1\r")
        q.expect(r"cell hello1: stopped \(asked from the monitor\)\r*\n")
        stopped = q.pos()
        text = q.wait_for(lambda t: any(p > stopped for p, _ in alive(t, "hello0")), 90,
                          "hello0 alive after hello1 stopped")
    overview = text[start:]
    assert re.search(r"^\[fv\] 1 +hello0 +running ", overview, re.M), overview
    assert re.search(r"^\[fv\] 2 +hello1 +running ", overview, re.M), overview
    # hello1 prints nothing once stopped (a line may have been under way)
    assert all(p < stopped + 200 for p, _ in lines(text, "hello1")), text[stopped:]
