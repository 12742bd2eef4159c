#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the demo's Linux guest kernel (a flat RISC-V Image).
#
#   ci/build-linux.sh OUT-IMAGE
#
# Source: Debian's linux-source-6.1, unpacked by ci/fetch-sources.sh --linux.
# Config: `make tinyconfig`, then cells/guests/linux/kernel.config merged
# with scripts/kconfig/merge_config.sh, then olddefconfig; every line of
# the fragment must survive into the final .config or the build stops.
# The build is out of tree in $FV_CACHE/linux-build/<hash>, where <hash>
# covers the fragment, the kernel version, the cross compiler and this
# script; a second run with the same inputs reuses it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

[ $# -eq 1 ] || die "usage: $0 OUT-IMAGE"
out=$1
root=$(dirname "$here")
fragment=$root/cells/guests/linux/kernel.config
cross=${CROSS_COMPILE:-riscv64-linux-gnu-}
[ -f "$fragment" ] || die "missing $fragment"
command -v "${cross}gcc" >/dev/null || die "${cross}gcc not found (apt-get install gcc-riscv64-linux-gnu)"

"$here/fetch-sources.sh" --linux
src=$FV_CACHE/linux-source-6.1
kver=$(make -s -C "$src" kernelversion)
debver=$(ls "$FV_CACHE"/debs/linux-source-6.1_*.deb 2>/dev/null | tail -n1 | xargs -r basename)

hash=$( {
	echo "kernel $kver ($debver)"
	"${cross}gcc" --version | head -n1
	sha256sum < "$fragment"
	sha256sum < "$0"
} | sha256sum | cut -c1-16)
bdir=$FV_CACHE/linux-build/$hash
image=$bdir/arch/riscv/boot/Image
cache_lock "linux-build-$hash"

copy_out() {
	mkdir -p "$(dirname "$out")"
	cp "$image" "$out.tmp" && mv "$out.tmp" "$out"
	echo "linux: $out ($(stat -c %s "$out") bytes, linux $kver, build $hash)"
}

if [ -f "$bdir/.fv-done" ] && [ -f "$image" ]; then
	echo "linux: reusing cached build $bdir (same fragment, kernel $kver, compiler and script)"
	copy_out
	exit 0
fi

kmake() {
	make -C "$src" O="$bdir" ARCH=riscv CROSS_COMPILE="$cross" "$@"
}

echo "linux: building $kver in $bdir"
rm -rf "$bdir"; mkdir -p "$bdir"
start=$(date +%s)

kmake -s tinyconfig > "$bdir/tinyconfig.log" 2>&1 ||
	{ cat "$bdir/tinyconfig.log" >&2; die "make tinyconfig failed"; }
# -m: merge only; olddefconfig below resolves the result.
( cd "$bdir" && ARCH=riscv CROSS_COMPILE="$cross" \
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
