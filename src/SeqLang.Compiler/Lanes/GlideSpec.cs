using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// <c>glide T [on "MINI"]</c> (SPEC §14): in the last <see cref="Time"/> bars of each note the pitch bend moves to the
/// next note's pitch, and is reset at that note-on. <see cref="On"/> limits it to the notes its x events mark;
/// <see cref="BendRange"/> is the track's, beyond which an interval is not glided.
/// </summary>
public sealed record GlideSpec(Rational Time, Pattern<bool>? On, int BendRange);
