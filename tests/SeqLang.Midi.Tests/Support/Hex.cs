using System.Globalization;

namespace SeqLang.Midi.Tests.Support;

/// <summary>
/// Expected bytes written as commented hex, one MIDI item a line, so a failing byte-exact test
/// points at a line that says what it was meant to be (DryWetMidi's style).
/// </summary>
public static class Hex
{
    /// <summary>Parses hex pairs separated by spaces or newlines; <c>//</c> starts a comment to end of line.</summary>
    public static byte[] Parse(string text)
    {
        var bytes = new List<byte>();
        foreach (var rawLine in text.Split('\n'))
        {
            var comment = rawLine.IndexOf("//", StringComparison.Ordinal);
            var line = comment >= 0 ? rawLine[..comment] : rawLine;
            foreach (var pair in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                bytes.Add(byte.Parse(pair, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
        return bytes.ToArray();
    }

    /// <summary>"4D 54 68 64": what assertion failures print, so a diff is readable.</summary>
    public static string Format(IEnumerable<byte> bytes) => string.Join(' ', bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <summary>Compares as hex text: on failure xunit shows where the two strings first differ.</summary>
    public static void AssertEqual(string expectedHex, byte[] actual) => Assert.Equal(Format(Parse(expectedHex)), Format(actual));
}
