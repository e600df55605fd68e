#!/usr/bin/env python3
"""Compares commands by alternating runs: before/after builds of seq on a machine that other work loads.

    python3 benchmarks/alternating-cpu.py N -- CMD_A ARGS... -- CMD_B ARGS... [-- CMD_C ...]

Runs each command N times, in turn (A, B, A, B, ...), output to /dev/null, and prints per command the median,
minimum and first quartile of wall time, or, with CPU=1 in the environment, of CPU time (user + system of the
child, from wait4), which waiting for a loaded CPU does not add to. Alternating spreads load that comes and goes
over all commands alike.
"""
import os
import statistics
import sys
import time


def main() -> None:
    n = int(sys.argv[1])
    commands, current = [], None
    for arg in sys.argv[2:]:
        if arg == "--":
            current = []
            commands.append(current)
        elif current is None:
            sys.exit("usage: alternating-cpu.py N -- CMD ... [-- CMD ...]")
        else:
            current.append(arg)
    cpu = bool(os.environ.get("CPU"))
    results = [[] for _ in commands]
    devnull = os.open(os.devnull, os.O_WRONLY)
    for _ in range(n):
        for k, command in enumerate(commands):
            start = time.perf_counter()
            pid = os.posix_spawnp(command[0], command, os.environ,
                                  file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
            _, _, usage = os.wait4(pid, 0)
            wall = (time.perf_counter() - start) * 1000
            results[k].append((usage.ru_utime + usage.ru_stime) * 1000 if cpu else wall)
    for k, command in enumerate(commands):
        r = sorted(results[k])
        print(f"median {statistics.median(r):8.2f} ms  min {r[0]:8.2f}  p25 {r[len(r) // 4]:8.2f}  {' '.join(command)}")


if __name__ == "__main__":
    main()
