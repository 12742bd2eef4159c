/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Cells and their vCPUs at run time.  A cell is made once from its layout
 * description; each vCPU is pinned to one physical hart for good, so a
 * vCPU's registers live in that hart's per-CPU area and its VS-level CSRs
 * stay in the hart: there is never a vCPU switch.
 */
#ifndef FV_CELL_H
#define FV_CELL_H

#include <fv/console_mux.h>
#include <fv/cpu.h>
#include <fv/emul.h>
#include <fv/layout.h>
#include <fv/spinlock.h>
#include <arch/cell.h>

/* SBI HSM states, which the core uses as vCPU states too. */
enum vcpu_state {
	VCPU_RUNNING = 0,
	VCPU_STOPPED = 1,
	VCPU_START_PENDING = 2,
	VCPU_STOP_PENDING = 3,
	VCPU_SUSPENDED = 4,
	VCPU_STARTING = 16,	/* being set up by hart_start; reads as START_PENDING */
};

/* What the monitor may ask of a cell (cell_admin()). */
enum cell_admin {
	ADMIN_NONE,
	ADMIN_STOP,
	ADMIN_START,
	ADMIN_RESTART,
};

enum cell_state {
	CELL_STOPPED,
	CELL_RUNNING,
	CELL_FAILED,	/* stopped by its fault policy */
	CELL_STOPPING,	/* its vCPUs are being stopped; none may start */
};

#define VCPU_FWD_CAUSES	24
#define VCPU_TRAP_KINDS	40	/* arch_trap_kind_name() names them */
#define VCPU_FW_KINDS	16	/* arch_fw_call_kind_name() names them */

/* Virtual interrupts the hypervisor raised in a vCPU, by kind. */
enum { VIRQ_EXT, VIRQ_TIMER, VIRQ_SOFT, VIRQ_KINDS };

struct vcpu_stats {
	uint64_t sbi_calls;
	uint64_t mmio;
	uint64_t irqs;
	/* exceptions the hypervisor took and gave back to the guest, by
	 * scause (e.g. virtual instruction, forwarded as illegal) */
	uint64_t forwarded[VCPU_FWD_CAUSES];
	/* every trap this vCPU took, by kind (the arch's numbering), each
	 * once (sbi_calls and mmio above count some of them again, by what
	 * they were): the monitor's exits are their sum, the interrupts the
	 * sum of the kinds that are (arch_trap_kind_is_irq) */
	uint64_t traps[VCPU_TRAP_KINDS];
	/* firmware (hypervisor) calls by extension (the arch's numbering) */
	uint64_t fw_calls[VCPU_FW_KINDS];
	/* virtual interrupts raised in it (an external one may be raised
	 * from another hart of the cell: atomic adds) */
	uint64_t virqs[VIRQ_KINDS];
};

struct vcpu {
	struct cell *cell;
	struct cpu *cpu;
	unsigned vhartid;
	volatile int state;		/* enum vcpu_state */
	unsigned long start_pc, start_arg;
	struct vcpu_stats stats;
	struct arch_vcpu arch;
};

struct uart16550;
struct cell_virtio;
struct doorbell;

struct cell {
	const struct layout_cell *desc;
	const char *name;
	unsigned id;			/* index in cells[]; VMID is id + 1 */
	volatile int state;		/* enum cell_state */
	unsigned starts;		/* times started, restarts included */
	uint64_t started_at;		/* arch_counter() at the last start */
	volatile int admin;		/* enum cell_admin the monitor asked for */
	unsigned nr_vcpus;
	struct vcpu *vcpu[LAYOUT_MAX_HARTS];
	unsigned nr_emus;
	struct emu_dev emus[LAYOUT_MAX_EMUS + ARCH_LAYOUT_MAX_WINDOWS];	/* + the arch's windows */
	void *dtb;			/* the generated device tree, in the pool */
	gpaddr_t dtb_gpa;
	uint64_t dtb_size;
	spinlock_t lock;		/* lifecycle: stop, restart */
	struct mux_port con;		/* its console on the multiplexer */
	struct uart16550 *uart;		/* its emulated console UART, if any */
	uint32_t console_irq;
	unsigned nr_virtio;		/* its VirtIO devices (src/cell_virtio.c) */
	struct cell_virtio *virtio[LAYOUT_MAX_EMUS];
	unsigned nr_doorbells;		/* its doorbells, in layout order */
	struct doorbell *doorbell[LAYOUT_MAX_EMUS];	/* (src/cell_doorbell.c) */
	struct arch_cell arch;
};

extern struct cell cells[CONFIG_MAX_CELLS];
extern unsigned nr_cells;

/* Host-physical pointer to [gpa, gpa+len) if it lies in one memory region
 * of the cell that allows `flags` (MEM_R/MEM_W/MEM_X), else NULL. */
void *cell_gpa_to_hva(const struct cell *c, gpaddr_t gpa, uint64_t len, unsigned flags);

/* The emulated device that owns `gpa`, or NULL. */
struct emu_dev *cell_find_emu(struct cell *c, gpaddr_t gpa);

/* vCPU `vhartid` of `c`, or NULL if the cell has no such vhart.  Inline:
 * an interrupt's way to its vCPU takes it. */
static inline struct vcpu *cell_vcpu(const struct cell *c, unsigned long vhartid)
{
	return vhartid < c->nr_vcpus ? c->vcpu[vhartid] : NULL;
}

/* The cell's doorbell `idx` (in layout order among its doorbells), or
 * NULL if it has no such doorbell.  Inline, as cell_vcpu(): a ring's way
 * takes it. */
static inline struct doorbell *cell_doorbell(const struct cell *c, unsigned long idx)
{
	return idx < c->nr_doorbells ? c->doorbell[idx] : NULL;
}

/* Lifecycle (src/cell.c).  cell_stop() and cell_reboot() are called from a
 * vCPU of the cell; they do not return to the caller's guest. */
__noreturn void cell_stop(struct vcpu *caller, const char *why);
__noreturn void cell_reboot(struct vcpu *caller);
__noreturn void cell_fault(struct vcpu *v, const char *what, gpaddr_t addr,
			   unsigned long pc);

/*
 * From the monitor (any hart): ask the cell's own first hart to stop,
 * start or restart it; that hart does the work (never the caller's).
 * Returns 0, FV_EBUSY while an earlier request waits, or FV_EINVAL if
 * the cell's state does not allow it (checked again when it is done).
 */
int cell_admin(struct cell *c, enum cell_admin op);
/* Who serves REQ_ADMIN on the cell's first hart (src/cell.c registers
 * its handler at boot; the handler may not return: the hart leaves its
 * guest). */
void vcpu_set_admin_handler(void (*fn)(struct vcpu *v));
/* Who serves REQ_DEBUG (src/gdb_cell.c, which sits above src/vcpu.c). */
void vcpu_set_debug_handler(void (*fn)(struct cpu *c));

/* HSM from a guest (src/vcpu.c); return 0 or a negative FV_E* code. */
long vcpu_hart_start(struct vcpu *caller, unsigned long vhartid,
		     unsigned long pc, unsigned long arg);
__noreturn void vcpu_hart_stop(struct vcpu *v);
long vcpu_hart_status(struct vcpu *caller, unsigned long vhartid);

/* Hart-level plumbing (src/vcpu.c).  What a hart that serves requests
 * may do besides: nothing that leaves the current context (REQS_STAY),
 * leave the guest on a stop (REQS_MAY_PARK), or also serve the monitor's
 * requests, which may stop or restart the cell (REQS_MAY_ADMIN). */
enum { REQS_STAY, REQS_MAY_PARK, REQS_MAY_ADMIN };
void cpu_handle_requests(struct cpu *c, int may);
__noreturn void vcpu_park(struct cpu *c);
int cells_setup(void);
void cells_start(void);

/* Console output of a guest, tagged with the cell's name line by line. */
void cell_console_putc(struct cell *c, char ch);
void cell_console_write(struct cell *c, const char *s, unsigned long n);
int cell_console_getc(struct cell *c);

#endif
