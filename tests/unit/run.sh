#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Run the unit-test binaries given after the DTB directory; each prints
# "<name>: N passed, M failed".  Print the totals; fail if any test failed.
set -u
dtbdir=$1; shift
pass=0 fail=0 status=0
for t in "$@"; do
	out=$("$t" "$dtbdir" 2>&1); rc=$?
	echo "$out"
	line=$(echo "$out" | grep -E '^[a-z0-9_]+: [0-9]+ passed, [0-9]+ failed$' | tail -n1)
	if [ -z "$line" ]; then
		echo "$(basename "$t"): crashed or printed no result (exit $rc)"
		fail=$((fail + 1)); status=1; continue
	fi
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed$/\1/')
	pass=$((pass + p)); fail=$((fail + f))
	[ "$rc" -eq 0 ] || status=1
done
echo "unit: $pass passed, $fail failed"
exit $status
