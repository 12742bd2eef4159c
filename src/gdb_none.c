// SPDX-License-Identifier: GPL-2.0-only
/*
 * An image built without the GDB stub (CONFIG_GDBSTUB=n): no session can
 * start, so no byte of the console ever reaches into a cell, and every
 * breakpoint a guest hits is its own.
 */
#include <fv/gdb_cell.h>

bool gdb_cell_attach(struct cell *c)
{
	(void)c;
	return false;
}

bool gdb_cell_available(void)
{
	return false;
}

bool gdb_cell_active(void)
{
	return false;
}

void gdb_cell_input(char ch)
{
	(void)ch;
}

bool gdb_cell_trap(struct vcpu *v, bool brk)
{
	(void)v, (void)brk;
	return false;
}
