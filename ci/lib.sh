# SPDX-License-Identifier: GPL-2.0-only
# Shell helpers shared by the scripts in ci/.

die() { echo "error: $*" >&2; exit 1; }

# Hold an exclusive lock on $FV_CACHE/locks/NAME.lock until the calling
# script exits: two builds (two clones, or a test run beside `make run`)
# share the cache and must not fill the same directory at once.  The
# second one waits, then finds the first one's result.
cache_lock() {
	mkdir -p "$FV_CACHE/locks"
	exec 9>"$FV_CACHE/locks/$1.lock"
	if ! flock -n 9; then
		echo "$1: another build holds $FV_CACHE/locks/$1.lock; waiting for it"
		flock 9
	fi
}

# retry N CMD...: run CMD up to N times; the Debian mirror sometimes
# answers "Mirror sync in progress" or a short read, which a later try fixes.
retry() {
	local n=$1 i=1; shift
	until "$@"; do
		[ "$i" -ge "$n" ] && return 1
		echo "retry: '$*' failed (try $i/$n), waiting $((i * 10))s" >&2
		sleep $((i * 10)); i=$((i + 1))
	done
}

FV_CACHE=${FV_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ferrovisor}
export FV_CACHE

# ---------------------------------------------------------------- riscv64 .debs
# Packages for riscv64 (in Debian only from trixie on) are downloaded, never
# installed, with apt through a private configuration per suite in
# $FV_CACHE/apt-riscv64/<suite> (own sources list, lists, cache and an empty
# dpkg status), so the system's apt state is untouched.  The mirror and the
# archive keyring are the system's own, read from /etc/apt.

# The system's Debian mirror and archive keyring: the first non-security
# "deb" entry of /etc/apt/sources.list.d/*.sources (deb822) or of the
# one-line lists.
system_mirror() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk 'BEGIN { RS = ""; FS = "\n" }
		{
			types = uris = keys = ""
			for (i = 1; i <= NF; i++) {
				if ($i ~ /^Types:/)     types = $i
				if ($i ~ /^URIs:/)      uris = $i
				if ($i ~ /^Signed-By:/) keys = $i
			}
			sub(/^URIs:[ \t]*/, "", uris); split(uris, u, /[ \t]+/)
			sub(/^Signed-By:[ \t]*/, "", keys)
			if (types ~ /[ \t]deb([ \t]|$)/ && u[1] != "" && u[1] !~ /security/) {
				print u[1], keys; exit
			}
		}' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk '$1 == "deb" {
			keys = ""; n = 2
			if ($2 ~ /^\[/) {
				for (; n <= NF; n++) {
					if ($n ~ /signed-by=/) { keys = $n; sub(/.*signed-by=/, "", keys); sub(/\]$/, "", keys) }
					if ($n ~ /\]$/) { n++; break }
				}
			}
			if ($n !~ /security/) { print $n, keys; exit }
		}' "$f"
	done
}

# debian_apt ARCH SUITE apt-get|apt-cache ARGS...: run apt with the
# private ARCH configuration of SUITE, in $FV_CACHE/apt-ARCH/SUITE (made on
# first use).  FV_DEBIAN_MIRROR and FV_DEBIAN_KEYRING override the
# system's mirror and keyring.
debian_apt() {
	local arch=$1 suite=$2 cmd=$3 a=$FV_CACHE/apt-$1/$2 mirror='' keyring=''
	shift 3
	read -r mirror keyring < <(system_mirror | head -n1) || true
	mirror=${FV_DEBIAN_MIRROR:-$mirror}
	keyring=${FV_DEBIAN_KEYRING:-${keyring:-/usr/share/keyrings/debian-archive-keyring.gpg}}
	[ -n "$mirror" ] || die "no Debian mirror found in /etc/apt (set FV_DEBIAN_MIRROR)"
	[ -f "$keyring" ] || die "keyring $keyring not found"
	mkdir -p "$a/lists/partial" "$a/cache/archives/partial" "$a/debs"
	: > "$a/status"
	echo "deb [arch=$arch signed-by=$keyring] $mirror $suite main" > "$a/sources.list"
	"$cmd" -q \
		-o Dir::Etc::SourceList="$a/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::Etc::Preferences=/dev/null \
		-o Dir::Etc::PreferencesParts=/dev/null \
		-o Dir::State::Lists="$a/lists" \
		-o Dir::State::status="$a/status" \
		-o Dir::Cache="$a/cache" \
		-o APT::Architecture="$arch" \
		-o APT::Architectures::="$arch" \
		-o Acquire::Languages=none \
		-o APT::Sandbox::User=root \
		"$@"
}

# riscv64_apt SUITE apt-get|apt-cache ARGS...: debian_apt for riscv64.
riscv64_apt() {
	debian_apt riscv64 "$@"
}

# riscv64_apt_update SUITE: fetch SUITE's riscv64 index (with retries).
riscv64_apt_update() {
	echo "riscv64 apt: fetching the $1 riscv64 index" >&2
	retry 3 riscv64_apt "$1" apt-get --error-on=any update >&2
}

# riscv64_apt_download SUITE PACKAGE DESTDIR: download PACKAGE:riscv64 from
# SUITE (whose index is fetched) into DESTDIR; print the .deb's path.
riscv64_apt_download() {
	local suite=$1 pkg=$2 dest=$3 a=$FV_CACHE/apt-riscv64/$1 deb
	mkdir -p "$a/debs" "$dest"
	rm -f "$a/debs/${pkg}"_*_riscv64.deb
	( cd "$a/debs" && retry 3 riscv64_apt "$suite" apt-get download "$pkg:riscv64" >&2 ) ||
		return 1
	deb=$(ls "$a/debs/${pkg}"_*_riscv64.deb | tail -n1)
	mv "$deb" "$dest/"
	echo "$dest/$(basename "$deb")"
}

# fetch_riscv64_deb PACKAGE DESTDIR [SUITES]: print the path of
# DESTDIR/PACKAGE_*_riscv64.deb, downloading it first if DESTDIR has none:
# from the first of SUITES (default "sid trixie") that has it.
fetch_riscv64_deb() {
	local pkg=$1 dest=$2 suites=${3:-sid trixie} deb suite
	deb=$(ls "$dest/${pkg}"_*_riscv64.deb 2>/dev/null | tail -n1 || true)
	if [ -n "$deb" ]; then echo "$deb"; return; fi
	for suite in $suites; do
		if riscv64_apt_update "$suite" &&
		   deb=$(riscv64_apt_download "$suite" "$pkg" "$dest"); then
			echo "$deb"; return
		fi
		echo "riscv64 apt: $pkg from $suite failed, trying the next suite" >&2
	done
	die "could not download $pkg:riscv64 from any of: $suites"
}
