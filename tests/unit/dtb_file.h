/* SPDX-License-Identifier: GPL-2.0-only */
/* Reading the QEMU-dumped device trees the unit tests run against. */
#ifndef DTB_FILE_H
#define DTB_FILE_H

#include <stdio.h>
#include <stdlib.h>
#include <libfdt.h>

#define DTB_BUF_SIZE (1 << 20)

/* `dir`/`name` in a 1 MiB buffer (room for the tests' edits); exits on
 * a missing file, which is a broken test setup, not a failed check. */
static inline void *dtb_load(const char *dir, const char *name)
{
	char path[1024];
	void *buf = calloc(1, DTB_BUF_SIZE);
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f) {
		printf("cannot open %s\n", path);
		exit(2);
	}
	n = fread(buf, 1, DTB_BUF_SIZE, f);
	fclose(f);
	(void)n;
	fdt_open_into(buf, buf, DTB_BUF_SIZE);
	return buf;
}

#endif
