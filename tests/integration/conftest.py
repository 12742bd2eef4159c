# SPDX-License-Identifier: GPL-2.0-only
"""Shared fixtures: images are built with make into $O (default build/)."""
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))
import fvqemu  # noqa: E402


def build(target=None, o=None, defconfig=None):
    """Build with make; return the build directory.  `defconfig` configures
    a separate O dir first (O defaults to $O/<defconfig name>)."""
    o = o or fvqemu.BUILD
    cmd = ["make", "-s", "-C", fvqemu.ROOT, f"O={o}"]
    if defconfig:
        subprocess.run(cmd + [defconfig], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(cmd + ([target] if target else []), check=True,
                   stdout=subprocess.DEVNULL)
    return o


@pytest.fixture(scope="session")
def hv_elf():
    """The default image, built from the current configuration."""
    if not fvqemu.have_qemu():
        pytest.fail("qemu-system-riscv64 or OpenSBI missing: run 'make deps'")
    return os.path.join(build(), "ferrovisor.elf")
