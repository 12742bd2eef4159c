#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Fetch Debian's own riscv64 kernel, unmodified, to boot in a cell: proof
# that nothing in the hypervisor depends on our kernel config.
#
#   ci/fetch-debian-kernel.sh OUT-IMAGE [OUT-MODULES-DIR]
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
#
# With OUT-MODULES-DIR, also the modules of $modules below (Debian builds
# virtio-mmio, virtio-blk, virtio-net and ext4, which mounts the demo's
# ext2 disk, as modules) and every module they depend on, for the
# initramfs of the AIA demo (ci/build-initramfs.sh's MODULES-DIR): from
# linux-modules-<release> (sid) or linux-image-<release> (trixie), in the
# cache too.  The package has no modules.dep (its postinst makes it with
# depmod, which we do not have), so the dependencies come from where
# depmod's modules.dep gets them for these modules: each module's
# "depends=" in .modinfo.  The modules are decompressed here (.ko.xz,
# .ko.zst, .ko.gz: busybox's insmod hands the kernel the bytes of the
# file, and only finit_module decompresses), so the directory gets plain
# <name>.ko files and "load", their names one a line, each after the
# modules it needs.  A module the kernel does not have (built in, or not
# built: virtio_console is built in, uio_pdrv_genirq not built at all in
# 7.2) is left out with a message.  Files are replaced only when they
# differ; "load" is touched every time (make's target).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
cache_lock debian-kernel

[ $# -eq 1 ] || [ $# -eq 2 ] || die "usage: $0 OUT-IMAGE [OUT-MODULES-DIR]"
out=$1
outmod=${2:-}
# The AIA demo's Linux modules, by module name; the last ones register
# the devices, so the drivers before them bind as they appear.
modules="ext4 virtio_blk virtio_net uio_pdrv_genirq virtio_mmio"
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

# resolve SUITE: "<release> <the package holding the kernel> <the package
# holding its modules>".
resolve() {
	local suite=$1 deps img rel bin modpkg
	deps=$(depends "$suite" "$meta") || return 1
	img=$(grep -E -m1 '^linux-image-[0-9].*-riscv64$' <<< "$deps") ||
		{ msg "$suite: $meta depends on no linux-image-<release>-riscv64"; return 1; }
	rel=${img#linux-image-}
	deps=$(depends "$suite" "$img") || return 1
	bin=$img modpkg=$img
	grep -qxF "linux-binary-$rel" <<< "$deps" && bin=linux-binary-$rel
	grep -qxF "linux-modules-$rel" <<< "$deps" && modpkg=linux-modules-$rel
	echo "$rel $bin $modpkg"
}

# An Image has "RSC\x05" at offset 0x38 (arch/riscv/include/asm/image.h).
is_image() { [ "$(od -An -tx1 -j56 -N4 "$1" | tr -d ' \n')" = 52534305 ]; }

rel='' pkg='' modpkg='' suite='' file=''
for suite in $suites; do
	if riscv64_apt_update "$suite" && r=$(resolve "$suite"); then
		read -r rel pkg modpkg <<< "$r"
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

# ------------------------------------------------------------------ modules
# modinfo_deps FILE.ko: the modules FILE needs, one a line (its .modinfo
# strings are NUL-terminated; "depends=a,b").
modinfo_deps() {
	tr '\0' '\n' < "$1" | sed -n 's/^depends=//p' | head -n1 | tr ',' '\n' | grep . || true
}

# unpack_module FILE DEST: the module FILE, however compressed, as plain DEST.
unpack_module() {
	case $1 in
	*.ko.xz)  xz -dc "$1" ;;
	*.ko.zst) zstd -qdc "$1" ;;
	*.ko.gz)  gzip -dc "$1" ;;
	*)        cat "$1" ;;
	esac > "$2"
}

# visit NAME required|wanted: NAME and (first) what it needs into $tmp and
# the list `order`, once each.
declare -A where=() seen=()
order=()
visit() {
	local n=${1//-/_} d
	[ -z "${seen[$n]:-}" ] || return 0
	seen[$n]=1
	if [ -z "${where[$n]:-}" ]; then
		[ "$2" = wanted ] || die "$rel: a module needs $n, which is not in the package"
		msg "$rel: no module $n (built in, or not built): left out"
		return 0
	fi
	unpack_module "${where[$n]}" "$tmp/$n.ko"
	for d in $(modinfo_deps "$tmp/$n.ko"); do visit "$d" required; done
	order+=("$n")
}

# fetch_modules: print the cache directory holding $modules (and what they
# need) for $rel, made from the modules package on first use.  Keyed by
# the list, so another list makes another directory.
fetch_modules() {
	local mdir deb kd f n m
	mdir=$cdir/modules-$(echo "$modules" | sha256sum | cut -c1-16)
	if [ -f "$mdir/load" ]; then echo "$mdir"; return; fi
	deb=$(ls "$cdir/${modpkg:-linux-modules-$rel}"_*_riscv64.deb 2>/dev/null | tail -n1 || true)
	[ -n "$deb" ] || [ -z "$modpkg" ] ||
		deb=$(riscv64_apt_download "$suite" "$modpkg" "$cdir") ||
		die "could not download $modpkg:riscv64 from $suite (is the Debian mirror reachable?)"
	[ -n "$deb" ] || deb=$(ls "$cdir/linux-image-$rel"_*_riscv64.deb 2>/dev/null | tail -n1 || true)
	[ -n "$deb" ] || die "no modules package of $rel in $cdir, and the mirror did not answer"
	msg "$rel: modules $modules from $(basename "$deb")"
	tmp=$mdir.tmp
	rm -rf "$tmp"; mkdir -p "$tmp/x"
	dpkg-deb -x "$deb" "$tmp/x"
	kd=$tmp/x/usr/lib/modules/$rel
	[ -d "$kd" ] || kd=$tmp/x/lib/modules/$rel
	[ -d "$kd" ] || die "$deb has no /usr/lib/modules/$rel nor /lib/modules/$rel"
	while IFS= read -r f; do
		n=${f##*/}; n=${n%%.ko*}; where[${n//-/_}]=$f
	done < <(find "$kd" -name '*.ko*')
	for m in $modules; do visit "$m" wanted; done
	rm -rf "$tmp/x"
	printf '%s\n' "${order[@]}" > "$tmp/load"
	rm -rf "$mdir"; mv "$tmp" "$mdir"
	echo "$mdir"
}

# sync_modules SRC DEST: DEST to hold what SRC holds; files that are the
# same are left alone, DEST/load is touched.
sync_modules() {
	local f
	mkdir -p "$2"
	for f in "$2"/*; do
		[ -e "$f" ] && [ ! -e "$1/${f##*/}" ] && rm -f "$f"
	done
	for f in "$1"/*; do
		cmp -s "$f" "$2/${f##*/}" || cp "$f" "$2/${f##*/}"
	done
	touch "$2/load"
}

if [ -n "$outmod" ]; then
	mdir=$(fetch_modules)
	sync_modules "$mdir" "$outmod"
	msg "$rel: $outmod: $(tr '\n' ' ' < "$outmod/load")"
fi
echo "$rel"
