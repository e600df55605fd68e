using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Control;
using SeqLang.Compiler.Form;
using SeqLang.Compiler.Harmony;
using SeqLang.Compiler.Lanes;
using SeqLang.Compiler.Piece;
using SeqLang.Compiler.Values;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler;

/// <summary>
/// The compiler's front door: bytes → text → AST → checks → compiled piece (patterns per lane).
/// Every stage logs into one bag; the piece exists only when no stage found an error.
/// </summary>
public static class SeqCompiler
{
    public static Compilation Compile(string path, ReadOnlySpan<byte> bytes, CompileOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var source = SourceLoader.Load(path, bytes, diagnostics);
        if (source is null || diagnostics.HasErrors) return new Compilation(source ?? new SourceText(path, ""), diagnostics.Sorted(), null);
        return Compile(source, options, diagnostics);
    }

    public static Compilation Compile(SourceText source, CompileOptions options) => Compile(source, options, new DiagnosticBag());

    private static Compilation Compile(SourceText source, CompileOptions options, DiagnosticBag diagnostics)
    {
        var file = SeqParser.Parse(source, diagnostics);
        // After a syntax error ANTLR's recovery leaves holes (missing tokens) in the tree; checking such a
        // tree would mostly report the same mistake again in other words, so stop at the syntax errors.
        if (diagnostics.HasErrors) return new Compilation(source, diagnostics.Sorted(), null);
        var context = new BindContext(source, diagnostics, keepPatterns: !options.DiagnosticsOnly,
            keepLanes: !options.DiagnosticsOnly || ControlBinder.HasControls(file));

        foreach (var unknown in file.Statements.OfType<UnknownStatementSyntax>())
            context.Report(Codes.UnknownStatement, unknown.Word.Span, unknown.Word.Text, Suggestions.DidYouMean(unknown.Word.Text, StatementKeywords));

        var settingsBinder = new SettingsBinder(context);
        var settings = settingsBinder.Bind(file, Path.GetFileNameWithoutExtension(source.Path));
        if (options.SeedOverride is { } seed) settings = settings with { Seed = seed };

        var hasHarmony = HarmonyBinder.HasHarmony(file);
        var hasForm = file.Statements.OfType<FormSyntax>().Any();
        var signals = new SignalDefinitionBinder(context, settings, hasForm).Bind(file.Statements.OfType<SignalDefinitionSyntax>());
        var grooves = new Grooves.GrooveBinder(context, settings, Path.GetDirectoryName(Path.GetFullPath(source.Path))).Bind(file.Statements.OfType<GrooveSyntax>());
        var tracks = new TrackBinder(context, settings, settingsBinder.Kits, hasHarmony, new LaneDefinitions(signals, grooves, hasForm,
            new Generators.LsystemBinder(context, settings).Bind(file.Statements.OfType<LsystemSyntax>()),
            new MarkovChainBinder(context).Bind(file.Statements.OfType<MarkovSyntax>()))).Bind(file.Statements.OfType<TrackSyntax>().ToList());
        if (tracks.Count == 0 && !diagnostics.HasErrors && file.Statements.Count > 0) context.Report(Codes.NoTracks, new SourceSpan(0, 0));

        var form = new FormBinder(context).Bind(file.Statements.OfType<FormSyntax>().ToList(), SectionReferences.Collect(file));

        var timeline = new FormTimeline(form ?? FormGraph.WholePiece, settings.Seed);
        var harmony = new HarmonyBinder(context, settings).Bind(file, timeline);
        var tempo = new SectionTempoBinder(context, settingsBinder).Bind(file, settings, timeline);

        var targets = new ControlTargets(context, tracks, file.Statements.OfType<TrackSyntax>(), form,
            settingsBinder.Kits, quiet: diagnostics.HasErrors);
        var controls = new ControlBinder(context, targets).Bind(file);

        var piece = diagnostics.HasErrors || form is null || options.DiagnosticsOnly ? null : new CompiledPiece(settings, tracks, timeline, harmony, tempo, controls);
        return new Compilation(source, diagnostics.Sorted(), piece);
    }

    private static readonly string[] StatementKeywords =
    {
        "title", "tempo", "meter", "key", "seed", "swing", "output", "input", "clock", "scale", "kit",
        "chords", "harmony", "form", "in", "track", "map", "feedback", "signal", "groove", "lsystem", "markov",
    };
}
