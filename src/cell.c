// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cells: made once from the layout at boot, then started, stopped and
 * restarted as their guests ask (SBI SRST) or their fault policy says.
 */
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include <fv/cell.h>
#include <fv/cell_doorbell.h>
#include <fv/cell_pl011.h>
#include <fv/cell_virtio.h>
#include <fv/console.h>
#include <fv/errno.h>
#include <fv/fmt.h>
#include <fv/guest_fdt.h>
#include <fv/layout_check.h>
#include <fv/page_alloc.h>
#include <fv/panic.h>
#include <fv/string.h>
#include <fv/trace.h>
#include <fv/uart16550.h>

struct cell cells[CONFIG_MAX_CELLS];
unsigned nr_cells;
static struct vcpu vcpus[CONFIG_MAX_HARTS];

/* ---------------------------------------------------------------- setup */

static struct uart16550 uarts[CONFIG_MAX_CELLS * LAYOUT_MAX_EMUS];
static unsigned nr_uarts;

static void uart_tx(void *arg, char ch)
{
	cell_console_putc(arg, ch);
}

static void uart_irq(void *arg, bool level)
{
	struct cell *c = arg;

	arch_cell_set_irq(c, c->console_irq, level);
}

static const struct uart16550_ops uart_ops = { uart_tx, uart_irq };

static bool uart_rx(void *arg, char ch)
{
	struct cell *c = arg;

	/* a full FIFO: the multiplexer keeps the byte, no overrun */
	return uart16550_rx_room(c->uart) && uart16550_rx(c->uart, ch);
}

/* The guest's reads of RBR (offset 0) make room in its receive FIFO:
 * refill it from the console at once.  The other registers go straight to
 * the model. */
static __attribute__((noinline)) int cell_uart_read_rbr(struct emu_dev *d, unsigned width,
							uint64_t *val)
{
	struct cell *c = d->owner;
	int r = uart16550_read(d->state, 0, width, val);

	mux_rx_drain(&c->con);
	return r;
}

static int cell_uart_read(struct emu_dev *d, uint64_t off, unsigned width, uint64_t *val)
{
	if (off == 0)
		return cell_uart_read_rbr(d, width, val);
	return uart16550_read(d->state, off, width, val);
}

static int cell_uart_write(struct emu_dev *d, uint64_t off, unsigned width, uint64_t val)
{
	return uart16550_emu_ops.write(d, off, width, val);
}

static const struct emu_ops cell_uart_ops = { cell_uart_read, cell_uart_write };

void cell_console_putc(struct cell *c, char ch)
{
	mux_putc(&c->con, ch);
}

void cell_console_write(struct cell *c, const char *s, unsigned long n)
{
	mux_write(&c->con, s, n);
}

int cell_console_getc(struct cell *c)
{
	return mux_getc(&c->con);
}

static int add_emulated(struct cell *c, const struct layout_emu *e)
{
	struct emu_dev *d = &c->emus[c->nr_emus];

	switch (e->type) {
	case EMU_UART16550: {
		struct uart16550 *u = &uarts[nr_uarts++];

		uart16550_init(u, &uart_ops, c);
		d->ops = &cell_uart_ops;
		d->state = u;
		d->owner = c;
		d->base = e->gpa;
		d->size = UART16550_SIZE;
		c->console_irq = e->irq;
		c->uart = u;
		c->con.rx = uart_rx;	/* typed characters go to its UART */
		c->con.rx_arg = c;
		break;
	}
	case EMU_VIRTIO_CONSOLE:
	case EMU_VIRTIO_NET:
	case EMU_VIRTIO_BLK:
		if (cell_virtio_add(c, e, d) < 0)
			return -1;
		break;
	case EMU_DOORBELL:
		if (cell_doorbell_add(c, e, d) < 0)
			return -1;
		break;
	case EMU_PL011:
		if (cell_pl011_add(c, e, d) < 0)
			return -1;
		break;
	default:
		return -1;
	}
	d->name = layout_emu_name(e->type);
	c->nr_emus++;
	return 0;
}

/* Copy an embedded image to its guest-physical load address. */
static int load_image(struct cell *c, const struct layout_image *img)
{
	uint64_t size = (uint64_t)(img->end - img->start);
	void *dst;

	if (!img->start)
		return 0;
	dst = cell_gpa_to_hva(c, img->load_gpa, size, MEM_W);
	if (!dst) {
		kprintf("cell %s: image %s (%llu bytes) does not fit at %#llx\n", c->name,
			img->name, (unsigned long long)size, (unsigned long long)img->load_gpa);
		return -1;
	}
	memcpy(dst, img->start, size);
	arch_guest_mem_written(dst, size);
	return 0;
}

/* (Re)load images and the device tree: done at boot and at every restart. */
static int cell_load(struct cell *c)
{
	void *dst;

	if (load_image(c, &c->desc->kernel) < 0 || load_image(c, &c->desc->initrd) < 0)
		return -1;
	dst = cell_gpa_to_hva(c, c->dtb_gpa, c->dtb_size, MEM_W);
	if (!dst)
		return -1;
	memcpy(dst, c->dtb, c->dtb_size);
	arch_guest_mem_written(dst, c->dtb_size);
	return 0;
}

static int cell_setup(struct cell *c, const struct layout_cell *d, unsigned id)
{
	unsigned i;

	c->desc = d;
	c->name = d->name;
	c->id = id;
	c->state = CELL_STOPPED;
	c->lock = (spinlock_t)SPINLOCK_INIT;
	mux_add_port(&c->con, c->name);
	c->con.owner = c;
	if (arch_cell_init(c) < 0)
		return -1;

	for (i = 0; i < d->nr_harts; i++) {
		int idx = -1;

		for (unsigned k = 0; k < nr_cpus; k++)
			if (cpus[k].hwid == d->harts[i])
				idx = (int)k;
		if (idx < 0 || cpus[idx].vcpu) {
			kprintf("cell %s: hart %lu is not available\n", c->name, d->harts[i]);
			return -1;
		}
		struct vcpu *v = &vcpus[idx];

		v->cell = c;
		v->cpu = &cpus[idx];
		v->vhartid = i;
		v->state = VCPU_STOPPED;
		cpus[idx].vcpu = v;
		cpus[idx].con_port = &c->con;
		c->vcpu[i] = v;
		arch_vcpu_init(v);
	}
	c->nr_vcpus = d->nr_harts;

	for (i = 0; i < d->nr_mem; i++) {
		const struct layout_mem *m = &d->mem[i];

		if (arch_cell_map(c, m->gpa, m->hpa, m->size, m->flags) < 0) {
			kprintf("cell %s: cannot map mem[%u]\n", c->name, i);
			return -1;
		}
		pr_verbose("cell %s: mem[%u] gpa %#llx -> hpa %#llx, %llu KiB, flags %#x\n",
			   c->name, i, (unsigned long long)m->gpa, (unsigned long long)m->hpa,
			   (unsigned long long)(m->size >> 10), m->flags);
	}
	for (i = 0; i < d->nr_devs; i++) {
		const struct layout_dev *dv = &d->devs[i];

		if (arch_cell_map(c, dv->gpa, dv->hpa, dv->size, MEM_RW | MAP_DEVICE) < 0) {
			kprintf("cell %s: cannot map devs[%u]\n", c->name, i);
			return -1;
		}
		pr_verbose("cell %s: devs[%u] gpa %#llx -> hpa %#llx, %llu KiB (passthrough)\n",
			   c->name, i, (unsigned long long)dv->gpa, (unsigned long long)dv->hpa,
			   (unsigned long long)(dv->size >> 10));
	}
	for (i = 0; i < d->nr_emus; i++)
		if (add_emulated(c, &d->emus[i]) < 0) {
			kprintf("cell %s: cannot set up emus[%u] (%s)\n", c->name, i,
				layout_emu_name(d->emus[i].type));
			return -1;
		}

	if (guest_fdt_build(c) < 0)
		return -1;
	pr_verbose("cell %s: device tree of %llu bytes at gpa %#llx\n", c->name,
		   (unsigned long long)c->dtb_size, (unsigned long long)c->dtb_gpa);
	return cell_load(c);
}

static void cell_admin_run(struct vcpu *self);

int cells_setup(void)
{
	const struct layout *l = &fv_layout;

	if (l->nr_cells > CONFIG_MAX_CELLS)
		return -1;
	for (unsigned i = 0; i < l->nr_cells; i++) {
		if (cell_setup(&cells[i], &l->cells[i], i) < 0) {
			kprintf("cell %s: setup failed\n", l->cells[i].name);
			return -1;
		}
		nr_cells++;
	}
	vcpu_set_admin_handler(cell_admin_run);
	/* virtio consoles after every cell's own: port i is cell i */
	for (unsigned i = 0; i < nr_cells; i++)
		if (cell_virtio_add_ports(&cells[i]) < 0)
			return -1;
	return cells_doorbell_pair();
}

/* Make vCPU 0 runnable at the entry point; its hart picks it up. */
static void cell_boot(struct cell *c)
{
	struct vcpu *v0 = c->vcpu[0];

	ASSERT(READ_ONCE(v0->state) == VCPU_STOPPED);
	c->starts++;
	trace_cell(c, TRACE_CELL_START, c->starts);
	c->started_at = arch_counter();
	mux_open(&c->con);
	cell_virtio_open(c, true);
	cell_doorbell_open(c, true);
	v0->start_pc = c->desc->entry;
	v0->start_arg = c->dtb_gpa;
	__atomic_store_n(&c->state, CELL_RUNNING, __ATOMIC_SEQ_CST);
	__atomic_store_n(&v0->state, VCPU_START_PENDING, __ATOMIC_RELEASE);
	cpu_request(v0->cpu, REQ_START);
}

/* cells_start() has booted every cell (int: an AMO; see
 * all_stopped_check()) */
static int cells_started;
static void all_stopped_check(bool may_power_off);

void cells_start(void)
{
	trace_init();
	for (unsigned i = 0; i < nr_cells; i++) {
		struct cell *c = &cells[i];
		char harts[8 * LAYOUT_MAX_HARTS] = "";
		unsigned n = 0;

		for (unsigned k = 0; k < c->nr_vcpus; k++)
			n += (unsigned)fmt_snprintf(harts + n, sizeof(harts) - n, " %lu",
						    c->vcpu[k]->cpu->hwid);
		kprintf("cell %s: starting on hart%s%s, entry %#llx, device tree at %#llx\n",
			c->name, c->nr_vcpus > 1 ? "s" : "", harts,
			(unsigned long long)c->desc->entry, (unsigned long long)c->dtb_gpa);
		/* a hart the firmware started late runs its vCPU once it is up */
		if (!READ_ONCE(c->vcpu[0]->cpu->online))
			kprintf("cell %s: hart %lu is not online yet: the cell starts when it is\n",
				c->name, c->vcpu[0]->cpu->hwid);
		cell_boot(c);
	}
	/* A cell may have stopped for good before the last one was booted
	 * (a fault at once, while this hart was still printing): its check
	 * saw the later cells not yet started and did nothing; this one
	 * sees them all. */
	__atomic_store_n(&cells_started, 1, __ATOMIC_SEQ_CST);
	if (nr_cells)	/* no cells (layout none): nothing has stopped */
		all_stopped_check(true);
}

/* ---------------------------------------------------------------- stop */

/* Ask every other vCPU of the cell to leave its guest; wait until they do. */
static void stop_others(struct cell *c, struct vcpu *self)
{
	for (unsigned i = 0; i < c->nr_vcpus; i++) {
		struct vcpu *v = c->vcpu[i];

		if (v == self)
			continue;
		if (__atomic_load_n(&v->state, __ATOMIC_SEQ_CST) != VCPU_STOPPED)
			cpu_request(v->cpu, REQ_STOP);
	}
	for (unsigned i = 0; i < c->nr_vcpus; i++) {
		struct vcpu *v = c->vcpu[i];

		while (v != self && READ_ONCE(v->state) != VCPU_STOPPED)
			cpu_handle_requests(self->cpu, REQS_STAY);
	}
}

static int powering_off;	/* all_stopped_check() has begun to (int: an AMO) */

/* Called by a cell that has just taken its final state, and once by
 * cells_start() when it has booted them all.  A cell that is stopping or
 * restarting is not stopped yet: it decides when it is done.  A cell not
 * booted yet is stopped only in name: while cells_start() runs, nothing
 * (it checks once at its end; both stores and loads are sequentially
 * consistent, so a cell stopping meanwhile and cells_start() cannot both
 * miss the other's store).  A stop from the monitor never powers off:
 * whoever typed it may want to start a cell again. */
static void all_stopped_check(bool may_power_off)
{
	if (!__atomic_load_n(&cells_started, __ATOMIC_SEQ_CST))
		return;
	for (unsigned i = 0; i < nr_cells; i++) {
		int st = __atomic_load_n(&cells[i].state, __ATOMIC_SEQ_CST);

		if (st != CELL_STOPPED && st != CELL_FAILED)
			return;
	}
	if (IS_ENABLED(CONFIG_POWEROFF_WHEN_ALL_STOPPED) && may_power_off) {
		/* two cells' last harts can both get here: one powers off */
		if (__atomic_exchange_n(&powering_off, 1, __ATOMIC_SEQ_CST))
			return;
		/* every cell's last lines (each in its own ring, drained in
		 * no order of time between rings) before this one, the last */
		mux_flush();
		kprintf("all cells stopped: powering off\n");
		mux_flush();	/* the last words, before there is no console */
		arch_system_off();
	}
	kprintf("all cells stopped\n");
}

/* Every emulated device and the interrupt controller back to their state
 * at boot, each under its own lock (locks are set up once, at boot). */
static void cell_reset_devices(struct cell *c)
{
	if (c->uart)
		uart16550_reset(c->uart);
	cell_virtio_reset(c);
	cell_doorbell_reset(c);
	cell_pl011_reset(c);
	arch_cell_reset(c);
}

/* Guest RAM as at boot (zero), but for what the layout keeps: MEM_KEEP
 * regions, and MEM_SHARED ones, which other cells use too. */
static void cell_clear_memory(struct cell *c)
{
	const struct layout_cell *d = c->desc;

	for (unsigned i = 0; i < d->nr_mem; i++) {
		const struct layout_mem *m = &d->mem[i];

		if (!(m->flags & (MEM_KEEP | MEM_SHARED))) {
			memset((void *)(uintptr_t)m->hpa, 0, m->size);
			arch_guest_mem_written((void *)(uintptr_t)m->hpa, m->size);
		}
	}
}

/* Take the cell's lock; meanwhile obey a stop from a vCPU that has it. */
static void lock_cell(struct vcpu *self)
{
	while (!spin_trylock(&self->cell->lock))
		cpu_handle_requests(self->cpu, REQS_MAY_PARK);
}

/* What the cell cost the hypervisor and waited for in all: every trap of
 * its vCPUs and their waits on locks other cells take too (see README,
 * "Locks").  The interference benchmark compares these. */
static void report_totals(const struct cell *c)
{
	uint64_t traps = 0, irqs = 0, waits = 0;

	for (unsigned k = 0; k < c->nr_vcpus; k++) {
		for (unsigned t = 0; t < VCPU_TRAP_KINDS; t++) {
			traps += c->vcpu[k]->stats.traps[t];
			if (arch_trap_kind_is_irq(t))
				irqs += c->vcpu[k]->stats.traps[t];
		}
		waits += c->vcpu[k]->cpu->xlock_waits;
	}
	kprintf("cell %s: totals: traps %llu (interrupts %llu), shared-lock waits %llu\n",
		c->name, (unsigned long long)traps, (unsigned long long)irqs,
		(unsigned long long)waits);
}

static __noreturn void finish_stop(struct vcpu *self, int state, bool may_power_off)
{
	struct cell *c = self->cell;

	ASSERT(spin_is_locked(&c->lock));
	trace_cell(c, TRACE_CELL_STOP, (uint64_t)state);
	__atomic_store_n(&c->state, CELL_STOPPING, __ATOMIC_SEQ_CST);
	mux_close(&c->con);
	cell_virtio_open(c, false);
	cell_doorbell_open(c, false);	/* rings from now on are dropped */
	stop_others(c, self);
	cell_reset_devices(c);
	report_totals(c);
	__atomic_store_n(&c->state, state, __ATOMIC_SEQ_CST);
	spin_unlock(&c->lock);
	all_stopped_check(may_power_off);
	vcpu_hart_stop(self);
}

__noreturn void cell_stop(struct vcpu *self, const char *why)
{
	lock_cell(self);
	kprintf("cell %s: stopped (%s)\n", self->cell->name, why);
	finish_stop(self, CELL_STOPPED, true);
}

static __noreturn void cell_restart(struct vcpu *self)
{
	struct cell *c = self->cell;

	kprintf("cell %s: restarting\n", c->name);
	trace_cell(c, TRACE_CELL_RESTART, 0);
	__atomic_store_n(&c->state, CELL_STOPPING, __ATOMIC_SEQ_CST);
	mux_close(&c->con);
	cell_virtio_open(c, false);
	cell_doorbell_open(c, false);	/* rings from now on are dropped */
	stop_others(c, self);
	cell_reset_devices(c);
	cell_clear_memory(c);
	if (cell_load(c) < 0) {
		__atomic_store_n(&c->state, CELL_FAILED, __ATOMIC_SEQ_CST);
		spin_unlock(&c->lock);
		kprintf("cell %s: reload failed; stopped\n", c->name);
		all_stopped_check(true);
		vcpu_hart_stop(self);
	}
	WRITE_ONCE(self->state, VCPU_STOPPED);
	cell_boot(c);
	spin_unlock(&c->lock);
	vcpu_park(self->cpu);
}

__noreturn void cell_reboot(struct vcpu *self)
{
	lock_cell(self);
	if (self->cell->desc->on_reboot == POLICY_RESTART)
		cell_restart(self);
	kprintf("cell %s: stopped (reboot requested; its policy is to stop)\n", self->cell->name);
	finish_stop(self, CELL_STOPPED, true);
}

__noreturn void cell_fault(struct vcpu *v, const char *what, gpaddr_t addr, unsigned long pc)
{
	struct cell *c = v->cell;

	kprintf("cell %s: vhart %u: %s at %#llx, pc %#lx\n", c->name, v->vhartid, what,
		(unsigned long long)addr, pc);
	trace_cell(c, TRACE_CELL_FAULT, addr);
	lock_cell(v);
	if (c->desc->on_fault == POLICY_RESTART)
		cell_restart(v);
	kprintf("cell %s: stopped by its fault policy\n", c->name);
	finish_stop(v, CELL_FAILED, true);
}

/* ------------------------------------------------------- the monitor's asks */

static bool admin_allowed(int state, int op)
{
	if (op == ADMIN_START)
		return state == CELL_STOPPED || state == CELL_FAILED;
	return state == CELL_RUNNING;	/* stop, restart */
}

int cell_admin(struct cell *c, enum cell_admin op)
{
	struct cpu *t = c->vcpu[0]->cpu;
	int none = ADMIN_NONE;

	if (!admin_allowed(__atomic_load_n(&c->state, __ATOMIC_SEQ_CST), op))
		return FV_EINVAL;
	if (!__atomic_compare_exchange_n(&c->admin, &none, (int)op, false, __ATOMIC_SEQ_CST,
					 __ATOMIC_SEQ_CST))
		return FV_EBUSY;
	cpu_request(t, REQ_ADMIN);
	if (t == this_cpu())
		arch_cpu_kick(t);	/* served when this trap or wait is over */
	return 0;
}

/* A stopped cell from its layout again: memory as at boot, images, go. */
static void cell_start_again(struct vcpu *self)
{
	struct cell *c = self->cell;

	kprintf("cell %s: starting (asked from the monitor)\n", c->name);
	cell_clear_memory(c);
	if (cell_load(c) < 0) {
		__atomic_store_n(&c->state, CELL_FAILED, __ATOMIC_SEQ_CST);
		kprintf("cell %s: reload failed; stopped\n", c->name);
	} else {
		cell_boot(c);
	}
	spin_unlock(&c->lock);
}

/* On the cell's first hart, from REQ_ADMIN: do what the monitor asked. */
static void cell_admin_run(struct vcpu *self)
{
	static const char *const what[] = {
		[ADMIN_STOP] = "stop", [ADMIN_START] = "start", [ADMIN_RESTART] = "restart",
	};
	struct cell *c = self->cell;
	int op = __atomic_exchange_n(&c->admin, ADMIN_NONE, __ATOMIC_SEQ_CST);

	if (op == ADMIN_NONE)
		return;
	lock_cell(self);
	if (!admin_allowed(c->state, op)) {
		/* its guest stopped or restarted it meanwhile */
		spin_unlock(&c->lock);
		kprintf("cell %s: the monitor's %s is not done: the cell changed state\n",
			c->name, what[op]);
		return;
	}
	if (op == ADMIN_STOP) {
		kprintf("cell %s: stopped (asked from the monitor)\n", c->name);
		finish_stop(self, CELL_STOPPED, false);
	}
	if (op == ADMIN_RESTART) {
		kprintf("cell %s: restart asked from the monitor\n", c->name);
		cell_restart(self);
	}
	cell_start_again(self);
}
