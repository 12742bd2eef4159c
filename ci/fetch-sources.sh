#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Fetch the third-party sources Ferrovisor builds from, into the cache.
#
# Debian's mirror serves no source tarballs, but the binary package
# linux-source-6.1 carries the kernel tree as a .tar.xz; it gives us
# libfdt (scripts/dtc/libfdt) and, for the demo, the Linux kernel itself.
#
#   ci/fetch-sources.sh            libfdt only (small, always needed)
#   ci/fetch-sources.sh --linux    also unpack the whole kernel tree
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
cache_lock fetch-sources

pkg=linux-source-6.1
debdir=$FV_CACHE/debs
tarball=$FV_CACHE/$pkg.tar.xz
mkdir -p "$debdir"

fetch_deb() {
	local deb
	deb=$(ls "$debdir"/${pkg}_*.deb 2>/dev/null | tail -n1 || true)
	if [ -z "$deb" ]; then
		echo "fetch: downloading $pkg (about 140 MB, once) into $debdir" >&2
		# apt-get download needs current package lists; refresh them once
		# if the first try fails.
		( cd "$debdir" && retry 3 apt-get download -q "$pkg" >&2 ) ||
		( [ "$(id -u)" = 0 ] && apt-get update -q >&2 &&
		  cd "$debdir" && retry 5 apt-get download -q "$pkg" >&2 ) ||
			die "could not download $pkg from the Debian mirror"
		deb=$(ls "$debdir"/${pkg}_*.deb | tail -n1)
	fi
	echo "$deb"
}

if [ ! -s "$tarball" ]; then
	deb=$(fetch_deb)
	echo "fetch: extracting $pkg.tar.xz from $(basename "$deb")"
	dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/src/$pkg.tar.xz" > "$tarball.tmp"
	mv "$tarball.tmp" "$tarball"
fi

# libfdt: only the sources we compile, not the upstream libfdt_env.h
# (we supply our own, freestanding one in src/fdt/).
libfdt=$FV_CACHE/libfdt
if [ ! -f "$libfdt/.stamp" ]; then
	echo "fetch: extracting libfdt into $libfdt"
	rm -rf "$libfdt" "$libfdt.tmp"; mkdir -p "$libfdt.tmp"
	tar -xJf "$tarball" -C "$libfdt.tmp" --strip-components=4 \
		--wildcards "$pkg/scripts/dtc/libfdt/*"
	rm -f "$libfdt.tmp/libfdt_env.h" "$libfdt.tmp/Makefile"* "$libfdt.tmp/fdt_overlay.c"
	touch "$libfdt.tmp/.stamp"
	mv "$libfdt.tmp" "$libfdt"
fi

if [ "${1:-}" = --linux ]; then
	src=$FV_CACHE/$pkg
	if [ ! -f "$src/.stamp" ]; then
		echo "fetch: unpacking the $pkg tree into $src (about 1.5 GB, once)"
		rm -rf "$src" "$src.tmp"; mkdir -p "$src.tmp"
		tar -xJf "$tarball" -C "$src.tmp" --strip-components=1
		touch "$src.tmp/.stamp"
		mv "$src.tmp" "$src"
	fi
fi
