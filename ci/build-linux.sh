#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the demo's Linux guest kernel: a flat Image for RISC-V (the
# default) or ARM64.
#
#   ci/build-linux.sh OUT-IMAGE [riscv|arm64]
#
# Source: Debian's linux-source-6.1, unpacked by ci/fetch-sources.sh --linux.
# Config: `make tinyconfig`, then the architecture's fragment merged with
# scripts/kconfig/merge_config.sh, then olddefconfig; every line of the
# fragment must survive into the final .config or the build stops.
#   riscv  cells/guests/linux/kernel.config, riscv64-linux-gnu-gcc
#   arm64  cells/guests/linux/kernel-arm64.config, aarch64-linux-gnu-gcc
# (CROSS_COMPILE overrides the compiler.)
# The build is out of tree in $FV_CACHE/linux-build/<hash>, where <hash>
# covers the fragment, the kernel version, the cross compiler and this
# script (and, for arm64, the architecture's name); a second run with the
# same inputs reuses it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

[ $# -eq 1 ] || [ $# -eq 2 ] || die "usage: $0 OUT-IMAGE [riscv|arm64]"
out=$1
arch=${2:-riscv}
root=$(dirname "$here")
case $arch in
riscv)	fragment=$root/cells/guests/linux/kernel.config
	cross=${CROSS_COMPILE:-riscv64-linux-gnu-}
	pkg=gcc-riscv64-linux-gnu ;;
arm64)	fragment=$root/cells/guests/linux/kernel-arm64.config
	cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
	pkg=gcc-aarch64-linux-gnu ;;
*)	die "unknown architecture '$arch' (riscv or arm64)" ;;
esac
[ -f "$fragment" ] || die "missing $fragment"
command -v "${cross}gcc" >/dev/null || die "${cross}gcc not found (apt-get install $pkg)"

"$here/fetch-sources.sh" --linux
src=$FV_CACHE/linux-source-6.1
kver=$(make -s -C "$src" kernelversion)
debver=$(ls "$FV_CACHE"/debs/linux-source-6.1_*.deb 2>/dev/null | tail -n1 | xargs -r basename)

# For riscv the same list of inputs as before arm64 came (this script is
# one of them, so its edits still rebuild); arm64 adds its name.
hash=$( {
	[ "$arch" = riscv ] || echo "arch $arch"
	echo "kernel $kver ($debver)"
	"${cross}gcc" --version | head -n1
	sha256sum < "$fragment"
	sha256sum < "$0"
} | sha256sum | cut -c1-16)
bdir=$FV_CACHE/linux-build/$hash
image=$bdir/arch/$arch/boot/Image
cache_lock "linux-build-$hash"

copy_out() {
	mkdir -p "$(dirname "$out")"
	cp "$image" "$out.tmp" && mv "$out.tmp" "$out"
	echo "linux: $out ($(stat -c %s "$out") bytes, linux $kver $arch, build $hash)"
}

if [ -f "$bdir/.fv-done" ] && [ -f "$image" ]; then
	echo "linux: reusing cached build $bdir (same fragment, kernel $kver, compiler and script)"
	copy_out
	exit 0
fi

kmake() {
	make -C "$src" O="$bdir" ARCH="$arch" CROSS_COMPILE="$cross" "$@"
}

echo "linux: building $kver ($arch) in $bdir"
rm -rf "$bdir"; mkdir -p "$bdir"
start=$(date +%s)

kmake -s tinyconfig > "$bdir/tinyconfig.log" 2>&1 ||
	{ cat "$bdir/tinyconfig.log" >&2; die "make tinyconfig failed"; }
# -m: merge only; olddefconfig below resolves the result.
( cd "$bdir" && ARCH=$arch CROSS_COMPILE="$cross" \
	"$src/scripts/kconfig/merge_config.sh" -m -O "$bdir" "$bdir/.config" "$fragment" ) \
	> "$bdir/merge_config.log" || { cat "$bdir/merge_config.log" >&2; die "merge_config.sh failed"; }
kmake -s olddefconfig

# Every fragment line must be in the final config, exactly.
missing=0
while IFS= read -r line; do
	case $line in
	CONFIG_*=*)
		grep -qxF -- "$line" "$bdir/.config" || {
			echo "error: '$line' did not survive; final: $(grep -E "^(# )?${line%%=*}[= ]" "$bdir/.config" || echo 'absent')" >&2
			missing=1; } ;;
	"# CONFIG_"*" is not set")
		sym=${line#\# }; sym=${sym%% *}
		if grep -qE "^$sym=" "$bdir/.config"; then
			echo "error: '$line' did not survive; final: $(grep -E "^$sym=" "$bdir/.config")" >&2
			missing=1
		fi ;;
	esac
done < "$fragment"
[ "$missing" = 0 ] || die "kernel config fragment $fragment not applied (see above; check dependencies)"

kmake -j"$(nproc)" Image
end=$(date +%s)
touch "$bdir/.fv-done"
echo "linux: built Image in $((end - start)) s with -j$(nproc)"
copy_out
