// SPDX-License-Identifier: GPL-2.0-only
/* Boot: read the DTB, pick console and timer, start the harts and their tasks. */
#include <fv/fmt.h>
#include "console.h"
#include "csr.h"
#include "aplic.h"
#include "imsic.h"
#include "plic.h"
#include "rtos.h"
#include "sbi.h"
#include "timer.h"
#include "uart.h"

struct platform plat;
struct config cfg;
struct hart harts[MAX_HARTS];
unsigned nharts_online;
unsigned char boot_stacks[MAX_HARTS][BOOT_STACK_SIZE] __attribute__((aligned(16)));

void rtos_main(unsigned long hartid, const void *fdt);
void rtos_secondary(unsigned long hartid, struct hart *h);

void rtos_halt(void)
{
	csr_write(sie, 0);
	for (;;)
		__asm__ volatile("wfi");
}

static void __attribute__((noreturn)) give_up(const char *why)
{
	rprintf("rtos: %s, shutting down\n", why);
	sbi_system_reset(SBI_SRST_SHUTDOWN, SBI_SRST_FAILURE);
	rtos_halt();
}

/* Timer choice for one hart: Sstc if the DTB lists it and bootargs allow. */
static void pick_timer(struct hart *h)
{
	h->sstc = !cfg.timer_sbi && dtb_hart_has_sstc(&plat, h->cpu_node);
	if (!h->sstc && !sbi_probe(SBI_EXT_TIME))
		give_up("no Sstc and no SBI TIME extension");
}

void hart_setup(struct hart *h)
{
	h->plic_ctx = dtb_plic_context(&plat, h->cpu_node);
	/* Only the boot hart takes UART input. */
	h->rx_irq = h->idx == 0 && plat.uart_irq && h->plic_ctx >= 0;
	/* ... and the doorbell's rings, if there is one. */
	h->db_irq = h->idx == 0 && plat.db_irq && plat.db_shm_size >= 128 &&
		    h->plic_ctx >= 0;
	if (imsic_present())
		aia_hart_setup(h);	/* an IMSIC file; APLIC sources on the boot hart */
	tasks_create(h);

	if (h->plic_ctx >= 0) {
		plic_set_threshold(plat.plic_base, h->plic_ctx, 0);
		csr_set(sie, SIE_SEIE);
	}
	if (h->rx_irq && h->plic_ctx >= 0) {
		plic_enable(plat.plic_base, h->plic_ctx, plat.uart_irq, 1);
		uart_enable_rx_irq();
	}
	if (h->db_irq && h->plic_ctx >= 0)
		plic_enable(plat.plic_base, h->plic_ctx, plat.db_irq, 1);
	csr_set(sie, SIE_SSIE);
	timer_init(h);
}

#define SSTATUS_FS_INITIAL	(1UL << 13)
#define SSTATUS_VS_INITIAL	(1UL << 9)

/* f0's bits, then a mark in it for the next boot to see. */
static unsigned long fp_check(void)
{
	unsigned long was, mark = 0x5a5a5a5a5a5a5a5aUL;

	csr_set(sstatus, SSTATUS_FS_INITIAL);
	__asm__ volatile(".option push\n.option arch, +d\n"
			 "fmv.x.d %0, f0\nfmv.d.x f0, %1\n.option pop"
			 : "=&r"(was) : "r"(mark));
	return was;
}

/* The vector state as this boot found it (vl, vtype.vill, element 0 of
 * v0, v31), then marks in it for the next boot to see. */
static void vec_check(char *out, unsigned size)
{
	unsigned long vl, vtype, v0, v31, mark = 0xa5a5a5a5a5a5a5a5UL;

	if (!dtb_hart_has_v(&plat, harts[0].cpu_node)) {
		fmt_snprintf(out, size, "none");
		return;
	}
	csr_set(sstatus, SSTATUS_VS_INITIAL);
	__asm__ volatile(".option push\n.option arch, +v\n"
			 "csrr %0, vl\ncsrr %1, vtype\n"
			 "vsetivli zero, 1, e64, m1, ta, ma\n"
			 "vmv.x.s %2, v0\nvmv.x.s %3, v31\n"
			 "vmv.s.x v0, %4\nvmv.s.x v31, %4\n.option pop"
			 : "=&r"(vl), "=&r"(vtype), "=&r"(v0), "=&r"(v31) : "r"(mark));
	fmt_snprintf(out, size, "vl %lu vill %lu v0 %lx v31 %lx", vl, vtype >> 63, v0, v31);
}

/*
 * What a reboot left behind: a counter in memory the layout keeps across
 * restarts (keep_at), one in ordinary memory (mark_at, zero at every boot
 * if the restart cleared RAM), the UART's scratch register (zero after a
 * device reset), f0 and the vector unit (as at reset).  Each is then
 * changed, for the next boot to see.
 */
static void reset_check(void)
{
	char vec[80];
	volatile uint32_t *keep = (volatile uint32_t *)(uintptr_t)cfg.keep_at;
	volatile uint32_t *mark = (volatile uint32_t *)(uintptr_t)cfg.mark_at;
	unsigned scr = plat.uart ? uart_scratch() : 0;

	if (!keep && !mark)
		return;
	vec_check(vec, sizeof(vec));
	rprintf("rtos: reset check keep %u mark %u uart_scr %u fp %lx vec %s\n",
		keep ? *keep : 0, mark ? *mark : 0, scr, fp_check(), vec);
	if (keep)
		(*keep)++;
	if (mark)
		(*mark)++;
	if (plat.uart)
		uart_set_scratch(0x5a);
}

void rtos_main(unsigned long hartid, const void *fdt)
{
	struct hart *h = &harts[0];

	console_init_sbi();
	if (dtb_parse(fdt, &plat))
		give_up("no usable device tree");
	bootargs_parse(plat.bootargs, &cfg);
	if (plat.uart) {
		uart_init(plat.uart_base, plat.uart_shift, plat.uart_width);
		console_use_uart();
	}

	h->hartid = hartid;
	h->cpu_node = -1;
	for (unsigned i = 0; i < plat.nharts; i++)
		if (plat.hartid[i] == hartid)
			h->cpu_node = plat.cpu_node[i];
	if (h->cpu_node < 0)
		give_up("boot hart not in /cpus");
	pick_timer(h);

	rprintf("rtos: %s hart %lu timebase %lu timer %s console %s\n",
		RTOS_VERSION, hartid, (unsigned long)plat.timebase,
		h->sstc ? "sstc" : "sbi", console_is_uart() ? "uart" : "sbi");
	rprintf("rtos: config tick_us %u status_every %u harts %u/%u rx %s\n",
		cfg.tick_us, cfg.status_every,
		cfg.harts < plat.nharts ? cfg.harts : plat.nharts, plat.nharts,
		!plat.uart ? "none" : plat.uart_irq ? "irq" : "poll");

	reset_check();
	guard_fill();
	nharts_online = 1;
	hart_setup(h);
	smp_boot_secondaries();
	sched_start(h);
}

void rtos_secondary(unsigned long hartid, struct hart *h)
{
	pick_timer(h);
	rprintf("rtos: hart %lu online\n", hartid);
	hart_setup(h);
	sched_start(h);
}
