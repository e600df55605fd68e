using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using SeqLang.Compiler.Grooves;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Tests.Grooves;

/// <summary>
/// Ableton groove files read from handmade fixtures (Grooves/Fixtures, in the layout Live writes) and from
/// broken input, which must give an error message and never an exception.
/// </summary>
public sealed class AgrReaderTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Grooves", "Fixtures");

    private static AgrGroove? ReadFixture(string name, out string? error) =>
        AgrReader.Read(File.ReadAllBytes(Path.Combine(Fixtures, name)), out error);

    private static string Show(AgrGroove groove) =>
        string.Join(' ', groove.Notes.Select(n => $"{n.Time}:{n.Velocity}")) + $" | {groove.Length}";

    [Fact]
    public void Sixteen_swung_notes_are_read_exactly_and_sorted()
    {
        var groove = ReadFixture("swing-16.agr", out var error);
        Assert.Null(error);
        Assert.NotNull(groove);
        Assert.Equal(16, groove.Notes.Count);
        Assert.Equal(new Rational(4, 1), groove.Length);
        // Note 2 is written with Live's 18 digits, 0.270000000000000018, and kept to the last one.
        Assert.Equal(new Rational(270000000000000018, 1000000000000000000), groove.Notes[1].Time);
        for (var i = 0; i < 16; i++)
        {
            if (i != 1) Assert.Equal(new Rational(i, 4) + (i % 2 == 1 ? new Rational(1, 50) : Rational.Zero), groove.Notes[i].Time);
            Assert.Equal(i % 2 == 0 ? 120 : 80, groove.Notes[i].Velocity);
        }
    }

    [Fact]
    public void A_gzipped_file_reads_as_the_plain_one()
    {
        var plain = ReadFixture("swing-16.agr", out _)!;
        var gzipped = ReadFixture("swing-16-gzip.agr", out var error);
        Assert.Null(error);
        Assert.Equal(Show(plain), Show(gzipped!));
    }

    [Fact]
    public void The_loop_gives_the_span_and_notes_outside_it_or_disabled_are_left_out()
    {
        // Loop 4..8 of an 8-beat clip: 3.5 and 8 lie outside, 5.5 is disabled, 64.6 rounds to 65.
        var groove = ReadFixture("loop-in-bar-2.agr", out var error);
        Assert.Null(error);
        Assert.Equal("0:127 3/4:65 2:10 | 4", Show(groove!));
    }

    [Fact]
    public void Without_a_loop_the_clip_markers_give_the_span()
    {
        var groove = AgrReader.Read(Xml("""<CurrentStart Value="1" /><CurrentEnd Value="3" />""", Note("1.5", "100"), Note("0.5", "1")), out var error);
        Assert.Null(error);
        Assert.Equal("1/2:100 | 2", Show(groove!));
    }

    [Fact]
    public void The_example_groove_is_58_percent_sixteenth_swing()
    {
        var groove = AgrReader.Read(File.ReadAllBytes(Path.Combine(RepositoryRoot(), "examples", "grooves", "MPC 16 Swing-58.agr")), out var error);
        Assert.Null(error);
        Assert.Equal(16, groove!.Notes.Count);
        Assert.Equal(new Rational(4, 1), groove.Length);
        for (var i = 0; i < 16; i += 2)
        {
            var pairStart = new Rational(i, 4);
            Assert.Equal(pairStart, groove.Notes[i].Time);
            // 58% swing: the second sixteenth of each pair starts 58% of the way through the eighth.
            Assert.Equal(new Rational(58, 100), (groove.Notes[i + 1].Time - pairStart) / new Rational(1, 2));
            Assert.Equal((127, 90), (groove.Notes[i].Velocity, groove.Notes[i + 1].Velocity));
        }
    }

    [Theory]
    [InlineData("bad-time.agr", "Time=\"0.2a5\" is not a number")]
    [InlineData("truncated.agr", "not well-formed XML")]
    [InlineData("no-clip.agr", "no <Groove> with a <MidiClip>")]
    [InlineData("entity-expansion.agr", "not well-formed XML")]
    [InlineData("bad-gzip.agr", "not valid gzip")]
    public void Malformed_fixtures_give_an_error(string name, string expected)
    {
        Assert.Null(ReadFixture(name, out var error));
        Assert.Contains(expected, error);
    }

    public static TheoryData<string, string> BrokenXml => new()
    {
        { "", "not well-formed XML" },
        { "just some text", "not well-formed XML" },
        { "<Groove><Clip /></Groove>", "root element is <Groove>" },
        { Text(Xml("""<CurrentEnd Value="4" />""", """<MidiNoteEvent Velocity="100" />""")), "no Time attribute" },
        { Text(Xml("""<CurrentEnd Value="4" />""", """<MidiNoteEvent Time="0" />""")), "no Velocity attribute" },
        { Text(Xml("""<CurrentEnd Value="4" />""", Note("0", "128"))), "outside 0..127" },
        { Text(Xml("""<CurrentEnd Value="4" />""", Note("0", "-1"))), "outside 0..127" },
        { Text(Xml("""<CurrentEnd Value="4" />""", Note("0", "NaN"))), "is not a number" },
        { Text(Xml("""<CurrentEnd Value="4" />""", Note("1,5", "100"))), "is not a number" },
        { Text(Xml("""<CurrentEnd Value="4" />""", Note("1e999", "100"))), "is not a number" },
        { Text(Xml("""<CurrentEnd Value="4" />""", Note("99999999999999999999999", "100"))), "is not a number" },
        { Text(Xml("", Note("0", "100"))), "has no length" },
        { Text(Xml("""<CurrentEnd Value="0" />""", Note("0", "100"))), "must be more than 0" },
        { Text(Xml("""<CurrentStart Value="4" /><CurrentEnd Value="2" />""", Note("0", "100"))), "must be more than 0" },
        { Text(Xml("""<CurrentEnd Value="100000" />""", Note("0", "100"))), "at most 1024 beats" },
        { Text(Xml("""<Loop><LoopEnd Value="x" /></Loop>""", Note("0", "100"))), "is not a number" },
        { Text(Xml("""<Loop><LoopStart Value="0.000000000000000001" /><LoopEnd Value="10" /></Loop>""", Note("1", "100"))), "too many digits" },
    };

    [Theory]
    [MemberData(nameof(BrokenXml))]
    public void Broken_input_gives_an_error_not_an_exception(string xml, string expected)
    {
        Assert.Null(AgrReader.Read(Encoding.UTF8.GetBytes(xml), out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void An_empty_file_and_a_lone_gzip_magic_give_errors()
    {
        Assert.Null(AgrReader.Read([], out var error));
        Assert.NotNull(error);
        Assert.Null(AgrReader.Read([0x1F, 0x8B], out error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("swing-16.agr")]
    [InlineData("swing-16-gzip.agr")]
    public void Damaged_copies_of_a_groove_never_throw(string name)
    {
        // Seeded damage (bytes changed, cut, doubled) reaches the parser's corners: encodings, gzip blocks, numbers.
        var original = File.ReadAllBytes(Path.Combine(Fixtures, name));
        var random = new Random(1234);
        for (var trial = 0; trial < 1500; trial++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = random.Next(1, 6); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            if (trial % 3 == 1) bytes = bytes[..random.Next(bytes.Length)];
            if (trial % 3 == 2) bytes = [.. bytes, .. bytes];
            var groove = AgrReader.Read(bytes, out var error);
            Assert.True(groove is null != (error is null), $"trial {trial}: a groove or an error, never both or neither");
        }
    }

    [Fact]
    public void A_gzip_bomb_stops_at_one_megabyte()
    {
        // 64 MB of spaces compress to about 64 KB: reading must stop at the cap, not inflate it all.
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 64; i++) gzip.Write(spaces);
        }
        Assert.Null(AgrReader.Read(packed.ToArray(), out var error));
        Assert.Contains("larger than 1024 KB uncompressed", error);
    }

    [Fact]
    public void A_plain_file_over_one_megabyte_is_refused()
    {
        var huge = Encoding.UTF8.GetBytes("<Ableton>" + new string(' ', AgrReader.MaxBytes) + "</Ableton>");
        Assert.Null(AgrReader.Read(huge, out var error));
        Assert.Contains("larger than 1024 KB", error);
    }

    [Fact]
    public void Decimals_beyond_a_long_lose_only_their_last_digits()
    {
        // 19 fraction digits after a 1 do not fit a long; the 19th is dropped.
        var groove = AgrReader.Read(Xml("""<CurrentEnd Value="4" />""", Note("1.2849998959373958123", "100")), out var error);
        Assert.Null(error);
        Assert.Equal(new Rational(1284999895937395812, 1000000000000000000), groove!.Notes[0].Time);
    }

    [Fact]
    public void A_decimal_of_half_a_million_digits_is_cut_short_cheaply()
    {
        var groove = AgrReader.Read(Xml("""<CurrentEnd Value="4" />""", Note("0." + new string('1', 500_000), "100")), out var error);
        Assert.Null(error);
        Assert.Equal(new Rational(111111111111111111, 1000000000000000000), groove!.Notes[0].Time);
    }

    [Theory]
    [InlineData("0.2a5")]
    [InlineData("1.2849998959373958123x")]
    [InlineData("1.28499989593739581.23")]
    [InlineData("12345678901234567890.5")]
    public void Only_plain_decimals_are_cut_short(string time)
    {
        Assert.Null(AgrReader.Read(Xml("""<CurrentEnd Value="4" />""", Note(time, "100")), out var error));
        Assert.Contains("is not a number", error);
    }

    [Fact]
    public void Rounding_brings_Live_decimals_to_a_usable_grid()
    {
        var groove = ReadFixture("swing-16.agr", out _)!.RoundedTo(3840);
        Assert.Equal(new Rational(1037, 3840), groove.Notes[1].Time); // 0.27 beat = 1036.8 / 3840
        Assert.Equal(new Rational(8717, 3840), groove.Notes[9].Time); // 2.27 beats = 8716.8 / 3840
        Assert.Equal(new Rational(4, 1), groove.Length);
    }

    private static string Note(string time, string velocity) =>
        $"""<MidiNoteEvent Time="{time}" Duration="0.25" Velocity="{velocity}" IsEnabled="true" />""";

    /// <summary>A minimal groove file: the clip's markers or loop, then its notes.</summary>
    private static byte[] Xml(string span, params string[] notes) => Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><Ableton><Groove><Clip><Value><MidiClip>{span}<Notes><KeyTracks><KeyTrack><Notes>{string.Concat(notes)}</Notes></KeyTrack></KeyTracks></Notes></MidiClip></Value></Clip></Groove></Ableton>""");

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
