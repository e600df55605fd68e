using SeqLang.Compiler.Control;
using SeqLang.Compiler.Form;
using SeqLang.Compiler.Harmony;

namespace SeqLang.Compiler.Piece;

/// <summary>The compiled piece both back ends consume: settings, tracks of lane patterns, the form's timeline and the harmony.</summary>
public sealed class CompiledPiece
{
    public CompiledPiece(PieceSettings settings, IReadOnlyList<CompiledTrack> tracks, FormTimeline? form = null, PieceHarmony? harmony = null, TempoMap? tempo = null,
        ControlMap? controls = null)
    {
        Controls = controls ?? ControlMap.Empty;
        Settings = settings;
        Tracks = tracks;
        Form = form ?? new FormTimeline(FormGraph.WholePiece, settings.Seed);
        Harmony = harmony;
        Tempo = tempo ?? new TempoMap(settings, Form, new Dictionary<string, TempoMap.SectionTempo>());
    }

    public PieceSettings Settings { get; }
    public IReadOnlyList<CompiledTrack> Tracks { get; }

    /// <summary>Which section plays in each bar, and where the piece ends (SPEC §5).</summary>
    public FormTimeline Form { get; }

    /// <summary>The chord in force at each moment (SPEC §4); null when the file has neither <c>chords</c> nor <c>harmony</c>.</summary>
    public PieceHarmony? Harmony { get; }

    /// <summary>The tempo at every moment: the file's, or a section's own while it plays.</summary>
    public TempoMap Tempo { get; }

    /// <summary>
    /// This piece played over <paramref name="form"/>, a timeline derived from <see cref="Form"/> by live control
    /// (<see cref="FormTimeline.WithJump"/>, <see cref="FormTimeline.WithQueued"/>): the same tracks and controls, with
    /// the harmony's section charts and the section tempi following the new timeline's entries. Bars before the
    /// override are unchanged, so a player can switch to the new piece at any bar up to it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="form"/> walks another form or seed.</exception>
    public CompiledPiece WithForm(FormTimeline form)
    {
        if (!ReferenceEquals(form.Graph, Form.Graph) || form.Seed != Form.Seed)
            throw new ArgumentException("The timeline must walk this piece's form with its seed (derive it from piece.Form).", nameof(form));
        return new CompiledPiece(Settings, Tracks, form, Harmony?.WithForm(form), Tempo.WithForm(form), Controls);
    }

    /// <summary>The live-control statements, checked: controller mappings, pad feedback, hotkeys (docs/live-control.md).</summary>
    public ControlMap Controls { get; }
}
