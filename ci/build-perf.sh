#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build Linux's own `perf` for a riscv64 cell: static, stripped, with the
# fewest features, so that one file in an initramfs (no libraries, no
# /usr) is enough for `perf stat` in a Linux cell
# (tests/integration/test_perf_stat.py, layout tests/layouts/run/debian-perf.c).
#
#   ci/build-perf.sh OUT-PERF
#
# Why this perf: bookworm has no riscv64 perf, and a packaged one (trixie,
# sid) is linked dynamically with its distribution's libraries, which the
# cell's busybox initramfs does not have.  The kernel tree we already unpack
# for the demo kernel (Debian's linux-source-6.1, ci/fetch-sources.sh
# --linux) carries tools/perf; cross-compiled against the riscv64 static
# glibc (libc6-dev-riscv64-cross) with every optional library off, it is
# a 2.6 MB static binary (stripped).  The perf_event_open ABI is stable, so a 6.1
# perf counts under a newer kernel too.
#
# The build runs out of tree in $FV_CACHE/perf/<hash>/build (the shared
# source tree is not written to) and only the stripped binary is kept, in
# $FV_CACHE/perf/<hash>/perf, where <hash> covers the kernel version, the
# cross compiler, the static glibc's version and this script; a second run
# with the same inputs copies it.  Needs flex and bison (ci/deps.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

[ $# -eq 1 ] || die "usage: $0 OUT-PERF"
out=$1
cross=${CROSS_COMPILE:-riscv64-linux-gnu-}
command -v "${cross}gcc" >/dev/null || die "${cross}gcc not found (apt-get install gcc-riscv64-linux-gnu)"
libc_a=$("${cross}gcc" -print-file-name=libc.a)
[ -f "$libc_a" ] || die "no static glibc for ${cross%-} (${cross}gcc finds no libc.a): apt-get install libc6-dev-riscv64-cross (make deps)"
for t in flex bison; do
	command -v "$t" >/dev/null || die "$t not found: perf's parsers need it (apt-get install $t, or make deps)"
done
glibc=$(dpkg-query -W -f='${Version}' libc6-dev-riscv64-cross 2>/dev/null || echo unknown)

"$here/fetch-sources.sh" --linux
src=$FV_CACHE/linux-source-6.1
[ -f "$src/tools/perf/Makefile.perf" ] || die "no tools/perf in $src"
kver=$(make -s -C "$src" kernelversion)
debver=$(ls "$FV_CACHE"/debs/linux-source-6.1_*.deb 2>/dev/null | tail -n1 | xargs -r basename)

hash=$( {
	echo "perf $kver ($debver)"
	"${cross}gcc" --version | head -n1
	echo "glibc $glibc"
	sha256sum < "$0"
} | sha256sum | cut -c1-16)
cdir=$FV_CACHE/perf/$hash
cached=$cdir/perf
cache_lock "perf-$hash"

copy_out() {
	mkdir -p "$(dirname "$out")"
	# replaced only if it differs, so make relinks only when perf changed
	if ! cmp -s "$cached" "$out"; then
		cp "$cached" "$out.tmp" && mv "$out.tmp" "$out"
	fi
	echo "perf: $out ($(stat -c %s "$out") bytes, perf $kver, build $hash)"
}

if [ -f "$cached" ]; then
	echo "perf: reusing cached $cached"
	copy_out
	exit 0
fi

bdir=$cdir/build
rm -rf "$bdir"; mkdir -p "$bdir"
echo "perf: building perf $kver for riscv64 (static) in $bdir"
start=$(date +%s)
# The target is the perf binary alone: `all` also links the dlfilter
# shared objects, which -static cannot (ld crashes on them).  NO_*: every
# library perf could use is absent for riscv64 or not needed by perf stat.
if ! make -C "$src/tools/perf" O="$bdir" ARCH=riscv CROSS_COMPILE="$cross" \
	LDFLAGS=-static WERROR=0 \
	NO_LIBELF=1 NO_LIBPYTHON=1 NO_LIBPERL=1 NO_SLANG=1 NO_GTK2=1 \
	NO_LIBUNWIND=1 NO_LIBDW_DWARF_UNWIND=1 NO_LIBNUMA=1 NO_LIBCAP=1 \
	NO_ZLIB=1 NO_LZMA=1 NO_LIBZSTD=1 NO_LIBBPF=1 NO_JEVENTS=1 \
	NO_LIBCRYPTO=1 NO_DEMANGLE=1 NO_LIBBABELTRACE=1 NO_AUXTRACE=1 \
	NO_LIBAUDIT=1 NO_SDT=1 NO_JVMTI=1 NO_LIBPFM4=1 \
	-j"${FV_JOBS:-$(nproc)}" "$bdir/perf" > "$cdir/build.log" 2>&1; then
	tail -n 40 "$cdir/build.log" >&2
	die "building perf failed (log: $cdir/build.log)"
fi
# no program interpreter: static, as an initramfs without libraries needs
! "${cross}readelf" -l "$bdir/perf" | grep -q INTERP ||
	die "perf was linked dynamically (see $cdir/build.log)"
"${cross}strip" -o "$cached.tmp" "$bdir/perf"
mv "$cached.tmp" "$cached"
rm -rf "$bdir"
end=$(date +%s)
echo "perf: built in $((end - start)) s with -j${FV_JOBS:-$(nproc)}"
copy_out
