using System.Diagnostics;
using SeqLang.Cli.Tests.Support;
using SeqLang.Roll;

namespace SeqLang.Cli.Tests;

/// <summary>
/// What a person sees: a real browser (headless Chromium, installed by scripts/install-test-deps.sh) shows the SVG
/// of <c>seq roll</c> in a page, and its screenshot holds every track's colour, shaded as the notes are, over many
/// pixels. Without Chromium the test fails, saying what to install.
/// </summary>
public sealed class RollScreenshotTests
{
    private static string Chromium()
    {
        foreach (var name in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
            if (File.Exists(name)) return name;
        throw new InvalidOperationException("no Chromium: install Debian's chromium (apt-get install chromium, as scripts/install-test-deps.sh does)");
    }

    [Fact]
    public async Task Chromium_shows_coloured_note_rectangles_for_every_track()
    {
        var folder = SeqRun.TempDirectory();
        var svg = Path.Combine(folder, "song.svg");
        var result = SeqRun.Run("roll", Path.Combine(Repository.Examples, "song.seq"), "-o", svg, "--bars", "0:8");
        Assert.True(result.ExitCode == 0, result.Error);
        File.WriteAllText(Path.Combine(folder, "page.html"),
            "<!doctype html><html><body style=\"margin:0;background:#fff\"><img src=\"song.svg\"></body></html>");
        var shot = Path.Combine(folder, "shot.png");
        var start = new ProcessStartInfo(Chromium()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // --no-sandbox: the tests run as root in CI containers, where Chromium's sandbox refuses to start.
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,640",
                     $"--user-data-dir={Path.Combine(folder, "profile")}", $"--screenshot={shot}", new Uri(Path.Combine(folder, "page.html")).AbsoluteUri })
            start.ArgumentList.Add(argument);
        using (var process = Process.Start(start)!)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium took over 120 s to take a screenshot");
            }
            Assert.True(File.Exists(shot), $"Chromium wrote no screenshot (exit {process.ExitCode}): {await output} {await error}");
        }

        var image = PngImage.Read(File.ReadAllBytes(shot));
        Assert.Equal((1200, 640), (image.Width, image.Height));
        var background = 0;
        var byTrack = new int[4];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image.Pixel(x, y);
                if ((r, g, b) == (255, 255, 255)) background++;
                // Right of the gutter only, where notes are: the legend's swatches and the track names are left of it.
                if (x <= RollLayout.Left) continue;
                for (var t = 0; t < byTrack.Length; t++)
                    if (IsShadeOf(RollColours.Of(t), r, g, b)) byTrack[t]++;
            }
        }
        Assert.True(background > image.Width * image.Height / 4, $"the page is not mostly the roll on white ({background} white pixels)");
        // Song, bars 0:8: drums, bass, keys and arp all play (the arp sparsely: some twenty small notes, about 360 pixels).
        Assert.True(byTrack.Sum() > 10_000, $"only {byTrack.Sum()} pixels in the tracks' colours ({string.Join(", ", byTrack)})");
        for (var t = 0; t < byTrack.Length; t++)
            Assert.True(byTrack[t] > 150, $"track {t}: only {byTrack[t]} pixels in its colour ({string.Join(", ", byTrack)})");
    }

    /// <summary>
    /// Whether a pixel is the track colour mixed with white at one strong weight (a note, velocity 40 and up), the same
    /// weight in every channel within rounding: pale lane tints and grey lines are not.
    /// </summary>
    private static bool IsShadeOf(int colour, int r, int g, int b)
    {
        int[] target = [colour >> 16 & 0xFF, colour >> 8 & 0xFF, colour & 0xFF];
        int[] seen = [r, g, b];
        var weights = new List<double>();
        for (var k = 0; k < 3; k++)
        {
            var room = 255 - target[k];
            if (room < 60) { if (Math.Abs(255 - seen[k]) > 200 && room < 10) return false; continue; }
            weights.Add((255.0 - seen[k]) / room);
        }
        return weights.Count > 0 && weights.Min() > 0.45 && weights.Max() - weights.Min() < 0.06 && weights.Max() <= 1.03;
    }
}
