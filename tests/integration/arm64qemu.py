# SPDX-License-Identifier: GPL-2.0-only
"""The ARM64 board for integration tests: its QEMU command line and its
images, built in their own O directories under $O (fvqemu.py is the
RISC-V board's)."""
import os
import shutil
import subprocess

import pytest

import fvqemu

QEMU = os.environ.get("FV_QEMU_AARCH64", "qemu-system-aarch64")
DEFCONFIG = "qemu-aarch64-virt_defconfig"
# The GICv2 variant's (arch/arm64/irqc/gicv2): boot it with gic=2.
DEFCONFIG_GICV2 = "qemu-aarch64-virt-gicv2_defconfig"


def qemu_cmd(image, smp=4, mem="1G", cpu="cortex-a57", gic=3, virt=True, extra=()):
    """QEMU's direct kernel boot of `image` (ferrovisor.bin, which has the
    arm64 Image header): at EL2 with virt, else at EL1."""
    machine = f"virt,virtualization={'on' if virt else 'off'},gic-version={gic}"
    return [QEMU, "-M", machine, "-cpu", cpu, "-smp", str(smp), "-m", mem,
            "-nographic", "-nic", "none", "-kernel", image] + list(extra)


def build(config="", name="arm64", gic=3):
    """Build the ARM64 board's image in $O/t-<name> from its defconfig (the
    GICv2 variant's with gic=2) plus the Kconfig lines `config`; return
    the path of ferrovisor.bin."""
    if shutil.which(QEMU) is None:
        pytest.fail(f"{QEMU} missing: run 'make deps'")
    o = os.path.join(fvqemu.BUILD, f"t-{name}")
    os.makedirs(o, exist_ok=True)
    defconfig = DEFCONFIG_GICV2 if gic == 2 else DEFCONFIG
    with open(os.path.join(fvqemu.ROOT, "configs", defconfig)) as f:
        frag = f.read() + "\n" + config + "\n"
    path = os.path.join(o, "arm64_defconfig")
    with open(path, "w") as f:
        f.write(frag)
    env = dict(os.environ, KCONFIG_CONFIG=os.path.join(o, ".config"), srctree=fvqemu.ROOT)
    subprocess.run(["/usr/bin/python3", os.path.join(fvqemu.ROOT, "ci", "kconfig.py"),
                    "defconfig", path], check=True, env=env, cwd=fvqemu.ROOT,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["make", "-s", "-C", fvqemu.ROOT, f"O={o}"], check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(o, "ferrovisor.bin")
