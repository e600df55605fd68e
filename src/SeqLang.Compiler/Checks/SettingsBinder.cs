using SeqLang.Compiler.Music;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Checks;

/// <summary>
/// Checks the settings of SPEC §2 (each at most once, values in range) and the user scales and kits
/// they may refer to, and fills in the defaults.
/// </summary>
internal sealed class SettingsBinder
{
    private readonly BindContext _context;
    private readonly Dictionary<string, StatementSyntax> _seen = new(StringComparer.Ordinal);

    public SettingsBinder(BindContext context) => _context = context;

    public Dictionary<string, int[]> UserScales { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, int>> Kits { get; } = new(StringComparer.Ordinal);

    public PieceSettings Bind(FileSyntax file, string defaultTitle)
    {
        // Scales first: `key` may name a user scale declared anywhere in the file.
        foreach (var scale in file.Statements.OfType<ScaleSyntax>()) BindScale(scale);
        foreach (var kit in file.Statements.OfType<KitSyntax>()) BindKit(kit);

        var settings = new PieceSettings { Title = defaultTitle };
        foreach (var statement in file.Statements)
        {
            switch (statement)
            {
                case TitleSyntax s when Once("title", s):
                    settings = settings with { Title = s.Text.Content };
                    break;
                case TempoSyntax s when Once("tempo", s):
                    settings = BindTempo(settings, s);
                    break;
                case MeterSyntax s when Once("meter", s):
                    settings = BindMeter(settings, s);
                    break;
                case KeySyntax s when Once("key", s):
                    settings = BindKey(settings, s);
                    break;
                case SeedSyntax s when Once("seed", s):
                    if (s.Value.Value is { IsInteger: true } seed) settings = settings with { Seed = seed.Numerator };
                    else _context.Report(Codes.BadSeed, s.Value.Span, s.Value.Text);
                    break;
                case SwingSettingSyntax s when Once("swing", s):
                    if (_context.InRange(s.Percent, 1, 99, Codes.SwingOutOfRange) is { } swing) settings = settings with { Swing = swing };
                    break;
                case OutputSyntax s when Once("output", s):
                    settings = settings with { Output = s.Port.Content };
                    break;
                case InputSyntax s when Once("input", s):
                    settings = settings with { Input = s.Port.Content };
                    break;
                case ClockSyntax s when Once("clock", s):
                    settings = s.IsOut ? settings with { ClockOut = true } : settings with { ClockIn = true, ClockInPort = s.Port?.Content };
                    break;
            }
        }
        return settings;
    }

    private bool Once(string name, StatementSyntax statement)
    {
        if (_seen.TryGetValue(name, out var first))
        {
            _context.Report(Codes.RepeatedSetting, statement.Keyword, name, _context.LineOf(first.Span));
            return false;
        }
        _seen[name] = statement;
        return true;
    }

    private PieceSettings BindTempo(PieceSettings settings, TempoSyntax s)
    {
        if (_context.InRange(s.Bpm, 20, 999, Codes.TempoOutOfRange) is not { } bpm) return settings;
        settings = settings with { Tempo = bpm };
        if (s.Ramp is { } ramp && BindRamp(bpm, ramp, 0) is { } bound) settings = settings with { TempoRamp = bound };
        return settings;
    }

    /// <summary>Checks a ramp's target and length; shared with section tempo ramps.</summary>
    public TempoRamp? BindRamp(Rational from, TempoRampSyntax ramp, long startBar)
    {
        var to = _context.InRange(ramp.Target, 20, 999, Codes.TempoOutOfRange);
        var bars = _context.Integer(ramp.Bars, 1, 100_000, Codes.BadRampBars);
        return to is { } t && bars is { } b ? new TempoRamp(from, t, startBar, b) : null;
    }

    private PieceSettings BindMeter(PieceSettings settings, MeterSyntax s)
    {
        var n = s.Numerator.Value;
        var d = s.Denominator.Value;
        var valid = n is { IsInteger: true } && n >= 1 && n <= 64 && d is { IsInteger: true } && d.Value.Numerator is 1 or 2 or 4 or 8 or 16 or 32;
        if (!valid)
        {
            _context.Report(Codes.BadMeter, s.Span with { Start = s.Numerator.Span.Start, Length = s.Denominator.Span.End - s.Numerator.Span.Start },
                $"{s.Numerator.Text}/{s.Denominator.Text}");
            return settings;
        }
        return settings with { Meter = new Meter((int)n!.Value.Numerator, (int)d!.Value.Numerator) };
    }

    private PieceSettings BindKey(PieceSettings settings, KeySyntax s)
    {
        var tonic = PitchClass.ParseTonic(s.Tonic.Text);
        if (tonic is null) _context.Report(Codes.UnknownTonic, s.Tonic.Span, s.Tonic.Text);
        var steps = ScaleSteps(s.Mode);
        if (tonic is null || steps is null) return settings;
        return settings with { Key = new MusicalKey(s.Tonic.Text, tonic.Value, s.Mode.Text, steps) };
    }

    /// <summary>A built-in mode or a user scale by name, or null after reporting an unknown mode.</summary>
    public int[]? ScaleSteps(NameSyntax mode)
    {
        if (Scales.TryGet(mode.Text, out var steps) || UserScales.TryGetValue(mode.Text, out steps)) return steps;
        _context.Report(Codes.UnknownMode, mode.Span, mode.Text, Suggestions.DidYouMean(mode.Text, Scales.Names.Concat(UserScales.Keys)));
        return null;
    }

    private readonly Dictionary<string, ScaleSyntax> _scaleSyntax = new(StringComparer.Ordinal);

    private void BindScale(ScaleSyntax s)
    {
        if (Scales.TryGet(s.Name.Text, out _)) { _context.Report(Codes.ScaleShadowsMode, s.Name.Span, s.Name.Text); return; }
        if (_scaleSyntax.TryGetValue(s.Name.Text, out var first))
        {
            _context.Report(Codes.RepeatedDefinition, s.Name.Span, "scale", s.Name.Text, _context.LineOf(first.Span));
            return;
        }
        _scaleSyntax[s.Name.Text] = s;
        var steps = new List<int>();
        foreach (var step in s.Steps)
        {
            if (step.Value is not { IsInteger: true } v || v < 0 || v > 11 || steps.Contains((int)v.Numerator) || (steps.Count > 0 && v.Numerator <= steps[^1]))
            {
                _context.Report(Codes.BadScale, step.Span, s.Name.Text);
                return;
            }
            steps.Add((int)v.Numerator);
        }
        if (steps.Count == 0 || steps[0] != 0) { _context.Report(Codes.BadScale, s.Name.Span, s.Name.Text); return; }
        UserScales[s.Name.Text] = steps.ToArray();
    }

    private readonly Dictionary<string, KitSyntax> _kitSyntax = new(StringComparer.Ordinal);

    private void BindKit(KitSyntax s)
    {
        if (s.Name.Text == "gm") { _context.Report(Codes.KitShadowsGm, s.Name.Span); return; }
        if (_kitSyntax.TryGetValue(s.Name.Text, out var first))
        {
            _context.Report(Codes.RepeatedDefinition, s.Name.Span, "kit", s.Name.Text, _context.LineOf(first.Span));
            return;
        }
        _kitSyntax[s.Name.Text] = s;
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new Dictionary<string, KitEntrySyntax>(StringComparer.Ordinal);
        foreach (var entry in s.Entries)
        {
            if (lines.TryGetValue(entry.Name.Text, out var firstEntry))
            {
                _context.Report(Codes.RepeatedDefinition, entry.Name.Span, "drum", entry.Name.Text, _context.LineOf(firstEntry.Span));
                continue;
            }
            lines[entry.Name.Text] = entry;
            if (_context.Integer(entry.Note, 0, 127, Codes.BadKitNote) is { } note) map[entry.Name.Text] = note;
        }
        Kits[s.Name.Text] = map;
    }
}
