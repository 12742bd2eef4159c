// SPDX-License-Identifier: GPL-2.0-only
/*
 * RISC-V device-tree probing: each hart's ISA extensions, the interrupt
 * controllers (PLIC, or APLIC + IMSIC with AIA) and the CLINT/ACLINT.
 */
#include <libfdt.h>
#include <arch/csr.h>
#include <fv/arch_platform.h>
#include <fv/console.h>
#include <fv/layout.h>
#include <fv/string.h>

static const char *const ext_names[ISA_NR] = {
	[ISA_H] = "h", [ISA_SSTC] = "sstc", [ISA_SSAIA] = "ssaia",
	[ISA_SMAIA] = "smaia", [ISA_SVPBMT] = "svpbmt", [ISA_SVNAPOT] = "svnapot",
	[ISA_SVINVAL] = "svinval", [ISA_SSCOFPMF] = "sscofpmf",
	[ISA_ZICBOM] = "zicbom", [ISA_ZIHINTPAUSE] = "zihintpause", [ISA_D] = "d",
	[ISA_V] = "v", [ISA_SMSTATEEN] = "smstateen",
};

const char *riscv_isa_ext_name(enum riscv_isa_ext e)
{
	return e < ISA_NR ? ext_names[e] : "?";
}

static uint64_t ext_bit(const char *name, size_t len)
{
	/* the first letter, then strncmp, which stops at the first difference
	 * (a strlen of each name, for each of ~50 extensions of each hart, was
	 * 58 k instructions at boot) */
	for (int e = 0; e < ISA_NR; e++)
		if (ext_names[e][0] == name[0] && !strncmp(name, ext_names[e], len) &&
		    ext_names[e][len] == '\0')
			return BIT(e);
	return 0;
}

/*
 * Parse "rv64imafdch_zicsr_sstc...": single-letter extensions up to the
 * first '_', then multi-letter ones separated by '_'.
 */
uint64_t riscv_parse_isa_string(const char *isa)
{
	uint64_t ext = 0;
	const char *p = isa;

	if (strncmp(p, "rv64", 4) && strncmp(p, "rv32", 4))
		return 0;
	for (p += 4; *p && *p != '_'; p++)
		ext |= ext_bit(p, 1);
	while (*p) {
		const char *start;

		while (*p == '_')
			p++;
		start = p;
		while (*p && *p != '_')
			p++;
		if (p > start)
			ext |= ext_bit(start, p - start);
	}
	return ext;
}

int arch_platform_hart(const void *fdt, int node, struct plat_hart *h)
{
	const char *s;
	int len;

	s = fdt_getprop(fdt, node, "riscv,isa-extensions", &len);
	if (s) {
		for (const char *end = s + len; s < end; s += strlen(s) + 1)
			h->arch.isa_ext |= ext_bit(s, strlen(s));
	} else if ((s = fdt_getprop(fdt, node, "riscv,isa", NULL))) {
		h->arch.isa_ext = riscv_parse_isa_string(s);
	}
	h->arch.plic_ctx_s = -1;
	h->arch.imsic_idx = -1;
	/* intc_phandle: arch_platform_probe()'s walk, which sees the cpu's
	 * interrupt-controller child anyway */
	return 0;
}

/*
 * Does this controller deliver to S-mode?  With AIA, QEMU's virt has an
 * M-level and an S-level APLIC and IMSIC; the S-level ones list the
 * supervisor external interrupt (9) in interrupts-extended.  An APLIC in
 * MSI mode has no interrupts-extended; take it as S-level.
 */
static bool targets_s_mode(const struct fdt_wnode *n)
{
	int len;
	const fdt32_t *ie = fdt_wnode_prop(n, "interrupts-extended", &len);

	if (!ie)
		return true;
	for (int i = 1; i < len / 4; i += 2)
		if (fdt32_to_cpu(ie[i]) == IRQ_S_EXT)
			return true;
	return false;
}

/* The interrupt controllers and IPI devices the probe looks for.  Within
 * a kind the lower rank wins, then the first node in the tree. */
enum { K_PLIC, K_APLIC, K_IMSIC, K_CLINT, K_MSWI, K_SSWI, K_NR };

static const struct {
	const char *compat;
	unsigned kind, rank;
	bool s_mode_only;
} irqc_compat[] = {
	{ "riscv,plic0", K_PLIC, 0, false }, { "sifive,plic-1.0.0", K_PLIC, 1, false },
	{ "riscv,aplic", K_APLIC, 0, true }, { "riscv,imsics", K_IMSIC, 0, true },
	{ "riscv,clint0", K_CLINT, 0, false }, { "sifive,clint0", K_CLINT, 1, false },
	{ "riscv,aclint-mswi", K_MSWI, 0, false }, { "riscv,aclint-sswi", K_SSWI, 0, false },
};

struct irqc_found {
	int node, parent;	/* node -1: none yet */
	unsigned rank;
};

static void irqc_fill(const void *fdt, const struct irqc_found *f, struct riscv_irqc *q)
{
	struct plat_range r;
	const fdt32_t *v;

	if (f->node < 0 || fdt_read_reg_under(fdt, f->parent, f->node, 0, &r) < 0)
		return;
	q->present = true;
	q->base = r.base;
	q->size = r.size;
	q->node = f->node;
	if ((v = fdt_getprop(fdt, f->node, "riscv,ndev", NULL)) ||
	    (v = fdt_getprop(fdt, f->node, "riscv,num-sources", NULL)) ||
	    (v = fdt_getprop(fdt, f->node, "riscv,num-ids", NULL)))
		q->ndev = fdt32_to_cpu(*v);
	if ((v = fdt_getprop(fdt, f->node, "riscv,guest-index-bits", NULL)))
		q->guest_bits = fdt32_to_cpu(*v);
}

/*
 * Each hart's place among the S-mode external interrupt outputs of a
 * controller: its PLIC context (by the index of the pair), or its IMSIC
 * file (by the index among the harts listed, which is the hart index an
 * APLIC in MSI mode targets).
 */
static void map_s_outputs(const void *fdt, struct platform *p, int node, bool imsic)
{
	int len, nth = 0;
	const fdt32_t *ie = fdt_getprop(fdt, node, "interrupts-extended", &len);

	if (!ie)
		return;
	for (int ctx = 0; ctx < len / 8; ctx++) {
		uint32_t ph = fdt32_to_cpu(ie[2 * ctx]);
		uint32_t irq = fdt32_to_cpu(ie[2 * ctx + 1]);

		if (irq != IRQ_S_EXT)
			continue;
		for (unsigned h = 0; h < p->nr_harts; h++) {
			if (p->harts[h].arch.intc_phandle != ph)
				continue;
			if (imsic)
				p->harts[h].arch.imsic_idx = nth;
			else
				p->harts[h].arch.plic_ctx_s = ctx;
		}
		nth++;
	}
}

/* Interrupt controllers, timers and IPI devices: the hypervisor's own. */
static const char *const hv_owned_compat[] = {
	"riscv,plic0", "sifive,plic-1.0.0", "riscv,aplic", "riscv,imsics",
	"riscv,clint0", "sifive,clint0", "riscv,aclint-mswi",
	"riscv,aclint-sswi", "riscv,aclint-mtimer",
};

static bool is_hv_owned_node(const char *compat, int len);

static bool record_hv_owned(const struct plat_range *r, void *arg);

struct probe_walk {
	struct platform *p;
	struct irqc_found found[K_NR];
};

/* The first riscv,cpu-intc child of a hart's node: its phandle, which the
 * controllers' interrupts-extended name. */
static void probe_cpu_intc(const struct fdt_wnode *n, const char *compat, int len,
			   struct platform *p)
{
	const fdt32_t *ph;

	if (!fdt_stringlist_contains(compat, len, "riscv,cpu-intc"))
		return;
	ph = fdt_wnode_prop(n, "phandle", NULL);
	if (!ph)
		ph = fdt_wnode_prop(n, "linux,phandle", NULL);
	for (unsigned h = 0; ph && h < p->nr_harts; h++)
		if (p->harts[h].node == n->parent->offset && !p->harts[h].arch.intc_phandle)
			p->harts[h].arch.intc_phandle = fdt32_to_cpu(*ph);
}

/* One node of the walk: a controller we look for, a node the hypervisor
 * keeps (every reg range recorded), a hart's interrupt controller. */
static int probe_node(const struct fdt_wnode *n, void *arg)
{
	struct probe_walk *w = arg;
	int len;
	const char *compat = fdt_wnode_prop(n, "compatible", &len);
	struct plat_range r;

	if (!compat || !n->depth)
		return 0;
	for (unsigned i = 0; i < ARRAY_SIZE(irqc_compat); i++) {
		struct irqc_found *f = &w->found[irqc_compat[i].kind];

		if ((f->node < 0 || irqc_compat[i].rank < f->rank) &&
		    fdt_stringlist_contains(compat, len, irqc_compat[i].compat) &&
		    (!irqc_compat[i].s_mode_only || targets_s_mode(n)))
			*f = (struct irqc_found){ n->offset, n->parent->offset,
						  irqc_compat[i].rank };
	}
	if (is_hv_owned_node(compat, len))
		for (int idx = 0; fdt_wnode_reg(n, idx, &r) == 0; idx++)
			record_hv_owned(&r, &w->p->arch);
	if (n->depth >= 2)
		probe_cpu_intc(n, compat, len, w->p);
	return 0;
}

/*
 * One walk over the tree (fdt_walk(): each node's parent and properties
 * known without a lookup): looking each controller up by compatible, and
 * each reg's parent by fdt_parent_offset(), walked the tree from its root
 * every time (8.6 M instructions at boot on QEMU virt; libfdt's own walk
 * still took 0.5 M).
 */
int arch_platform_probe(const void *fdt, struct platform *p)
{
	struct probe_walk w = { .p = p };
	struct riscv_irqc *q[K_NR] = {
		[K_PLIC] = &p->arch.plic, [K_APLIC] = &p->arch.aplic_s,
		[K_IMSIC] = &p->arch.imsic_s, [K_CLINT] = &p->arch.clint,
		[K_MSWI] = &p->arch.aclint_mswi, [K_SSWI] = &p->arch.aclint_sswi,
	};

	p->arch.isa_common = ~0ULL;
	for (unsigned i = 0; i < p->nr_harts; i++)
		p->arch.isa_common &= p->harts[i].arch.isa_ext;
	for (unsigned k = 0; k < K_NR; k++)
		w.found[k] = (struct irqc_found){ -1, -1, 0 };
	p->arch.nr_hv_owned = 0;
	if (fdt_walk(fdt, probe_node, &w) < 0)
		return -1;
	for (unsigned k = 0; k < K_NR; k++)
		irqc_fill(fdt, &w.found[k], q[k]);
	if (p->arch.plic.present)
		map_s_outputs(fdt, p, p->arch.plic.node, false);
	if (p->arch.imsic_s.present)
		map_s_outputs(fdt, p, p->arch.imsic_s.node, true);
	return 0;
}

int arch_platform_check(const struct platform *p)
{
	for (unsigned i = 0; i < p->nr_harts; i++) {
		const struct plat_hart *h = &p->harts[i];

		if (!(h->arch.isa_ext & BIT(ISA_H))) {
			const char *isa = fdt_getprop(p->fdt, h->node, "riscv,isa", NULL);
			const char *us = isa ? strchr(isa, '_') : NULL;
			int base_len = !isa ? 0 : us ? (int)(us - isa) : (int)strlen(isa);

			kprintf("Ferrovisor: hart %lu has no H (hypervisor) extension "
				"(riscv,isa %.*s...); Ferrovisor needs it on every hart\n",
				h->hwid, base_len, isa ? isa : "");
			return -1;
		}
	}
	if (!p->arch.plic.present && !p->arch.aplic_s.present) {
		kprintf("Ferrovisor: no PLIC or S-level APLIC in the device tree\n");
		return -1;
	}
	return 0;
}

void arch_platform_print(const struct platform *p)
{
	const struct riscv_irqc *q;

	kprintf("ISA extensions on every hart:");
	for (int e = 0; e < ISA_NR; e++)
		if (p->arch.isa_common & BIT(e))
			kprintf(" %s", ext_names[e]);
	kprintf("\n");
	if ((q = &p->arch.plic)->present)
		kprintf("irqchip: PLIC at %#llx, %u sources\n",
			(unsigned long long)q->base, q->ndev);
	if ((q = &p->arch.aplic_s)->present)
		kprintf("irqchip: APLIC (S) at %#llx, %u sources\n",
			(unsigned long long)q->base, q->ndev);
	if ((q = &p->arch.imsic_s)->present)
		kprintf("irqchip: IMSIC (S) at %#llx, %u ids, %u guest files per hart\n",
			(unsigned long long)q->base, q->ndev, (1u << q->guest_bits) - 1);
	if ((q = &p->arch.clint)->present)
		kprintf("timer/IPI: CLINT at %#llx\n", (unsigned long long)q->base);
	if ((q = &p->arch.aclint_mswi)->present)
		kprintf("timer/IPI: ACLINT MSWI at %#llx\n", (unsigned long long)q->base);
	if ((q = &p->arch.aclint_sswi)->present)
		kprintf("timer/IPI: ACLINT SSWI at %#llx\n", (unsigned long long)q->base);
}

unsigned arch_platform_nr_irqs(const struct platform *p)
{
	const struct riscv_irqc *plic = &p->arch.plic, *aplic = &p->arch.aplic_s;

	/* Both only on an odd board: allow what either can deliver. */
	if (plic->present && aplic->present)
		return MIN(plic->ndev, aplic->ndev);
	return plic->present ? plic->ndev : aplic->present ? aplic->ndev : 0;
}

static bool overlaps(paddr_t a, uint64_t alen, paddr_t b, uint64_t blen)
{
	return alen && blen && a <= b + (blen - 1) && b <= a + (alen - 1);
}

/*
 * Every interrupt controller and timer/IPI block in the tree, whatever
 * privilege level it serves: the M-level APLIC and IMSIC belong to the
 * firmware, the S-level ones to the hypervisor; no cell gets either.
 */

/* Call `fn` with each reg range of every hypervisor-owned node; stop and
 * return true when it does. */
static bool for_each_hv_owned(const void *fdt, bool (*fn)(const struct plat_range *, void *),
			      void *arg)
{
	struct plat_range r;

	for (unsigned i = 0; i < ARRAY_SIZE(hv_owned_compat); i++) {
		int node = -1;

		while ((node = fdt_node_offset_by_compatible(fdt, node, hv_owned_compat[i])) >= 0)
			for (int idx = 0; fdt_read_reg(fdt, node, idx, &r) == 0; idx++)
				if (fn(&r, arg))
					return true;
	}
	return false;
}

static bool is_hv_owned_node(const char *compat, int len)
{
	for (unsigned i = 0; i < ARRAY_SIZE(hv_owned_compat); i++)
		if (fdt_stringlist_contains(compat, len, hv_owned_compat[i]))
			return true;
	return false;
}

static bool record_hv_owned(const struct plat_range *r, void *arg)
{
	struct arch_platform *a = arg;

	if (a->nr_hv_owned < RISCV_HV_OWNED_MAX)
		a->hv_owned[a->nr_hv_owned] = *r;
	a->nr_hv_owned += a->nr_hv_owned <= RISCV_HV_OWNED_MAX;
	return false;
}

struct hv_owned_query {
	paddr_t base;
	uint64_t size;
};

static bool overlaps_query(const struct plat_range *r, void *arg)
{
	const struct hv_owned_query *q = arg;

	return overlaps(q->base, q->size, r->base, r->size);
}

bool arch_platform_is_hv_owned(const struct platform *p, paddr_t base, uint64_t size)
{
	const struct riscv_irqc *q[] = {
		&p->arch.plic, &p->arch.aplic_s, &p->arch.imsic_s, &p->arch.clint,
		&p->arch.aclint_mswi, &p->arch.aclint_sswi,
	};
	struct hv_owned_query query = { base, size };

	for (unsigned i = 0; i < ARRAY_SIZE(q); i++)
		if (q[i]->present && overlaps(base, size, q[i]->base, q[i]->size))
			return true;
	if (!p->fdt)
		return false;
	if (p->arch.nr_hv_owned > RISCV_HV_OWNED_MAX)
		return for_each_hv_owned(p->fdt, overlaps_query, &query);
	for (unsigned i = 0; i < p->arch.nr_hv_owned; i++)
		if (overlaps_query(&p->arch.hv_owned[i], &query))
			return true;
	return false;
}

/* ---- layout checks that depend on the board's interrupt controllers ---- */

static bool has_passthrough_irq(const struct layout_cell *lc, unsigned *dev)
{
	for (unsigned i = 0; i < lc->nr_devs && i < LAYOUT_MAX_DEVS; i++)
		if (lc->devs[i].irqs[0]) {
			*dev = i;
			return true;
		}
	return false;
}

/* On an AIA board: guest files for every vhart, and the virtual APLIC for
 * passthrough sources. */
static void check_aia_cell(const struct platform *p, const struct layout_cell *lc,
			   arch_layout_report report, void *arg)
{
	const struct arch_layout_cell *a = &lc->arch;
	unsigned d;

	if (a->imsic_gpa && p->arch.imsic_s.guest_bits == 0)
		report(arg, "arch.imsic_gpa: the board's IMSIC has no guest interrupt files "
		       "(QEMU: -M virt,aia=aplic-imsic,aia-guests=N)");
	for (unsigned k = 0; a->imsic_gpa && k < lc->nr_harts && k < LAYOUT_MAX_HARTS; k++) {
		int h = platform_hart_index(p, lc->harts[k]);

		if (h >= 0 && p->harts[h].arch.imsic_idx < 0)
			report(arg, "harts[%u] (hart %lu) has no IMSIC interrupt file for "
			       "arch.imsic_gpa", k, lc->harts[k]);
	}
	if (!a->aplic_gpa && has_passthrough_irq(lc, &d))
		report(arg, "devs[%u] irq %u: passthrough interrupts on an AIA board need "
		       "arch.aplic_gpa and arch.imsic_gpa (the virtual APLIC)", d,
		       lc->devs[d].irqs[0]);
}

/*
 * The guest's IMSIC node says vhart k's file is at imsic_gpa + k pages,
 * k in ceil(log2(harts)) hart index bits; Linux takes the files' base to
 * be imsic_gpa with those bits cleared, so they must be clear.
 */
static void check_imsic_align(const struct layout_cell *lc, arch_layout_report report,
			      void *arg)
{
	uint64_t span = 0x1000;

	while (span < (uint64_t)lc->nr_harts * 0x1000)
		span <<= 1;
	if (lc->arch.imsic_gpa & (span - 1))
		report(arg, "arch.imsic_gpa %#llx is not aligned to its %u vharts' files "
		       "(%#llx: a power of two of pages)", (unsigned long long)lc->arch.imsic_gpa,
		       lc->nr_harts, (unsigned long long)span);
}

void arch_layout_check_cell(const struct platform *p, const struct layout_cell *lc,
			    arch_layout_report report, void *arg)
{
	const struct arch_layout_cell *a = &lc->arch;
	bool aia = !p->arch.plic.present && p->arch.aplic_s.present && p->arch.imsic_s.present;

	if (a->imsic_gpa)
		check_imsic_align(lc, report, arg);
	if (a->aplic_gpa && !a->imsic_gpa)
		report(arg, "arch.aplic_gpa needs arch.imsic_gpa: the virtual APLIC delivers "
		       "into the vharts' guest interrupt files");
	if (aia)
		check_aia_cell(p, lc, report, arg);
	else if (!a->vplic_gpa && a->aplic_gpa)
		report(arg, "arch.vplic_gpa is not set (the virtual PLIC's guest address): "
		       "this board has a PLIC, arch.aplic_gpa serves AIA boards only");
}
