#!/usr/bin/env python3
"""stall-sidecar.py: what the scheduler did with `seq play`'s clock thread, sampled every few milliseconds.

  stall-sidecar.py PID OUT.txt [INTERVAL_MS=5]

Waits for the thread named "seq clock" in process PID, then until the process ends (or SIGTERM) samples, every
INTERVAL_MS, on CLOCK_MONOTONIC (the clock of seq's --timing-report):
  - the thread's /proc/PID/task/TID/schedstat: time on a CPU, time runnable but waiting for one (run queue),
    timeslices;
  - its /proc/PID/task/TID/stat: state (R running or runnable, S sleeping), the CPU it last ran on, minor and
    major page faults, scheduling policy and real-time priority;
  - its voluntary and involuntary context switches (/proc/PID/task/TID/status);
  - /proc/stat's per-CPU counters (user ... steal, in USER_HZ ticks).
One line a sample (the columns are named in the first line, after "#"). At the start it also writes the
thread's /proc/PID/task/TID/sched head (policy, prio), `chrt -p TID` and the process's timer slack
(/proc/PID/timerslack_ns: the main thread's; a real-time thread has none). Runs at normal priority: it
samples from whichever CPU the clock thread is not busy on, and never delays it (SCHED_FIFO outranks it).
Standard library only.
"""
import os
import signal
import subprocess
import sys
import time

pid = int(sys.argv[1])
out_path = sys.argv[2]
interval = (float(sys.argv[3]) if len(sys.argv) > 3 else 5.0) / 1000
stopping = False


def on_term(signum, frame):
    global stopping
    stopping = True


signal.signal(signal.SIGTERM, on_term)
signal.signal(signal.SIGINT, on_term)


def read(path):
    with open(path) as f:
        return f.read()


def find_clock_thread():
    for tid in os.listdir('/proc/%d/task' % pid):
        try:
            if read('/proc/%d/task/%s/comm' % (pid, tid)).strip() == 'seq clock':
                return int(tid)
        except OSError:
            pass
    return None


out = open(out_path, 'w')
tid = None
deadline = time.monotonic() + 60
while tid is None and not stopping and time.monotonic() < deadline:
    try:
        tid = find_clock_thread()
    except OSError:
        break  # the process ended
    if tid is None:
        time.sleep(0.002)
if tid is None:
    out.write('# no "seq clock" thread found in process %d\n' % pid)
    sys.exit(0)

base = '/proc/%d/task/%d/' % (pid, tid)
time.sleep(0.05)  # the thread asks for real-time priority as its first act
try:
    sched_head = [l for l in read(base + 'sched').splitlines() if l.split(':')[0].strip() in ('policy', 'prio')]
except OSError:
    sched_head = ['(sched not readable)']
chrt = subprocess.run(['chrt', '-p', str(tid)], capture_output=True, text=True).stdout.strip().replace('\n', '; ')
try:
    slack = read('/proc/%d/timerslack_ns' % pid).strip()
except OSError:
    slack = '(not readable)'
out.write('# pid %d clock thread tid %d\n' % (pid, tid))
out.write('# sched: %s\n' % '; '.join(' '.join(l.split()) for l in sched_head))
out.write('# chrt -p: %s\n' % chrt)
out.write('# process timerslack_ns (main thread): %s\n' % slack)

cpus = [l.split()[0] for l in read('/proc/stat').splitlines() if l.startswith('cpu')]
fields = ('user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal')
columns = ['t_ns', 'exec_ns', 'wait_ns', 'slices', 'state', 'cpu', 'minflt', 'majflt', 'rtprio', 'policy', 'vol', 'invol']
columns += ['%s_%s' % (c, f) for c in cpus for f in fields]
columns.append('read_ns')
out.write('# ' + ' '.join(columns) + '\n')

rows = []
next_at = time.monotonic()
stat_fd = os.open('/proc/stat', os.O_RDONLY)
try:
    schedstat_fd = os.open(base + 'schedstat', os.O_RDONLY)
    taskstat_fd = os.open(base + 'stat', os.O_RDONLY)
    status_fd = os.open(base + 'status', os.O_RDONLY)
except OSError:
    sys.exit(0)
while not stopping:
    try:
        t0 = time.monotonic_ns()
        schedstat = os.pread(schedstat_fd, 256, 0).split()
        taskstat = os.pread(taskstat_fd, 2048, 0)
        status = os.pread(status_fd, 4096, 0)
        stat = os.pread(stat_fd, 4096, 0)
        t1 = time.monotonic_ns()
    except OSError:
        break  # the thread or the process ended
    if not schedstat:
        break
    # stat: after the ")" that closes comm: state is field 3; minflt 10, majflt 12, processor 39, rt_priority 40, policy 41.
    rest = taskstat[taskstat.rindex(b')') + 2:].split()
    vol = invol = b'?'
    for line in status.splitlines():
        if line.startswith(b'voluntary_ctxt_switches'):
            vol = line.split()[1]
        elif line.startswith(b'nonvoluntary_ctxt_switches'):
            invol = line.split()[1]
    cpu_values = []
    for line in stat.splitlines():
        if not line.startswith(b'cpu'):
            break
        cpu_values += line.split()[1:9]
    # The sample's time is the midpoint of its reads.
    rows.append(b' '.join([str((t0 + t1) // 2).encode(), schedstat[0], schedstat[1], schedstat[2], rest[0], rest[36], rest[7],
                           rest[9], rest[37], rest[38], vol, invol] + cpu_values + [str(t1 - t0).encode()]))
    next_at += interval
    delay = next_at - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    else:
        next_at = time.monotonic()
out.write(b'\n'.join(rows).decode() + ('\n' if rows else ''))
out.close()
