// SPDX-License-Identifier: GPL-2.0-only
/*
 * The host side of 'make dtb-<cell>': generate a cell's device tree with
 * the hypervisor's own code (src/guest_fdt.c and the arch's part), from
 * the layout and the board's tree, as the hypervisor will at boot.
 */
#include <stdio.h>
#include <string.h>
#include <fv/guest_fdt.h>

int host_dump_guest_dtb(const struct layout *l, const char *name)
{
	static char buf[GUEST_FDT_MAX];
	static struct cell c;
	int size;

	for (unsigned i = 0; i < l->nr_cells; i++) {
		if (strcmp(l->cells[i].name, name))
			continue;
		c.desc = &l->cells[i];
		c.name = c.desc->name;
		c.id = i;
		size = guest_fdt_write(&c, buf, sizeof(buf));
		if (size < 0) {
			fprintf(stderr, "error: cell \"%s\": generating its device tree failed (%d)\n",
				name, size);
			return -1;
		}
		fwrite(buf, 1, size, stdout);
		return 0;
	}
	fprintf(stderr, "error: the layout has no cell \"%s\"\n", name);
	return -1;
}
