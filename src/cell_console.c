// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guests' console output: collected per cell and written a whole line at a
 * time, tagged with the cell's name, so lines of different cells never mix.
 */
#include <fv/cell.h>
#include <fv/console.h>

static void flush(struct cell *c)
{
	struct cell_console *k = &c->con;

	console_lock();
	kprintf_locked("[%s] %.*s\n", c->name, (int)k->len, k->line);
	console_unlock();
	k->len = 0;
}

void cell_console_putc(struct cell *c, char ch)
{
	struct cell_console *k = &c->con;

	spin_lock(&k->lock);
	if (ch == '\n')
		flush(c);
	else if (ch != '\r') {
		k->line[k->len++] = ch;
		if (k->len == sizeof(k->line))
			flush(c);
	}
	spin_unlock(&k->lock);
}

int cell_console_getc(struct cell *c)
{
	(void)c;
	return -1;
}
