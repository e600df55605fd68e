using System.Globalization;
using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Music;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// Reads one atom of a lane's string by the lane's kind (SPEC §3 "Atoms") and reports what it cannot read,
/// pointing at the atom's exact characters in the file.
/// </summary>
internal sealed class AtomResolver
{
    private readonly LaneKind _kind;
    private readonly string _laneName;
    private readonly string _kitName;
    private readonly IReadOnlyDictionary<string, int>? _kit;
    private readonly int _octave;
    private readonly int[] _scale;
    private readonly int _tonic;
    private readonly bool _hasHarmony;
    private readonly DiagnosticBag _diagnostics;

    public AtomResolver(LaneKind kind, string laneName, string kitName, IReadOnlyDictionary<string, int>? kit, int octave, int[] scale, int tonic, bool hasHarmony, DiagnosticBag diagnostics)
    {
        _kind = kind;
        _laneName = laneName;
        _kitName = kitName;
        _kit = kit;
        _octave = octave;
        _scale = scale;
        _tonic = tonic;
        _hasHarmony = hasHarmony;
        _diagnostics = diagnostics;
    }

    /// <summary>The atom, or null after reporting why it cannot be read.</summary>
    public Atom? Resolve(string text, SourceSpan span) => _kind switch
    {
        LaneKind.Drums => Drum(text, span),
        LaneKind.Control or LaneKind.Pressure => Control(text, span),
        LaneKind.Degrees => Degree(text, span),
        LaneKind.Tones => Tone(text, span),
        _ => Pitched(text, span),
    };

    private Atom? Drum(string text, SourceSpan span)
    {
        if (text is "x" or "X")
        {
            if (_kit!.TryGetValue(_laneName, out var hit)) return Atom.Fixed(hit, accent: text == "X");
            _diagnostics.Add(Codes.HitNeedsDrumLane, span, text, _laneName, _kitName, Suggestions.DidYouMean(_laneName, _kit.Keys));
            return null;
        }
        if (_kit!.TryGetValue(text, out var note)) return Atom.Fixed(note);
        if (MidiNumber(text) is { } number) return Atom.Fixed(number);
        if (IsNumber(text)) { _diagnostics.Add(Codes.NoteOutOfRange, span, text); return null; }
        _diagnostics.Add(Codes.UnknownDrum, span, text, _kitName, Suggestions.DidYouMean(text, _kit.Keys));
        return null;
    }

    private Atom? Control(string text, SourceSpan span)
    {
        if (MidiNumber(text) is { } value) return Atom.Fixed(value);
        _diagnostics.Add(Codes.BadControlValue, span, text);
        return null;
    }

    private Atom? Degree(string text, SourceSpan span)
    {
        if (Harmony(text, span) is { } harmony) return harmony;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var degree) || Math.Abs(degree) > 1000)
        {
            if (!IsNumber(text)) return Pitched(text, span);
            _diagnostics.Add(Codes.BadDegree, span, text);
            return null;
        }
        return InRange(Scales.Degree(_scale, (_octave + 1) * 12 + _tonic, degree), text, span);
    }

    private Atom? Tone(string text, SourceSpan span)
    {
        if (Harmony(text, span) is { } harmony) return harmony;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index) && Math.Abs(index) <= 100)
        {
            if (!_hasHarmony)
            {
                // Once per lane: every number of a tones lane would otherwise repeat the same message.
                if (!_reportedTonesWithoutHarmony) _diagnostics.Add(Codes.HarmonyWithoutChords, span, "tones");
                _reportedTonesWithoutHarmony = true;
                return null;
            }
            UsesHarmony = true;
            return new Atom(Array.Empty<int>(), false, HarmonyRef.Tone, index, _octave);
        }
        if (!IsNumber(text)) return Pitched(text, span);
        _diagnostics.Add(Codes.BadTone, span, text);
        return null;
    }

    private Atom? Pitched(string text, SourceSpan span)
    {
        if (Harmony(text, span) is { } harmony) return harmony;
        if (MidiNumber(text) is { } number) return Atom.Fixed(number);
        if (IsNumber(text)) { _diagnostics.Add(Codes.NoteOutOfRange, span, text); return null; }

        var apostrophe = text.IndexOf('\'');
        if (apostrophe >= 0) return TidalChord(text, apostrophe, span);

        switch (NoteName.TryParse(text, out var midi))
        {
            case NoteName.Result.Ok:
                return InRange(midi, text, span);
            case NoteName.Result.MissingOctave:
                _diagnostics.Add(Codes.NoteNeedsOctave, span, text);
                return null;
            default:
                _diagnostics.Add(Codes.UnknownAtom, span, text, Suggestions.DidYouMean(text, new[] { "root", "chord" }));
                return null;
        }
    }

    /// <summary><c>c4'maj7</c>, <c>e'm7</c> (no octave: the lane's), <c>a3'm</c>.</summary>
    private Atom? TidalChord(string text, int apostrophe, SourceSpan span)
    {
        var rootText = text[..apostrophe];
        var quality = text[(apostrophe + 1)..];
        int root;
        switch (NoteName.TryParse(rootText, out var midi))
        {
            case NoteName.Result.Ok:
                root = midi;
                break;
            case NoteName.Result.MissingOctave:
                PitchClass.Read(rootText, out var semitone);
                root = (_octave + 1) * 12 + semitone;
                break;
            default:
                _diagnostics.Add(Codes.UnknownAtom, new SourceSpan(span.Start, apostrophe), rootText, "");
                return null;
        }
        if (!ChordQuality.TryGet(quality, out var intervals))
        {
            _diagnostics.Add(Codes.UnknownChordQuality, SourceSpan.FromBounds(span.Start + apostrophe + 1, span.End), quality,
                Suggestions.DidYouMean(quality, ChordQuality.Names));
            return null;
        }
        var pitches = intervals.Select(i => root + i).ToArray();
        if (pitches.Any(p => p < 0 || p > 127)) { _diagnostics.Add(Codes.NoteOutOfRange, span, text); return null; }
        return new Atom(pitches, false);
    }

    private Atom? Harmony(string text, SourceSpan span)
    {
        var reference = text switch { "root" => HarmonyRef.Root, "chord" => HarmonyRef.Chord, _ => HarmonyRef.None };
        if (reference == HarmonyRef.None) return null;
        if (!_hasHarmony)
        {
            _diagnostics.Add(Codes.HarmonyWithoutChords, span, text);
            return new Atom(Array.Empty<int>(), false, HarmonyRef.None);
        }
        UsesHarmony = true;
        return new Atom(Array.Empty<int>(), false, reference, 0, _octave);
    }

    /// <summary>True once an atom that follows the chords (<c>root</c>, <c>chord</c>, a tone) was read.</summary>
    public bool UsesHarmony { get; private set; }

    private bool _reportedTonesWithoutHarmony;

    private Atom? InRange(int pitch, string text, SourceSpan span)
    {
        if (pitch is >= 0 and <= 127) return Atom.Fixed(pitch);
        _diagnostics.Add(Codes.NoteOutOfRange, span, text);
        return null;
    }

    private static int? MidiNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 127 ? n : null;

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
