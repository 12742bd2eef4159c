#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Kconfig front end for the Makefile, on Debian's python3-kconfiglib.

  kconfig.py defconfig FILE       write $KCONFIG_CONFIG from a defconfig
  kconfig.py olddefconfig         update $KCONFIG_CONFIG, new options default
  kconfig.py savedefconfig OUT    write the minimal config that gives .config
  kconfig.py menuconfig           the interactive editor
  kconfig.py genconfig HDR MK     write the C header and the make fragment

KCONFIG_CONFIG (the .config path) comes from the environment, as with
Linux's kconfig; srctree is the directory holding the top Kconfig.
"""
import os
import sys

try:
    import kconfiglib
except ImportError:
    sys.exit("error: python3-kconfiglib is missing; run 'make deps'")


def load(need_config=True):
    kconf = kconfiglib.Kconfig(os.path.join(os.environ.get("srctree", "."), "Kconfig"),
                               warn_to_stderr=True, suppress_traceback=True)
    cfg = os.environ["KCONFIG_CONFIG"]
    if need_config:
        if not os.path.exists(cfg):
            sys.exit(f"error: {cfg} does not exist; run 'make <board>_defconfig' first "
                     "(see 'make help')")
        print(kconf.load_config(cfg))
    return kconf, cfg


def write_config(kconf, cfg):
    os.makedirs(os.path.dirname(os.path.abspath(cfg)), exist_ok=True)
    print(kconf.write_config(cfg))


def genconfig(kconf, header, makefrag):
    for path in (header, makefrag):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    kconf.write_autoconf(header)
    # A make fragment: CONFIG_FOO=value lines, strings keep their quotes.
    with open(makefrag + ".tmp", "w") as f:
        f.write("# Generated from the .config by ci/kconfig.py; do not edit.\n")
        for sym in kconf.unique_defined_syms:
            f.write(sym.config_string)
    os.replace(makefrag + ".tmp", makefrag)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    cmd = argv[1]
    if cmd == "defconfig":
        kconf, cfg = load(need_config=False)
        print(kconf.load_config(argv[2]))
        write_config(kconf, cfg)
    elif cmd == "olddefconfig":
        kconf, cfg = load()
        write_config(kconf, cfg)
    elif cmd == "savedefconfig":
        kconf, _ = load()
        print(kconf.write_min_config(argv[2]))
    elif cmd == "menuconfig":
        import menuconfig
        kconf, cfg = load(need_config=False)
        os.environ.setdefault("MENUCONFIG_STYLE", "aquatic")
        if os.path.exists(cfg):
            kconf.load_config(cfg)
        # menuconfig() saves to KCONFIG_CONFIG itself
        menuconfig.menuconfig(kconf)
    elif cmd == "genconfig":
        # like Linux's syncconfig: new options take their defaults and
        # .config is brought up to date with the Kconfig files
        kconf, cfg = load()
        write_config(kconf, cfg)
        genconfig(kconf, argv[2], argv[3])
    else:
        sys.exit(f"error: unknown command {cmd!r}\n{__doc__}")


if __name__ == "__main__":
    main(sys.argv)
