using SeqLang.Compiler.Form;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Checks;

/// <summary>
/// Checks top-level <c>in SECTION { tempo BPM [-> BPM over N bars] }</c> and builds the piece's
/// <see cref="TempoMap"/>. Section names themselves are checked with the form (<see cref="FormBinder"/>).
/// </summary>
internal sealed class SectionTempoBinder
{
    private readonly BindContext _context;
    private readonly SettingsBinder _settings;

    public SectionTempoBinder(BindContext context, SettingsBinder settings)
    {
        _context = context;
        _settings = settings;
    }

    public TempoMap Bind(FileSyntax file, PieceSettings settings, FormTimeline form)
    {
        var tempos = new Dictionary<string, TempoMap.SectionTempo>(StringComparer.Ordinal);
        var first = new Dictionary<string, TempoSyntax>(StringComparer.Ordinal);
        foreach (var block in file.Statements.OfType<SectionBlockSyntax>())
        {
            foreach (var tempo in block.Body.OfType<TempoSyntax>())
            {
                var bpm = _context.InRange(tempo.Bpm, 20, 999, Codes.TempoOutOfRange);
                var ramp = bpm is { } from && tempo.Ramp is { } r ? _settings.BindRamp(from, r, 0) : null;
                foreach (var section in block.Sections)
                {
                    if (first.TryGetValue(section.Text, out var earlier))
                    {
                        _context.Report(Codes.RepeatedSectionTempo, tempo.Keyword, section.Text, _context.LineOf(earlier.Span));
                        continue;
                    }
                    first[section.Text] = tempo;
                    if (bpm is { } b) tempos[section.Text] = new TempoMap.SectionTempo(b, ramp);
                }
            }
        }
        return new TempoMap(settings, form, tempos);
    }
}
