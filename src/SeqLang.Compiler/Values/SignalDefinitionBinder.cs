using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Lanes;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Patterns;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Values;

/// <summary>
/// Checks the file's <c>signal NAME VALUE</c> definitions (SPEC §12) in file order: a definition may use those above
/// it, so no definition can reach itself. A name is defined once and never a shape's.
/// </summary>
internal sealed class SignalDefinitionBinder
{
    private readonly BindContext _context;
    private readonly PieceSettings _settings;
    private readonly bool _hasForm;

    public SignalDefinitionBinder(BindContext context, PieceSettings settings, bool hasForm)
    {
        _hasForm = hasForm;
        _context = context;
        _settings = settings;
    }

    public IReadOnlyDictionary<string, ValueExpression?> Bind(IEnumerable<SignalDefinitionSyntax> definitions)
    {
        var signals = new Dictionary<string, ValueExpression?>(StringComparer.Ordinal);
        var lines = new Dictionary<string, SignalDefinitionSyntax>(StringComparer.Ordinal);
        ulong place = 0;
        foreach (var definition in definitions)
        {
            var name = definition.Name.Text;
            place++;
            if (ValueBinder.SignalWords.Contains(name))
            {
                _context.Report(Codes.SignalDefinedTwice, definition.Name.Span, name, "the name of a built-in signal: choose another name");
                continue;
            }
            if (lines.TryGetValue(name, out var first))
            {
                _context.Report(Codes.SignalDefinedTwice, definition.Name.Span, name, $"already defined on line {_context.LineOf(first.Span)}");
                continue;
            }
            lines[name] = definition;
            // A mini string in a definition draws its '?' from a stream named after the signal.
            var stream = SeededRandom.StreamFor(_settings.Seed, "signal " + name);
            var binder = new ValueBinder(_context, signals, (mini, what) => MiniReader.Numbers(mini, stream, _context.Diagnostics, what), _settings.Meter.BarQuarters, place, _hasForm);
            signals[name] = binder.Bind(definition.Value, name);
        }
        return signals;
    }
}
