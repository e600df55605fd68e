#!/usr/bin/env python3
"""stall-windows.py: why were seq's latest sends late? What the sidecar and the canary saw around them.

  stall-windows.py REPORT.json SIDECAR.txt CANARY.txt [SHOW=5]

REPORT.json is seq's --timing-report (its "worst" list: send number, CLOCK_MONOTONIC time, lateness);
SIDECAR.txt is stall-sidecar.py's samples of the clock thread and /proc/stat; CANARY.txt is vcpu-canary's list of
late wakes of a SCHED_FIFO thread pinned to each CPU. All three on CLOCK_MONOTONIC.

Prints the clock thread's scheduling (policy, priority, timer slack), the canary's summary and /proc/stat's steal
over the run, then for the SHOW latest sends: the interval from the send's due time to its send, split by the
clock thread's schedstat between the samples around it into time on a CPU, time runnable in the run queue, and
the rest (not runnable: asleep, or its wake-up not yet delivered), with the canaries' late wakes that overlap it.
Then one line over the report's sends later than 500 us: how many overlap a canary wake late by at least half as
much on the CPU the clock thread was on.

Reading it: the clock thread sleeps until 1.5 ms before a due time, then spins. A send late by milliseconds
with its time "not runnable" means the wake-up came late; if the canary, which only the clock thread outranks,
woke late on that CPU at the same moment with no run-queue wait, the CPU itself was not running guest code
(the hypervisor did not run the vCPU, or interrupts were off that long). "On a CPU" while late means the thread
was running (seq's own work, or a vCPU paused under it: with no steal accounting the guest charges that time to
whatever was running). "Run queue" means the guest kernel did not switch to it (preempt=none kernel sections, or
a higher priority task).
"""
import bisect
import json
import sys

report = json.load(open(sys.argv[1]))
sidecar_path, canary_path = sys.argv[2], sys.argv[3]
show = int(sys.argv[4]) if len(sys.argv) > 4 else 5

header, columns, samples = [], None, []
for line in open(sidecar_path):
    if line.startswith('# t_ns '):
        columns = line[2:].split()
    elif line.startswith('#'):
        header.append(line[2:].rstrip())
    elif line.strip():
        samples.append(line.split())
if columns is None or not samples:
    print('stall-windows: no sidecar samples (%s)' % ' / '.join(header))
    sys.exit(0)
col = {name: i for i, name in enumerate(columns)}


def num(sample, name):
    return int(sample[col[name]])


times = [num(s, 't_ns') for s in samples]
cpu_names = sorted({name.split('_')[0] for name in columns if name.startswith('cpu') and '_' in name and name != 'cpu'})
gaps = [b - a for a, b in zip(times, times[1:])]
gaps_sorted = sorted(gaps)
print('clock thread: ' + ' | '.join(header))
policies = sorted({(s[col['policy']], s[col['rtprio']]) for s in samples})
names = {'0': 'SCHED_OTHER', '1': 'SCHED_FIFO', '2': 'SCHED_RR'}
print('  policy over the run (from every sample): ' + ', '.join('%s priority %s' % (names.get(p, p), r) for p, r in policies))
print('  sidecar: %d samples over %.1f s, interval p50 %.1f ms, max %.1f ms; a sample took p50 %.0f us to read' % (
    len(samples), (times[-1] - times[0]) / 1e9, gaps_sorted[len(gaps) // 2] / 1e6, gaps_sorted[-1] / 1e6,
    sorted(int(s[col['read_ns']]) for s in samples)[len(samples) // 2] / 1e3))
first, last = samples[0], samples[-1]
print('  /proc/stat over the run (USER_HZ ticks): ' + '; '.join(
    '%s steal %d, busy %d, idle %d' % (
        c, num(last, c + '_steal') - num(first, c + '_steal'),
        sum(num(last, c + '_' + f) - num(first, c + '_' + f) for f in ('user', 'nice', 'system', 'irq', 'softirq')),
        num(last, c + '_idle') - num(first, c + '_idle')) for c in ['cpu'] + [c for c in cpu_names if c != 'cpu']))
print('  clock thread over the run: on a CPU %.1f s, runnable waiting %.3f s, %d timeslices, %d involuntary switches, %d minor / %d major faults' % (
    (num(last, 'exec_ns') - num(first, 'exec_ns')) / 1e9, (num(last, 'wait_ns') - num(first, 'wait_ns')) / 1e9,
    num(last, 'slices') - num(first, 'slices'), num(last, 'invol') - num(first, 'invol'),
    num(last, 'minflt') - num(first, 'minflt'), num(last, 'majflt') - num(first, 'majflt')))

canary, canary_summary = [], []
for line in open(canary_path):
    if line.startswith('#'):
        canary_summary.append(line[2:].rstrip())
    elif line.strip():
        cpu, deadline, late, delay = line.split()
        canary.append((float(deadline), float(late) / 1e6, float(delay) / 1e6, int(cpu)))
canary.sort()
in_run = [c for c in canary if times[0] / 1e9 <= c[0] <= times[-1] / 1e9]
print('canary (one per CPU): ' + ' | '.join(canary_summary))
if in_run:
    over_1ms = [c for c in in_run if c[1] > 1e-3]
    woken_late = [c for c in over_1ms if c[2] < 0.1 * c[1]]
    print('  during playback: %d wakes late > 1 ms (max %.1f ms); in %d of them the lateness was not run-queue wait (wake-up itself late)' % (
        len(over_1ms), max(c[1] for c in in_run) * 1e3, len(woken_late)))


def sample_at_or_before(t_ns):
    i = bisect.bisect_right(times, t_ns) - 1
    return max(i, 0)


def sample_at_or_after(t_ns):
    i = bisect.bisect_left(times, t_ns)
    return min(i, len(times) - 1)


def canaries_overlapping(start_s, end_s):
    """Canary wakes whose late interval (deadline .. deadline + late) overlaps start..end."""
    i = bisect.bisect_left(canary, (start_s - 0.2,))
    found = []
    for c in canary[i:]:
        if c[0] > end_s:
            break
        if c[0] + c[1] >= start_s:
            found.append(c)
    return found


# One line per instant: every send of an instant that a stall delayed is late by about as much.
worst, dues = [], set()
for w in report.get('worst', []):
    due_us = round((w['at_s'] - w['late_us'] / 1e6) * 1e6)
    if due_us not in dues:
        dues.add(due_us)
        worst.append(w)
print('seq: %d sends, p99 %.1f us, max %.1f us, drift %.1f us' % (report['events'], report['p99_us'], report['max_us'], report['drift_us']))
for k, w in enumerate(worst[:show]):
    at = w['at_s']
    late = w['late_us'] / 1e6
    due = at - late
    a, b = sample_at_or_before(int(due * 1e9)), sample_at_or_after(int(at * 1e9))
    sa, sb = samples[a], samples[b]
    wall = (num(sb, 't_ns') - num(sa, 't_ns')) / 1e9
    d = {name: num(sb, name) - num(sa, name) for name in ('exec_ns', 'wait_ns', 'slices', 'vol', 'invol', 'minflt', 'majflt')}
    other = wall - d['exec_ns'] / 1e9 - d['wait_ns'] / 1e9
    cpus_seen = sorted({s[col['cpu']] for s in samples[a:b + 1]})
    print('send %d (#%d), %.1f us late, due at %.6f s (%.1f s into the sidecar):' % (k + 1, w['index'], w['late_us'], due,
                                                                                   due - times[0] / 1e9))
    print('  samples %.1f ms before due .. %.1f ms after the send (%.1f ms): on a CPU %.2f ms, run queue %.2f ms, not runnable %.2f ms; '
          '%d timeslices, %d voluntary / %d involuntary switches, %d minor / %d major faults; CPU %s' % (
              (due - num(sa, 't_ns') / 1e9) * 1e3, (num(sb, 't_ns') / 1e9 - at) * 1e3, wall * 1e3, d['exec_ns'] / 1e6,
              d['wait_ns'] / 1e6, other * 1e3, d['slices'], d['vol'], d['invol'], d['minflt'], d['majflt'], ','.join(cpus_seen)))
    print('  /proc/stat in that interval: ' + '; '.join('%s steal %d busy %d idle %d' % (
        c, num(sb, c + '_steal') - num(sa, c + '_steal'),
        sum(num(sb, c + '_' + f) - num(sa, c + '_' + f) for f in ('user', 'nice', 'system', 'irq', 'softirq')),
        num(sb, c + '_idle') - num(sa, c + '_idle')) for c in cpu_names if c != 'cpu'))
    lo, hi = max(a - 2, 0), min(b + 2, len(samples) - 1)
    print('    sample at (ms from due)   on CPU (ms)  run queue (ms)  state  cpu')
    for i in range(lo + 1, hi + 1):
        s, p = samples[i], samples[i - 1]
        print('    %8.2f %12.2f %14.2f %8s %4s' % ((num(s, 't_ns') / 1e9 - due) * 1e3, (num(s, 'exec_ns') - num(p, 'exec_ns')) / 1e6,
                                              (num(s, 'wait_ns') - num(p, 'wait_ns')) / 1e6, s[col['state']], s[col['cpu']]))
    overlapping = canaries_overlapping(due, at)
    if overlapping:
        for c in overlapping:
            print('  canary cpu%d: due %+.2f ms from the send\'s due, woke %.2f ms late, %.2f ms of it in the run queue' % (
                c[3], (c[0] - due) * 1e3, c[1] * 1e3, c[2] * 1e3))
    else:
        print('  no canary woke more than its threshold late during this interval')

late_sends = [w for w in worst if w['late_us'] > 500]
if late_sends:
    matched = 0
    for w in late_sends:
        due = w['at_s'] - w['late_us'] / 1e6
        b = sample_at_or_after(int(w['at_s'] * 1e9))
        a = sample_at_or_before(int(due * 1e9))
        thread_cpus = {int(s[col['cpu']]) for s in samples[a:b + 1]}
        if any(c[3] in thread_cpus and c[1] >= 0.5 * w['late_us'] / 1e6 for c in canaries_overlapping(due, w['at_s'])):
            matched += 1
    print('of the report\'s %d instants later than 500 us, %d overlap a canary wake on the clock thread\'s CPU late by at least half as much' % (
        len(late_sends), matched))
