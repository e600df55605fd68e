using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Values;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// Checks a lane's modifiers (SPEC §3 table) and sorts them into how atoms are read (octave, degrees/tones,
/// voicing: properties of the lane wherever they are written) and the transformations applied in order.
/// </summary>
internal sealed class ModifierBinder
{
    private static readonly string[] Known =
    {
        "vel", "legato", "prob", "transpose", "octave", "degrees", "tones", "fast", "slow", "rev", "shift",
        "every", "swing", "humanize", "voicing", "mute", "chan", "ply", "iter", "palindrome", "chunk",
        "sometimes", "often", "rarely", "someCycles", "mask", "struct", "off", "n", "arp", "strum", "lock", "groove", "glide",
    };

    public static readonly string[] Voicings = { "close", "open", "lead" };

    private readonly BindContext _context;
    private readonly Func<StringSyntax, Patterns.Pattern<int>?> _compileVelocity;
    private readonly Func<StringSyntax, Patterns.Pattern<bool>?> _compileRhythm;
    private readonly ValueBinder _values;
    private readonly ulong _stream;
    private readonly Func<StringSyntax, Patterns.Pattern<int>?> _compileIndices;
    private readonly IReadOnlyDictionary<string, Grooves.Groove?> _grooves;
    private int _salt;

    public ModifierBinder(BindContext context, Func<StringSyntax, Patterns.Pattern<int>?> compileVelocity, Func<StringSyntax, Patterns.Pattern<bool>?> compileRhythm,
        ValueBinder values, ulong stream, Func<StringSyntax, Patterns.Pattern<int>?> compileIndices, IReadOnlyDictionary<string, Grooves.Groove?> grooves)
    {
        _compileIndices = compileIndices;
        _grooves = grooves;
        _context = context;
        _compileVelocity = compileVelocity;
        _compileRhythm = compileRhythm;
        _values = values;
        _stream = stream;
    }

    /// <summary>The result for one lane.</summary>
    public sealed class Bound
    {
        public List<LaneModifier> Transforms { get; } = new();
        public int Octave { get; set; } = 4;
        public string? Mode { get; set; }
        public string Voicing { get; set; } = "close";
        public bool Muted { get; set; }
        public StrumSpec? Strum { get; set; }
        public (Rational Time, Patterns.Pattern<bool>? On)? Glide { get; set; }
    }

    public void Unknown(UnknownModifierSyntax unknown) =>
        _context.Report(Codes.UnknownModifier, unknown.Word.Span, unknown.Word.Text, Suggestions.DidYouMean(unknown.Word.Text, Known));

    /// <summary>Binds one modifier into <paramref name="bound"/>; <paramref name="laneDescription"/> names the lane kind in messages.</summary>
    public void Bind(ModifierSyntax m, Bound bound, LaneKind kind, string laneDescription)
    {
        switch (m.Name)
        {
            case "octave":
                if (NotFor(m, kind is LaneKind.Drums or LaneKind.Control, laneDescription)) return;
                if (_context.Integer(m.Number!, -1, 9, Range("octave", "use -1 to 9")) is { } octave) bound.Octave = octave;
                return;
            case "degrees" or "tones":
                if (NotFor(m, kind is LaneKind.Drums or LaneKind.Control, laneDescription)) return;
                if (bound.Mode is { } previous && previous != m.Name) { _context.Report(Codes.ConflictingModes, m.Keyword.Span, m.Name, previous); return; }
                bound.Mode = m.Name;
                return;
            case "voicing":
                if (NotFor(m, kind is LaneKind.Drums or LaneKind.Control, laneDescription)) return;
                if (Voicings.Contains(m.Word!.Text)) bound.Voicing = m.Word.Text;
                else _context.Report(Codes.UnknownVoicing, m.Word.Span, m.Word.Text, Suggestions.DidYouMean(m.Word.Text, Voicings));
                return;
            case "mute":
                bound.Muted = true;
                return;
            case "strum":
                if (NotFor(m, kind is LaneKind.Control or LaneKind.Bend or LaneKind.Pressure, laneDescription)) return;
                if (_context.InRange(m.Number!, 0, 1, Range("strum", "use more than 0, at most 1 bar between notes"), minExclusive: true) is not { } spread) return;
                var down = false;
                foreach (var o in m.Options ?? Array.Empty<FunctionOptionSyntax>())
                {
                    if (o.Word.Text == "down" && o.Number is null) down = true;
                    else _context.Report(Codes.UnknownFunctionOption, o.Word.Span, "strum", o.Word.Text, Suggestions.DidYouMean(o.Word.Text, new[] { "down" }));
                }
                bound.Strum = new StrumSpec(spread, down);
                return;
            case "glide":
                if (NotFor(m, kind is not (LaneKind.Pitched or LaneKind.Degrees or LaneKind.Tones), laneDescription)) return;
                if (_context.InRange(m.Number!, 0, 4, Range("glide", "use more than 0, at most 4 bars"), minExclusive: true) is not { } time) return;
                Patterns.Pattern<bool>? on = null;
                if (m.Word is { } word)
                {
                    if (word.Text != "on") { _context.Report(Codes.UnknownFunctionOption, word.Span, "glide", word.Text, Suggestions.DidYouMean(word.Text, new[] { "on" })); return; }
                    if (_compileRhythm(m.Text!) is not { } marks) return;
                    on = marks;
                }
                bound.Glide = (time, on);
                return;
        }
        if (Transform(m, kind, laneDescription, inEvery: false) is { } transform) bound.Transforms.Add(transform);
    }

    /// <summary>A modifier that transforms the pattern, or null after reporting.</summary>
    public LaneModifier? Transform(ModifierSyntax m, LaneKind kind, string laneDescription, bool inEvery)
    {
        var noteOnly = kind == LaneKind.Control;
        switch (m.Name)
        {
            case "vel":
                if (NotFor(m, noteOnly, laneDescription)) return null;
                if (m.Number is { } fixedVelocity)
                    return _context.Integer(fixedVelocity, 1, 127, Range("vel", "use 1 to 127")) is { } v ? new VelocityModifier(v, null, m.Span) : null;
                if (m.Text is { } velocities) return _compileVelocity(velocities) is { } pattern ? new VelocityModifier(null, pattern, m.Span) : null;
                return Setting(m, ValueTarget.Velocity, 1, 127, "1 to 127");
            case "legato":
                if (NotFor(m, noteOnly, laneDescription)) return null;
                if (m.Number is null) return Setting(m, ValueTarget.Legato, 0, 1000, "above 0 to 1000");
                return _context.InRange(m.Number!, 0, 1000, Range("legato", "use a number above 0"), minExclusive: true) is { } l ? new LegatoModifier(l, m.Span) : null;
            case "prob":
                if (m.Number is null) return Setting(m, ValueTarget.Probability, 0, 1, "0 to 1");
                return _context.InRange(m.Number!, 0, 1, Range("prob", "use 0 to 1")) is { } p ? new ProbabilityModifier(p, ++_salt, m.Span) : null;
            case "transpose":
                if (NotFor(m, noteOnly, laneDescription)) return null;
                if (m.Number is null) return Setting(m, ValueTarget.Transpose, -127, 127, "-127 to 127");
                return _context.Integer(m.Number!, -127, 127, Range("transpose", "use a whole number of semitones, -127 to 127")) is { } t ? new TransposeModifier(t, m.Span) : null;
            case "fast":
                return _context.InRange(m.Number!, 0, 10_000, Range("fast", "use a number above 0, at most 10000"), minExclusive: true) is { } f ? new FastModifier(f, m.Span) : null;
            case "slow":
                return _context.InRange(m.Number!, 0, 10_000, Range("slow", "use a number above 0, at most 10000"), minExclusive: true) is { } s ? new SlowModifier(s, m.Span) : null;
            case "rev":
                return new RevModifier(m.Span);
            case "ply":
                return _context.Integer(m.Number!, 1, 64, Range("ply", "use a whole number of repeats, 1 to 64")) is { } times ? new PlyModifier(times, m.Span) : null;
            case "iter":
                return _context.Integer(m.Number!, 1, 64, Range("iter", "use a whole number of parts, 1 to 64")) is { } parts ? new IterModifier(parts, m.Span) : null;
            case "palindrome":
                return new PalindromeModifier(m.Span);
            case "chunk":
                if (_context.Integer(m.Number!, 1, 64, Range("chunk", "use a whole number of parts, 1 to 64")) is not { } chunks) return null;
                return Inner(m, kind, laneDescription) is { } part ? new ChunkModifier(chunks, part, m.Span) : null;
            case "sometimes" or "someCycles":
                if (_context.InRange(m.Number!, 0, 1, Range(m.Name, "use a probability, 0 to 1")) is not { } chance) return null;
                if (Inner(m, kind, laneDescription) is not { } changed) return null;
                return m.Name == "sometimes" ? new SometimesModifier(chance, changed, ++_salt, m.Span) : new SomeCyclesModifier(chance, changed, ++_salt, m.Span);
            case "off":
                if (_context.InRange(m.Number!, -16, 16, Range("off", "use -16 to 16 cycles")) is not { } later) return null;
                return Inner(m, kind, laneDescription) is { } copy ? new OffModifier(later, copy, m.Span) : null;
            case "often" or "rarely":
                return Inner(m, kind, laneDescription) is { } sometimes
                    ? new SometimesModifier(m.Name == "often" ? new Rational(3, 4) : new Rational(1, 4), sometimes, ++_salt, m.Span) : null;
            case "n":
                if (NotFor(m, noteOnly, laneDescription)) return null;
                if (inEvery)
                {
                    _context.Report(Codes.ModifierNotInEvery, m.Keyword.Span, m.Name);
                    return null;
                }
                if (m.Number is not null || m.Text is not null) return new NoteValueModifier(m, null, m.Span);
                // Kept when its value fails (reported there), so the lane's string is still read as a rhythm only.
                return new NoteValueModifier(m, null, m.Span, _values.Bind(m.Value!, "n"));
            case "arp":
                if (NotFor(m, kind is not (LaneKind.Pitched or LaneKind.Degrees or LaneKind.Tones), laneDescription)) return null;
                return Arp(m);
            case "lock":
                if (_context.Integer(m.Number!, 1, 1024, Range("lock", "use a whole number of bars, 1 to 1024")) is not { } lockBars) return null;
                var from = 0;
                foreach (var o in m.Options ?? Array.Empty<FunctionOptionSyntax>())
                {
                    if (o.Word.Text == "at" && o.Number is { } at && o.Denominator is null)
                    {
                        if (_context.Integer(at, 0, 1_000_000, Range("lock at", "use a bar number, 0 or more")) is { } bar) from = bar;
                        else return null;
                    }
                    else { _context.Report(Codes.UnknownFunctionOption, o.Word.Span, "lock", o.Word.Text, Suggestions.DidYouMean(o.Word.Text, new[] { "at" })); return null; }
                }
                return new LockModifier(lockBars, from, m.Span);
            case "groove":
                if (NotFor(m, kind is LaneKind.Control or LaneKind.Bend or LaneKind.Pressure, laneDescription)) return null;
                if (!_grooves.TryGetValue(m.Word!.Text, out var defined))
                {
                    _context.Report(Codes.UnknownGroove, m.Word.Span, m.Word.Text, Suggestions.DidYouMean(m.Word.Text, _grooves.Keys));
                    return null;
                }
                if (defined is not { } groove) return null;
                var amount = Rational.One;
                foreach (var o in m.Options ?? Array.Empty<FunctionOptionSyntax>())
                {
                    if (o.Word.Text == "amount" && o.Number is { } a && o.Denominator is null)
                    {
                        if (_context.InRange(a, 0, 2, Range("groove amount", "use 0 to 2 (1 is the groove as it is)")) is { } av) amount = av;
                        else return null;
                    }
                    else { _context.Report(Codes.UnknownFunctionOption, o.Word.Span, "groove", o.Word.Text, Suggestions.DidYouMean(o.Word.Text, new[] { "amount" })); return null; }
                }
                return new GrooveModifier(groove, amount, m.Span);
            case "mask" or "struct":
                if (_compileRhythm(m.Text!) is not { } steps) return null;
                return m.Name == "mask" ? new MaskModifier(steps, m.Span) : new StructModifier(steps, m.Span);
            case "shift" when m.Number is null:
                return Shift(m, humanize: false, -10_000, 10_000, "-10000 to 10000 cycles");
            case "humanize" when m.Number is null:
                return Shift(m, humanize: true, 0, 1000, "0 to 1000 milliseconds");
            case "shift":
                return _context.InRange(m.Number!, -10_000, 10_000, Range("shift", "use -10000 to 10000 cycles")) is { } sh ? new ShiftModifier(sh, m.Span) : null;
            case "swing":
                var percent = _context.InRange(m.Number!, 1, 99, Range("swing", "use 1 to 99 percent (50 is straight)"));
                var grid = 16;
                if (m.Grid is { } g)
                {
                    if (g.Value is { } gv && (gv == 8 || gv == 16)) grid = (int)gv.Numerator;
                    else { _context.Report(Codes.ModifierOutOfRange, g.Span, "grid", g.Text, "use 8 or 16"); return null; }
                }
                return percent is { } pc ? new SwingModifier(pc, grid, m.Span) : null;
            case "humanize":
                return _context.InRange(m.Number!, 0, 1000, Range("humanize", "use 0 to 1000 milliseconds")) is { } ms ? new HumanizeModifier(ms, ++_salt, m.Span) : null;
            case "chan":
                return _context.Integer(m.Number!, 1, 16, Codes.ChannelOutOfRange) is { } c ? new ChannelModifier(c - 1, m.Span) : null;
            case "mute" when inEvery:
                return new MuteModifier(m.Span);
            case "every":
                if (_context.Integer(m.Number!, 1, 1_000_000, Range("every", "use a whole number of cycles, at least 1")) is not { } period) return null;
                return Inner(m, kind, laneDescription, everyAllows: true) is { } inner ? new EveryModifier(period, inner, m.Span) : null;
            default:
                _context.Report(Codes.ModifierNotInEvery, m.Keyword.Span, m.Name);
                return null;
        }
    }

    /// <summary>
    /// A value modifier whose value is a mini string (read where it is written, as <c>vel "..."</c> is) or a signal
    /// (read at the note's final onset). A range that leaves the target's is a warning; the value is clamped.
    /// </summary>
    private LaneModifier? Setting(ModifierSyntax m, ValueTarget target, long min, long max, string range)
    {
        if (_values.Bind(m.Value!, m.Name) is not { } value) return null;
        var salt = target == ValueTarget.Probability ? (ulong)++_salt : 0;
        var setting = new PendingSetting(target, value, _stream, salt);
        if (value is MiniValue mini)
        {
            if (mini.Min < FixedPoint.FromInteger(min) || mini.Max > FixedPoint.FromInteger(max) || (target == ValueTarget.Legato && mini.Min <= FixedPoint.Zero))
            {
                _context.Report(Codes.ModifierOutOfRange with { Format = m.Name + " {0} is out of range: use {1}" }, m.Value!.Span, m.Text!.Content.Trim(), range);
                return null;
            }
            return new MiniSettingModifier(setting, mini.Pattern, m.Span);
        }
        _values.WarnOutside(m.Name, m.Value!.Span, value, FixedPoint.FromInteger(min), FixedPoint.FromInteger(max), range);
        return new DeferredModifier(setting, m.Span);
    }

    /// <summary><c>arp MODE [step S] [octaves K]</c> or <c>arp "MINI"</c>.</summary>
    private LaneModifier? Arp(ModifierSyntax m)
    {
        Patterns.Pattern<int>? indices = null;
        var mode = Patterns.ArpeggioMode.Up;
        if (m.Text is { } text)
        {
            if (_compileIndices(text) is not { } picks) return null;
            indices = picks;
        }
        else if (!Patterns.Arpeggio.TryParseMode(m.Word!.Text, out mode))
        {
            _context.Report(Codes.UnknownArpMode, m.Word.Span, m.Word.Text, Suggestions.DidYouMean(m.Word.Text, Patterns.Arpeggio.ModeNames));
            return null;
        }
        Rational? step = null;
        var octaves = 1;
        foreach (var o in m.Options ?? Array.Empty<FunctionOptionSyntax>())
        {
            switch (o.Word.Text)
            {
                case "step" when indices is null && o.Number is { } n:
                    var value = o.Denominator is { } d ? (n.Value is { } a && d.Value is { } b && !b.IsZero ? a / b : (Rational?)null) : n.Value;
                    if (value is not { } s || s < new Rational(1, 256) || s > 16)
                    {
                        _context.Report(Codes.StepOutOfRange, o.Span, o.Denominator is null ? n.Text : $"{n.Text}/{o.Denominator.Text}");
                        return null;
                    }
                    step = s;
                    break;
                case "octaves" when indices is null && o.Number is { } k && o.Denominator is null:
                    if (_context.Integer(k, 1, 4, Range("arp octaves", "use 1 to 4")) is not { } ok) return null;
                    octaves = ok;
                    break;
                default:
                    var allowed = indices is null ? new[] { "step", "octaves" } : Array.Empty<string>();
                    _context.Report(Codes.UnknownFunctionOption, o.Word.Span, indices is null ? "arp " + m.Word!.Text : "arp with a string", o.Word.Text,
                        allowed.Length > 0 ? Suggestions.DidYouMean(o.Word.Text, allowed) : " (its string gives the rhythm)");
                    return null;
            }
        }
        return new ArpModifier(mode, octaves, step, indices, m.Span);
    }

    private LaneModifier? Shift(ModifierSyntax m, bool humanize, long min, long max, string range)
    {
        if (_values.Bind(m.Value!, m.Name) is not { } value) return null;
        if (value.Min < FixedPoint.FromInteger(min) || value.Max > FixedPoint.FromInteger(max))
        {
            _context.Report(Codes.ModifierOutOfRange with { Format = m.Name + " can reach {0}, out of range: use {1}" }, m.Value!.Span,
                value.Min < FixedPoint.FromInteger(min) ? value.Min.ToString() : value.Max.ToString(), range);
            return null;
        }
        return new ValueShiftModifier(value, humanize, humanize ? ++_salt : 0, m.Span);
    }

    /// <summary>The modifier a nesting one (<c>every N</c>, <c>chunk N</c>, <c>sometimes P</c>...) applies, or null after reporting.</summary>
    /// <remarks><c>everyAllows</c>: <c>every N</c> takes a chunk or a chance inside it; those take neither.</remarks>
    private LaneModifier? Inner(ModifierSyntax m, LaneKind kind, string laneDescription, bool everyAllows = false)
    {
        var name = m.Inner!.Name;
        if (name is "octave" or "degrees" or "tones" or "voicing" or "every" or "chan" or "strum" or "glide" or "lock" or "groove"
            || (!everyAllows && name is "chunk" or "sometimes" or "often" or "rarely" or "someCycles"))
        {
            _context.Report(Codes.ModifierNotInEvery, m.Inner.Keyword.Span, m.Inner.Name);
            return null;
        }
        return Transform(m.Inner, kind, laneDescription, inEvery: true);
    }

    private bool NotFor(ModifierSyntax m, bool invalid, string laneDescription)
    {
        if (invalid) _context.Report(Codes.ModifierNotForLane, m.Keyword.Span, m.Name, laneDescription);
        return invalid;
    }

    /// <summary>
    /// The out-of-range descriptor bound to a modifier's name and advice, made once: it is asked for each number a lane
    /// checks, and almost never used.
    /// </summary>
    private static DiagnosticDescriptor Range(string name, string advice) =>
        RangeDescriptors.GetOrAdd((name, advice), static key => Codes.ModifierOutOfRange with { Format = key.Name + " {0} is out of range: " + key.Advice });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, string Advice), DiagnosticDescriptor> RangeDescriptors = new();
}
