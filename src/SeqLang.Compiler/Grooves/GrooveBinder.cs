using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Grooves;

/// <summary>
/// Checks the file's <c>groove</c> definitions (SPEC §14): a grid with its <c>shift</c> and <c>vel</c> slots, or an
/// Ableton <c>.agr</c> file read relative to the <c>.seq</c> file, whose notes give each slot's timing and velocity.
/// A missing or malformed file is a diagnostic.
/// </summary>
internal sealed class GrooveBinder
{
    private readonly BindContext _context;
    private readonly PieceSettings _settings;
    private readonly string? _folder;

    public GrooveBinder(BindContext context, PieceSettings settings, string? folder)
    {
        _context = context;
        _settings = settings;
        _folder = folder;
    }

    public IReadOnlyDictionary<string, Groove?> Bind(IEnumerable<GrooveSyntax> definitions) =>
        NamedDefinitions.Bind<GrooveSyntax, Groove>(definitions, d => d.Name,
            (again, first) => _context.Report(Codes.BadGroove, again.Name.Span, again.Name.Text, $"already defined on line {_context.LineOf(first.Span)}"),
            d => d.File is { } file ? FromFile(d.Name.Text, file) : FromGrid(d.Name.Text, d));

    private Groove? FromGrid(string name, GrooveSyntax definition)
    {
        if (_context.Integer(definition.Grid!, 1, 192, Codes.BadGroove with { Format = "groove grid {0} is out of range: use 1 to 192 slots a bar (16: sixteenths)" }) is not { } grid)
            return null;
        Rational[]? shifts = null;
        FixedPoint[]? velocities = null;
        foreach (var field in definition.Fields)
        {
            var numbers = Numbers(name, field);
            if (numbers is null) continue;
            switch (field.Field.Text)
            {
                case "shift" when shifts is null:
                    if (numbers.Any(n => n.Abs() > Rational.Half))
                        _context.Report(Codes.BadGroove, field.Text.Span, name, "a shift moves at most half a step (-0.5 to 0.5)");
                    else shifts = numbers;
                    break;
                case "vel" when velocities is null:
                    if (numbers.Any(n => n.Sign < 0 || n > 2))
                        _context.Report(Codes.BadGroove, field.Text.Span, name, "a velocity factor is 0 to 2 (1 leaves it)");
                    else velocities = numbers.Select(FixedPoint.FromRational).ToArray();
                    break;
                case "shift" or "vel":
                    _context.Report(Codes.BadGroove, field.Field.Span, name, $"'{field.Field.Text}' is given twice");
                    break;
                default:
                    _context.Report(Codes.BadGroove, field.Field.Span, name, $"'{field.Field.Text}' is not a groove field: use shift and vel{Suggestions.DidYouMean(field.Field.Text, new[] { "shift", "vel" })}");
                    break;
            }
        }
        var step = Rational.One / grid;
        return new Groove(name, step, shifts ?? new[] { Rational.Zero }, velocities ?? new[] { FixedPoint.One });
    }

    private Rational[]? Numbers(string name, GrooveFieldSyntax field)
    {
        var words = field.Text.Content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            _context.Report(Codes.BadGroove, field.Text.Span, name, $"{field.Field.Text} has no numbers");
            return null;
        }
        var numbers = new Rational[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            if (Rational.TryParseDecimal(words[i], out var n) && n.Abs() <= 1000) numbers[i] = n;
            else
            {
                var at = field.Text.Content.IndexOf(words[i], StringComparison.Ordinal);
                _context.Report(Codes.BadGroove, new Core.Text.SourceSpan(field.Text.ContentStart + Math.Max(0, at), words[i].Length), name,
                    $"'{words[i]}' is not a number: a groove's slots are plain numbers, one per slot");
                return null;
            }
        }
        return numbers;
    }

    private const int MaxBytes = 1 << 20;

    /// <summary>At most 1 MB and one byte more, however long the file claims or turns out to be.</summary>
    private static byte[] ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.None);
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        return buffer[..total];
    }

    private Groove? FromFile(string name, StringSyntax file)
    {
        var path = _folder is null ? file.Content : Path.Combine(_folder, file.Content);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                _context.Report(Codes.GrooveFileError, file.Span, file.Content, Directory.Exists(path) ? "a folder, not a file" : "no such file (paths are relative to the .seq file)");
                return null;
            }
            // Devices (/dev/zero) and pipes report no length, and reading them would never end or never answer: a groove
            // file of no length is refused before it is opened, and every read is capped.
            if (info.Length == 0)
            {
                _context.Report(Codes.GrooveFileError, file.Span, file.Content, "empty, or not a regular file");
                return null;
            }
            if (info.Length > MaxBytes)
            {
                _context.Report(Codes.GrooveFileError, file.Span, file.Content, "larger than 1 MB: not a groove file");
                return null;
            }
            bytes = ReadCapped(path);
            if (bytes.Length > MaxBytes)
            {
                _context.Report(Codes.GrooveFileError, file.Span, file.Content, "larger than 1 MB: not a groove file");
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _context.Report(Codes.GrooveFileError, file.Span, file.Content, e.Message);
            return null;
        }
        if (AgrReader.Read(bytes, out var error) is not { } agr)
        {
            _context.Report(Codes.GrooveFileError, file.Span, file.Content, error ?? "not a groove file");
            return null;
        }
        if (agr.Notes.Count == 0)
        {
            _context.Report(Codes.GrooveFileError, file.Span, file.Content, "the groove has no notes");
            return null;
        }
        // Far below a tick: keeps Ableton's 18-digit times within exact arithmetic.
        var groove = agr.RoundedTo(3840);
        var count = groove.Notes.Count;
        var stepBeats = groove.Length / count;
        var shifts = new Rational[count];
        var velocities = new FixedPoint[count];
        for (var i = 0; i < count; i++)
        {
            var shift = (groove.Notes[i].Time - stepBeats * i) / stepBeats;
            shifts[i] = Rational.Max(-Rational.Half, Rational.Min(Rational.Half, shift));
            velocities[i] = FixedPoint.FromRational(new Rational(groove.Notes[i].Velocity, 127));
        }
        return new Groove(name, stepBeats / _settings.Meter.BarQuarters, shifts, velocities);
    }
}
