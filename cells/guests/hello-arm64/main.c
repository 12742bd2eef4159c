// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM64 test guest: prints through the console its device tree names
 * (an emulated PL011 or ns16550), asks the virtual PSCI its version with HVC, and
 * then, as its bootargs say:
 *   fault=0x<hex>  load from <addr> (outside the cell: the hypervisor
 *                  stops the cell and reports it)
 *   off            PSCI SYSTEM_OFF (the cell stops)
 *   smp            PSCI CPU_ON of vCPU 1 (first with an MPIDR outside the
 *                  cell and an entry point outside its memory), which
 *                  says hello and calls CPU_OFF; AFFINITY_INFO until it
 *                  is off; then SYSTEM_OFF
 *   smp-busy       PSCI CPU_ON of vCPU 1, which spins for ever; then
 *                  SYSTEM_OFF, which must stop vCPU 1 as well
 *   timer          10 interrupts of its virtual timer (PPI 27) through the
 *                  virtual GIC, 10 ms apart (timer.c); then SYSTEM_OFF
 *   irq, spy=<n>   interrupts through the virtual GIC: see modes.c
 *                  (either GIC: gicv3.c, gicv2.c; dispatch.c picks)
 *   suspend        PSCI CPU_SUSPEND (either GIC): a standby with its timer
 *                  armed 10 ms ahead (interrupts masked) must return only
 *                  once the timer is due (a few wake-ups before are
 *                  allowed, a spinning return is not); a reserved bit of
 *                  power_state and a powerdown with its entry point
 *                  outside the cell are refused; a powerdown resumes at
 *                  its entry point with the context id and the MMU off;
 *                  then SYSTEM_OFF
 *   (nothing)      print "alive <n>" lines for ever
 */
#include <libfdt.h>
#include <fv/fmt.h>
#include <fv/string.h>
#include "hello.h"
#include "gic.h"
#include "io.h"

#define PSCI_VERSION	0x84000000U
#define PSCI_SYSTEM_OFF	0x84000008U
#define PSCI_CPU_OFF	0x84000002U
#define PSCI_AFFINITY	0xc4000004U
#define PSCI_SUSPEND	0xc4000001U
#define PS_POWERDOWN	(1U << 16)
#define RESUME_CTX	0x5e5		/* secondary_entry's context: resumed */
#define LSR		5	/* ns16550 */
#define LSR_THRE	0x20
#define UARTFR		0x18	/* pl011 */
#define FR_TXFF		0x20

volatile uint8_t *hello_uart;
static bool pl011;

long hello_hvc3(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 __asm__("x0") = fn;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	__asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) :: "x4", "x5",
			 "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
			 "x16", "x17", "memory");
	return (long)x0;
}

static long hvc(uint64_t fn, uint64_t a1)
{
	return hello_hvc3(fn, a1, 0, 0);
}

static void out(char c, void *arg)
{
	(void)arg;
	if (!hello_uart)
		return;
	if (c == '\n')
		out('\r', arg);
	if (pl011) {
		volatile uint32_t *r = (volatile uint32_t *)hello_uart;

		while (r[UARTFR / 4] & FR_TXFF)
			;
		r[0] = (uint8_t)c;
		return;
	}
	while (!(hello_uart[LSR] & LSR_THRE))
		;
	hello_uart[0] = (uint8_t)c;
}

void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fmt_vformat(out, NULL, fmt, ap);
	va_end(ap);
}

/* The UART /chosen/stdout-path names (the cell's bus maps 1:1). */
static void find_uart(const void *fdt)
{
	const char *path = fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "stdout-path", NULL);
	int node = path ? fdt_path_offset(fdt, path) : -1;
	const fdt64_t *reg = node >= 0 ? fdt_getprop(fdt, node, "reg", NULL) : NULL;

	if (reg)
		hello_uart = (volatile uint8_t *)(uintptr_t)fdt64_to_cpu(reg[0]);
	pl011 = node >= 0 && !fdt_node_check_compatible(fdt, node, "arm,pl011");
}

static uintptr_t parse_hex(const char *s)
{
	uintptr_t v = 0;

	if (s[0] == '0' && s[1] == 'x')
		s += 2;
	for (;; s++) {
		unsigned d = *s >= '0' && *s <= '9' ? (unsigned)(*s - '0') :
			     *s >= 'a' && *s <= 'f' ? (unsigned)(*s - 'a' + 10) : 16;

		if (d == 16)
			return v;
		v = v << 4 | d;
	}
}

static unsigned parse_dec(const char *s)
{
	unsigned v = 0;

	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned)(*s++ - '0');
	return v;
}

static const char *bootargs(const void *fdt)
{
	const char *a = fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "bootargs", NULL);

	return a ? a : "";
}

extern char secondary_entry[];

#define BUSY	0xb05	/* vCPU 1's context: spin, print nothing */

/* vCPU 1, started by smp() with x0 = the context it passed. */
void guest_secondary(uint64_t ctx)
{
	uint64_t mpidr;

	if (ctx == BUSY)
		for (;;)
			__asm__ volatile("nop");
	if (ctx == SGI_CTX)
		irq_secondary();
	if (ctx == RESUME_CTX) {
		uint64_t sctlr;

		__asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
		say("hello-arm64: suspend powerdown: resumed, context %#lx, mmu %s\n",
		    (unsigned long)ctx, (sctlr & 1) ? "on" : "off");
		say("hello-arm64: system off\n");
		hvc(PSCI_SYSTEM_OFF, 0);
	}
	__asm__ volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
	say("hello-arm64: cpu %lu up, context %#lx\n", (unsigned long)(mpidr & 0xff),
	    (unsigned long)ctx);
	hvc(PSCI_CPU_OFF, 0);
	say("hello-arm64: cpu_off returned!\n");
	for (;;)
		__asm__ volatile("wfi");
}

static void smp(void)
{
	uintptr_t entry = (uintptr_t)secondary_entry;
	long bad_cpu, bad_entry, on, r = -1;

	/* nothing printed while vCPU 1 may print: lines would mix */
	bad_cpu = hello_hvc3(PSCI_CPU_ON, 7, entry, 0);
	bad_entry = hello_hvc3(PSCI_CPU_ON, 1, 0x48000000, 0);
	on = hello_hvc3(PSCI_CPU_ON, 1, entry, 0x1234);
	while (on == 0 && (r = hello_hvc3(PSCI_AFFINITY, 1, 0, 0)) != 1)	/* OFF */
		;
	say("hello-arm64: cpu_on mpidr 7: %ld\n", bad_cpu);
	say("hello-arm64: cpu_on entry 0x48000000: %ld\n", bad_entry);
	say("hello-arm64: cpu_on mpidr 1: %ld\n", on);
	say("hello-arm64: affinity_info mpidr 1: %ld (off)\n", r);
}

static void smp_busy(void)
{
	long on = hello_hvc3(PSCI_CPU_ON, 1, (uintptr_t)secondary_entry, BUSY);

	while (on == 0 && hello_hvc3(PSCI_AFFINITY, 1, 0, 0) != 0)	/* ON */
		;
	say("hello-arm64: cpu_on mpidr 1: %ld, it spins\n", on);
}

#define VTIMER		27

/* CPU_SUSPEND: see the top of the file; through the GIC dispatch.c
 * picked from the tree (GICv3 or GICv2). */
static void suspend(const void *fdt)
{
	uint64_t deadline, period = sysreg_rd(cntfrq_el0) / 100;
	unsigned calls = 0, iar, intid;
	long r;

	if (!gic->setup(fdt))
		return;
	gic->cpu_on();
	gic->private_on(VTIMER, 0x80);
	deadline = sysreg_rd(cntvct_el0) + period;
	sysreg_wr(cntv_cval_el0, deadline);
	sysreg_wr(cntv_ctl_el0, 1);
	do {
		r = hello_hvc3(PSCI_SUSPEND, 0, 0, 0);		/* standby */
		calls++;
	} while (r == 0 && sysreg_rd(cntvct_el0) < deadline && calls < 100);
	intid = gic->ack(&iar);				/* what woke it, masked */
	sysreg_wr(cntv_ctl_el0, 0);
	if (intid < GIC_SPURIOUS)
		gic->eoi(iar);
	say("hello-arm64: suspend standby: %ld, %u calls, after its deadline: %s, "
	    "pending intid %u\n", r, calls, sysreg_rd(cntvct_el0) >= deadline ? "yes" : "no",
	    intid);
	say("hello-arm64: suspend reserved bit: %ld\n", hello_hvc3(PSCI_SUSPEND, 1U << 30, 0, 0));
	say("hello-arm64: suspend powerdown entry 0x48000000: %ld\n",
	    hello_hvc3(PSCI_SUSPEND, PS_POWERDOWN, 0x48000000, RESUME_CTX));
	sysreg_wr(cntv_cval_el0, sysreg_rd(cntvct_el0) + period);
	sysreg_wr(cntv_ctl_el0, 1);
	r = hello_hvc3(PSCI_SUSPEND, PS_POWERDOWN, (uintptr_t)secondary_entry, RESUME_CTX);
	say("hello-arm64: suspend powerdown returned %ld\n", r);
}

void guest_main(const void *fdt)
{
	uint64_t mpidr, el;
	long v;
	const char *args;

	if (fdt_check_header(fdt))
		for (;;)
			__asm__ volatile("wfi");
	find_uart(fdt);
	args = bootargs(fdt);
	__asm__ volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	say("hello-arm64: EL%lu mpidr %#lx dtb %p bootargs \"%s\" console %s\n",
	    (unsigned long)(el >> 2), (unsigned long)mpidr, fdt, args,
	    pl011 ? "pl011" : "ns16550");
	v = hvc(PSCI_VERSION, 0);
	say("hello-arm64: psci version %ld.%ld\n", v >> 16, v & 0xffff);
	if (!strncmp(args, "fault=", 6)) {
		uintptr_t a = parse_hex(args + 6);

		say("hello-arm64: loading from %#lx\n", (unsigned long)a);
		say("hello-arm64: read %#x (not stopped!)\n", *(volatile uint32_t *)a);
	}
	if (!strcmp(args, "smp"))
		smp();
	if (!strcmp(args, "smp-busy"))
		smp_busy();
	gic_pick(fdt);
	if (!strcmp(args, "timer"))
		timer_main(fdt);
	if (!strcmp(args, "irq"))
		irq_main(fdt, fdt_path_offset(fdt, "/cpus/cpu@1") >= 0);
	if (!strcmp(args, "suspend"))
		suspend(fdt);
	if (!strncmp(args, "spy=", 4))
		spy_main(fdt, parse_dec(args + 4));
	if (!strcmp(args, "off") || !strncmp(args, "smp", 3) || !strcmp(args, "timer") ||
	    !strcmp(args, "suspend")) {
		say("hello-arm64: system off\n");
		v = hvc(PSCI_SYSTEM_OFF, 0);
		say("hello-arm64: system off returned %ld\n", v);
	}
	for (unsigned long n = 1;; n++) {
		for (volatile unsigned long i = 0; i < 20000000; i++)
			;
		say("hello-arm64: alive %lu\n", n);
	}
}
