// SPDX-License-Identifier: GPL-2.0-only
/*
 * layout_check() promises never to trust a layout: whatever the counts,
 * ranges, strings and pointers in it, it reports errors and does not
 * crash or read out of bounds (ASan and UBSan watch; see fuzz_layout.h
 * for how the layout is made).  An input is a board choice and a layout;
 * each report must be one non-empty line, and their number what it
 * returns.
 */
#include "fuzz_layout.h"

#define MSG_LIMIT 320	/* layout_check's message buffer */

static int nr_reports;

static void report(void *arg, const char *msg)
{
	size_t len = strlen(msg);

	FUZZ_ASSERT(arg == &nr_reports);
	FUZZ_ASSERT(len > 0 && len < MSG_LIMIT && !strchr(msg, '\n'));
	nr_reports++;
	if (getenv("FUZZ_LAYOUT_TRACE"))	/* to see what an input is */
		fprintf(stderr, "%s\n", msg);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_boards_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	const struct fuzz_board *b = &fuzz_boards[in_u8(&in) % FUZZ_NR_BOARDS];
	struct layout_check_env env;
	struct fuzz_layout f;
	int errors;

	fuzz_env(&env, b);
	env.report = report;
	env.arg = &nr_reports;
	env.file = (in_u8(&in) & 1) ? "cells/fuzz/layout.c" : NULL;
	fuzz_layout_make(&f, &in);
	nr_reports = 0;
	errors = layout_check(f.l, &env);
	FUZZ_ASSERT(errors == nr_reports);
	if (getenv("FUZZ_LAYOUT_TRACE"))
		fprintf(stderr, "%d errors\n", errors);
	/* a layout with more cells than allowed is an error */
	if (f.l->nr_cells > CONFIG_MAX_CELLS)
		FUZZ_ASSERT(errors > 0);
	fuzz_layout_free(&f);
	return 0;
}
