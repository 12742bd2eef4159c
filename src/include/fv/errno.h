/* SPDX-License-Identifier: GPL-2.0-only */
/* Error codes of core calls a guest can cause; the arch maps them to its
 * firmware interface's codes (SBI errors on RISC-V). */
#ifndef FV_ERRNO_H
#define FV_ERRNO_H

#define FV_OK		0
#define FV_EINVAL	(-1)	/* a parameter names nothing of the cell */
#define FV_EFAULT	(-2)	/* an address outside the cell's memory */
#define FV_EBUSY	(-3)	/* already in the requested state */
#define FV_ENOTSUP	(-4)

#endif
