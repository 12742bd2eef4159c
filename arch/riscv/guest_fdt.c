// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RISC-V parts of a guest's device tree: its vharts (with the real
 * harts' ISA, minus what a guest cannot use), its virtual PLIC and, on an
 * AIA machine, its guest interrupt files.
 */
#include <libfdt.h>
#include <arch/csr.h>
#include <fv/arch_cell.h>
#include <fv/fmt.h>
#include <fv/platform.h>
#include <fv/string.h>

#define TRY(x) do { int __e = (x); if (__e < 0) return __e; } while (0)
#define PHANDLE_INTC(k)	(2 + (k))
#define PHANDLE_IMSIC	(2 + LAYOUT_MAX_HARTS)

/*
 * The cell's interrupt controller as aia_cell_init() makes it, decided
 * from its layout and the board alone, so that the host's `make
 * dtb-<cell>` writes the tree the hypervisor will: guest interrupt files
 * (and so Ssaia) with imsic_gpa on an AIA board, and with them a virtual
 * APLIC with aplic_gpa; else the virtual PLIC.
 */
static bool aia_board(void)
{
	const struct arch_platform *a = &platform.arch;

	return !a->plic.present && a->aplic_s.present && a->imsic_s.present;
}

static bool has_guest_files(const struct cell *c)
{
	return c->desc->arch.imsic_gpa && aia_board();
}

static bool has_vaplic(const struct cell *c)
{
	return c->desc->arch.aplic_gpa && has_guest_files(c);
}

/*
 * Extensions a guest must not be told about: 'h' (no nested
 * virtualization), Ssaia unless the cell has guest interrupt files (else
 * it gets a virtual PLIC only), M-mode and hypervisor extensions and the
 * counter-overflow extension (no SBI PMU).  Svadu stays: the vSBI's FWFT
 * gives a vhart hardware A/D updating, on from the start where the
 * firmware had it on (arch/riscv/vsbi_fwft.c).
 */
static bool hidden_ext(const char *e, size_t len, bool show_ssaia)
{
	static const char *const names[] = { "h", "ssaia", "sscofpmf" };

	if (show_ssaia && len == 5 && !strncmp(e, "ssaia", 5))
		return false;

	if (len >= 2 && (!strncmp(e, "sm", 2) || !strncmp(e, "sh", 2)))
		return true;
	for (unsigned i = 0; i < ARRAY_SIZE(names); i++)
		if (strlen(names[i]) == len && !strncmp(e, names[i], len))
			return true;
	return false;
}

/* riscv,isa without the hidden extensions; returns the string length. */
int riscv_guest_isa(const char *isa, char *out, int size, bool ssaia)
{
	int n = 0;
	const char *p = isa;

	if (size < 5 || strncmp(isa, "rv", 2))
		return -1;
	/* "rv64" and the single letters, without 'h' */
	while (*p && *p != '_' && n < size - 1) {
		if (p - isa < 4 || *p != 'h')
			out[n++] = *p;
		p++;
	}
	while (*p == '_') {
		const char *e = ++p;

		while (*p && *p != '_')
			p++;
		if (p > e && !hidden_ext(e, p - e, ssaia) && n + (p - e) + 1 < size) {
			out[n++] = '_';
			memcpy(out + n, e, p - e);
			n += p - e;
		}
	}
	out[n] = '\0';
	return n;
}

static const char *const cbo_props[] = {
	"riscv,cbom-block-size", "riscv,cboz-block-size", "riscv,cbop-block-size",
};

static int cpu_isa_props(void *fdt, const struct plat_hart *h, bool ssaia)
{
	const void *pfdt = platform.fdt;
	const char *isa = fdt_getprop(pfdt, h->node, "riscv,isa", NULL);
	const char *exts, *base, *mmu;
	char buf[1024];
	int len, n = 0;

	if (isa && riscv_guest_isa(isa, buf, sizeof(buf), ssaia) > 0)
		TRY(fdt_property_string(fdt, "riscv,isa", buf));
	if ((base = fdt_getprop(pfdt, h->node, "riscv,isa-base", NULL)))
		TRY(fdt_property_string(fdt, "riscv,isa-base", base));
	if ((exts = fdt_getprop(pfdt, h->node, "riscv,isa-extensions", &len))) {
		for (const char *e = exts; e < exts + len; e += strlen(e) + 1) {
			size_t l = strlen(e);

			if (hidden_ext(e, l, ssaia) || n + (int)l + 1 > (int)sizeof(buf))
				continue;
			memcpy(buf + n, e, l + 1);
			n += l + 1;
		}
		TRY(fdt_property(fdt, "riscv,isa-extensions", buf, n));
	}
	/* the block sizes go with zicbom/zicboz/zicbop: without them a
	 * guest must not use those instructions (Linux disables them) */
	for (unsigned i = 0; i < ARRAY_SIZE(cbo_props); i++) {
		const fdt32_t *v = fdt_getprop(pfdt, h->node, cbo_props[i], &len);

		if (v && len == sizeof(*v))
			TRY(fdt_property_u32(fdt, cbo_props[i], fdt32_to_cpu(*v)));
	}
	mmu = fdt_getprop(pfdt, h->node, "mmu-type", NULL);
	return fdt_property_string(fdt, "mmu-type", mmu ? mmu : "riscv,sv39");
}

int arch_cell_fdt_cpus(struct cell *c, void *fdt)
{
	char name[24];

	TRY(fdt_begin_node(fdt, "cpus"));
	TRY(fdt_property_u32(fdt, "#address-cells", 1));
	TRY(fdt_property_u32(fdt, "#size-cells", 0));
	TRY(fdt_property_u32(fdt, "timebase-frequency", (uint32_t)platform.timebase_hz));
	for (unsigned k = 0; k < c->desc->nr_harts; k++) {
		int idx = platform_hart_index(&platform, c->desc->harts[k]);

		if (idx < 0)
			return -FDT_ERR_NOTFOUND;
		fmt_snprintf(name, sizeof(name), "cpu@%u", k);
		TRY(fdt_begin_node(fdt, name));
		TRY(fdt_property_string(fdt, "device_type", "cpu"));
		TRY(fdt_property_u32(fdt, "reg", k));
		TRY(fdt_property_string(fdt, "status", "okay"));
		TRY(fdt_property_string(fdt, "compatible", "riscv"));
		TRY(cpu_isa_props(fdt, &platform.harts[idx], has_guest_files(c)));
		TRY(fdt_begin_node(fdt, "interrupt-controller"));
		TRY(fdt_property_u32(fdt, "#interrupt-cells", 1));
		TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
		TRY(fdt_property_string(fdt, "compatible", "riscv,cpu-intc"));
		TRY(fdt_property_u32(fdt, "phandle", PHANDLE_INTC(k)));
		TRY(fdt_end_node(fdt));
		TRY(fdt_end_node(fdt));
	}
	return fdt_end_node(fdt);
}

static int cell_fdt_imsic(struct cell *c, void *fdt);
static int cell_fdt_aplic(struct cell *c, void *fdt, uint32_t phandle);

int arch_cell_fdt_irqc(struct cell *c, void *fdt, uint32_t phandle)
{
	static const char compat[] = "sifive,plic-1.0.0\0riscv,plic0";
	fdt32_t ie[2 * LAYOUT_MAX_HARTS];
	fdt64_t reg[2] = { cpu_to_fdt64(c->desc->arch.vplic_gpa), cpu_to_fdt64(VPLIC_SIZE) };
	char name[32];
	unsigned n = c->desc->nr_harts;

	if (has_vaplic(c)) {
		TRY(cell_fdt_imsic(c, fdt));
		return cell_fdt_aplic(c, fdt, phandle);
	}
	for (unsigned k = 0; k < n; k++) {
		ie[2 * k] = cpu_to_fdt32(PHANDLE_INTC(k));
		ie[2 * k + 1] = cpu_to_fdt32(IRQ_S_EXT);
	}
	fmt_snprintf(name, sizeof(name), "plic@%llx", (unsigned long long)c->desc->arch.vplic_gpa);
	TRY(fdt_begin_node(fdt, name));
	TRY(fdt_property(fdt, "compatible", compat, sizeof(compat)));
	TRY(fdt_property(fdt, "reg", reg, sizeof(reg)));
	TRY(fdt_property_u32(fdt, "#address-cells", 0));
	TRY(fdt_property_u32(fdt, "#interrupt-cells", 1));
	TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
	TRY(fdt_property_u32(fdt, "riscv,ndev", VPLIC_MAX_IRQS - 1));
	TRY(fdt_property(fdt, "interrupts-extended", ie, n * 2 * sizeof(fdt32_t)));
	TRY(fdt_property_u32(fdt, "phandle", phandle));
	TRY(fdt_end_node(fdt));
	return cell_fdt_imsic(c, fdt);
}

/* Bits of the vhart index in a file's address: ceil(log2(n)). */
static uint32_t hart_index_bits(unsigned n)
{
	uint32_t b = 0;

	while ((1u << b) < n)
		b++;
	return b;
}

/*
 * The cell's guest interrupt files, as an S-level IMSIC of its own: one
 * file per vhart, a page apart (no guest index bits), with the identities
 * of the physical files.  Linux finds the files' base by clearing the
 * hart index bits of the first address, so they are said explicitly (the
 * checker keeps imsic_gpa aligned to them).
 */
static int cell_fdt_imsic(struct cell *c, void *fdt)
{
	fdt32_t ie[2 * LAYOUT_MAX_HARTS];
	unsigned n = c->desc->nr_harts;
	gpaddr_t gpa = c->desc->arch.imsic_gpa;
	fdt64_t reg[2] = { cpu_to_fdt64(gpa), cpu_to_fdt64((uint64_t)n * 0x1000) };
	char name[40];

	if (!has_guest_files(c))
		return 0;
	for (unsigned k = 0; k < n; k++) {
		ie[2 * k] = cpu_to_fdt32(PHANDLE_INTC(k));
		ie[2 * k + 1] = cpu_to_fdt32(IRQ_S_EXT);
	}
	fmt_snprintf(name, sizeof(name), "interrupt-controller@%llx", (unsigned long long)gpa);
	TRY(fdt_begin_node(fdt, name));
	TRY(fdt_property_string(fdt, "compatible", "riscv,imsics"));
	TRY(fdt_property(fdt, "reg", reg, sizeof(reg)));
	TRY(fdt_property_u32(fdt, "#interrupt-cells", 0));
	TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
	TRY(fdt_property(fdt, "msi-controller", NULL, 0));
	TRY(fdt_property_u32(fdt, "#msi-cells", 0));
	TRY(fdt_property_u32(fdt, "riscv,num-ids", platform.arch.imsic_s.ndev));
	TRY(fdt_property_u32(fdt, "riscv,hart-index-bits", hart_index_bits(n)));
	TRY(fdt_property(fdt, "interrupts-extended", ie, n * 2 * sizeof(fdt32_t)));
	TRY(fdt_property_u32(fdt, "phandle", PHANDLE_IMSIC));
	return fdt_end_node(fdt);
}

/*
 * The cell's virtual APLIC: one MSI-mode domain (msi-parent: its files)
 * with the sources 1..VAPLIC_MAX_SRCS-1, of which the cell's exist.  Two
 * interrupt cells, as Linux's APLIC binding wants: the source and its
 * trigger type (arch_cell_fdt_irqs).
 */
static int cell_fdt_aplic(struct cell *c, void *fdt, uint32_t phandle)
{
	gpaddr_t gpa = c->desc->arch.aplic_gpa;
	fdt64_t reg[2] = { cpu_to_fdt64(gpa), cpu_to_fdt64(VAPLIC_SIZE) };
	char name[40];

	fmt_snprintf(name, sizeof(name), "interrupt-controller@%llx", (unsigned long long)gpa);
	TRY(fdt_begin_node(fdt, name));
	TRY(fdt_property_string(fdt, "compatible", "riscv,aplic"));
	TRY(fdt_property(fdt, "reg", reg, sizeof(reg)));
	TRY(fdt_property_u32(fdt, "#address-cells", 0));
	TRY(fdt_property_u32(fdt, "#interrupt-cells", 2));
	TRY(fdt_property(fdt, "interrupt-controller", NULL, 0));
	TRY(fdt_property_u32(fdt, "msi-parent", PHANDLE_IMSIC));
	TRY(fdt_property_u32(fdt, "riscv,num-sources", VAPLIC_MAX_SRCS - 1));
	TRY(fdt_property_u32(fdt, "phandle", phandle));
	return fdt_end_node(fdt);
}

/* Linux's IRQ_TYPE_LEVEL_HIGH: every interrupt we give a cell is a level
 * (the emulated devices' lines, and QEMU's passthrough devices'). */
#define IRQ_TYPE_LEVEL_HIGH	4

/* The specifier: the PLIC's is the source number; the APLIC's the
 * source and its trigger type. */
int arch_cell_fdt_irqs(const struct cell *c, void *fdt, const uint32_t *irqs, unsigned n)
{
	fdt32_t v[2 * LAYOUT_DEV_IRQS];
	unsigned nc = has_vaplic(c) ? 2 : 1;

	if (n > LAYOUT_DEV_IRQS)
		n = LAYOUT_DEV_IRQS;
	for (unsigned i = 0; i < n; i++) {
		v[nc * i] = cpu_to_fdt32(irqs[i]);
		if (nc == 2)
			v[nc * i + 1] = cpu_to_fdt32(IRQ_TYPE_LEVEL_HIGH);
	}
	return fdt_property(fdt, "interrupts", v, (int)(n * nc * sizeof(fdt32_t)));
}
