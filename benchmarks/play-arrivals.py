#!/usr/bin/env python3
"""play-arrivals.py: the figures of play-timing.sh and play-drift.sh, send times and arrival times side by side.

  play-arrivals.py run IDEAL.mid ARRIVALS.txt REPORT.json XRUN_LINES RESULT.json LABEL LOAD_BEFORE LOAD_AFTER [--header]
      compares what a JACK receiver got (ARRIVALS.txt, written by jack-arrivals) with `seq render`'s file of
      the same bars (IDEAL.mid), writes RESULT.json and prints one row: seq's own send-time figures
      (REPORT.json, from --timing-report) next to the arrival figures, and the 1-minute load average before
      and after the run. After the row, exit 3 when the received channel messages are not the rendered ones in
      a run with xruns or gaps (a JACK client that misses its cycle can lose what it sends), 4 when they differ
      in a run without either.
  play-arrivals.py medians RESULT.json...
      prints the medians across runs of every figure of the rows.

IDEAL.mid is read with mido (Debian python3-mido), not with SeqLang's own reader, and its ticks become
seconds through the file's tempo map. Per channel, the received channel messages must be the rendered ones,
same bytes, same order. They are paired in order; a received message pairs with a rendered one only if the
bytes are equal and it arrived within 50 ms of where the last pair puts it, so one lost or extra message is
reported as such instead of shifting every later pair. The All Notes Off / All Sound Off / Reset All
Controllers messages `seq play` sends per channel when it stops, after the channel's last rendered message,
are counted apart as stop messages; any other difference is reported loudly.

Arrival error: a message's arrival (JACK frame time / sample rate) minus its ideal time (from the file),
less the median of that difference over all paired messages, which stands for the unknown fixed offset
between seq's start and JACK's frame clock. RtMidi's JACK output hands every message to JACK at the start
of the next period, so even a perfect sender spreads the errors over one period (about +-P/2 around the
median). Reported: p50/p99/max of |error|, how many messages are more than one period from the ideal
(the target is zero), the smallest and largest signed error, and the trend (least-squares slope of the
error against the ideal time, times the run's length).

JACK's own clock: the dummy driver paces its periods with the system clock but restarts that pacing after
each xrun, so its frame clock can fall behind the system clock, and a frame-time error may then be JACK's,
not seq's. Reported beside the arrival figures: the lines of jackd's log that mention xruns during the
run (passed in; one xrun writes a line per unfinished client and one for the driver), the gaps in JACK's
frame time while the messages arrived, and the slip: how far JACK's frame clock moved against the system
clock (CLOCK_MONOTONIC at each cycle's callback) from the first to the last 5 % of the messages (medians of
both, so a late-scheduled callback does not count), and the lag: how much later than its frame time the latest
cycle's callback started (against the median). A non-real-time server can start a cycle milliseconds late
without an xrun; a message sent meanwhile still lands in that cycle's frames, up to lag + P/2 early.
"""
import bisect
import collections
import json
import math
import statistics
import sys

try:
    import mido
except ImportError:
    sys.exit("play-arrivals.py: needs mido (apt-get install -y python3-mido)")

# Controller numbers a player sends on stop: All Sound Off, Reset All Controllers, All Notes Off.
STOP_CONTROLLERS = {120, 121, 123}
SEND_KEYS = ('events', 'mean_us', 'p50_us', 'p99_us', 'max_us', 'drift_us')
ARRIVAL_KEYS = ('matched', 'arr_p50_us', 'arr_p99_us', 'arr_max_us', 'beyond_period', 'xrun_lines', 'gaps_in_play',
                'slip_us', 'cycle_lag_max_us')


def ideal_messages(path):
    """Channel (0-15) -> [(seconds, bytes)] in file order, and the piece's length in seconds."""
    midi = mido.MidiFile(path)
    events = []  # (tick, track, index, message): sorted, a channel's messages keep their track's order
    tempos = []  # (tick, microseconds a beat)
    for t, track in enumerate(midi.tracks):
        tick = 0
        for i, message in enumerate(track):
            tick += message.time
            if message.type == 'set_tempo':
                tempos.append((tick, message.tempo))
            elif not message.is_meta and hasattr(message, 'channel'):
                events.append((tick, t, i, message))
    if midi.type == 2:
        sys.exit("play-arrivals.py: a type 2 file has no common time line")
    tempos.sort(key=lambda x: x[0])
    # Seconds at each tempo change, so a tick's time is its segment's start plus the rest at that tempo.
    starts, seconds, tempo, last_tick, at = [0], [0.0], 500000, 0, 0.0
    for tick, new_tempo in tempos:
        at += (tick - last_tick) * tempo / 1e6 / midi.ticks_per_beat
        starts.append(tick); seconds.append(at)
        tempo, last_tick = new_tempo, tick
    tempo_at = [500000] + [t for _, t in tempos]

    def to_seconds(tick):
        k = bisect.bisect_right(starts, tick) - 1
        return seconds[k] + (tick - starts[k]) * tempo_at[k] / 1e6 / midi.ticks_per_beat

    events.sort(key=lambda e: (e[0], e[1], e[2]))
    per_channel = collections.defaultdict(list)
    for tick, _, _, message in events:
        per_channel[message.channel].append((to_seconds(tick), bytes(message.bytes())))
    end_tick = max((sum(m.time for m in track) for track in midi.tracks), default=0)
    return per_channel, to_seconds(end_tick)


def read_arrivals(path):
    """[(frame, usecs, bytes, size)] in arrival order, the sample rate, the period, the gaps [(frame, skipped)]
    and the trailer."""
    messages, gaps, rate, period, trailer = [], [], None, None, None
    offset, last = 0, None
    for line in open(path):
        words = line.split()
        if not words:
            continue
        if words[0] == '#':
            if words[1] == 'rate':
                rate, period = int(words[2]), int(words[4])
            elif words[1] == 'gap':
                gaps.append((int(words[2]), int(words[4])))
            elif words[1] == 'end':
                trailer = {words[i]: int(words[i + 1]) for i in range(2, len(words), 2)}
            continue
        frame = int(words[0])
        # Frame times are 32-bit and wrap after a day at 48 kHz: keep them growing.
        if last is not None and frame + offset < last - 2**31:
            offset += 2**32
        last = frame + offset
        messages.append((last, int(words[1]), bytes(int(b, 16) for b in words[3:]), int(words[2])))
    if rate is None or trailer is None:
        sys.exit(f"play-arrivals.py: {path} has no header or no trailer (did the receiver stop cleanly?)")
    return messages, rate, period, gaps, trailer


def percentile(sorted_values, p):
    """Nearest rank: the smallest value with at least p of the values at or below it."""
    if not sorted_values:
        return float('nan')
    return sorted_values[max(0, math.ceil(p * len(sorted_values)) - 1)]


def describe(data):
    return ' '.join(f'{b:02x}' for b in data)


# A received message pairs with a rendered one only within this distance of where the last pair puts it: far
# more than a period or a slip of JACK's clock, less than the 125 ms between two sixteenths at 120 BPM.
TOLERANCE = 0.050
# How far on to look for a message when two differ: more than the 15 messages of the piece's largest instant.
LOOKAHEAD = 64


def pair_channel(want, have, rate):
    """Pairs rendered [(seconds, bytes)] with received [(frame, usecs, bytes)] in order: (pairs [(i, j)],
    rendered indexes that never arrived, received indexes that pair with nothing)."""
    n = min(len(want), len(have), 20)
    first = [have[k][0] / rate - want[k][0] for k in range(n) if want[k][1] == have[k][2]]
    offset = statistics.median(first) if first else (have[0][0] / rate - want[0][0] if n else 0.0)
    pairs, missing, extra = [], [], []
    i = j = 0
    while i < len(want) and j < len(have):
        t, a = want[i][0], have[j][0] / rate
        if want[i][1] == have[j][2] and abs(a - offset - t) < TOLERANCE:
            pairs.append((i, j))
            offset = a - t  # follows a slip of JACK's clock
            i += 1
            j += 1
        else:
            # The odd one out is the side whose message turns up a little further on in the other; failing that,
            # the earlier one.
            lost = next((k - i for k in range(i + 1, min(i + LOOKAHEAD, len(want)))
                         if want[k][1] == have[j][2] and abs(a - offset - want[k][0]) < TOLERANCE), None)
            added = next((k - j for k in range(j + 1, min(j + LOOKAHEAD, len(have)))
                          if have[k][2] == want[i][1] and abs(have[k][0] / rate - offset - t) < TOLERANCE), None)
            if lost is not None and (added is None or lost <= added):
                missing.append(i)
                i += 1
            elif added is not None or t + offset >= a:
                extra.append(j)
                j += 1
            else:
                missing.append(i)
                i += 1
    missing.extend(range(i, len(want)))
    extra.extend(range(j, len(have)))
    return pairs, missing, extra


def run(ideal_path, arrivals_path, report_path, xrun_lines, result_path, label, load, header):
    ideal, length = ideal_messages(ideal_path)
    received, rate, period, gaps, trailer = read_arrivals(arrivals_path)
    report = json.load(open(report_path))

    got = collections.defaultdict(list)
    other = []  # system messages, or messages longer than the receiver keeps: nothing seq renders
    for frame, usecs, data, size in received:
        if size != len(data) or not data or not 0x80 <= data[0] < 0xF0:
            other.append((frame, data, size))
        else:
            got[data[0] & 0x0F].append((frame, usecs, data))

    problems, matched = [], []  # matched: (ideal seconds, arrival frame, callback usecs)
    stop_messages = missing_count = extra_count = 0
    for channel in sorted(set(ideal) | set(got)):
        want, have = ideal.get(channel, []), got.get(channel, [])
        pairs, missing, extra = pair_channel(want, have, rate)
        matched.extend((want[i][0], have[j][0], have[j][1]) for i, j in pairs)
        last_paired = pairs[-1][1] if pairs else -1
        for j in extra:
            data = have[j][2]
            if j > last_paired and data[0] & 0xF0 == 0xB0 and len(data) == 3 and data[1] in STOP_CONTROLLERS:
                stop_messages += 1
                continue
            extra_count += 1
            if extra_count <= 5:
                problems.append(f'channel {channel + 1}: received {describe(data)} at frame {have[j][0]}, '
                                'which is no rendered message there')
        for i in missing:
            missing_count += 1
            if missing_count <= 5:
                problems.append(f'channel {channel + 1}: rendered {describe(want[i][1])} at {want[i][0]:.6f} s '
                                'never arrived (or not where it belongs)')
    for frame, data, size in other:
        extra_count += 1
        if extra_count <= 5:
            problems.append(f'received {size} bytes {describe(data)} at frame {frame}: no channel message')

    if matched:
        matched.sort()
        median_offset = statistics.median(f / rate - t for t, f, _ in matched)
        errors = [(f / rate - t - median_offset) * 1e6 for t, f, _ in matched]
        magnitudes = sorted(abs(e) for e in errors)
        times = [t for t, _, _ in matched]
        mean_t, mean_e = statistics.fmean(times), statistics.fmean(errors)
        spread = sum((t - mean_t) ** 2 for t in times)
        slope = sum((t - mean_t) * (e - mean_e) for t, e in zip(times, errors)) / spread if spread else 0.0
        by_arrival = sorted((f, u) for _, f, u in matched)
        tail = max(1, len(by_arrival) // 20)
        clock = [f / rate * 1e6 - u for f, u in by_arrival]  # JACK's frame clock less the system clock, µs
        first_frame, last_frame = by_arrival[0][0], by_arrival[-1][0]
        arrivals = {
            'matched': len(matched),
            'arr_p50_us': percentile(magnitudes, 0.50),
            'arr_p99_us': percentile(magnitudes, 0.99),
            'arr_max_us': magnitudes[-1],
            # A hundredth of a µs for the rounding of float seconds: exactly one period is within it.
            'beyond_period': sum(1 for m in magnitudes if m > period / rate * 1e6 + 0.01),
            'arr_min_signed_us': min(errors),
            'arr_max_signed_us': max(errors),
            'arr_trend_us': slope * (max(times) - min(times)),
            'gaps_in_play': sum(1 for frame, _ in gaps if first_frame <= frame <= last_frame),
            'slip_us': statistics.median(clock[-tail:]) - statistics.median(clock[:tail]),
            'cycle_lag_max_us': statistics.median(clock) - min(clock),
        }
    else:
        arrivals = {k: float('nan') for k in ('arr_p50_us', 'arr_p99_us', 'arr_max_us', 'arr_min_signed_us',
                                              'arr_max_signed_us', 'arr_trend_us', 'slip_us', 'cycle_lag_max_us')}
        arrivals.update(matched=0, beyond_period=0, gaps_in_play=0)
    result = {k: report[k] for k in SEND_KEYS}
    result.update(arrivals)
    result.update(label=label, rate=rate, period=period, xrun_lines=xrun_lines, gaps=len(gaps),
                  rendered=sum(len(v) for v in ideal.values()), received=trailer.get('received'),
                  dropped=trailer.get('dropped'), missing=missing_count, extra=extra_count,
                  stop_messages=stop_messages, piece_seconds=length, load_before=load[0], load_after=load[1])
    with open(result_path, 'w') as f:
        json.dump(result, f, indent=1)

    if header:
        print_header(period, rate)
    print(row(label, result), flush=True)
    if problems:
        print(f'MESSAGES DIFFER in run {label}: {missing_count} rendered messages missing, {extra_count} received '
              f'that were not rendered (of {result["rendered"]} rendered; the receiver got {trailer.get("received")} '
              f'and dropped {trailer.get("dropped")}; {xrun_lines} xrun lines, {arrivals["gaps_in_play"]} gaps in '
              'JACK\'s frame time during the run)', file=sys.stderr)
        for p in problems:
            print('  ' + p, file=sys.stderr)
        return 3 if xrun_lines or arrivals['gaps_in_play'] else 4
    return 0


def print_header(period, rate):
    print('send: seq\'s own --timing-report, the lateness of each send on the system clock, µs')
    print('arrival: |arrival - ideal| at the JACK receiver in frame time, after the median offset, µs;')
    print(f'  beyond = messages more than one period ({period} frames = {period / rate * 1e6:.0f} µs) from the ideal')
    print('JACK: xruns = lines of jackd\'s log mentioning xrun during the run; gaps = jumps of the frame time while')
    print('  messages arrived; slip = the frame clock against the system clock from start to end, µs; lag = how much')
    print('  later than its frame time the latest cycle started, µs (a message sent meanwhile lands in that cycle,')
    print('  up to lag + period/2 early); load = 1-minute load average before-after')
    print('%-6s %6s %6s %6s %6s %8s %6s | %7s %7s %7s %8s %6s | %5s %4s %7s %6s | %s' % (
        'run', 'sends', 'mean', 'p50', 'p99', 'max', 'drift', 'matched', 'p50', 'p99', 'max', 'beyond',
        'xruns', 'gaps', 'slip', 'lag', 'load'))


def row(label, r):
    return '%-6s %6d %6.1f %6.1f %6.1f %8.1f %6.1f | %7d %7.0f %7.0f %8.0f %6d | %5d %4d %7.0f %6.0f | %s' % (
        label, r['events'], r['mean_us'], r['p50_us'], r['p99_us'], r['max_us'], r['drift_us'], r['matched'],
        r['arr_p50_us'], r['arr_p99_us'], r['arr_max_us'], r['beyond_period'], r['xrun_lines'], r['gaps_in_play'],
        r['slip_us'], r['cycle_lag_max_us'], f"{r['load_before']}-{r['load_after']}" if 'load_before' in r else '')


def medians(paths):
    results = [json.load(open(p)) for p in paths]

    def median_row(label, rs):
        m = {k: statistics.median(r[k] for r in rs) for k in SEND_KEYS + ARRIVAL_KEYS}
        for k in ('load_before', 'load_after'):
            m[k] = '%.2f' % statistics.median(float(r[k]) for r in rs)
        print(row(label, m))

    median_row('median', results)
    clean = [r for r in results if r['xrun_lines'] == 0 and r['gaps_in_play'] == 0]
    if 0 < len(clean) < len(results):
        median_row('clean', clean)
    print(f'{len(clean)} of {len(results)} runs without an xrun line or a gap ("clean" is their median when some had one)')
    print('arrival error, signed, medians of the runs: smallest %.0f µs, largest %.0f µs, trend over the run %.0f µs; '
          'stop messages (All Notes Off) a run: %d' % (
              statistics.median(r['arr_min_signed_us'] for r in results),
              statistics.median(r['arr_max_signed_us'] for r in results),
              statistics.median(r['arr_trend_us'] for r in results),
              statistics.median(r['stop_messages'] for r in results)))


def main(argv):
    if len(argv) >= 9 and argv[0] == 'run':
        return run(argv[1], argv[2], argv[3], int(argv[4]), argv[5], argv[6], (argv[7], argv[8]), '--header' in argv[9:])
    if len(argv) >= 2 and argv[0] == 'medians':
        medians(argv[1:])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
