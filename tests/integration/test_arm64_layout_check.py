# SPDX-License-Identifier: GPL-2.0-only
"""The build-time layout checker on the ARM64 board, against QEMU's
aarch64 virt tree: every layout in tests/layouts/arm64 with its leading
`/* expect: <regex> */` lines, as test_layout_check.py does for the RISC-V
board (whose helpers this uses)."""
import glob
import os

import pytest

import fvqemu
from test_layout_check import expectations, match_all, rel, run

LAYOUTS = sorted(glob.glob(os.path.join(fvqemu.ROOT, "tests", "layouts", "arm64", "*.c")))
O = os.path.join(fvqemu.BUILD, "layoutcheck-arm64")


def checker(layout):
    return os.path.join(O, "host", "check", rel(layout)[:-2])


def make(*args):
    import subprocess
    cmd = ["make", "-C", fvqemu.ROOT, f"O={O}"] + list(args)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert r.returncode == 0, f"{' '.join(cmd)} failed:\n{r.stdout[-6000:]}"


@pytest.fixture(scope="module")
def built():
    if not os.path.exists(os.path.join(O, ".config")):
        make("-s", "qemu-aarch64-virt_defconfig")
    img = os.path.join(O, "guests", "test", "img.bin")
    if not os.path.exists(img):
        os.makedirs(os.path.dirname(img), exist_ok=True)
        with open(img, "wb") as f:
            f.write(bytes(range(256)) * 256)        # 64 KiB
    make("-s", f"-j{os.cpu_count() or 4}", "HOST_SANITIZE=1",
         os.path.join(O, "platform.dtb"), *[checker(l) for l in LAYOUTS])
    return os.path.join(O, "platform.dtb")


def test_there_are_layouts():
    assert len(LAYOUTS) >= 7
    for layout in LAYOUTS:
        assert expectations(layout), f"{rel(layout)}: no /* expect: ... */ first line"


@pytest.mark.parametrize("layout", LAYOUTS, ids=[os.path.basename(l)[:-2] for l in LAYOUTS])
def test_layout(built, layout):
    name = rel(layout)
    r = run(checker(layout), built, name)
    exps = expectations(layout)
    errors = [l for l in r.stderr.splitlines() if not l.startswith("warning: ")]
    if exps == ["OK"]:
        assert r.returncode == 0, f"{name} rejected:\n{r.stderr}"
        assert errors == [], r.stderr
        assert r.stdout.startswith(f"{name}: layout OK on linux,dummy-virt")
        return
    assert r.returncode == 1, f"{name}: exit {r.returncode}\n{r.stdout}{r.stderr}"
    assert errors, f"{name}: no error printed"
    match_all(name, "error", errors, exps)
