using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Form;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Harmony;

/// <summary>
/// Checks and compiles the file's harmony (SPEC §4): top-level <c>chords</c> or <c>harmony</c> (at most one of
/// them, once), and <c>in SECTION { chords "..." }</c> progressions bound to sections, which take precedence while
/// their section plays.
/// </summary>
internal sealed class HarmonyBinder
{
    private readonly BindContext _context;
    private readonly PieceSettings _settings;

    public HarmonyBinder(BindContext context, PieceSettings settings)
    {
        _context = context;
        _settings = settings;
    }

    /// <summary>True when the file gives chords anywhere: the condition for <c>root</c>, <c>chord</c> and <c>tones</c>.</summary>
    public static bool HasHarmony(FileSyntax file) => file.Statements.Any(s => s is ChordsSyntax or HarmonySyntax
        || (s is SectionBlockSyntax block && block.Body.Any(b => b is ChordsSyntax)));

    /// <summary>The piece's harmony, or null when the file has none or an error was reported.</summary>
    public PieceHarmony? Bind(FileSyntax file, FormTimeline form)
    {
        var errorsBefore = _context.Diagnostics.ErrorCount;
        ChordsSyntax? chords = null;
        HarmonySyntax? harmony = null;
        foreach (var statement in file.Statements)
        {
            switch (statement)
            {
                case ChordsSyntax c when chords is null: chords = c; break;
                case ChordsSyntax c: _context.Report(Codes.RepeatedProgression, c.Keyword, "chords", _context.LineOf(chords.Span)); break;
                case HarmonySyntax h when harmony is null: harmony = h; break;
                case HarmonySyntax h: _context.Report(Codes.RepeatedProgression, h.Keyword, "harmony", _context.LineOf(harmony.Span)); break;
            }
        }
        if (chords is not null && harmony is not null)
        {
            var later = chords.Span.Start > harmony.Span.Start ? (StatementSyntax)chords : harmony;
            _context.Report(Codes.ChordsAndHarmony, later.Keyword, _context.LineOf(chords.Span));
        }

        var chart = chords is null ? null : ChordChartCompiler.Compile(chords.Mini, _settings.Seed, _context.Diagnostics);
        var progression = harmony is null ? null : Progression(harmony);
        var sectionCharts = SectionCharts(file);

        if (_context.Diagnostics.ErrorCount > errorsBefore) return null;
        if (chart is null && progression is null && sectionCharts.Count == 0) return null;
        return new PieceHarmony(form, chart, progression, sectionCharts);
    }

    private HarmonyProgression? Progression(HarmonySyntax harmony)
    {
        var name = harmony.Style.Text;
        HarmonyStyle? style = null;
        if (!HarmonyStyles.TryGet(name, out var found))
            _context.Report(Codes.UnknownHarmonyStyle, harmony.Style.Span, name, Suggestions.DidYouMean(name, HarmonyStyles.Names));
        else style = found;
        var every = harmony.EveryBars is { } e ? _context.Integer(e, 1, 1_000_000, Codes.HarmonyEveryOutOfRange) : 1;
        var gravity = harmony.Gravity is { } g ? _context.InRange(g, Rational.Zero, Rational.One, Codes.HarmonyGravityOutOfRange) : Rational.Zero;
        if (style is null || every is null || gravity is null) return null;
        return HarmonyProgression.ForKey(style, _settings.Key, every.Value, gravity.Value.ToDouble(), _settings.Seed);
    }

    private Dictionary<string, Pattern<Chord>> SectionCharts(FileSyntax file)
    {
        var charts = new Dictionary<string, Pattern<Chord>>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, ChordsSyntax>(StringComparer.Ordinal);
        foreach (var block in file.Statements.OfType<SectionBlockSyntax>())
        {
            foreach (var chords in block.Body.OfType<ChordsSyntax>())
            {
                var chart = ChordChartCompiler.Compile(chords.Mini, _settings.Seed, _context.Diagnostics);
                foreach (var section in block.Sections)
                {
                    if (firstLine.TryGetValue(section.Text, out var first))
                    {
                        _context.Report(Codes.RepeatedSectionChords, chords.Keyword, section.Text, _context.LineOf(first.Span));
                        continue;
                    }
                    firstLine[section.Text] = chords;
                    if (chart is not null) charts[section.Text] = chart;
                }
            }
        }
        return charts;
    }
}
