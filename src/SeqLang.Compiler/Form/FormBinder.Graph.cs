using SeqLang.Compiler.Checks;
using SeqLang.Core.Diagnostics;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Form;

internal sealed partial class FormBinder
{
    /// <summary><c>form { NAME BARS -> ... }</c>: one node per name, transitions by name.</summary>
    private FormGraph? BindGraph(FormSyntax form)
    {
        var indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        var defined = new List<FormSectionSyntax>();
        var valid = true;
        foreach (var section in form.Sections)
        {
            if (indexByName.TryGetValue(section.Name.Text, out var first))
            {
                _context.Report(Codes.RepeatedFormSection, section.Name.Span, section.Name.Text, _context.LineOf(defined[first].Span));
                valid = false;
                continue;
            }
            indexByName[section.Name.Text] = defined.Count;
            defined.Add(section);
        }

        var sections = new List<FormSection>();
        foreach (var section in defined)
        {
            var index = sections.Count;
            var bars = Bars(section);
            var next = Next(section, index, indexByName);
            if (bars is null || next is null) valid = false;
            else sections.Add(new FormSection(section.Name.Text, index, bars, next, section.Name.Span));
        }
        if (!valid) return null;

        var graph = new FormGraph(FormKind.Graph, sections);
        // Only for a form without errors: a misspelt target would otherwise also make its intended section "unreachable".
        foreach (var section in sections.Where(s => !graph.IsReachable(s.Index)))
            _context.Report(Codes.UnreachableSection, section.NameSpan, section.Name, sections[0].Name);
        return graph;
    }

    /// <summary>What follows one section, or null after reporting.</summary>
    private FormNext? Next(FormSectionSyntax section, int self, IReadOnlyDictionary<string, int> indexByName)
    {
        // No `->` (or, after a syntax error, an arrow with nothing usable after it, which never gets this far).
        if (section.Next is not { } next || (!next.IsEnd && next.Targets.Count == 0)) return FormNext.To(self);
        if (next.IsEnd) return FormNext.End;

        var choices = new List<FormChoice>();
        var listed = new HashSet<int>();
        var valid = true;
        foreach (var target in next.Targets)
        {
            var weight = Weight(target);
            if (!indexByName.TryGetValue(target.Section.Text, out var index))
            {
                _context.Report(Codes.UnknownTransition, target.Section.Span, section.Name.Text, target.Section.Text,
                    Suggestions.DidYouMean(target.Section.Text, indexByName.Keys));
                valid = false;
            }
            else if (!listed.Add(index))
            {
                _context.Report(Codes.RepeatedTransition, target.Section.Span, section.Name.Text, target.Section.Text);
                valid = false;
            }
            else if (weight is { } w)
            {
                choices.Add(new FormChoice(index, w));
            }
            else
            {
                valid = false;
            }
        }
        if (!valid) return null;
        var choice = FormNext.Choice(choices);
        if (choice is null) _context.Report(Codes.WeightsTooFine, next.Span, section.Name.Text);
        return choice;
    }
}
