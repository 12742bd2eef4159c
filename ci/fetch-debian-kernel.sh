#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Fetch Debian's own riscv64 kernel, unmodified, to boot in a cell: proof
# that nothing in the hypervisor depends on our kernel config.
#
#   ci/fetch-debian-kernel.sh OUT-IMAGE
#
# Resolves the metapackage linux-image-riscv64 to the kernel of the day in
# sid (falling back to trixie): linux-image-<release> and, where the image
# is split out of it (sid), linux-binary-<release>, the package holding the
# kernel (/usr/lib/modules/<release>/vmlinuz in sid, /boot/vmlinux-<release>
# in trixie), a flat RISC-V Image.  The .deb is downloaded with the private
# apt configuration of lib.sh (the system's apt state is untouched) into
# $FV_CACHE/debian-kernel/<release>/, once per release, and the Image
# extracted there.  OUT-IMAGE is replaced only if it differs, so
# make relinks only when the kernel changed.  Prints the release (what
# `uname -r` says) on stdout.
#
# Without the mirror, the newest kernel already in the cache is used (with
# a warning); with none cached, the script fails.  FV_DEBIAN_KERNEL_SUITES
# overrides the suites tried ("sid trixie").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
cache_lock debian-kernel

[ $# -eq 1 ] || die "usage: $0 OUT-IMAGE"
out=$1
suites=${FV_DEBIAN_KERNEL_SUITES:-sid trixie}
meta=linux-image-riscv64
kdir=$FV_CACHE/debian-kernel

msg() { echo "debian-kernel: $*" >&2; }

# depends SUITE PACKAGE: the packages PACKAGE depends on, one a line (of
# alternatives, each; versions stripped).
depends() {
	riscv64_apt "$1" apt-cache show --no-all-versions "$2" |
		sed -n 's/^Depends: //p' | head -n1 | tr ',|' '\n\n' |
		sed 's/(.*)//; s/:any//; s/[[:space:]]//g' | grep .
}

# resolve SUITE: "<release> <the package holding the kernel>".
resolve() {
	local suite=$1 deps img rel
	deps=$(depends "$suite" "$meta") || return 1
	img=$(grep -E -m1 '^linux-image-[0-9].*-riscv64$' <<< "$deps") ||
		{ msg "$suite: $meta depends on no linux-image-<release>-riscv64"; return 1; }
	rel=${img#linux-image-}
	deps=$(depends "$suite" "$img") || return 1
	if grep -qxF "linux-binary-$rel" <<< "$deps"; then
		echo "$rel linux-binary-$rel"
	else
		echo "$rel $img"
	fi
}

# An Image has "RSC\x05" at offset 0x38 (arch/riscv/include/asm/image.h).
is_image() { [ "$(od -An -tx1 -j56 -N4 "$1" | tr -d ' \n')" = 52534305 ]; }

rel='' pkg='' suite='' file=''
for suite in $suites; do
	if riscv64_apt_update "$suite" && r=$(resolve "$suite"); then
		read -r rel pkg <<< "$r"
		break
	fi
	msg "could not resolve $meta in $suite"
done

if [ -z "$rel" ]; then
	rel=$(ls -v "$kdir"/*/Image 2>/dev/null | tail -n1 | xargs -r dirname | xargs -r basename) || true
	[ -n "$rel" ] || die "could not fetch Debian's riscv64 kernel ($meta) from any of: $suites" \
		"(is the Debian mirror reachable?) and none is cached in $kdir"
	msg "warning: the mirror did not answer; using the cached $rel"
fi

cdir=$kdir/$rel
image=$cdir/Image
if [ -f "$image" ]; then
	msg "$rel: reusing $image"
else
	deb=$(ls "$cdir/${pkg:-linux-}"*_riscv64.deb 2>/dev/null | tail -n1 || true)
	if [ -z "$deb" ]; then
		[ -n "$pkg" ] || die "no Image nor .deb in $cdir"
		msg "$rel: downloading $pkg ($suite)"
		deb=$(riscv64_apt_download "$suite" "$pkg" "$cdir") ||
			die "could not download $pkg:riscv64 from $suite (is the Debian mirror reachable?)"
	fi
	# sid has it in /usr/lib/modules/<release>/vmlinuz, trixie in
	# /boot/vmlinux-<release>; either is the flat Image (with an EFI stub
	# header, which a direct boot ignores).
	list=$(dpkg-deb --fsys-tarfile "$deb" | tar -t)
	file=$(grep -xF -e "./usr/lib/modules/$rel/vmlinuz" -e "./usr/lib/modules/$rel/vmlinux" \
		-e "./boot/vmlinux-$rel" -e "./boot/vmlinuz-$rel" <<< "$list" | head -n1) ||
		die "$deb has no /usr/lib/modules/$rel/vmlinuz nor /boot/vmlinux-$rel"
	dpkg-deb --fsys-tarfile "$deb" | tar -xO "$file" > "$image.tmp"
	is_image "$image.tmp" || die "${file#.} of $deb is not a RISC-V Image"
	mv "$image.tmp" "$image"
	msg "$rel: $image ($(stat -c %s "$image") bytes, ${file#.} of $(basename "$deb"))"
fi

# Same kernel: keep OUT-IMAGE (and make's view of it), only not older than
# this script, so that make's rule for it is satisfied.
mkdir -p "$(dirname "$out")"
if ! cmp -s "$image" "$out"; then
	cp "$image" "$out.tmp" && mv "$out.tmp" "$out"
	msg "$out updated"
elif [ "$0" -nt "$out" ]; then
	touch -r "$0" "$out"
fi
echo "$rel"
