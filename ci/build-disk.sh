#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the demo Linux guest's disk: a 1 MiB ext2 filesystem holding the
# files of cells/guests/linux/disk/, for a layout to give the Linux cell as
# a virtio-blk device (EMU_VIRTIO_BLK with BLK_IMAGE of
# GUEST_IMAGE(sym, "disk/disk.img")).  The guest's /init mounts it
# read-only at /mnt and prints the first line of hello.txt.
#
#   ci/build-disk.sh OUT.img [SOURCE-DIR]
#
# Debian's e2fsprogs only (mke2fs -d), no root, no loop mount.  The image
# is reproducible: the same files give the same bytes, whoever builds it,
# when, and on which file system.  mke2fs alone would put in the time of
# the build (E2FSPROGS_FAKE_TIME pins that), a random UUID and directory
# hash seed (fixed below), and each copied file's owner, atime and ctime
# (ctime cannot be set by touch): those are set afterwards with debugfs -w.
# The file system's parameters come from a mke2fs.conf of our own, not
# the host's /etc/mke2fs.conf.  SOURCE_DATE_EPOCH, if set, replaces the
# fixed time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

case $# in 1 | 2) ;; *) die "usage: $0 OUT.img [SOURCE-DIR]" ;; esac
out=$1
root=$(dirname "$here")
src=${2:-$root/cells/guests/linux/disk}
[ -d "$src" ] || die "missing $src"
# /usr/sbin is not in every user's PATH
PATH=$PATH:/usr/sbin:/sbin
for tool in mke2fs debugfs; do
	command -v $tool >/dev/null || die "$tool not found (apt-get install e2fsprogs, or make deps)"
done

epoch=${SOURCE_DATE_EPOCH:-1704067200}   # 2024-01-01 00:00:00 UTC
uuid=66657272-6f76-6973-6f72-2d6469736b31     # "ferrovisor-disk1" in ASCII
hash_seed=66657272-6f76-6973-6f72-2d6861736831  # "ferrovisor-hash1"
blocks=1024                                   # of 1 KiB: 1 MiB
export LC_ALL=C TZ=UTC E2FSPROGS_FAKE_TIME=$epoch

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A copy with fixed modes and times: the work tree's depend on the umask
# and the checkout.
cp -R "$src" "$tmp/root"
find "$tmp/root" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
find "$tmp/root" -exec touch -h -d "@$epoch" {} +
[ -z "$(find "$tmp/root" ! -type d ! -type f)" ] ||
	die "$src: only plain files and directories go on the disk"
# (names are quoted for debugfs below)
[ -z "$(find "$tmp/root" -name '*["\\]*')" ] ||
	die "$src: no '\"' or '\\' in file names, please"

# ext2 with only the features Linux's ext2 driver has always had, 256-byte
# inodes (128 would end in 2038), no reserved blocks, no extended
# attributes copied from the host (SELinux labels differ between
# machines).  mke2fs looks up the file system type (ext2) and the usage
# type it picks by size (floppy, under 3 MiB) in its config: both must be
# defined there, and not empty.
cat > "$tmp/mke2fs.conf" <<'CONF'
[defaults]
	base_features = filetype,sparse_super
	default_mntopts = ^acl,^user_xattr
	blocksize = 1024
	inode_ratio = 8192
	reserved_ratio = 0
[fs_types]
	ext2 = {
		inode_size = 256
	}
	floppy = {
		inode_size = 256
	}
CONF
truncate -s $((blocks * 1024)) "$tmp/disk.img"
MKE2FS_CONFIG=$tmp/mke2fs.conf mke2fs -q -F -t ext2 -L fvdisk -U "$uuid" \
	-E "hash_seed=$hash_seed,root_owner=0:0,no_copy_xattrs" \
	-d "$tmp/root" "$tmp/disk.img"

# Owner and all three times of every inode that came from the source
# (and of / and lost+found, which mke2fs made), the same on every host.
{
	( cd "$tmp/root" && find . -mindepth 1 | sort ) | sed 's|^\.||'
	echo /
	echo /lost+found
} | while IFS= read -r p; do
	for f in uid gid; do echo "sif \"$p\" $f 0"; done
	for f in atime ctime mtime; do echo "sif \"$p\" $f @$epoch"; done
done > "$tmp/cmds"
debugfs -w -f "$tmp/cmds" "$tmp/disk.img" > "$tmp/debugfs.log" 2>&1 ||
	{ cat "$tmp/debugfs.log" >&2; die "debugfs failed"; }
# debugfs echoes each command and says what it could not do, still
# exiting 0: anything else in its output is an error.
if grep -vE '^debugfs[ :]' "$tmp/debugfs.log" | grep -q .; then
	cat "$tmp/debugfs.log" >&2; die "debugfs failed"
fi

mkdir -p "$(dirname "$out")"
mv "$tmp/disk.img" "$out.tmp" && mv "$out.tmp" "$out"
echo "disk: $out ($(stat -c %s "$out") bytes, ext2, $(find "$tmp/root" -type f | wc -l) files from $src)"
