#!/usr/bin/env python3
"""stall-trace.py: what a CPU did while vcpu-canary's real-time thread on it woke late, from kernel trace events.

  stall-trace.py CANARY.txt [MIN_LATE_US=2000] [SHOW=8] [REPORT.json]

Reads vcpu-canary's late wakes (CANARY.txt) and the tracefs buffers it saved around them (CANARY.txt.trace-N:
sched_switch, sched_wakeup, local_timer_entry, hrtimer_expire_entry, irq and softirq entries, on trace_clock
mono, the canary's clock). For each late wake of at least MIN_LATE_US found in a saved buffer (the SHOW latest),
it prints that CPU's events from 1 ms before the wake was due to the canary's switch in, and says which case it is:
  - "no interrupt": no local timer interrupt (nor any other event) on that CPU for most of the delay, though
    the canary's timer was due (and a busy CPU also has a 4 ms tick): the CPU ran no guest code, or ran it with
    interrupts off: the hypervisor did not run the vCPU;
  - "woken, not switched to": the timer fired and woke the canary on time, interrupts kept coming, but the CPU
    stayed with another task (named) for the delay: the guest kernel did not preempt it (preempt=none: a task in
    the kernel keeps the CPU until it returns to user space or calls cond_resched);
  - otherwise "mixed", with the longest silent gap and the wake's timing.
With seq's --timing-report (REPORT.json), the same for its latest sends that fall in a saved buffer: when the
"seq clock" thread was woken before the send (it sleeps until 1.5 ms before a due time, then spins), when it got
a CPU, and what that CPU did in between.
"""
import json
import bisect
import collections
import glob
import re
import sys

canary_path = sys.argv[1]
min_late = (float(sys.argv[2]) if len(sys.argv) > 2 else 2000) / 1e6
show = int(sys.argv[3]) if len(sys.argv) > 3 else 8

LINE = re.compile(r'^\s*(?P<task>.+?)-(?P<pid>\d+)\s+\[(?P<cpu>\d+)\]\s+\S+\s+(?P<t>\d+\.\d+): (?P<event>\w+): ?(?P<rest>.*)$')

events = collections.defaultdict(list)  # cpu -> [(t, task, pid, event, rest)]
for path in sorted(glob.glob(canary_path + '.trace-*')):
    for line in open(path, errors='replace'):
        m = LINE.match(line)
        if m:
            events[int(m['cpu'])].append((float(m['t']), m['task'], int(m['pid']), m['event'], m['rest']))
for cpu in events:
    events[cpu] = sorted(set(events[cpu]))
stamps_of = {cpu: [e[0] for e in evs] for cpu, evs in events.items()}


def between(cpu, start, end):
    """cpu's events from start to end (seconds), by bisection."""
    stamps = stamps_of[cpu]
    return events[cpu][bisect.bisect_left(stamps, start):bisect.bisect_right(stamps, end)]

if not events:
    print('stall-trace: no saved trace buffers next to %s' % canary_path)
    sys.exit(0)
covered = {cpu: (e[0][0], e[-1][0]) for cpu, e in events.items()}

late = []
for line in open(canary_path):
    if line.startswith('#') or not line.strip():
        continue
    cpu, deadline, late_us, delay_us = line.split()
    if float(late_us) / 1e6 >= min_late:
        late.append((float(late_us) / 1e6, float(deadline), int(cpu), float(delay_us) / 1e6))
late.sort(reverse=True)

verdicts = collections.Counter()
shown = 0
for lateness, deadline, cpu, delay in late:
    if cpu not in events:
        continue
    lo, hi = covered[cpu]
    end = deadline + lateness
    if not (lo <= deadline - 0.001 and end + 0.0005 <= hi):
        continue
    window = between(cpu, deadline - 0.001, end + 0.0005)
    inside = [e for e in window if deadline <= e[0] <= end]
    # The canary's own threads are named vcpu-canary; its wake and its switch-in.
    wake = next((e for e in inside if e[3] == 'sched_wakeup' and 'comm=vcpu-canary' in e[4]), None)
    timer_irqs = [e for e in inside if e[3] == 'local_timer_entry']
    stamps = [deadline] + [e[0] for e in inside] + [end]
    gap, gap_at = max((b - a, a) for a, b in zip(stamps, stamps[1:]))
    runners = collections.Counter()
    for e in inside:
        runners[e[1] + '-' + str(e[2])] += 1
    # Silence on this CPU means something only if the trace was recording: another CPU has events meanwhile.
    others_recording = all(
        max((b - a for a, b in zip(st, st[1:])), default=1) < 0.5 * gap
        for st in ([gap_at] + [e[0] for e in between(c, gap_at, gap_at + gap)] + [gap_at + gap] for c in events if c != cpu))
    if gap >= 0.6 * lateness and not others_recording:
        verdict = 'trace gap'
    elif gap >= 0.6 * lateness:
        verdict = 'no interrupt'
    elif wake is not None and wake[0] - deadline < 0.3 * lateness and len(timer_irqs) >= 1:
        verdict = 'woken, not switched to'
    else:
        verdict = 'mixed'
    verdicts[verdict] += 1
    if shown < show:
        shown += 1
        print('cpu%d: canary due at %.6f, woke %.2f ms late (%.2f ms of it in the run queue): %s' % (
            cpu, deadline, lateness * 1e3, delay * 1e3, verdict))
        print('  longest stretch without any event on cpu%d: %.2f ms from %+.2f ms; %d timer interrupts in the delay; '
              'canary woken at %s; tasks seen: %s' % (
                  cpu, gap * 1e3, (gap_at - deadline) * 1e3, len(timer_irqs),
                  '%+.2f ms' % ((wake[0] - deadline) * 1e3) if wake else 'not seen',
                  ', '.join('%s (%d)' % kv for kv in runners.most_common(4))))
        for e in window[:40]:
            print('    %+8.3f ms  %-22s %-20s %s' % ((e[0] - deadline) * 1e3, (e[1] + '-' + str(e[2]))[:22], e[3], e[4][:90]))
        if len(window) > 40:
            print('    ... %d more events' % (len(window) - 40))
print('late wakes >= %.1f ms inside saved buffers: %s' % (min_late * 1e3, ', '.join('%s %d' % kv for kv in verdicts.most_common()) or 'none'))


def seq_sends(report_path):
    """The report's latest sends inside a saved buffer: the clock thread's wake and switch-in before each."""
    report = json.load(open(report_path))
    counts = collections.Counter()
    for k, w in enumerate(report.get('worst', [])):
        at, late_s = w['at_s'], w['late_us'] / 1e6
        due = at - late_s
        if late_s < min_late / 2:
            continue
        # The last switch to the clock thread before the send, on any CPU.
        switch = None
        for cpu, evs in events.items():
            if not (covered[cpu][0] <= due - 0.003 and at <= covered[cpu][1]):
                continue
            for e in between(cpu, due - 0.003, at):
                if e[3] == 'sched_switch' and 'next_comm=seq clock' in e[4]:
                    if switch is None or e[0] > switch[0][0]:
                        switch = (e, cpu)
        if switch is None:
            continue
        (sw, cpu) = switch
        # A wake-up is traced on the CPU that makes it (the timer's), not always the one the thread then runs on.
        wake, wake_cpu = None, cpu
        for c in events:
            for e in between(c, due - 0.003, sw[0]):
                if e[3] == 'sched_wakeup' and 'comm=seq clock' in e[4] and (wake is None or e[0] > wake[0]):
                    wake, wake_cpu = e, c
        held_by = re.search(r'prev_comm=(.*?) prev_pid=(\d+)', sw[4])
        start = wake[0] if wake else due - 0.0015
        inside = between(cpu, start, sw[0])
        timer_irqs = sum(1 for e in inside if e[3] == 'local_timer_entry')
        stamps = [start] + [e[0] for e in inside] + [sw[0]]
        gap = max(b - a for a, b in zip(stamps, stamps[1:]))
        queue = sw[0] - start
        if wake is None:
            verdict = 'no wake-up seen'
        elif queue >= 0.5 * late_s:
            verdict = 'woken, not switched to (cpu%d stayed with %s-%s, %d timer interrupts meanwhile, longest silence %.2f ms)' % (
                cpu, held_by[1], held_by[2], timer_irqs, gap * 1e3)
        elif wake[0] - due > -0.0005:
            before = [due - 0.0015] + [e[0] for e in between(wake_cpu, due - 0.0015, wake[0])]
            silence = max(b - a for a, b in zip(before, before[1:])) if len(before) > 1 else 0
            verdict = 'woken late (at %+.2f ms from due, by cpu%d, which had no event for %.2f ms before; it asked for about -1.5 ms)' % (
                (wake[0] - due) * 1e3, wake_cpu, silence * 1e3)
        else:
            verdict = 'mixed'
        counts[verdict.split(' (')[0]] += 1
        print('seq send #%d, %.1f us late: clock thread woken at %s, on cpu%d at %+.2f ms from due: %s' % (
            w['index'], w['late_us'], '%+.2f ms' % ((wake[0] - due) * 1e3) if wake else '?', cpu, (sw[0] - due) * 1e3, verdict))
    print('seq\'s latest sends inside saved buffers: %s' % (', '.join('%s %d' % kv for kv in counts.most_common()) or 'none'))


if len(sys.argv) > 4:
    seq_sends(sys.argv[4])
