/* SPDX-License-Identifier: GPL-2.0-only */
/* Link map of the hypervisor image: one contiguous, identity-mapped blob. */
OUTPUT_ARCH(riscv)
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
	.rodata : {
		*(.rodata .rodata.*)
		*(.srodata .srodata.*)
	}

	/* guest images embedded with .incbin, page-aligned each */
	. = ALIGN(4096);
	.guest_images : {
		KEEP(*(.guest_images))
		. = ALIGN(8);	/* the checksum's last word: in the file, not RAM's */
	}
	hv_ro_end = .;	/* text, rodata and guest images: never written */

	. = ALIGN(4096);
	.data : {
		*(.data .data.*)
		*(.sdata .sdata.*)
	}

	. = ALIGN(16);
	__bss_start = .;
	.bss (NOLOAD) : {
		*(.sbss .sbss.*)
		*(.bss .bss.*)
		*(COMMON)
	}
	. = ALIGN(16);
	__bss_end = .;

	/* never read before written (the stacks): not cleared at boot */
	.noinit (NOLOAD) : {
		*(.noinit .noinit.*)
	}

	. = ALIGN(4096);
	hv_image_end = .;

	/DISCARD/ : {
		*(.comment)
		*(.note .note.*)
		*(.eh_frame .eh_frame_hdr)
		*(.riscv.attributes)
	}
}
