// SPDX-License-Identifier: GPL-2.0-only
/*
 * SBI DBTR (debug triggers) for a vhart: real Sdtrig triggers of its own
 * hart, installed through the firmware's DBTR (sbi_dbtr.c) and made to
 * fire in VS and VU-mode only.  The guest's shared memory is read once
 * per call into the hypervisor's own (the firmware never sees the
 * guest's), each trigger checked first: mcontrol6 only, no M, VS or VU
 * bit (the guest has no H), breakpoint action, no chain, tdata3 0; its S
 * and U become VS and VU.  A vhart may touch only the triggers it
 * installed; they are all removed when it starts.  Update takes a new
 * tdata2 (the address) per trigger, as OpenSBI 1.5.1's update does.
 */
#include <arch/sbi.h>
#include <arch/sbi_dbtr.h>
#include "vsbi.h"

#define MC6_TYPE	(6UL << 60)
#define TYPE_MASK	(0xfUL << 60)
#define MC6_DMODE	(1UL << 59)
#define MC6_VS		(1UL << 24)
#define MC6_VU		(1UL << 23)
#define MC6_ACTION	(0xfUL << 12)
#define MC6_CHAIN	(1UL << 11)
#define MC6_M		(1UL << 6)
#define MC6_S		(1UL << 4)
#define MC6_U		(1UL << 3)
#define TS_MAPPED	(1UL << 0)
#define TS_U		(1UL << 1)
#define TS_S		(1UL << 2)
#define OFF		(~0UL)

static bool valid(const struct sbi_dbtr_entry *e)
{
	return (e->tdata1 & TYPE_MASK) == MC6_TYPE && !e->tdata3 &&
	       !(e->tdata1 & (MC6_DMODE | MC6_VS | MC6_VU | MC6_ACTION | MC6_CHAIN | MC6_M));
}

/* The guest's S and U are VS and VU. */
static unsigned long to_hw(unsigned long t1)
{
	unsigned long out = t1 & ~(MC6_S | MC6_U);

	if (t1 & MC6_S)
		out |= MC6_VS;
	if (t1 & MC6_U)
		out |= MC6_VU;
	return out;
}

/* `n` entries of the guest's shared memory, or NULL. */
static struct sbi_dbtr_entry *guest_entries(struct vcpu *v, unsigned long n)
{
	if (v->arch.dbtr_shmem == OFF || n > VSBI_DBTR_TRIGGERS)
		return NULL;
	return cell_gpa_to_hva(v->cell, v->arch.dbtr_shmem,
			       n ? n * sizeof(struct sbi_dbtr_entry) : 1, MEM_R | MEM_W);
}

/* The triggers (base, mask) name, or 0 if one is not this vhart's. */
static unsigned long owned(const struct vcpu *v, unsigned long base, unsigned long mask)
{
	unsigned long t;

	if (base >= VSBI_DBTR_TRIGGERS || (mask << base) >> base != mask)
		return 0;
	t = mask << base;
	return t && !(t & ~v->arch.dbtr_owned) ? t : 0;
}

static struct sbiret setup_shmem(struct vcpu *v, unsigned long lo, unsigned long hi)
{
	if (lo == OFF && hi == OFF) {
		v->arch.dbtr_shmem = OFF;
		return (struct sbiret){ SBI_SUCCESS, 0 };
	}
	if (v->arch.dbtr_shmem != OFF)
		return (struct sbiret){ SBI_ERR_ALREADY_AVAILABLE, 0 };
	if (lo & (sizeof(unsigned long) - 1))
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	if (hi || !cell_gpa_to_hva(v->cell, lo, sizeof(struct sbi_dbtr_entry), MEM_R | MEM_W))
		return (struct sbiret){ SBI_ERR_INVALID_ADDRESS, 0 };
	v->arch.dbtr_shmem = lo;
	return (struct sbiret){ SBI_SUCCESS, 0 };
}

static struct sbiret read_triggers(struct vcpu *v, unsigned long base, unsigned long n)
{
	struct sbi_dbtr_entry *g;

	if (v->arch.dbtr_shmem == OFF)
		return (struct sbiret){ SBI_ERR_NO_SHMEM, 0 };
	if (base >= VSBI_DBTR_TRIGGERS || n > VSBI_DBTR_TRIGGERS - base)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	g = guest_entries(v, n);
	if (!g)
		return (struct sbiret){ SBI_ERR_INVALID_ADDRESS, 0 };
	for (unsigned long i = 0; i < n; i++) {
		const unsigned long *d = v->arch.dbtr_data[base + i];
		bool mine = v->arch.dbtr_owned & BIT(base + i);

		g[i].tstate = !mine ? 0 : TS_MAPPED | ((d[0] & MC6_S) ? TS_S : 0) |
					  ((d[0] & MC6_U) ? TS_U : 0);
		g[i].tdata1 = mine ? d[0] : 0;
		g[i].tdata2 = mine ? d[1] : 0;
		g[i].tdata3 = mine ? d[2] : 0;
	}
	return (struct sbiret){ SBI_SUCCESS, 0 };
}

static struct sbiret install(struct vcpu *v, unsigned long n)
{
	struct sbi_dbtr_entry *g, *fw = sbi_dbtr_shmem();
	unsigned long value, got = 0;
	long err;

	if (v->arch.dbtr_shmem == OFF)
		return (struct sbiret){ SBI_ERR_NO_SHMEM, 0 };
	if (n > VSBI_DBTR_TRIGGERS)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	g = guest_entries(v, n);
	if (!g || !fw)
		return (struct sbiret){ g ? SBI_ERR_FAILED : SBI_ERR_INVALID_ADDRESS, 0 };
	for (unsigned long i = 0; i < n; i++) {
		fw[i] = g[i];	/* read once: checked and used from here */
		if (!valid(&fw[i]))
			return (struct sbiret){ SBI_ERR_FAILED, (long)i };
		fw[i].tdata1 = to_hw(fw[i].tdata1);
	}
	err = sbi_dbtr_install(n, &value);
	if (err)
		return (struct sbiret){ err, (long)value };
	for (unsigned long i = 0; i < n; i++)
		got |= fw[i].idx < VSBI_DBTR_TRIGGERS ? BIT(fw[i].idx) : ~0UL;
	if (got == ~0UL) {	/* an index we cannot keep: undo them all */
		for (unsigned long i = 0; i < n; i++)
			sbi_dbtr_uninstall(fw[i].idx, 1);
		return (struct sbiret){ SBI_ERR_FAILED, 0 };
	}
	for (unsigned long i = 0; i < n; i++) {
		unsigned long *d = v->arch.dbtr_data[fw[i].idx];

		d[0] = (fw[i].tdata1 & ~(MC6_VS | MC6_VU)) |
		       ((fw[i].tdata1 & MC6_VS) ? MC6_S : 0) | ((fw[i].tdata1 & MC6_VU) ? MC6_U : 0);
		d[1] = fw[i].tdata2;
		d[2] = fw[i].tdata3;
		g[i].idx = fw[i].idx;
	}
	v->arch.dbtr_owned |= got;
	return (struct sbiret){ SBI_SUCCESS, 0 };
}

/* New addresses (tdata2) for this vhart's triggers of (base, mask), from
 * the guest's entries, one per trigger in order. */
static struct sbiret update(struct vcpu *v, unsigned long base, unsigned long mask)
{
	unsigned long t = owned(v, base, mask);
	struct sbi_dbtr_entry *g, *fw = sbi_dbtr_shmem();
	unsigned n = 0, k = 0;
	long err;

	for (unsigned i = 0; i < VSBI_DBTR_TRIGGERS; i++)
		n += !!(t & BIT(i));
	if (v->arch.dbtr_shmem == OFF)
		return (struct sbiret){ SBI_ERR_NO_SHMEM, 0 };
	if (!t)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	g = guest_entries(v, n);
	if (!g || !fw)
		return (struct sbiret){ g ? SBI_ERR_FAILED : SBI_ERR_INVALID_ADDRESS, 0 };
	for (unsigned i = 0; i < n; i++)
		fw[i].tdata2 = g[i].tdata2;	/* read once */
	err = sbi_dbtr_update(base, mask);
	if (err)
		return (struct sbiret){ err, 0 };
	for (unsigned i = 0; i < VSBI_DBTR_TRIGGERS; i++)
		if (t & BIT(i))
			v->arch.dbtr_data[i][1] = fw[k++].tdata2;
	return (struct sbiret){ SBI_SUCCESS, 0 };
}

/* uninstall, enable, disable: of this vhart's triggers only */
static struct sbiret on_owned(struct vcpu *v, unsigned long fid, unsigned long base,
			      unsigned long mask)
{
	unsigned long t = owned(v, base, mask);
	long err;

	if (!t)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	if (fid == SBI_DBTR_TRIGGER_UNINSTALL) {
		err = sbi_dbtr_uninstall(base, mask);
		if (!err)
			v->arch.dbtr_owned &= ~t;
	} else if (fid == SBI_DBTR_TRIGGER_ENABLE) {
		err = sbi_dbtr_enable(base, mask);
	} else {
		err = sbi_dbtr_disable(base, mask);
	}
	return (struct sbiret){ err, 0 };
}

/* Offered if the firmware has triggers for us (asked once: 1 yes, 2 no). */
static int offered;

bool vsbi_dbtr_offered(void)
{
	int o = __atomic_load_n(&offered, __ATOMIC_ACQUIRE);
	unsigned long n;

	if (!o) {
		o = sbi_probe(SBI_EXT_DBTR) && !sbi_dbtr_num(MC6_TYPE, &n) && n ? 1 : 2;
		__atomic_store_n(&offered, o, __ATOMIC_RELEASE);
	}
	return o == 1;
}

/* A starting vhart: none of its triggers left, no shared memory. */
void vsbi_dbtr_reset(struct vcpu *v)
{
	if (v->arch.dbtr_owned)
		sbi_dbtr_uninstall(0, v->arch.dbtr_owned);
	v->arch.dbtr_owned = 0;
	v->arch.dbtr_shmem = OFF;
}

struct sbiret vsbi_dbtr(struct vcpu *v, unsigned long fid, unsigned long *a)
{
	unsigned long n;
	long err;

	if (!vsbi_dbtr_offered())
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	switch (fid) {
	case SBI_DBTR_NUM_TRIGGERS:
		/* mcontrol6 only: none of another type */
		if (a[0] && (a[0] & TYPE_MASK) != MC6_TYPE)
			return (struct sbiret){ SBI_SUCCESS, 0 };
		err = sbi_dbtr_num(MC6_TYPE, &n);
		return (struct sbiret){ err, err ? 0 : (long)MIN(n, VSBI_DBTR_TRIGGERS) };
	case SBI_DBTR_SETUP_SHMEM:
		return setup_shmem(v, a[0], a[1]);
	case SBI_DBTR_TRIGGER_READ:
		return read_triggers(v, a[0], a[1]);
	case SBI_DBTR_TRIGGER_INSTALL:
		return install(v, a[0]);
	case SBI_DBTR_TRIGGER_UPDATE:
		return update(v, a[0], a[1]);
	case SBI_DBTR_TRIGGER_UNINSTALL:
	case SBI_DBTR_TRIGGER_ENABLE:
	case SBI_DBTR_TRIGGER_DISABLE:
		return on_owned(v, fid, a[0], a[1]);
	}
	return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
}
