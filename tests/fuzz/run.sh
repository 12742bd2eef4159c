#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Run the fuzz harnesses one after the other (they are CPU-bound; the
# machine may be busy with QEMU), print each one's number of executions,
# fail if any found a crash or an invariant broke.
#
#   run.sh fuzz   <dir> <seconds> <name>...   corpus <dir>/corpus/<name>, kept
#   run.sh replay <dir> <runs> <name>...      the seeds, then <runs> runs from
#                                             -seed=1 in a fresh copy of them
# Seeds come from tests/fuzz/seeds/<name>; a crashing input is written to
# <dir>/artifacts/<name>/.
set -u
mode=$1 dir=$2 amount=$3; shift 3
seeds=$(cd "$(dirname "$0")" && pwd)/seeds
status=0
# A replay is deterministic only with fixed addresses (libFuzzer records
# the operands of comparisons, pointers too, and mutates with them) and
# without -reload, which is timed.
norand=()
if [ "$mode" = replay ] && setarch "$(uname -m)" -R true 2>/dev/null; then
	norand=(setarch "$(uname -m)" -R)
fi
for name in "$@"; do
	bin=$dir/fuzz_$name art=$dir/artifacts/$name log=$dir/$name.$mode.log
	if [ "$mode" = replay ]; then
		corpus=$dir/replay/$name
		rm -rf "$corpus"
		args=(-runs="$amount" -seed=1 -reload=0)
	else
		corpus=$dir/corpus/$name
		args=(-max_total_time="$amount")
	fi
	mkdir -p "$corpus" "$art"
	[ -d "$seeds/$name" ] && cp -n "$seeds/$name"/* "$corpus"/ 2>/dev/null
	"${norand[@]}" "$bin" "${args[@]}" -timeout=25 -artifact_prefix="$art/" "$corpus" >"$log" 2>&1
	rc=$?
	runs=$(grep -oE '^Done [0-9]+ runs' "$log" | awk '{ print $2 }')
	if [ "$rc" -ne 0 ] || [ -z "$runs" ]; then
		echo "fuzz_$name: FAILED (exit $rc); input in $art/, log $log:"
		grep -E 'invariant failed|ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -n 8
		status=1
	else
		echo "fuzz_$name: $runs runs, no finding ($(ls "$corpus" | wc -l) inputs in corpus)"
	fi
done
exit $status
