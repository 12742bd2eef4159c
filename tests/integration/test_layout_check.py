# SPDX-License-Identifier: GPL-2.0-only
"""The build-time layout checker against every layout in tests/layouts.

Each bad layout names the errors it must produce in its leading
`/* expect: <regex> */` lines: the checker must exit 1, every expected
regex must match an error line and every error line must match one of
them (so a layout tests one mistake, not several).  `/* expect: OK */`
layouts must pass.  Warnings (risks a layout accepts, DEV_DMA_UNCONFINED)
are held to leading `/* warn: <regex> */` lines the same way; a layout
without them must print none.  The checkers are built by src/host/host.mk (with ASan
and UBSan) in one make run, in a build directory of their own configured
with the default board, against the device tree QEMU dumps for it.
"""
import glob
import os
import re
import subprocess

import pytest

import fvqemu

LAYOUTS = sorted(glob.glob(os.path.join(fvqemu.ROOT, "tests", "layouts", "*.c")))
O = os.path.join(fvqemu.BUILD, "layoutcheck-test")
DEFCONFIG = "qemu-riscv64-virt_defconfig"


def rel(path):
    return os.path.relpath(path, fvqemu.ROOT)


def checker(layout):
    return os.path.join(O, "host", "check", rel(layout)[:-2])


def leading(layout):
    """(kind, regex) of the `/* expect|warn: ... */` lines at the top of the file."""
    found = []
    with open(layout) as f:
        for line in f:
            m = re.match(r"/\* (expect|warn): (.*) \*/$", line.rstrip("\n"))
            if not m:
                break
            found.append(m.groups())
    return found


def expectations(layout):
    """The regexes of the `/* expect: ... */` lines at the top of the file."""
    return [e for kind, e in leading(layout) if kind == "expect"]


def warnings(layout):
    """The regexes of the `/* warn: ... */` lines at the top of the file."""
    return [e for kind, e in leading(layout) if kind == "warn"]


def match_all(name, kind, lines, exps):
    """Every line (after `kind: `) matches a regex, every regex a line."""
    for line in lines:
        assert line.startswith(f"{kind}: {name}: "), line
        assert any(re.search(e, line[len(kind) + 2:]) for e in exps), \
            f"unexpected {kind}: {line}"
    for e in exps:
        assert any(re.search(e, line[len(kind) + 2:]) for line in lines), \
            f"{name}: no {kind} matches {e!r}; got:\n" + "\n".join(lines)


def make(*args):
    cmd = ["make", "-C", fvqemu.ROOT, f"O={O}"] + list(args)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert r.returncode == 0, f"{' '.join(cmd)} failed:\n{r.stdout[-6000:]}"


@pytest.fixture(scope="module")
def built():
    """Every checker and the board's DTB; the image file the layouts embed."""
    if not fvqemu.have_qemu():
        pytest.fail("qemu-system-riscv64 missing: run 'make deps'")
    if not os.path.exists(os.path.join(O, ".config")):
        make("-s", DEFCONFIG)
    img = os.path.join(O, "guests", "test", "img.bin")
    if not os.path.exists(img):
        os.makedirs(os.path.dirname(img), exist_ok=True)
        with open(img, "wb") as f:
            f.write(bytes(range(256)) * 256)        # 64 KiB
    make("-s", f"-j{os.cpu_count() or 4}", "HOST_SANITIZE=1",
         os.path.join(O, "platform.dtb"), *[checker(l) for l in LAYOUTS])
    return os.path.join(O, "platform.dtb")


def run(binary, *args):
    return subprocess.run([binary] + list(args), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=30)


def test_every_layout_has_expectations():
    assert len(LAYOUTS) > 40
    for layout in LAYOUTS:
        assert expectations(layout), f"{rel(layout)}: no /* expect: ... */ first line"


@pytest.mark.parametrize("layout", LAYOUTS, ids=[os.path.basename(l)[:-2] for l in LAYOUTS])
def test_layout(built, layout):
    name = rel(layout)
    r = run(checker(layout), built, name)
    exps = expectations(layout)
    lines = r.stderr.splitlines()
    warned = [line for line in lines if line.startswith("warning: ")]
    errors = [line for line in lines if not line.startswith("warning: ")]
    match_all(name, "warning", warned, warnings(layout))
    if exps == ["OK"]:
        assert r.returncode == 0, f"{name} rejected:\n{r.stderr}"
        assert errors == [], r.stderr
        assert re.match(rf"{re.escape(name)}: layout OK on ", r.stdout)
        return
    assert r.returncode == 1, f"{name}: exit {r.returncode}\n{r.stdout}{r.stderr}"
    assert r.stdout == ""
    assert errors, f"{name}: no error printed"
    match_all(name, "error", errors, exps)


def test_memory_map(built):
    good = os.path.join(fvqemu.ROOT, "tests", "layouts", "good.c")
    r = run(checker(good), "-m", built, rel(good))
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert re.search(r"0x80000000-0x801fffff +2 MiB +- +- +the firmware", out)
    assert re.search(r"0x80200000-0x821fffff +32 MiB +- +- +the hypervisor", out)
    assert re.search(r"0x84000000-0x84ffffff +16 MiB +0x80000000 rwx +rtos0 mem\[0\]", out)
    assert re.search(r"0xbff00000-0xbfffffff +1 MiB +0xc0000000 rw-s +linux mem\[1\]", out)
    assert re.search(r"0x00101000-0x00101fff +4 KiB +0x00101000 dev +linux devs\[0\] irq 11", out)
    assert re.search(r"0x20000000-0x20001fff +8 KiB +0x20000000 dev +linux devs\[1\]$", out, re.M)
    assert re.search(r"0x82200000-0x83ffffff +30 MiB .* \(free\)", out)
    assert re.search(r"linux +vplic gpa 0xc000000-0xfffffff, uart16550 gpa 0x10000000 irq 10", out)


def test_bad_arguments(built, tmp_path):
    good = os.path.join(fvqemu.ROOT, "tests", "layouts", "good.c")
    r = run(checker(good))
    assert r.returncode == 2 and "usage: layoutcheck" in r.stderr
    r = run(checker(good), str(tmp_path / "missing.dtb"), "x.c")
    assert r.returncode == 1 and "error: cannot read the board's device tree" in r.stderr
    junk = tmp_path / "junk.dtb"
    junk.write_bytes(b"not a device tree" * 10)
    r = run(checker(good), str(junk), "x.c")
    assert r.returncode == 1 and "is not a usable device tree" in r.stderr


def test_reserved_overflow(built, tmp_path):
    """A board with more reserved ranges than the checker's table fails the
    check, each range that did not fit named; it is not silently ignored."""
    dts = subprocess.run(["dtc", "-q", "-I", "dtb", "-O", "dts", built],
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    rsv = "".join(f"/memreserve/ {0xbf000000 + i * 0x1000:#x} 0x1000;\n" for i in range(8))
    dts = dts.replace("/dts-v1/;\n", "/dts-v1/;\n" + rsv, 1)
    dtb = tmp_path / "rsv.dtb"
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", str(dtb), "-"],
                   input=dts, text=True, check=True)
    good = os.path.join(fvqemu.ROOT, "tests", "layouts", "good.c")
    r = run(checker(good), str(dtb), rel(good))
    assert r.returncode == 1 and r.stdout == "", r.stdout + r.stderr
    lost = [f"error: {rel(good)}: reserved memory /memreserve/ ({0xbf000000 + i * 0x1000:#x}-"
            f"{0xbf000fff + i * 0x1000:#x}) does not fit the checker's table of 8 reserved "
            "ranges (LAYOUT_MAX_RESERVED): no cell can be checked against it" for i in (6, 7)]
    assert r.stderr.splitlines() == lost, r.stderr


def test_dma_unconfined_map(built):
    """A layout that accepts unconfined DMA still warns with -m (as make
    runs it) and maps the window like any other device."""
    layout = os.path.join(fvqemu.ROOT, "tests", "layouts", "dev_dma_unconfined.c")
    r = run(checker(layout), "-m", built, rel(layout))
    assert r.returncode == 0, r.stderr
    assert re.match(rf"warning: {re.escape(rel(layout))}: cell \"linux\": devs\[0\] .*"
                    r"DMA-capable with no IOMMU, the cell can read and write all of memory",
                    r.stderr)
    assert re.search(r"0x10001000-0x10002fff +8 KiB +0x10001000 dev +linux devs\[0\] irq 1,2",
                     r.stdout)
