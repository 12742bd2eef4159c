# SPDX-License-Identifier: GPL-2.0-only
# Shell helpers shared by the scripts in ci/.

die() { echo "error: $*" >&2; exit 1; }

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
