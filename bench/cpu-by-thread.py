#!/usr/bin/env python3
"""CPU of a running process by thread group, from /proc (Linux): Java, JIT, GC and native threads (the AWS CRT's
event loops, which JFR does not sample) alike. Samples every second, so threads that end meanwhile still count.

    bench/cpu-by-thread.py PID SECONDS [DELIVERIES]

Prints the CPU seconds of each group over the interval, and, given the deliveries made in it, microseconds per
delivery. A group is the thread's name without its trailing number ("gateway-42" -> "gateway").
"""
import os
import re
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def sample(pid):
    """{tid: (group, cpu ticks)} of the process's live threads."""
    threads = {}
    task_dir = f"/proc/{pid}/task"
    for tid in os.listdir(task_dir):
        try:
            with open(f"{task_dir}/{tid}/stat") as stat:
                line = stat.read()
        except OSError:
            continue  # ended between the listing and the read
        name = line[line.index("(") + 1:line.rindex(")")]
        fields = line[line.rindex(")") + 2:].split()
        threads[tid] = (re.sub(r"[\s#:_-]*\d+$", "", name) or name, int(fields[11]) + int(fields[12]))
    return threads


def main():
    pid, seconds = int(sys.argv[1]), float(sys.argv[2])
    deliveries = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    first = sample(pid)
    last = dict(first)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(min(1.0, max(0.0, end - time.monotonic())))
        last.update(sample(pid))
    groups = {}
    for tid, (group, ticks) in last.items():
        groups[group] = groups.get(group, 0) + ticks - first.get(tid, (group, 0))[1]
    total = sum(groups.values())
    print(f"CPU of process {pid} over {seconds:.0f} s: {total / TICKS:.1f} s")
    for group, ticks in sorted(groups.items(), key=lambda item: -item[1]):
        if ticks == 0:
            continue
        per_delivery = f", {ticks / TICKS * 1e6 / deliveries:.1f} us per delivery" if deliveries else ""
        print(f"  {group:<24} {ticks / TICKS:7.1f} s  {100 * ticks / max(1, total):5.1f} %{per_delivery}")


if __name__ == "__main__":
    main()
