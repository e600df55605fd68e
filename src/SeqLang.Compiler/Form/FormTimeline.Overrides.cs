namespace SeqLang.Compiler.Form;

public sealed partial class FormTimeline
{
    /// <summary>
    /// The timeline where the piece is as this one before bar <paramref name="bar"/>, and <paramref name="section"/>
    /// (an index into <see cref="FormGraph.Sections"/>) is entered at <paramref name="bar"/>, cutting short the entry
    /// playing then. From there the form goes on as written: the choice after entry e is still made by
    /// <c>SeededRandom.At(StreamFor(seed, "form"), 0, e)</c>, with e counted in the new timeline. Overrides this
    /// timeline has at or after <paramref name="bar"/> are dropped (a jump cancels a queued section); earlier ones stay.
    /// A bar after the piece's end changes nothing audible: the piece has ended.
    /// </summary>
    public FormTimeline WithEntryAt(long bar, int section)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bar);
        if (section < 0 || section >= Graph.Sections.Count) throw new ArgumentOutOfRangeException(nameof(section), section, "Not a section of the form.");
        var forced = _forced.Where(f => f.Bar < bar).Append((bar, section)).ToArray();
        return new FormTimeline(Graph, Seed, forced);
    }

    /// <summary>
    /// <c>jump SECTION</c>: <paramref name="section"/> entered at bar <paramref name="bar"/> (the player passes the
    /// next bar line), as <see cref="WithEntryAt"/>. In a list form where the name appears more than once, the
    /// occurrence is the first after the section playing in the bar before <paramref name="bar"/>, in list order,
    /// wrapping around (that section itself last).
    /// </summary>
    /// <exception cref="ArgumentException">The form has no section of that name.</exception>
    public FormTimeline WithJump(long bar, string section)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bar);
        var playing = bar > 0 ? SectionAt(bar - 1)?.Entry.SectionIndex : null;
        return WithEntryAt(bar, Resolve(section, playing));
    }

    /// <summary>
    /// <c>next SECTION</c>: <paramref name="section"/> entered when the entry playing at bar <paramref name="bar"/>
    /// ends, instead of what the form would choose (also instead of the end of the piece). Returns this timeline
    /// when the piece has ended by <paramref name="bar"/> or the entry never ends (a file with no form). A second
    /// queue during the same entry replaces the first. The name is resolved as in <see cref="WithJump"/>, after the
    /// section playing at <paramref name="bar"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The form has no section of that name.</exception>
    public FormTimeline WithQueued(long bar, string section)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bar);
        if (SectionAt(bar) is not { } position || position.Entry.End is not { } end)
        {
            Resolve(section, null);
            return this;
        }
        return WithEntryAt(end, Resolve(section, position.Entry.SectionIndex));
    }

    /// <summary>The node named <paramref name="name"/>: the first after <paramref name="after"/> in list order, wrapping around.</summary>
    private int Resolve(string name, int? after)
    {
        var count = Graph.Sections.Count;
        var start = after is { } a ? a + 1 : 0;
        for (var i = 0; i < count; i++)
        {
            var index = (start + i) % count;
            if (Graph.Sections[index].Name == name) return index;
        }
        throw new ArgumentException($"The form has no section '{name}'.", nameof(name));
    }

    /// <summary>The section forced at exactly <paramref name="bar"/>, if any.</summary>
    private int? ForcedAt(long bar)
    {
        foreach (var (at, section) in _forced)
        {
            if (at == bar) return section;
            if (at > bar) break;
        }
        return null;
    }

    /// <summary>The first forced bar after <paramref name="bar"/>, if any.</summary>
    private long? NextForcedAfter(long bar)
    {
        foreach (var (at, _) in _forced)
            if (at > bar) return at;
        return null;
    }
}
