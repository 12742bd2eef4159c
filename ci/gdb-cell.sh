#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make gdb CELL=<cell> [GDB_ELF=<file>]: boot the built image in QEMU with
# the hypervisor console on a unix socket, and run gdb-multiarch on that
# cell through ci/gdb-proxy.py (which gives the cell the keyboard and
# presses Ctrl-] g).  The console's own text goes to O/gdb-console.log.
# The guest's symbols: GDB_ELF, else O/guests/<cell>/<cell>.elf, else
# O/guests/<cell without its trailing digits>/... (rtos0 -> rtos).
# Quitting gdb (after its detach, or kill) stops QEMU.
#
# usage: gdb-cell.sh <O> <cell> <elf or ""> <qemu command...>
set -euo pipefail

o=$1 cell=$2 elf=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
command -v gdb-multiarch >/dev/null || { echo "gdb: gdb-multiarch is missing (make deps)" >&2; exit 1; }

if [ -z "$elf" ]; then
	for d in "$cell" "${cell%%[0-9]*}"; do
		if [ -f "$o/guests/$d/$d.elf" ]; then elf=$o/guests/$d/$d.elf; break; fi
	done
fi
[ -n "$elf" ] || echo "gdb: no ELF known for cell $cell (give GDB_ELF=<file>): no symbols" >&2

dir=$(mktemp -d /tmp/fv-gdb.XXXXXX)
log=$o/gdb-console.log
: > "$log"
# an explicit -serial replaces -nographic's stdio console
"$@" -monitor none -serial "unix:$dir/console.sock,server=on,wait=on" </dev/null >/dev/null &
qemu=$!
trap 'kill $qemu 2>/dev/null; wait $qemu 2>/dev/null; rm -rf "$dir"' EXIT
echo "gdb: QEMU pid $qemu; the console's text goes to $log"
gdb-multiarch -q ${elf:+"$elf"} \
	-ex "target remote | $here/gdb-proxy.py --socket $dir/console.sock --cell $cell --log $log"
