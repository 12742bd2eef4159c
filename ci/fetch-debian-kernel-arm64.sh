#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Debian's own arm64 kernel, unmodified, with a busybox initramfs, to boot
# in an ARM64 cell: proof that the virtual GIC, PSCI and the emulated
# devices serve a kernel we did not configure.
#
#   ci/fetch-debian-kernel-arm64.sh OUTDIR
#
# Resolves linux-image-arm64 in bookworm (FV_DEBIAN_ARM64_SUITE) to its
# linux-image-<release>, downloads that and busybox-static:arm64 with the
# private apt configuration of lib.sh (debian_apt: the system's apt state
# is untouched) into $FV_CACHE/debian-arm64/, once, and makes there
#   Image              /boot/vmlinuz-<release>: an arm64 Image (with its
#                      EFI stub header); gunzipped if the package has it
#                      compressed
#   initramfs.cpio.gz  the demo Linux's for arm64 (ci/build-initramfs.sh):
#                      busybox as /bin/busybox and /bin/sh, and /init
#                      (cells/guests/linux/init), which makes the other
#                      applet links itself
# OUTDIR's copies are replaced only if they differ, so make relinks only
# when something changed.  Prints the release on stdout.  Without the
# mirror, what the cache has is used; with nothing cached, it fails.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
cache_lock debian-arm64

[ $# -eq 1 ] || die "usage: $0 OUTDIR"
out=$1
suite=${FV_DEBIAN_ARM64_SUITE:-bookworm}
kdir=$FV_CACHE/debian-arm64

msg() { echo "debian-arm64: $*" >&2; }

# The release linux-image-arm64 depends on, from the fresh index.
resolve() {
	retry 3 debian_apt arm64 "$suite" apt-get --error-on=any update >&2 || return 1
	debian_apt arm64 "$suite" apt-cache show --no-all-versions linux-image-arm64 |
		sed -n 's/^Depends: //p' | head -n1 | tr ',|' '\n\n' |
		sed -n 's/^[[:space:]]*linux-image-\([0-9][^ ]*-arm64\).*/\1/p' | head -n1
}

# download PACKAGE DIR: PACKAGE:arm64's .deb into DIR (kept if there).
download() {
	local pkg=$1 dir=$2
	ls "$dir/${pkg}"_*_arm64.deb >/dev/null 2>&1 && return 0
	mkdir -p "$dir"
	( cd "$dir" && retry 3 debian_apt arm64 "$suite" apt-get download "$pkg:arm64" >&2 )
}

# An arm64 Image has "ARM\x64" at offset 0x38.
is_image() { [ "$(od -An -tx1 -j56 -N4 "$1" | tr -d ' \n')" = 41524d64 ]; }

make_image() {
	local rel=$1 d=$kdir/$1 x
	[ -f "$d/Image" ] && return 0
	download "linux-image-$rel" "$d"
	x=$d/x; rm -rf "$x"; mkdir -p "$x"
	dpkg-deb -x "$(ls "$d/linux-image-$rel"_*_arm64.deb | tail -n1)" "$x"
	if gzip -t "$x/boot/vmlinuz-$rel" 2>/dev/null; then
		gzip -dc "$x/boot/vmlinuz-$rel" > "$d/Image.tmp"
	else
		cp "$x/boot/vmlinuz-$rel" "$d/Image.tmp"
	fi
	is_image "$d/Image.tmp" || die "vmlinuz-$rel is no arm64 Image"
	mv "$d/Image.tmp" "$d/Image"
	rm -rf "$x"
}

# The demo's initramfs for arm64 (busybox-static:arm64 and the demo's
# /init), made and cached by ci/build-initramfs.sh; its lines to stderr,
# stdout is the release's.
make_initramfs() {
	"$here/build-initramfs.sh" "$kdir/initramfs.cpio.gz" arm64 >&2
}

copy_if_changed() {
	mkdir -p "$out"
	cmp -s "$1" "$out/$2" || cp "$1" "$out/$2"
}

if ! rel=$(resolve) || [ -z "$rel" ]; then
	rel=$(ls -1 "$kdir" 2>/dev/null | grep -- '-arm64$' | sort -V | tail -n1 || true)
	[ -n "$rel" ] || die "no mirror, and no kernel in $kdir"
	msg "no mirror: using $rel from the cache"
fi
make_image "$rel"
make_initramfs
copy_if_changed "$kdir/$rel/Image" Image
copy_if_changed "$kdir/initramfs.cpio.gz" initramfs.cpio.gz
echo "$rel"
