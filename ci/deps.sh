#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Install everything Ferrovisor needs from Debian's packages.
#
# Idempotent: packages already present are not touched, so a second run
# costs a few dpkg queries.  On bookworm, QEMU 10 and OpenSBI 1.5.1 come
# from bookworm-backports (QEMU 7.2 hangs SMP Linux under -icount and
# OpenSBI 1.1 has no debug console); if backports cannot be had we fall
# back to the stock packages and say so.
#
# Large downloads (linux-source-6.1, riscv64 busybox) are cached under
# FV_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/ferrovisor), never in
# the work tree.  See ci/fetch-sources.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

# Packages from the plain suite.
base_pkgs=(
	gcc-riscv64-unknown-elf      # freestanding cross compiler for the hypervisor and our guests
	gcc-riscv64-linux-gnu        # cross compiler for the demo's Linux kernel
	binutils-riscv64-linux-gnu
	gcc-aarch64-linux-gnu        # the ARM64 board: hypervisor and our guests
	binutils-aarch64-linux-gnu
	device-tree-compiler         # dtc, to inspect generated device trees
	python3-kconfiglib           # make menuconfig / defconfig
	python3-pytest python3-pexpect   # integration tests
	cpio xz-utils zstd           # initramfs, package extraction
	e2fsprogs                    # mke2fs -d, debugfs: the demo's ext2 disk (ci/build-disk.sh)
	flex bison bc libelf-dev libssl-dev  # Linux kernel build (flex, bison: perf too)
	libc6-dev-riscv64-cross      # static riscv64 glibc: ci/build-perf.sh links perf for a cell
	make gcc libc6-dev           # host tools and unit tests
	stress-ng                    # make test-under-load: the suite beside busy cores
	clang libclang-rt-14-dev     # libFuzzer harnesses (make fuzz), replayed by make test
	cppcheck clang-tidy          # make lint
	gdb-multiarch                # make gdb: the debugger for a cell (tests/integration/test_gdb.py)
)
# Packages preferably from bookworm-backports.
bpo_pkgs=(qemu-system-riscv opensbi qemu-system-arm)
stock_fallback=(qemu-system-misc opensbi qemu-system-arm)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing() {
	local p out=()
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' || out+=("$p")
	done
	echo "${out[@]:-}"
}

codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")

# The mirror our own apt uses, read from the system's sources so that no
# host is hard-coded here.
stock_mirror() {
	local m
	m=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1)
	[ -n "$m" ] || m=$(grep -hsE '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -n1)
	echo "$m"
}

add_backports() {
	local list=/etc/apt/sources.list.d/ferrovisor-backports.sources m
	[ "$codename" = bookworm ] || return 1
	[ -f "$list" ] && return 0
	if grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then return 0; fi
	m=$(stock_mirror)
	[ -n "$m" ] || return 1
	echo "deps: adding bookworm-backports from $m"
	as_root tee "$list" >/dev/null <<SRC
Types: deb
URIs: $m
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
	APT_UPDATED=
}

APT_UPDATED=
apt_update() {
	[ -n "$APT_UPDATED" ] && return 0
	retry 5 as_root apt-get update -q -o Acquire::Retries=3 || return 1
	APT_UPDATED=1
}

apt_install() {
	retry 5 as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends -o Acquire::Retries=3 "$@"
}

need=$(missing "${base_pkgs[@]}")
need_bpo=$(missing "${bpo_pkgs[@]}")
if [ -z "$need" ] && [ -z "$need_bpo" ]; then
	echo "deps: all packages present"
else
	if [ -n "$need_bpo" ]; then add_backports || true; fi
	apt_update
	if [ -n "$need" ]; then
		echo "deps: installing $need"
		# shellcheck disable=SC2086
		apt_install $need
	fi
	if [ -n "$need_bpo" ]; then
		if [ "$codename" = bookworm ] && apt_install -t bookworm-backports "${bpo_pkgs[@]}"; then
			:
		elif apt_install "${bpo_pkgs[@]}" 2>/dev/null; then
			:   # newer Debian: qemu-system-riscv is a plain package
		else
			echo "deps: WARNING: bookworm-backports unavailable; falling back to" \
				"QEMU 7.2 and OpenSBI 1.1 (no SBI debug console, SMP Linux under -icount may hang)" >&2
			apt_install "${stock_fallback[@]}"
		fi
	fi
fi

command -v qemu-system-riscv64 >/dev/null || die "qemu-system-riscv64 not found after install"
command -v riscv64-unknown-elf-gcc >/dev/null || die "riscv64-unknown-elf-gcc not found after install"
command -v qemu-system-aarch64 >/dev/null || die "qemu-system-aarch64 not found after install"
command -v aarch64-linux-gnu-gcc >/dev/null || die "aarch64-linux-gnu-gcc not found after install"
/usr/bin/python3 -c 'import kconfiglib' || die "python3-kconfiglib not importable by /usr/bin/python3"

# Sources we build from (libfdt, later the demo kernel): cached download.
"$here/fetch-sources.sh"
