namespace SeqLang.Roll;

/// <summary>
/// Where everything of a <see cref="RollPicture"/> goes, in whole pixels, shared by the SVG and the PNG so the two
/// pictures agree. Time runs left to right at <see cref="PixelsPerQuarter"/>; each track is a lane of rows, pitches
/// high to low, under a header with its name; drum rows are taller, one per drum played.
/// </summary>
public sealed class RollLayout
{
    public const int PixelsPerQuarter = 32;
    public const int Left = 120, Right = 24;
    public const int TitleHeight = 34, ChordTop = 38, StripHeight = 18, BarNumberHeight = 16;
    public const int TrackHeaderHeight = 18, PitchRowHeight = 5, DrumRowHeight = 11, TrackGap = 10, CurveHeight = 24;
    public const int LegendRowHeight = 18;

    public RollLayout(RollPicture picture)
    {
        Picture = picture;
        SectionTop = ChordTop + StripHeight;
        BarNumberTop = SectionTop + StripHeight;
        var y = BarNumberTop + BarNumberHeight + 4;
        var lanes = new List<Lane>();
        foreach (var track in picture.Tracks)
        {
            var rowHeight = track.IsDrums ? DrumRowHeight : PitchRowHeight;
            var rowsTop = y + TrackHeaderHeight;
            var rowsHeight = Math.Max(1, track.Rows.Count) * rowHeight;
            var curvesTop = rowsTop + rowsHeight;
            var bottom = curvesTop + track.Curves.Count * CurveHeight;
            lanes.Add(new Lane(track, y, rowsTop, rowHeight, curvesTop, bottom));
            y = bottom + TrackGap;
        }
        Lanes = lanes;
        TracksTop = BarNumberTop + BarNumberHeight;
        TracksBottom = y - TrackGap + 4;
        LegendTop = TracksBottom + 12;
        Width = Math.Max(Left + X(picture.EndTick) + Right, 480);
        Height = LegendTop + picture.Tracks.Count * LegendRowHeight + 10;
    }

    public RollPicture Picture { get; }
    public IReadOnlyList<Lane> Lanes { get; }
    public int SectionTop { get; }
    public int BarNumberTop { get; }
    public int TracksTop { get; }
    public int TracksBottom { get; }
    public int LegendTop { get; }
    public int Width { get; }
    public int Height { get; }

    /// <summary>The pixel column of <paramref name="tick"/>, from the left of the time axis (add <see cref="Left"/>), rounded half up.</summary>
    public int X(long tick) => (int)((tick * PixelsPerQuarter * 2 + Picture.Ppq) / (2L * Picture.Ppq));

    /// <summary>A note's rectangle: at least one pixel wide, so the shortest notes (a tick or two) still show.</summary>
    public (int X, int Y, int Width, int Height) NoteRect(Lane lane, RollNote note)
    {
        var x0 = Left + X(note.StartTick);
        var x1 = Left + X(note.EndTick);
        var rows = lane.Track.Rows;
        var row = 0;
        while (rows[row] != note.Key) row++;
        return (x0, lane.RowsTop + row * lane.RowHeight, Math.Max(1, x1 - x0), lane.RowHeight);
    }

    /// <summary>A track's place: header from <see cref="Top"/>, rows from <see cref="RowsTop"/>, then one curve strip per controller.</summary>
    public sealed record Lane(RollTrack Track, int Top, int RowsTop, int RowHeight, int CurvesTop, int Bottom);
}

/// <summary>The colours of a roll: a fixed palette by track order (SeqLang files name no colours), shaded by velocity.</summary>
public static class RollColours
{
    // Distinct on white and for the common colour blindnesses (Okabe–Ito, then Tol's muted set).
    private static readonly int[] Palette =
    {
        0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x882255, 0x117733, 0x332288, 0x999933, 0xAA4499, 0x44AA99,
    };

    public const int Background = 0xFFFFFF, Text = 0x222222, Grid = 0xD0D0D0, SectionLine = 0x555555, BlackKey = 0xF2F2F2;
    public const int StripA = 0xEEF1F5, StripB = 0xE2E7EE;

    public static int Of(int trackIndex) => Palette[trackIndex % Palette.Length];

    /// <summary>The track's colour mixed with white: velocity 127 is the full colour, velocity 1 a quarter of it.</summary>
    public static int Shade(int colour, int velocity) => Mix(colour, 64 + velocity * 192 / 127);

    /// <summary>A light tint of the colour for the lane's background.</summary>
    public static int Tint(int colour) => Mix(colour, 18);

    /// <summary><paramref name="colour"/> weighted <paramref name="weight"/>/256 over white.</summary>
    public static int Mix(int colour, int weight)
    {
        int Channel(int shift) => 255 - (255 - (colour >> shift & 0xFF)) * weight / 256;
        return Channel(16) << 16 | Channel(8) << 8 | Channel(0);
    }

    public static string Hex(int colour) => "#" + colour.ToString("x6", System.Globalization.CultureInfo.InvariantCulture);
}
