using SeqLang.Compiler.Checks;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Form;

/// <summary>
/// Checks the file's <c>form</c> (SPEC §5) and the section names its <c>in</c> blocks use, and binds the form
/// to a <see cref="FormGraph"/>. Every mistake is reported with the span of the word at fault.
/// </summary>
internal sealed partial class FormBinder
{
    /// <summary>A longer section is almost surely a typo, and keeps bar arithmetic far from overflow.</summary>
    public const long MaxSectionBars = 1_000_000;

    private readonly BindContext _context;

    public FormBinder(BindContext context) => _context = context;

    /// <summary>
    /// Binds the first of <paramref name="forms"/> (a second one is an error) and checks every name in
    /// <paramref name="references"/> against it. With no form the graph is <see cref="FormGraph.WholePiece"/>.
    /// Returns null when the first form has an error (a second form is reported but does not stop the first
    /// from binding); the references are checked either way, except against an empty form.
    /// </summary>
    public FormGraph? Bind(IReadOnlyList<FormSyntax> forms, IReadOnlyList<SectionReference> references)
    {
        if (forms.Count == 0)
        {
            CheckWithoutForm(references);
            return FormGraph.WholePiece;
        }
        foreach (var repeated in forms.Skip(1))
            _context.Report(Codes.RepeatedForm, repeated.Keyword, _context.LineOf(forms[0].Span));

        var form = forms[0];
        if (form.Sections.Count == 0)
        {
            // Every `in` name would be unknown in an empty form: saying so once per name would only repeat this.
            _context.Report(Codes.EmptyForm, form.Keyword);
            return null;
        }
        var graph = form.Shape == FormShape.Graph ? BindGraph(form) : BindList(form);
        CheckReferences(references, form.Sections.Select(s => s.Name.Text).Distinct(StringComparer.Ordinal).ToList());
        return graph;
    }

    private void CheckWithoutForm(IReadOnlyList<SectionReference> references)
    {
        foreach (var reference in references.Where(r => r.Name != FormGraph.MainSection))
            _context.Report(Codes.SectionWithoutForm, reference.Span, reference.Name);
    }

    private void CheckReferences(IReadOnlyList<SectionReference> references, IReadOnlyList<string> names)
    {
        var known = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var reference in references.Where(r => !known.Contains(r.Name)))
            _context.Report(Codes.UnknownSection, reference.Span, reference.Name, UnknownSectionHint(reference.Name, names));
    }

    /// <summary>What helps most: the near miss if there is one, else why 'main' is gone, else the names there are.</summary>
    private static string UnknownSectionHint(string name, IReadOnlyList<string> names)
    {
        const int Listed = 8;
        var closest = Suggestions.DidYouMean(name, names);
        if (closest.Length > 0) return closest;
        if (name == FormGraph.MainSection) return "; 'main' is the whole piece only in a file with no form";
        var list = string.Join(", ", names.Take(Listed)) + (names.Count > Listed ? ", ..." : "");
        return $"; its sections are {list}";
    }

    /// <summary><c>form A 4, B 8</c> or <c>form loop ...</c>: each item is a node, so a name may come back (A B A).</summary>
    private FormGraph? BindList(FormSyntax form)
    {
        var bars = form.Sections.Select(Bars).ToList();
        if (bars.Any(b => b is null)) return null;
        var last = form.Sections.Count - 1;
        var sections = form.Sections.Select((s, i) => new FormSection(s.Name.Text, i, bars[i],
            form.Shape == FormShape.Loop ? FormNext.To(i == last ? 0 : i + 1) : i == last ? FormNext.End : FormNext.To(i + 1),
            s.Name.Span)).ToList();
        return new FormGraph(form.Shape == FormShape.Loop ? FormKind.Loop : FormKind.Once, sections);
    }

    private long? Bars(FormSectionSyntax section)
    {
        if (section.Bars.Value is { IsInteger: true } v && v >= 1 && v <= MaxSectionBars) return v.Numerator;
        _context.Report(Codes.BadSectionBars, section.Bars.Span, section.Name.Text, section.Bars.Text, MaxSectionBars);
        return null;
    }

    private Rational? Weight(FormTargetSyntax target)
    {
        if (target.Weight is null) return Rational.One;
        if (target.Weight.Value is { } v && v > 0) return v;
        _context.Report(Codes.BadTransitionWeight, target.Weight.Span, target.Weight.Text);
        return null;
    }
}
