#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Lines of C and assembly per directory, roughly as cloc counts them:
# non-blank lines that are not only comment (/* */ and //).
#
#   tests/bench/cloc.sh [-m] [dir ...]      (default: src arch platform cells tests)
#
# One row per directory that holds .c, .h or .S files (not counting its
# subdirectories), then the hypervisor's total: src, arch and platform
# without the host tools in src/host.  -m prints a markdown table.
set -eu
cd "$(dirname "$0")/../.."

md=0
if [ "${1:-}" = "-m" ]; then
	md=1
	shift
fi
[ $# -gt 0 ] || set -- src arch platform cells tests

# code lines of one file
count() {
	awk '
	{
		line = $0; out = ""
		while (length(line) > 0) {
			if (incomment) {
				end = index(line, "*/")
				if (!end) { line = ""; break }
				line = substr(line, end + 2); incomment = 0
				continue
			}
			start = index(line, "/*"); sl = index(line, "//")
			if (sl && (!start || sl < start)) { out = out substr(line, 1, sl - 1); line = ""; break }
			if (!start) { out = out line; line = ""; break }
			out = out substr(line, 1, start - 1)
			line = substr(line, start + 2); incomment = 1
		}
		if (out ~ /[^ \t]/) n++
	}
	END { print n + 0 }' "$1"
}

rows=$(find "$@" -type f \( -name '*.c' -o -name '*.h' -o -name '*.S' \) | sort |
while read -r f; do
	case $f in
	*.S) printf '%s 0 %s\n' "$(dirname "$f")" "$(count "$f")" ;;
	*) printf '%s %s 0\n' "$(dirname "$f")" "$(count "$f")" ;;
	esac
done)

echo "$rows" | awk -v md="$md" '
NF == 3 {
	files[$1]++; c[$1] += $2; s[$1] += $3
	if ($1 ~ /^(src|arch|platform)(\/|$)/ && $1 !~ /^src\/host/) {
		hf++; hc += $2; hs += $3
	}
}
END {
	if (md) {
		print "| directory | files | C | asm | total |"
		print "| --- | ---: | ---: | ---: | ---: |"
		fmt = "| %s | %d | %d | %d | %d |\n"
	} else {
		printf "%-44s %5s %7s %6s %7s\n", "directory", "files", "C", "asm", "total"
		fmt = "%-44s %5d %7d %6d %7d\n"
	}
	n = 0
	for (d in files) dirs[++n] = d
	for (i = 2; i <= n; i++)	# insertion sort: awk has no portable sort
		for (j = i; j > 1 && dirs[j - 1] > dirs[j]; j--) {
			t = dirs[j]; dirs[j] = dirs[j - 1]; dirs[j - 1] = t
		}
	for (i = 1; i <= n; i++) {
		d = dirs[i]
		printf fmt, d, files[d], c[d], s[d], c[d] + s[d]
	}
	printf fmt, "hypervisor (src arch platform, not src/host)", hf, hc, hs, hc + hs
}'
