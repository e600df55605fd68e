using SeqLang.Core.Time;

namespace SeqLang.Compiler.Control;

/// <summary>
/// What a mapping or hotkey does. Knobs (<see cref="KnobAction"/>) take a value from the control's position;
/// switches (<see cref="MuteAction"/>, <see cref="NextSectionAction"/>, <see cref="JumpSectionAction"/>) fire on a
/// press; <see cref="StepsAction"/> toggles the step of the pad pressed. Track and lane indices are the compiled
/// piece's (<c>CompiledLane.TrackIndex</c>/<c>LaneIndex</c>).
/// </summary>
public abstract record ControlAction;

/// <summary>
/// An action driven by a knob over the range <see cref="Min"/>..<see cref="Max"/> (Min is the value at the knob's
/// lowest position; Min > Max inverts the knob).
/// </summary>
public abstract record KnobAction(Rational Min, Rational Max, bool IsInteger) : ControlAction
{
    /// <summary>The step non-integer values are rounded to, so that every value can be written as a short decimal.</summary>
    public static readonly Rational Resolution = new(1, 1000);

    /// <summary>
    /// value = Min + (Max − Min) × raw / rawMax, exactly, then rounded half away from zero to a whole number when
    /// <see cref="IsInteger"/>, else to a multiple of 0.001. <paramref name="rawMax"/> is 127 (7-bit) or 16383 (14-bit);
    /// <paramref name="raw"/> is clamped to 0..rawMax.
    /// </summary>
    public Rational ValueAt(int raw, int rawMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rawMax);
        raw = Math.Clamp(raw, 0, rawMax);
        var exact = Min + (Max - Min) * new Rational(raw, rawMax);
        return IsInteger ? RoundHalfAway(exact, 1) : RoundHalfAway(exact, Resolution.Denominator);
    }

    /// <summary>x rounded to the nearest multiple of 1/<paramref name="denominator"/>, halves away from zero.</summary>
    internal static Rational RoundHalfAway(Rational x, long denominator)
    {
        var scaled = (x * denominator).Abs();
        var whole = (scaled + Rational.Half).Floor();
        return new Rational(x.Sign < 0 ? -whole : whole, denominator);
    }
}

/// <summary><c>tempo A..B</c>: the tempo in BPM (quarter notes a minute).</summary>
public sealed record TempoAction(Rational Min, Rational Max) : KnobAction(Min, Max, IsInteger: false);

/// <summary>
/// <c>TRACK.LANE vel A..B</c>: scales the lane's velocities. With x the knob's value (a whole number 1..127), an event
/// of velocity v is sent at <see cref="Scale"/>(v, x) = round(v × x / 127), clamped to 1..127.
/// </summary>
public sealed record LaneVelocityAction(int Track, int Lane, string LaneName, Rational Min, Rational Max) : KnobAction(Min, Max, IsInteger: true)
{
    /// <summary>round(<paramref name="velocity"/> × <paramref name="x"/> / 127), halves up, clamped to 1..127.</summary>
    public static int Scale(int velocity, Rational x)
    {
        var scaled = RoundHalfAway(velocity * x / 127, 1);
        return (int)Math.Clamp(scaled.Numerator, 1, 127);
    }
}

/// <summary>
/// <c>TRACK.LANE MODIFIER A..B</c>: sets one numeric modifier of a lane (<see cref="Modifier"/> is its keyword,
/// e.g. <c>transpose</c>); the knob's value replaces the value written on the lane. <see cref="ModifierEdit"/> is how.
/// </summary>
public sealed record LaneModifierAction(int Track, int Lane, string LaneName, string Modifier, Rational Min, Rational Max, bool IsInteger)
    : KnobAction(Min, Max, IsInteger);

/// <summary>
/// <c>signal NAME A..B</c>: sets B of the range of a <c>signal NAME VALUE</c> definition (or its plain number, as
/// <see cref="ModifierEdit.SlotOf"/> says), so every lane that uses the signal follows one knob.
/// <see cref="ModifierEdit.SetSignal"/> is how.
/// </summary>
public sealed record SignalKnobAction(string Signal, Rational Min, Rational Max) : KnobAction(Min, Max, IsInteger: false);

/// <summary><c>mute TRACK[.LANE]</c>: each press toggles the lane, or every lane of the track (<see cref="Lane"/> null).</summary>
public sealed record MuteAction(int Track, int? Lane, string Target) : ControlAction;

/// <summary><c>next SECTION</c>: queue SECTION to start when the section playing now ends (<c>FormTimeline.WithQueued</c>).</summary>
public sealed record NextSectionAction(string Section) : ControlAction;

/// <summary><c>jump SECTION</c>: enter SECTION at the next bar line (<c>FormTimeline.WithJump</c>).</summary>
public sealed record JumpSectionAction(string Section) : ControlAction;

/// <summary><c>steps TRACK.LANE</c>: pad i toggles step i of the lane (<see cref="LaneSteps.Toggle"/>).</summary>
public sealed record StepsAction(int Track, int Lane, LaneSteps Steps) : ControlAction;
