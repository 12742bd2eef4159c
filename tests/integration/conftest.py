# SPDX-License-Identifier: GPL-2.0-only
"""Shared fixtures: images are built with make into $O (default build/)."""
import hashlib
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


_layout_elfs = {}


def _layout_dir(layout_file, config=""):
    """$O/t-<name>, and t-<name>-<hash of config> when Kconfig lines are
    added, so two configurations of one layout never share a build."""
    name = os.path.splitext(os.path.basename(layout_file))[0]
    if config:
        name += "-" + hashlib.sha256(config.encode()).hexdigest()[:8]
    return os.path.join(fvqemu.BUILD, f"t-{name}")


def _configure_layout(layout_file, o, config=""):
    """Write O/.config: the board's defconfig with the custom layout and
    the Kconfig lines `config`.  The .config is rewritten (and so the image
    rebuilt) only if it changed."""
    os.makedirs(o, exist_ok=True)
    with open(os.path.join(fvqemu.ROOT, "configs", "qemu-riscv64-virt_defconfig")) as f:
        frag = f.read()
    frag += f'\nCONFIG_LAYOUT_CUSTOM=y\nCONFIG_LAYOUT_FILE="{layout_file}"\n'
    frag += config + "\n"
    path = os.path.join(o, "layout_defconfig")
    with open(path, "w") as f:
        f.write(frag)
    env = dict(os.environ, KCONFIG_CONFIG=os.path.join(o, ".config"), srctree=fvqemu.ROOT)
    subprocess.run(["/usr/bin/python3", os.path.join(fvqemu.ROOT, "ci", "kconfig.py"),
                    "defconfig", path], check=True, env=env, cwd=fvqemu.ROOT,
                   stdout=subprocess.DEVNULL)


def build_layouts(layout_files, config=""):
    """Build an image for each layout file (a path relative to the top of
    the tree), each in its own O dir $O/t-<name>, all at once; return
    {layout_file: ferrovisor.elf}.  Built once per session.  `config`:
    Kconfig lines added to the board's defconfig for all of them, e.g.
    'CONFIG_HV_MEM_SIZE=0x4000000'."""
    todo = [f for f in dict.fromkeys(layout_files) if (f, config) not in _layout_elfs]
    cache = os.environ.get("FV_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "ferrovisor")
    if todo and not os.path.exists(os.path.join(cache, "libfdt", ".stamp")):
        # fetch once here, not in every parallel make
        subprocess.run([os.path.join(fvqemu.ROOT, "ci", "fetch-sources.sh")], check=True)
    procs = []
    for f in todo:
        o = _layout_dir(f, config)
        _configure_layout(f, o, config)
        procs.append((f, o, subprocess.Popen(
            ["make", "-s", "-C", fvqemu.ROOT, f"O={o}"], stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True)))
    failed = []
    for f, o, p in procs:
        _, err = p.communicate()
        if p.returncode:
            failed.append(f"{f} (O={o}):\n{err[-3000:]}")
        else:
            _layout_elfs[(f, config)] = os.path.join(o, "ferrovisor.elf")
    if failed:
        pytest.fail("building layouts failed: " + "\n".join(failed))
    return {f: _layout_elfs[(f, config)] for f in layout_files}


def build_layout(layout_file, config=""):
    """The image of one layout file, built in $O/t-<name> (see build_layouts)."""
    return build_layouts([layout_file], config)[layout_file]


@pytest.fixture(scope="session")
def hv_elf():
    """The default image, built from the current configuration."""
    if not fvqemu.have_qemu():
        pytest.fail("qemu-system-riscv64 or OpenSBI missing: run 'make deps'")
    return os.path.join(build(), "ferrovisor.elf")
