#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Why: a trap from a guest leaves t2-t6 in the hart's registers (trap_entry.S
# saves them only on guest page faults), which is right only while no other
# hypervisor code writes them: arch.mk builds with -ffixed for them, and
# this check, run on every link, fails the build if any instruction
# outside those below names one of them (say an object built before the
# flags, or code built with other flags).  Allowed: trap_entry.S, and
# gdb_entry.S's riscv_guest_trap, which saves them and loads them back
# for a debugger (they are the guest's, to the hart's own per-hart area).
# usage: check_fixed_regs.sh OBJDUMP ferrovisor.elf
set -eu
objdump=$1 elf=$2
bad=$("$objdump" -d --no-show-raw-insn "$elf" | awk '
	/^[0-9a-f]+ <.*>:$/ { fn = $2; next }
	fn == "<riscv_trap_entry>:" || fn == "<riscv_guest_resume>:" { next }
	fn == "<riscv_guest_trap>:" { next }
	/^ +[0-9a-f]+:/ && /[\t ,(](t2|t3|t4|t5|t6)([,)]|$)/ { print fn, $0 }' | head -n 5)
if [ -n "$bad" ]; then
	echo "error: $elf: hypervisor code uses t2-t6, which guest traps do not save" >&2
	echo "(objects built without arch.mk's -ffixed flags? make clean, then make):" >&2
	echo "$bad" >&2
	exit 1
fi
