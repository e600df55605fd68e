#!/usr/bin/python3
"""An independent reader for SeqLang's MIDI files, built on mido (not on our own SmfReader).

Our writer and reader could share a misunderstanding of the SMF spec and still agree with
each other; a third-party parser catches that. Run with the system Python, which has the
Debian package (the pyenv `python3` on PATH does not):

    /usr/bin/python3 tests/tools/mido_dump.py dump  FILE.mid
    /usr/bin/python3 tests/tools/mido_dump.py check FILE.mid [--ppq 480]

dump prints JSON: {"type", "ticks_per_beat", "tracks": [{"name", "messages": [...]}]}, each
message being mido's fields (type, channel, note, velocity, control, value, program, pitch,
tempo, numerator, denominator, clocks_per_click, notated_32nd_notes_per_beat, key, name, ...)
with "tick" (absolute) in place of mido's delta "time".

check prints {"ok": bool, "errors": [...]} and exits 1 when a rule fails: format 1, the
expected ticks per quarter, every track closed by end_of_track, and per channel and pitch
balanced note-ons and note-offs with no note-on while that pitch still sounds (SPEC §7).

Exit status 3 means mido is missing or the file cannot be parsed at all.
"""
import argparse
import json
import sys

try:
    import mido
except ImportError:
    sys.stderr.write("mido is not installed for %s: run `apt-get install python3-mido` and use /usr/bin/python3\n" % sys.executable)
    sys.exit(3)


def plain(value):
    """mido uses tuples for sysex data and some meta fields; JSON wants lists."""
    if isinstance(value, (tuple, list, bytes, bytearray)):
        return [plain(v) for v in value]
    return value


def load(path):
    # UTF-8 because SeqLang writes names as UTF-8; mido's default Latin-1 would garble accents.
    return mido.MidiFile(path, charset="utf-8")


def dump(midi):
    tracks = []
    for track in midi.tracks:
        tick = 0
        messages = []
        for msg in track:
            tick += msg.time
            fields = {"tick": tick}
            fields.update((k, plain(v)) for k, v in msg.dict().items() if k != "time")
            messages.append(fields)
        tracks.append({"name": track.name, "messages": messages})
    # length: seconds to the last event of any track, under the file's tempo map, as mido plays it.
    return {"type": midi.type, "ticks_per_beat": midi.ticks_per_beat, "length": midi.length, "tracks": tracks}


def check(midi, ppq):
    errors = []
    if midi.type != 1:
        errors.append("format is %d, not 1" % midi.type)
    if ppq is not None and midi.ticks_per_beat != ppq:
        errors.append("ticks per beat is %d, not %d" % (midi.ticks_per_beat, ppq))
    for index, track in enumerate(midi.tracks):
        where = "track %d (%s)" % (index, track.name)
        if not track or track[-1].type != "end_of_track":
            errors.append("%s does not end with end_of_track" % where)
        sounding = {}  # (channel, note) -> tick of its note-on
        tick = 0
        for msg in track:
            tick += msg.time
            if msg.type == "end_of_track" and msg is not track[-1]:
                errors.append("%s: end_of_track at tick %d is not the last event" % (where, tick))
            if msg.type not in ("note_on", "note_off"):
                continue
            key = (msg.channel, msg.note)
            if msg.type == "note_on" and msg.velocity > 0:
                if key in sounding:
                    errors.append("%s: note-on channel %d note %d at tick %d while it sounds since tick %d"
                                  % (where, msg.channel, msg.note, tick, sounding[key]))
                sounding[key] = tick
            else:
                if key not in sounding:
                    errors.append("%s: note-off channel %d note %d at tick %d with no note sounding"
                                  % (where, msg.channel, msg.note, tick))
                sounding.pop(key, None)
        for (channel, note), start in sorted(sounding.items()):
            errors.append("%s: channel %d note %d from tick %d is never switched off" % (where, channel, note, start))
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["dump", "check"])
    parser.add_argument("file")
    parser.add_argument("--ppq", type=int, default=None, help="expected ticks per quarter note (check)")
    args = parser.parse_args()
    try:
        midi = load(args.file)
    except Exception as error:  # noqa: BLE001 - any parse failure is the answer here
        sys.stderr.write("mido cannot read %s: %s: %s\n" % (args.file, type(error).__name__, error))
        return 3
    if args.mode == "dump":
        json.dump(dump(midi), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    errors = check(midi, args.ppq)
    json.dump({"ok": not errors, "errors": errors}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
