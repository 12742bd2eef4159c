/* SPDX-License-Identifier: GPL-2.0-only */
/* Link map of the hypervisor image: one contiguous, identity-mapped blob
 * that starts with the arm64 Image header (entry.S).  Text, read-only
 * data and read/write data start on their own 4 KiB pages: the EL2
 * stage-1 map (mmu.c) gives each its permissions. */
OUTPUT_ARCH(aarch64)
ENTRY(_start)

SECTIONS
{
	. = CONFIG_HV_LOAD_ADDR;
	hv_image_start = .;

	.text : {
		KEEP(*(.text.entry))
		*(.text .text.*)
	}

	. = ALIGN(4096);
	hv_text_end = .;
	.rodata : {
		*(.rodata .rodata.*)
	}

	/* guest images embedded with .incbin, page-aligned each */
	. = ALIGN(4096);
	.guest_images : {
		KEEP(*(.guest_images))
	}
	hv_ro_end = .;	/* text, rodata and guest images: never written */

	. = ALIGN(4096);
	hv_data_start = .;
	.data : {
		*(.data .data.*)
	}

	. = ALIGN(16);
	__bss_start = .;
	.bss (NOLOAD) : {
		*(.bss .bss.*)
		*(COMMON)
	}
	. = ALIGN(16);
	__bss_end = .;

	. = ALIGN(4096);
	hv_image_end = .;
	/* the Image header's image_size: what the loader must leave free */
	hv_image_size = hv_image_end - hv_image_start;

	/DISCARD/ : {
		*(.comment)
		*(.note .note.*)
		*(.eh_frame .eh_frame_hdr)
	}
}
