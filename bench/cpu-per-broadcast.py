#!/usr/bin/env python3
"""CPU by thread group over each broadcast of a benchmark, from its start to its end: runs the command, samples its
threads twice a second (bench/cpu-by-thread.py's sample()), and for every `RESULT ... done_s=S` line it prints takes
the window from S seconds before the line to the line. Cold and warm runs of one JVM come out apart (--runs 2).

    bench/cpu-per-broadcast.py DELIVERIES COMMAND...

Prints, per broadcast, the CPU seconds of each group and the microseconds per delivery (DELIVERIES a broadcast).
"""
import importlib.util
import os
import re
import subprocess
import sys
import threading
import time

_spec = importlib.util.spec_from_file_location(
    "cpu_by_thread", os.path.join(os.path.dirname(os.path.abspath(__file__)), "cpu-by-thread.py"))
cpu_by_thread = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cpu_by_thread)


def main():
    deliveries, command = int(sys.argv[1]), sys.argv[2:]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    samples = []  # (monotonic time, {tid: (group, ticks)}), every thread seen so far: ended ones keep their ticks

    def sampler():
        seen = {}
        while process.poll() is None:
            try:
                seen.update(cpu_by_thread.sample(process.pid))
            except OSError:
                break  # the process ended between the poll and the listing
            samples.append((time.monotonic(), dict(seen)))
            time.sleep(0.5)

    threading.Thread(target=sampler, daemon=True).start()
    windows = []
    for line in process.stdout:
        print(line, end="", flush=True)
        done = re.search(r"^RESULT .*\bdone_s=([\d.]+)", line)
        if done:
            windows.append((time.monotonic() - float(done.group(1)), time.monotonic()))
    process.wait()
    for start, end in windows:
        before = max((s for s in samples if s[0] <= start), key=lambda s: s[0], default=samples[0])
        after = min((s for s in samples if s[0] >= end), key=lambda s: s[0], default=samples[-1])
        groups = {}
        for tid, (group, ticks) in after[1].items():
            groups[group] = groups.get(group, 0) + ticks - before[1].get(tid, (group, 0))[1]
        total = sum(groups.values()) / cpu_by_thread.TICKS
        print(f"CPU over {after[0] - before[0]:.1f} s: {total:.1f} s, {total * 1e6 / deliveries:.1f} us per delivery")
        for group, ticks in sorted(groups.items(), key=lambda item: -item[1]):
            if ticks:
                cpu = ticks / cpu_by_thread.TICKS
                print(f"  {group:<28} {cpu:6.2f} s {cpu * 1e6 / deliveries:7.1f} us per delivery")
    sys.exit(process.returncode)


if __name__ == "__main__":
    main()
