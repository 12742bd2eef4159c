// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RISC-V side of the RTOS's arch interface (arch_if.h): the tick
 * through Sstc or SBI TIME, PLIC (or AIA) interrupts per hart, other
 * harts through SBI HSM and IPIs, SRST for power, and the vector and FP
 * state the reset check reports.
 */
#include <fv/fmt.h>
#include "aplic.h"
#include "console.h"
#include "imsic.h"
#include "plic.h"
#include "riscv.h"
#include "rtc.h"
#include "rtos.h"
#include "sbi.h"
#include "uart.h"

void secondary_entry(void);

/* Timer choice for one hart: Sstc if the DTB lists it and bootargs allow. */
void arch_timer_pick(struct hart *h)
{
	h->arch.sstc = !cfg.timer_sbi && dtb_hart_has_sstc(&plat, h->cpu_node);
	if (!h->arch.sstc && !sbi_probe(SBI_EXT_TIME))
		rtos_give_up("no Sstc and no SBI TIME extension");
}

const char *arch_timer_name(const struct hart *h)
{
	return h->arch.sstc ? "sstc" : "sbi";
}

void arch_timer_program(struct hart *h, uint64_t when)
{
	if (h->arch.sstc)
		csr_write(0x14d, when);	/* stimecmp (binutils 2.40 lacks the name) */
	else
		sbi_set_timer(when);		/* also clears the pending STIP */
}

void arch_timer_enable(struct hart *h)
{
	(void)h;
	csr_set(sie, SIE_STIE);
}

void arch_irqs_choose(struct hart *h)
{
	h->arch.plic_ctx = dtb_plic_context(&plat, h->cpu_node);
	/* Only the boot hart takes UART input. */
	h->rx_irq = h->idx == 0 && plat.uart_irq && h->arch.plic_ctx >= 0;
	/* ... and the doorbell's rings, if there is one. */
	h->db_irq = h->idx == 0 && plat.db_irq && plat.db_shm_size >= 128 &&
		    h->arch.plic_ctx >= 0;
	if (imsic_present())
		aia_hart_setup(h);	/* an IMSIC file; APLIC sources on the boot hart */
}

void arch_irqs_enable(struct hart *h)
{
	int ctx = h->arch.plic_ctx;

	if (ctx >= 0) {
		plic_set_threshold(plat.arch.plic_base, ctx, 0);
		csr_set(sie, SIE_SEIE);
	}
	if (h->rx_irq && ctx >= 0) {
		plic_enable(plat.arch.plic_base, ctx, plat.uart_irq, 1);
		uart_enable_rx_irq();
	}
	if (h->db_irq && ctx >= 0)
		plic_enable(plat.arch.plic_base, ctx, plat.db_irq, 1);
	csr_set(sie, SIE_SSIE);
}

void arch_frame_init(unsigned long *f, void (*fn)(void *), void *arg, void (*ret)(void))
{
	f[FRAME_SEPC] = (unsigned long)fn;
	f[1] = (unsigned long)ret;			/* ra */
	f[10] = (unsigned long)arg;			/* a0 */
	f[FRAME_SSTATUS] = SSTATUS_SPP | SSTATUS_SPIE;
}

bool arch_smp_possible(void)
{
	if (sbi_probe(SBI_EXT_HSM))
		return true;
	rprintf("rtos: no SBI HSM, staying on one hart\n");
	return false;
}

long arch_cpu_start(struct hart *h)
{
	return sbi_hart_start(h->hartid, (unsigned long)secondary_entry, (unsigned long)h);
}

void arch_cpu_kick(struct hart *h)
{
	sbi_send_ipi(1, h->hartid);
}

bool arch_cpu_stopped(const struct hart *h)
{
	return sbi_hart_status(h->hartid) == SBI_HSM_STOPPED;
}

void arch_cpu_stop(void)
{
	csr_write(sie, 0);
	sbi_hart_stop();
	arch_halt();
}

long arch_system_off(bool failure)
{
	return sbi_system_reset(SBI_SRST_SHUTDOWN,
				failure ? SBI_SRST_FAILURE : SBI_SRST_NO_REASON);
}

long arch_system_reboot(void)
{
	return sbi_system_reset(SBI_SRST_COLD_REBOOT, SBI_SRST_NO_REASON);
}

void arch_halt(void)
{
	csr_write(sie, 0);
	for (;;)
		__asm__ volatile("wfi");
}

void arch_status_hook(struct hart *h)
{
	imsic_ipi_test(h);	/* once, where there are IMSIC files */
	rtc_alarm_test(h);	/* once, where the cell owns the RTC */
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

/* The UART's scratch register (zero after a device reset), f0 and the
 * vector unit (as at reset). */
void arch_reset_state(char *out, size_t size)
{
	char vec[80];
	unsigned scr = plat.uart ? uart_scratch() : 0;
	unsigned long fp;

	vec_check(vec, sizeof(vec));
	fp = fp_check();
	fmt_snprintf(out, size, "uart_scr %u fp %lx vec %s", scr, fp, vec);
}

void arch_reset_mark(void)
{
	if (plat.uart)
		uart_set_scratch(0x5a);
}
