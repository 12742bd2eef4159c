#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the demo Linux guest's initramfs: a gzip'ed newc cpio with Debian's
# static busybox for the guest's architecture and cells/guests/linux/init
# as /init, and our doorbell tool, cells/guests/linux/fv-doorbell.c with
# its arch part cells/guests/linux/arch/<arch>/fv-doorbell-arch.h, as
# /bin/fv-doorbell (compiled here, static and without a C library, with
# the kernel's cross compiler, riscv64- or aarch64-linux-gnu-gcc).
#
#   ci/build-initramfs.sh OUT.cpio.gz [riscv|arm64] [MODULES-DIR]
#
# MODULES-DIR (the AIA demo's, from ci/fetch-debian-kernel.sh OUT-IMAGE
# MODULES-DIR): kernel modules for the one kernel the initramfs is for,
# plain <name>.ko files and "load" (their names in loading order), put in
# /lib/modules/ as they are; /init loads them.
#
# busybox-static:riscv64 is packaged only in trixie and sid. We download
# (never install) it with apt through a private configuration in
# $FV_CACHE/apt-riscv64/<suite> (fetch_riscv64_deb in lib.sh), so the
# system's apt state is untouched.  busybox-static:arm64 comes from
# bookworm (FV_DEBIAN_ARM64_SUITE) the same way (debian_apt), into
# $FV_CACHE/debian-arm64/busybox where ci/fetch-debian-kernel-arm64.sh
# keeps it too.  The cpio is made by the kernel tree's usr/gen_init_cpio
# (built here with the host compiler), so no root and no fakeroot are
# needed. The output is cached by a hash of the busybox .deb, the init
# script, the tool's source and its arch part, the cross compiler and this
# script (and, for arm64, the architecture's name), and with MODULES-DIR,
# of "load" and of each module it names.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
cache_lock initramfs

[ $# -ge 1 ] && [ $# -le 3 ] || die "usage: $0 OUT.cpio.gz [riscv|arm64] [MODULES-DIR]"
out=$1
arch=${2:-riscv}
mods=${3:-}
if [ -n "$mods" ]; then
	[ -f "$mods/load" ] || die "$mods has no load list"
	while read -r m; do
		[ -f "$mods/$m.ko" ] || die "$mods/load names $m, but there is no $mods/$m.ko"
	done < "$mods/load"
fi
root=$(dirname "$here")
init=$root/cells/guests/linux/init
tool=$root/cells/guests/linux/fv-doorbell.c
toolarch=$root/cells/guests/linux/arch/$arch
[ -f "$init" ] || die "missing $init"

case $arch in
riscv)
	cross=${CROSS_COMPILE:-riscv64-linux-gnu-}
	[ -f "$tool" ] || die "missing $tool"
	command -v "${cross}gcc" >/dev/null || die "${cross}gcc not found (apt-get install gcc-riscv64-linux-gnu)"
	suites=${FV_BUSYBOX_SUITES:-sid trixie}
	# Downloaded once into $FV_CACHE/debs (see fetch_riscv64_deb in lib.sh).
	deb=$(fetch_riscv64_deb busybox-static "$FV_CACHE/debs" "$suites")
	# e_machine 0xf3
	machine=f300 machine_name=RISC-V ;;
arm64)
	bbdir=$FV_CACHE/debian-arm64/busybox
	deb=$(ls "$bbdir"/busybox-static_*_arm64.deb 2>/dev/null | tail -n1 || true)
	if [ -z "$deb" ]; then
		suite=${FV_DEBIAN_ARM64_SUITE:-bookworm}
		mkdir -p "$bbdir"
		retry 3 debian_apt arm64 "$suite" apt-get --error-on=any update >&2 ||
			die "could not fetch the $suite arm64 index"
		( cd "$bbdir" && retry 3 debian_apt arm64 "$suite" apt-get download busybox-static:arm64 >&2 ) ||
			die "could not download busybox-static:arm64 from $suite"
		deb=$(ls "$bbdir"/busybox-static_*_arm64.deb | tail -n1)
	fi
	# e_machine 0xb7
	machine=b700 machine_name=AArch64
	# arm64 block (fv-doorbell): its compiler, like riscv's above
	cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
	[ -f "$tool" ] || die "missing $tool"
	command -v "${cross}gcc" >/dev/null || die "${cross}gcc not found (apt-get install gcc-aarch64-linux-gnu)"
	;;
*)	die "unknown architecture '$arch' (riscv or arm64)" ;;
esac
echo "initramfs: busybox from $(basename "$deb")"

# The inputs: busybox, /init, the tool (shared and arch part) with its
# compiler, this script, the architecture's name for arm64, and the
# modules when there are some.
hash=$( {
	sha256sum < "$deb"
	sha256sum < "$init"
	sha256sum < "$tool"
	"${cross}gcc" --version | head -n1
	[ "$arch" = riscv ] || echo "arch $arch"
	cat "$toolarch"/* | sha256sum	# the tool's arch part
	sha256sum < "$0"
	if [ -n "$mods" ]; then
		sha256sum < "$mods/load"
		while read -r m; do sha256sum < "$mods/$m.ko"; done < "$mods/load"
	fi
} | sha256sum | cut -c1-16)
cdir=$FV_CACHE/initramfs/$hash
cached=$cdir/initramfs.cpio.gz

copy_out() {
	mkdir -p "$(dirname "$out")"
	cp "$cached" "$out.tmp" && mv "$out.tmp" "$out"
	echo "initramfs: $out ($(stat -c %s "$out") bytes, build $hash)"
}

if [ -f "$cached" ]; then
	echo "initramfs: reusing cached $cached"
	copy_out
	exit 0
fi

# gen_init_cpio from the kernel tree, built once with the host compiler.
# Without an unpacked tree, take just that one file from the tarball.
gen=$FV_CACHE/tools/gen_init_cpio
if [ ! -x "$gen" ]; then
	gensrc=$FV_CACHE/linux-source-6.1/usr/gen_init_cpio.c
	mkdir -p "$(dirname "$gen")"
	if [ ! -f "$gensrc" ]; then
		"$here/fetch-sources.sh"
		gensrc=$FV_CACHE/tools/gen_init_cpio.c
		tar -xJOf "$FV_CACHE/linux-source-6.1.tar.xz" \
			linux-source-6.1/usr/gen_init_cpio.c > "$gensrc"
	fi
	${HOSTCC:-gcc} -O2 -o "$gen.tmp" "$gensrc"
	mv "$gen.tmp" "$gen"
fi

rm -rf "$cdir.tmp"; mkdir -p "$cdir.tmp/x"
dpkg-deb -x "$deb" "$cdir.tmp/x"
bb=$cdir.tmp/x/usr/bin/busybox; [ -f "$bb" ] || bb=$cdir.tmp/x/bin/busybox
[ -f "$bb" ] || die "no bin/busybox in $deb"
# e_ident: ELF, 64-bit; e_machine (offset 18, LE)
if [ "$(od -An -tx1 -j0 -N5 "$bb" | tr -d ' \n')" != 7f454c4602 ] ||
   [ "$(od -An -tx1 -j18 -N2 "$bb" | tr -d ' \n')" != "$machine" ]; then
	die "$bb is not a 64-bit $machine_name ELF"
fi

# gen_init_cpio takes a file's mtime from the file: pin both to the epoch
# (like -t 0 does for the other entries), so the same inputs give the
# same bytes.
cp "$init" "$cdir.tmp/init"
touch -d @0 "$bb" "$cdir.tmp/init"
doorbell=
if [ -n "${cross:-}" ]; then
	# No C library: -nostdlib, its own _start and system calls.  No build
	# id and no debug info, so the same source gives the same bytes.
	"${cross}gcc" -Os -Wall -Wextra -Werror -ffreestanding -fno-stack-protector \
		-fno-pie -no-pie -nostdlib -static -s -Wl,--no-relax -Wl,--build-id=none \
		-I"$toolarch" -o "$cdir.tmp/fv-doorbell" "$tool"
	touch -d @0 "$cdir.tmp/fv-doorbell"
	doorbell="file /bin/fv-doorbell $cdir.tmp/fv-doorbell 0755 0 0"
fi
# The modules, pinned to the epoch like the rest.
modlist=
if [ -n "$mods" ]; then
	mkdir -p "$cdir.tmp/mods"
	modlist="dir /lib 0755 0 0
dir /lib/modules 0755 0 0
file /lib/modules/load $cdir.tmp/mods/load 0644 0 0"
	cp "$mods/load" "$cdir.tmp/mods/load"
	while read -r m; do
		cp "$mods/$m.ko" "$cdir.tmp/mods/$m.ko"
		modlist="$modlist
file /lib/modules/$m.ko $cdir.tmp/mods/$m.ko 0644 0 0"
	done < "$mods/load"
	touch -d @0 "$cdir.tmp/mods"/*
fi

# The applet links other than /bin/sh are made by /init itself
# (busybox --install -s), so we never need to run the guest's binary here.
cat > "$cdir.tmp/list" <<LIST
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /proc 0755 0 0
dir /sys 0755 0 0
dir /tmp 1777 0 0
dir /root 0700 0 0
dir /etc 0755 0 0
dir /bin 0755 0 0
dir /sbin 0755 0 0
dir /usr 0755 0 0
dir /usr/bin 0755 0 0
dir /usr/sbin 0755 0 0
file /bin/busybox $bb 0755 0 0
slink /bin/sh busybox 0777 0 0
$doorbell
$modlist
file /init $cdir.tmp/init 0755 0 0
LIST
# -t 0: fixed timestamps; gzip -n: no name or time in the header
"$gen" -t 0 "$cdir.tmp/list" | gzip -9 -n > "$cdir.tmp/initramfs.cpio.gz"
rm -rf "$cdir.tmp/x" "$cdir.tmp/init" "$cdir.tmp/fv-doorbell" "$cdir.tmp/mods"
rm -rf "$cdir"; mv "$cdir.tmp" "$cdir"
copy_out
