using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Grooves;

/// <summary>
/// Reads an Ableton groove file (<c>.agr</c>): XML whose root <c>Ableton</c> holds a <c>Groove</c> with one
/// <c>MidiClip</c>, its notes as <c>MidiNoteEvent</c> elements (<c>Time</c> in beats, <c>Velocity</c>).
/// Plain or gzip-compressed (as Ableton's <c>.adg</c> and <c>.als</c> are), told apart by the gzip magic.
/// </summary>
/// <remarks>
/// The file comes from the user's disk, so every failure is an error message, never an exception: SPEC §14
/// makes a malformed groove a diagnostic. The clip's loop (<c>Loop/LoopStart</c>, <c>LoopEnd</c>, in the
/// notes' own clip time) gives the groove's span; without it, <c>CurrentStart</c> and <c>CurrentEnd</c>.
/// Notes outside that span and notes with <c>IsEnabled="false"</c> are not played by Live, so not read.
/// </remarks>
internal static class AgrReader
{
    /// <summary>The most bytes read, after decompression: a real groove is a few kilobytes, and the cap stops a gzip bomb.</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = MaxBytes,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>The groove in <paramref name="bytes"/>, or null and why not.</summary>
    public static AgrGroove? Read(byte[] bytes, out string? error)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        error = null;
        var xml = IsGzip(bytes) ? Decompress(bytes, out error) : bytes;
        if (xml is null) return null;
        if (xml.Length > MaxBytes)
        {
            error = $"the groove file is larger than {MaxBytes / 1024} KB";
            return null;
        }
        XDocument document;
        try
        {
            using var stream = new MemoryStream(xml, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            // The exception's text can be a bare resource key in a trimmed build: say where, in our own words.
            error = e.LineNumber > 0
                ? $"the groove file is not well-formed XML (line {e.LineNumber}, column {e.LinePosition})"
                : "the groove file is not well-formed XML";
            return null;
        }
        try
        {
            return ReadGroove(document, out error);
        }
        catch (OverflowException)
        {
            // Two 18-digit decimals far apart (a loop from 0.000000000000000001 to 10) differ by more than a long holds.
            error = "the groove's times have too many digits to compute with exactly";
            return null;
        }
    }

    private static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    private static byte[]? Decompress(byte[] bytes, out string? error)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                // Stop at the cap rather than inflate the rest: a few kilobytes of gzip can hold gigabytes.
                if (output.Length + read > MaxBytes)
                {
                    error = $"the groove file is larger than {MaxBytes / 1024} KB uncompressed";
                    return null;
                }
                output.Write(chunk, 0, read);
            }
            error = null;
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            error = "the groove file is not valid gzip: it starts as gzip but does not decompress";
            return null;
        }
    }

    private static AgrGroove? ReadGroove(XDocument document, out string? error)
    {
        var root = document.Root!;
        if (root.Name.LocalName != "Ableton")
        {
            error = $"not an Ableton file: the root element is <{root.Name.LocalName}>, not <Ableton>";
            return null;
        }
        var clip = root.Element("Groove")?.Descendants("MidiClip").FirstOrDefault();
        if (clip is null)
        {
            error = "not a groove file: no <Groove> with a <MidiClip> in it";
            return null;
        }
        if (!ReadSpan(clip, out var start, out var end, out error)) return null;
        var notes = new List<AgrGroove.Note>();
        foreach (var note in clip.Descendants("MidiNoteEvent"))
        {
            if ((string?)note.Attribute("IsEnabled") == "false") continue;
            if (!ReadNumber(note, "Time", out var time, out error)) return null;
            if (!ReadVelocity(note, out var velocity, out error)) return null;
            if (time < start || time >= end) continue;
            notes.Add(new AgrGroove.Note(time - start, velocity));
        }
        error = null;
        // OrderBy is stable: notes at the same time stay in the file's order.
        return new AgrGroove(notes.OrderBy(n => n.Time).ToArray(), end - start);
    }

    /// <summary>The span of clip time the groove repeats: the loop, else the clip's start and end markers.</summary>
    private static bool ReadSpan(XElement clip, out Rational start, out Rational end, out string? error)
    {
        start = end = Rational.Zero;
        var loop = clip.Element("Loop");
        var (from, to) = loop?.Element("LoopEnd") is { } loopEnd
            ? (loop.Element("LoopStart"), loopEnd)
            : (clip.Element("CurrentStart"), clip.Element("CurrentEnd"));
        if (to is null)
        {
            error = "the groove's clip has no length: neither <Loop><LoopEnd> nor <CurrentEnd>";
            return false;
        }
        if (from is not null && !ReadNumber(from, "Value", out start, out error)) return false;
        if (!ReadNumber(to, "Value", out end, out error)) return false;
        if (end <= start || end - start > AgrGroove.MaxLength)
        {
            error = $"the groove's clip runs from beat {Show(start)} to {Show(end)}: its length must be more than 0 and at most {AgrGroove.MaxLength} beats";
            return false;
        }
        return true;
    }

    private static bool ReadVelocity(XElement note, out int velocity, out string? error)
    {
        velocity = 0;
        if (!ReadNumber(note, "Velocity", out var value, out error)) return false;
        if (value < 0 || value > 127)
        {
            error = $"a note's Velocity is {Show(value)}, outside 0..127";
            return false;
        }
        // Live stores velocities as decimals (96.5 after a velocity ramp); MIDI has whole numbers.
        velocity = (int)(value + Rational.Half).Floor();
        return true;
    }

    /// <summary>A decimal attribute, exactly (no binary floating point on the way).</summary>
    private static bool ReadNumber(XElement element, string attribute, out Rational value, out string? error)
    {
        value = Rational.Zero;
        var text = (string?)element.Attribute(attribute);
        if (text is null)
        {
            error = $"<{element.Name.LocalName}> has no {attribute} attribute";
            return false;
        }
        if (!TryParseDecimal(text.Trim(), out value))
        {
            error = $"<{element.Name.LocalName}> {attribute}=\"{Clip(text)}\" is not a number";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>
    /// Parses exactly; a decimal with more digits than a long holds (Live writes up to 18) loses its last
    /// fraction digits, one at a time, until it fits: at most 10^-17 of a beat off, far below a tick.
    /// </summary>
    private static bool TryParseDecimal(string text, out Rational value)
    {
        if (Rational.TryParseDecimal(text, out value)) return true;
        // Only a plain decimal (digits, one dot, digits) may be shortened: "0.2a5" must not become 0.2.
        var dot = text.IndexOf('.');
        var digits = text.AsSpan(text.Length > 0 && text[0] is '-' or '+' ? 1 : 0);
        if (dot < 0 || digits.ContainsAnyExcept("0123456789.") || digits.Count('.') != 1) return false;
        // Past 40 characters no decimal parses (36 digits at most), so a huge attribute costs little.
        for (var cut = Math.Min(text.Length - 1, 40); cut > dot + 1; cut--)
            if (Rational.TryParseDecimal(text[..cut], out value)) return true;
        return false;
    }

    private static string Show(Rational value) => value.IsInteger
        ? value.Numerator.ToString(CultureInfo.InvariantCulture)
        : value.ToDouble().ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>At most 40 characters of a bad value, so a huge attribute cannot flood the message.</summary>
    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
