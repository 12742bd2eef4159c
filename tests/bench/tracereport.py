#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Per-cell exit histograms from a Ferrovisor trace dump (the monitor's
`trace dump`, written by `make trace` to $O/trace.txt): exits by cause
with the mean cycles from trap entry to exit, SBI calls by extension,
emulated MMIO accesses by device, virtual interrupts raised and cell
events.  Python 3 standard library only.

    tests/bench/tracereport.py $O/trace.txt

Reads the dump's lines (anything else in the file is ignored):

    [fv] trace: cause <kind> = <name>
    [fv] trace <hart> <n> <ts> <cell> <vhart> <event> key=value ...
"""
import collections
import re
import sys

LINE = re.compile(r"^\[fv\] trace (\d+) (\d+) (\d+) (\S+) (\d+) (\S+)((?: \S+=\S+)*)\s*$")
LEGEND = re.compile(r"^\[fv\] trace: cause (\d+) = (.+?)\s*$")
LEGACY = {0: "legacy set_timer", 1: "legacy putchar", 2: "legacy getchar",
          3: "legacy clear_ipi", 4: "legacy send_ipi", 5: "legacy fence_i",
          6: "legacy sfence_vma", 7: "legacy sfence_vma_asid", 8: "legacy shutdown",
          0x10: "BASE"}


def parse(text):
    """(events, causes): the events in dump order, each a dict with hart,
    n, ts, cell, vhart, event and its key=value fields; causes maps a trap
    kind to its name."""
    events, causes = [], {}
    for raw in text.splitlines():
        line = raw.replace("\r", "")
        m = LEGEND.match(line)
        if m:
            causes[int(m[1])] = m[2]
            continue
        m = LINE.match(line)
        if not m:
            continue
        ev = {"hart": int(m[1]), "n": int(m[2]), "ts": int(m[3]), "cell": m[4],
              "vhart": int(m[5]), "event": m[6]}
        for kv in m[7].split():
            k, _, v = kv.partition("=")
            ev[k] = v
        events.append(ev)
    return events, causes


def ext_name(ext):
    """An SBI extension id as a name: its ASCII letters (TIME, sPI, HSM...)."""
    e = int(ext, 16)
    if e in LEGACY:
        return LEGACY[e]
    raw = e.to_bytes(4, "big").lstrip(b"\0")
    if raw and all(0x20 < c < 0x7f for c in raw):
        return raw.decode()
    return f"{e:#x}"


def report(events, causes):
    """{cell: histograms}: exits (trap entries by cause name), exit_cycles
    ({cause: (total cycles, exits timed)}: from a trap's entry to its exit,
    which is its trap-out, or its sbi or mmio event for an SBI call or an
    emulated access), sbi (by extension), mmio (by device and r/w), virq
    (by kind), cell (state changes)."""
    out = collections.defaultdict(lambda: {k: collections.Counter() for k in
                                           ("exits", "sbi", "mmio", "virq", "cell")})
    timing = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    open_trap = {}                        # hart -> its trap-in not yet left
    for ev in sorted(events, key=lambda e: (e["hart"], e["n"])):
        h = out[ev["cell"]]
        kind = ev["event"]
        if kind == "trap-in":
            name = causes.get(int(ev["cause"]), f"cause {ev['cause']}")
            h["exits"][name] += 1
            open_trap[ev["hart"]] = (ev, name)
        elif kind in ("trap-out", "sbi", "mmio"):
            start = open_trap.pop(ev["hart"], None)
            if start and (start[0]["cell"], start[0]["vhart"]) == (ev["cell"], ev["vhart"]):
                t = timing[ev["cell"]][start[1]]
                t[0] += ev["ts"] - start[0]["ts"]
                t[1] += 1
            if kind == "sbi":
                h["sbi"][ext_name(ev["ext"])] += 1
            if kind == "mmio":
                h["mmio"][f"{ev['dev']} {ev['op']}"] += 1
        elif kind == "virq":
            h["virq"][ev["kind"]] += 1
        elif kind == "cell":
            h["cell"][ev["what"]] += 1
    for cell, t in timing.items():
        out[cell]["exit_cycles"] = {k: tuple(v) for k, v in t.items()}
    return dict(out)


def render(rep):
    lines = []
    for cell in sorted(rep):
        h = rep[cell]
        lines.append(f"cell {cell}: {sum(h['exits'].values())} exits")
        cyc = h.get("exit_cycles", {})
        lines.append("  exits by cause                     count   mean cycles in")
        for name, n in h["exits"].most_common():
            tot, k = cyc.get(name, (0, 0))
            mean = f"{tot / k:.0f}" if k else "-"
            lines.append(f"    {name:<30} {n:>8} {mean:>13}")
        for key, title in (("sbi", "SBI calls by extension"), ("mmio", "MMIO by device"),
                           ("virq", "virtual interrupts raised"), ("cell", "cell events")):
            if not h[key]:
                continue
            lines.append(f"  {title}")
            for name, n in h[key].most_common():
                lines.append(f"    {name:<30} {n:>8}")
    return "\n".join(lines)


def main(argv):
    if len(argv) != 2:
        sys.exit(f"usage: {argv[0]} <trace dump file>")
    with open(argv[1], encoding="utf-8", errors="replace") as f:
        events, causes = parse(f.read())
    if not events:
        sys.exit(f"{argv[1]}: no trace events")
    print(f"{len(events)} events from {argv[1]}")
    print(render(report(events, causes)))


if __name__ == "__main__":
    main(sys.argv)
