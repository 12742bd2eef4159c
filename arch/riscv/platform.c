// SPDX-License-Identifier: GPL-2.0-only
/*
 * RISC-V device-tree probing: each hart's ISA extensions, the interrupt
 * controllers (PLIC, or APLIC + IMSIC with AIA) and the CLINT/ACLINT.
 */
#include <libfdt.h>
#include <arch/csr.h>
#include <fv/arch_platform.h>
#include <fv/console.h>
#include <fv/string.h>

static const char *const ext_names[ISA_NR] = {
	[ISA_H] = "h", [ISA_SSTC] = "sstc", [ISA_SSAIA] = "ssaia",
	[ISA_SMAIA] = "smaia", [ISA_SVPBMT] = "svpbmt", [ISA_SVNAPOT] = "svnapot",
	[ISA_SVINVAL] = "svinval", [ISA_SSCOFPMF] = "sscofpmf",
	[ISA_ZICBOM] = "zicbom", [ISA_ZIHINTPAUSE] = "zihintpause", [ISA_D] = "d",
	[ISA_V] = "v",
};

const char *riscv_isa_ext_name(enum riscv_isa_ext e)
{
	return e < ISA_NR ? ext_names[e] : "?";
}

static uint64_t ext_bit(const char *name, size_t len)
{
	for (int e = 0; e < ISA_NR; e++)
		if (strlen(ext_names[e]) == len && !strncmp(name, ext_names[e], len))
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
	int len, intc;

	s = fdt_getprop(fdt, node, "riscv,isa-extensions", &len);
	if (s) {
		for (const char *end = s + len; s < end; s += strlen(s) + 1)
			h->arch.isa_ext |= ext_bit(s, strlen(s));
	} else if ((s = fdt_getprop(fdt, node, "riscv,isa", NULL))) {
		h->arch.isa_ext = riscv_parse_isa_string(s);
	}
	h->arch.plic_ctx_s = -1;
	fdt_for_each_subnode(intc, fdt, node) {
		if (!fdt_node_check_compatible(fdt, intc, "riscv,cpu-intc")) {
			h->arch.intc_phandle = fdt_get_phandle(fdt, intc);
			break;
		}
	}
	return 0;
}

/*
 * Does this controller deliver to S-mode?  With AIA, QEMU's virt has an
 * M-level and an S-level APLIC and IMSIC; the S-level ones list the
 * supervisor external interrupt (9) in interrupts-extended.  An APLIC in
 * MSI mode has no interrupts-extended; take it as S-level.
 */
static bool targets_s_mode(const void *fdt, int node)
{
	int len;
	const fdt32_t *ie = fdt_getprop(fdt, node, "interrupts-extended", &len);

	if (!ie)
		return true;
	for (int i = 1; i < len / 4; i += 2)
		if (fdt32_to_cpu(ie[i]) == IRQ_S_EXT)
			return true;
	return false;
}

static void probe_irqc(const void *fdt, struct riscv_irqc *q,
		       const char *const *compat, int n, bool s_mode_only)
{
	struct plat_range r;
	const fdt32_t *v;
	int node = -1;

	for (int i = 0; i < n; i++) {
		node = fdt_node_offset_by_compatible(fdt, -1, compat[i]);
		while (node >= 0 && s_mode_only && !targets_s_mode(fdt, node))
			node = fdt_node_offset_by_compatible(fdt, node, compat[i]);
		if (node >= 0)
			break;
	}
	if (node < 0)
		return;
	if (fdt_read_reg(fdt, node, 0, &r) < 0)
		return;
	q->present = true;
	q->base = r.base;
	q->size = r.size;
	q->node = node;
	if ((v = fdt_getprop(fdt, node, "riscv,ndev", NULL)) ||
	    (v = fdt_getprop(fdt, node, "riscv,num-sources", NULL)))
		q->ndev = fdt32_to_cpu(*v);
}

/* PLIC context of each hart's S-mode external interrupt. */
static void map_plic_contexts(const void *fdt, struct platform *p)
{
	int len;
	const fdt32_t *ie = fdt_getprop(fdt, p->arch.plic.node, "interrupts-extended", &len);

	if (!ie)
		return;
	for (int ctx = 0; ctx < len / 8; ctx++) {
		uint32_t ph = fdt32_to_cpu(ie[2 * ctx]);
		uint32_t irq = fdt32_to_cpu(ie[2 * ctx + 1]);

		if (irq != IRQ_S_EXT)
			continue;
		for (unsigned h = 0; h < p->nr_harts; h++)
			if (p->harts[h].arch.intc_phandle == ph)
				p->harts[h].arch.plic_ctx_s = ctx;
	}
}

static bool for_each_hv_owned(const void *fdt, bool (*fn)(const struct plat_range *, void *),
			      void *arg);
static bool record_hv_owned(const struct plat_range *r, void *arg);

int arch_platform_probe(const void *fdt, struct platform *p)
{
	static const char *const plic[] = { "riscv,plic0", "sifive,plic-1.0.0" };
	static const char *const aplic[] = { "riscv,aplic" };
	static const char *const imsic[] = { "riscv,imsics" };
	static const char *const clint[] = { "riscv,clint0", "sifive,clint0" };
	static const char *const mswi[] = { "riscv,aclint-mswi" };
	static const char *const sswi[] = { "riscv,aclint-sswi" };

	p->arch.isa_common = ~0ULL;
	for (unsigned i = 0; i < p->nr_harts; i++)
		p->arch.isa_common &= p->harts[i].arch.isa_ext;

	probe_irqc(fdt, &p->arch.plic, plic, 2, false);
	probe_irqc(fdt, &p->arch.aplic_s, aplic, 1, true);
	probe_irqc(fdt, &p->arch.imsic_s, imsic, 1, true);
	probe_irqc(fdt, &p->arch.clint, clint, 2, false);
	probe_irqc(fdt, &p->arch.aclint_mswi, mswi, 1, false);
	probe_irqc(fdt, &p->arch.aclint_sswi, sswi, 1, false);
	if (p->arch.plic.present)
		map_plic_contexts(fdt, p);
	p->arch.nr_hv_owned = 0;
	for_each_hv_owned(fdt, record_hv_owned, &p->arch);
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
		kprintf("irqchip: IMSIC (S) at %#llx\n", (unsigned long long)q->base);
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
/* Interrupt controllers, timers and IPI devices: the hypervisor's own. */
static const char *const hv_owned_compat[] = {
	"riscv,plic0", "sifive,plic-1.0.0", "riscv,aplic", "riscv,imsics",
	"riscv,clint0", "sifive,clint0", "riscv,aclint-mswi",
	"riscv,aclint-sswi", "riscv,aclint-mtimer",
};

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
