using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Lanes;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Numbers;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using SeqLang.Patterns.Generators;
using SeqLang.Patterns.Signals;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Generators;

/// <summary>
/// <c>NAME life B3/S23 [width W] rows ATOM... [from random D | from "ROW" "ROW" ...]</c> (SPEC §15): a 2-D
/// outer-totalistic automaton of one row per listed atom (drums on a drum track, read as the lane reads atoms) and W
/// cells (default 16, one a step), wrapping at every edge; bar b plays generation b, a live cell of row r a hit of atom
/// r. The first generation is <c>from random D</c> (each cell alive with chance D, seeded by the lane's stream), one
/// string of W cells per row, or by default <c>from random 0.5</c>. The words after the rule are read here one by one,
/// since a list of rows has no end mark of its own: it ends at the next option word.
/// </summary>
internal sealed class LifeBinder
{
    private const int MaxRows = 16;
    // The first generation of `from random D` draws from its own salt (cellular's salt is ..0001), so no other random
    // choice of the lane moves it.
    private const ulong FirstGridSalt = 0x4C49_4645_0000_0001UL;
    private static readonly string[] Options = { "width", "rows", "from" };

    private readonly BindContext _context;

    public LifeBinder(BindContext context) => _context = context;

    /// <param name="g">The generator as written.</param>
    /// <param name="resolver">Reads each row's atom as the lane reads atoms.</param>
    /// <param name="step">The atom of every hit when <c>n</c> gives the notes: the rows are then names only, and a step plays
    /// when any cell of its column lives; null otherwise.</param>
    /// <param name="stream">The lane's random stream.</param>
    /// <param name="fullName">The lane's name, for messages.</param>
    public Pattern<Atom>? Bind(RhythmGeneratorSyntax g, AtomResolver resolver, Atom? step, ulong stream, string fullName)
    {
        if (Rule(g.Reference!) is not var (birth, survive)) return null;
        var words = g.Words ?? Array.Empty<GeneratorWordSyntax>();
        var width = 16;
        var rows = new List<GeneratorWordSyntax>();
        var strings = new List<StringSyntax>();
        Rational? density = null;
        GeneratorWordSyntax? fromWord = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            switch (word.Text)
            {
                case "width":
                    if (i + 1 >= words.Count || words[i + 1].Number is not { } n)
                    {
                        Report(word.Span, "width needs a number of cells: width 16");
                        return null;
                    }
                    if (_context.Integer(n, 1, RhythmGeneratorBinder.MaxSteps, RhythmGeneratorBinder.Bad("life", $"width {n.Text}: use 1 to {RhythmGeneratorBinder.MaxSteps} cells")) is not { } w) return null;
                    width = w;
                    i++;
                    break;
                case "rows":
                    while (i + 1 < words.Count && words[i + 1].String is null && !Options.Contains(words[i + 1].Text)) rows.Add(words[++i]);
                    if (rows.Count == 0)
                    {
                        Report(word.Span, "rows lists one drum a row: rows bd sd hh");
                        return null;
                    }
                    break;
                case "from":
                    fromWord = word;
                    if (i + 2 < words.Count && words[i + 1].Text == "random" && words[i + 2].Number is { } d)
                    {
                        if (_context.InRange(d, 0, 1, RhythmGeneratorBinder.Bad("life", $"from random {d.Text}: use a density 0 to 1")) is not { } value) return null;
                        density = value;
                        i += 2;
                    }
                    else if (i + 1 < words.Count && words[i + 1].String is not null)
                    {
                        while (i + 1 < words.Count && words[i + 1].String is { } s)
                        {
                            strings.Add(s);
                            i++;
                        }
                    }
                    else
                    {
                        _context.Report(Codes.UnknownFunctionOption, word.Span, "life", "from", " so written: use from random 0.3, or from \"x ~ x ...\" \"~ x ~ ...\" with one row of cells a drum");
                        return null;
                    }
                    break;
                default:
                    _context.Report(Codes.UnknownFunctionOption, word.Span, "life", word.Text, Suggestions.DidYouMean(word.Text, Options));
                    return null;
            }
        }
        if (rows.Count == 0)
        {
            Report(g.Span, "which drums? list one a row: rows bd sd hh");
            return null;
        }
        if (rows.Count > MaxRows)
        {
            Report(rows[MaxRows].Span, $"{rows.Count} rows: use 1 to {MaxRows}");
            return null;
        }

        var first = new ulong[rows.Count];
        if (strings.Count > 0)
        {
            if (strings.Count != rows.Count)
            {
                Report(fromWord!.Span, $"{strings.Count} first rows for {rows.Count} drums: write one string of cells a drum");
                return null;
            }
            for (var r = 0; r < rows.Count; r++)
            {
                if (FirstRow(strings[r], width) is not { } row) return null;
                first[r] = row;
            }
        }
        else
        {
            // Each cell's chance against its own draw, exactly: draw / 2^32 < D.
            var chance = density ?? Rational.Half;
            for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < width; c++)
            {
                var draw = SignalShapes.Random(stream, FirstGridSalt, new Rational(r * 64 + c, 1));
                if (new Rational(draw.Raw, 1L << FixedPoint.FractionBits) < chance) first[r] |= 1UL << c;
            }
        }

        // Each row's atom, read once as the lane reads atoms and reported where the row names it.
        var atoms = new Atom[rows.Count];
        var ok = true;
        for (var r = 0; r < rows.Count; r++)
        {
            if (step is not null) atoms[r] = step;
            else if (resolver.Resolve(rows[r].Text, rows[r].Span) is { } atom) atoms[r] = atom;
            else ok = false;
        }
        if (!ok) return null;

        var automaton = new LifeAutomaton(birth, survive, width, first);
        if (automaton.DiesAt(RhythmGeneratorBinder.DeathSearch) is { } silent) _context.Report(Codes.AutomatonDiesOut, g.Span, fullName, silent);
        if (step is not null)
        {
            // With n giving the notes, a step plays once when any cell of its column lives (a note a row would strike
            // the same note several times at once).
            return new StepRowPattern<Atom>(bar =>
            {
                ulong cells = 0;
                foreach (var row in automaton.Grid(bar < 0 ? 0 : bar)) cells |= row;
                var steps = new (bool, Atom)[width];
                for (var i = 0; i < width; i++) steps[i] = ((cells >> i & 1) != 0, step);
                return steps;
            }, null);
        }
        var lanes = new Pattern<Atom>[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var index = r;
            lanes[r] = new StepRowPattern<Atom>(bar =>
            {
                var cells = automaton.Grid(bar < 0 ? 0 : bar)[index];
                var steps = new (bool, Atom)[width];
                for (var i = 0; i < width; i++) steps[i] = ((cells >> i & 1) != 0, atoms[index]);
                return steps;
            }, null);
        }
        return Pattern.Stack(lanes);
    }

    /// <summary>B3/S23 (either part first, letters in either case) as bit sets of neighbour counts, or null after reporting.</summary>
    private (int Birth, int Survive)? Rule(NameSyntax rule)
    {
        const string Example = " (B, then the counts of live neighbours 0-8 that bring a cell to life; S, those that keep it alive: B3/S23)";
        var text = rule.Text;
        // The rule's text is its words joined by '/': where it was written without spaces, a character's place in the
        // file is known and a wrong digit is pointed at.
        SourceSpan At(int index) => rule.Span.Length == text.Length ? new SourceSpan(rule.Span.Start + index, 1) : rule.Span;
        int? birth = null, survive = null;
        var offset = 0;
        foreach (var part in text.Split('/'))
        {
            var letter = part.Length > 0 ? char.ToUpperInvariant(part[0]) : '?';
            if (letter is not ('B' or 'S') || (letter == 'B' ? birth : survive) is not null)
            {
                Report(rule.Span, $"rule {text}: write it B3/S23{Example}");
                return null;
            }
            var counts = 0;
            for (var i = 1; i < part.Length; i++)
            {
                if (part[i] is < '0' or > '8')
                {
                    Report(At(offset + i), $"rule {text}: '{part[i]}' is not a count of neighbours: use 0 to 8{(part.Length > 1 && char.IsDigit(part[i]) ? "" : Example)}");
                    return null;
                }
                counts |= 1 << (part[i] - '0');
            }
            if (letter == 'B') birth = counts;
            else survive = counts;
            offset += part.Length + 1;
        }
        if (birth is null || survive is null)
        {
            Report(rule.Span, $"rule {text}: give both parts, B{(birth is null ? "..." : "")}/S{(survive is null ? "..." : "")}{Example}");
            return null;
        }
        return (birth.Value, survive.Value);
    }

    private ulong? FirstRow(StringSyntax text, int width)
    {
        var cells = text.Content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (cells.Length != width || cells.Any(c => c is not ("x" or "X" or "1" or "~" or "0" or ".")))
        {
            Report(text.Span, $"a first row is {width} cells, each x (alive) or ~ (dead), such as \"{string.Join(' ', Enumerable.Range(0, width).Select(i => i % 4 == 1 ? "x" : "~"))}\"");
            return null;
        }
        ulong row = 0;
        for (var i = 0; i < width; i++)
            if (cells[i] is "x" or "X" or "1") row |= 1UL << i;
        return row;
    }

    private void Report(SourceSpan span, string what) => _context.Report(Codes.BadGenerator, span, "life", what);
}
