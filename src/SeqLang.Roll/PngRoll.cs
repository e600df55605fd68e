using System.Buffers.Binary;
using System.IO.Compression;

namespace SeqLang.Roll;

/// <summary>
/// Writes a <see cref="RollPicture"/> as a PNG with no dependency: the picture's rectangles and lines are filled into
/// an RGB raster laid out as the SVG is (<see cref="RollLayout"/>), compressed with the framework's zlib, and framed
/// in PNG chunks with our own CRC-32. It has no text (drawing type needs a font and a rasteriser); the SVG has the
/// names, and both have the same geometry.
/// </summary>
public static class PngRoll
{
    /// <summary>The most pixels a PNG roll may have (about 120 MB of raster): past it, ask for fewer bars.</summary>
    public const long MaxPixels = 40_000_000;

    public static long PixelCount(RollPicture picture)
    {
        var layout = new RollLayout(picture);
        return (long)layout.Width * layout.Height;
    }

    public static byte[] Write(RollPicture picture)
    {
        var layout = new RollLayout(picture);
        if ((long)layout.Width * layout.Height > MaxPixels)
            throw new ArgumentException($"a {layout.Width}×{layout.Height} picture is over {MaxPixels} pixels", nameof(picture));
        var raster = new Raster(layout.Width, layout.Height);
        Draw(raster, layout);
        return Encode(raster);
    }

    private static void Draw(Raster r, RollLayout layout)
    {
        var picture = layout.Picture;
        var timeRight = RollLayout.Left + layout.X(picture.EndTick);
        r.Fill(0, 0, r.Width, r.Height, RollColours.Background);
        void Strip(IReadOnlyList<RollSpan> spans, int top)
        {
            for (var i = 0; i < spans.Count; i++)
            {
                var x0 = RollLayout.Left + layout.X(spans[i].StartTick);
                var x1 = RollLayout.Left + layout.X(spans[i].EndTick);
                r.Fill(x0, top, Math.Max(1, x1 - x0), RollLayout.StripHeight - 1, i % 2 == 0 ? RollColours.StripA : RollColours.StripB);
            }
        }
        Strip(picture.Chords, RollLayout.ChordTop);
        Strip(picture.Sections, layout.SectionTop);
        foreach (var lane in layout.Lanes)
        {
            var colour = RollColours.Of(lane.Track.Index);
            r.Fill(RollLayout.Left, lane.Top + 4, 60, 10, colour);
            r.Fill(RollLayout.Left, lane.RowsTop, timeRight - RollLayout.Left, lane.CurvesTop - lane.RowsTop, RollColours.Tint(colour));
            for (var row = 0; row < lane.Track.Rows.Count; row++)
            {
                if (!lane.Track.IsDrums && (lane.Track.Rows[row] % 12) is 1 or 3 or 6 or 8 or 10)
                    r.Darken(RollLayout.Left, lane.RowsTop + row * lane.RowHeight, timeRight - RollLayout.Left, lane.RowHeight);
            }
        }
        var sectionStarts = picture.Sections.Select(s => s.StartTick).ToHashSet();
        for (var i = 0; i < picture.BarTicks.Count; i++)
        {
            var x = RollLayout.Left + layout.X(picture.BarTicks[i]);
            var strong = sectionStarts.Contains(picture.BarTicks[i]) || i == picture.BarTicks.Count - 1;
            r.Fill(x, layout.BarNumberTop, strong ? 2 : 1, layout.TracksBottom - layout.BarNumberTop, strong ? RollColours.SectionLine : RollColours.Grid);
        }
        foreach (var lane in layout.Lanes)
        {
            var colour = RollColours.Of(lane.Track.Index);
            foreach (var note in lane.Track.Notes)
            {
                var (x, y, w, h) = layout.NoteRect(lane, note);
                r.Fill(x, y, w, h, colour);
                if (w > 2 && h > 2) r.Fill(x + 1, y + 1, w - 2, h - 2, RollColours.Shade(colour, note.Velocity));
            }
            for (var c = 0; c < lane.Track.Curves.Count; c++)
            {
                var top = lane.CurvesTop + c * RollLayout.CurveHeight;
                var span = RollLayout.CurveHeight - 6;
                var points = lane.Track.Curves[c].Points;
                for (var i = 0; i < points.Count; i++)
                {
                    var x0 = RollLayout.Left + layout.X(points[i].Tick);
                    var x1 = i + 1 < points.Count ? RollLayout.Left + layout.X(points[i + 1].Tick) : timeRight;
                    var y = top + 3 + span - points[i].Level * span / 1000;
                    r.Fill(x0, y, Math.Max(1, x1 - x0), 1, colour);
                    if (i + 1 < points.Count)
                    {
                        var y2 = top + 3 + span - points[i + 1].Level * span / 1000;
                        r.Fill(x1, Math.Min(y, y2), 1, Math.Abs(y2 - y) + 1, colour);
                    }
                }
            }
        }
        for (var t = 0; t < layout.Lanes.Count; t++)
            r.Fill(12, layout.LegendTop + t * RollLayout.LegendRowHeight, 12, 12, RollColours.Of(layout.Lanes[t].Track.Index));
    }

    private sealed class Raster(int width, int height)
    {
        public int Width { get; } = width;
        public int Height { get; } = height;
        public byte[] Pixels { get; } = new byte[(long)width * height * 3];

        public void Fill(int x, int y, int w, int h, int colour) => Each(x, y, w, h, (p, i) =>
        {
            p[i] = (byte)(colour >> 16);
            p[i + 1] = (byte)(colour >> 8);
            p[i + 2] = (byte)colour;
        });

        /// <summary>Black at 5% over what is there, as the SVG's black-key stripes.</summary>
        public void Darken(int x, int y, int w, int h) => Each(x, y, w, h, (p, i) =>
        {
            for (var k = 0; k < 3; k++) p[i + k] = (byte)(p[i + k] * 243 / 256);
        });

        private void Each(int x, int y, int w, int h, Action<byte[], int> paint)
        {
            var x0 = Math.Max(0, x);
            var x1 = Math.Min(Width, x + w);
            var y0 = Math.Max(0, y);
            var y1 = Math.Min(Height, y + h);
            for (var row = y0; row < y1; row++)
                for (var col = x0; col < x1; col++) paint(Pixels, (row * Width + col) * 3);
        }
    }

    private static byte[] Encode(Raster raster)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, raster.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), raster.Height);
        header[8] = 8; // bits per sample
        header[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
            {
                var stride = raster.Width * 3;
                for (var row = 0; row < raster.Height; row++)
                {
                    zlib.WriteByte(0); // filter: none
                    zlib.Write(raster.Pixels, row * stride, stride);
                }
            }
            Chunk(png, "IDAT", data.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] body)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, body.Length);
        png.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Of(typeBytes, body));
        png.Write(word);
    }
}

/// <summary>PNG's CRC-32 (ISO 3309, polynomial 0xEDB88320, reflected), over a chunk's type and data.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    private static uint[] Build()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    public static uint Of(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in first) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        foreach (var b in second) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
