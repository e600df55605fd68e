namespace SeqLang.Compiler.Form;

/// <summary>
/// The bound form of a piece (SPEC §5): its sections in declaration order, the first of which starts,
/// and what follows each. Immutable; walk it in time with <see cref="FormTimeline"/>.
/// </summary>
public sealed class FormGraph
{
    /// <summary>The one section of a file with no form.</summary>
    public const string MainSection = "main";

    private readonly bool[] _reachable;
    private readonly bool[] _canEndFrom;
    private readonly int[] _nameIds;
    private readonly HashSet<string> _names;

    public FormGraph(FormKind kind, IReadOnlyList<FormSection> sections)
    {
        if (sections.Count == 0) throw new ArgumentException("A form has at least one section.", nameof(sections));
        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i].Index != i) throw new ArgumentException($"Section {i} says it is at {sections[i].Index}.", nameof(sections));
            if (sections[i].Bars is < 1) throw new ArgumentException($"Section '{sections[i].Name}' lasts less than a bar.", nameof(sections));
            if (sections[i].Bars is null && (sections[i].Next.IsEnd || sections[i].Next.Choices.Any(c => c.Target != i)))
                throw new ArgumentException("A section that never ends cannot be followed by anything.", nameof(sections));
            if (sections[i].Next.Choices.Any(c => c.Target < 0 || c.Target >= sections.Count))
                throw new ArgumentException($"Section '{sections[i].Name}' goes to a section outside the form.", nameof(sections));
        }
        Kind = kind;
        Sections = sections.ToArray();
        _names = new HashSet<string>(sections.Select(s => s.Name), StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        _nameIds = sections.Select(s => ids.TryGetValue(s.Name, out var id) ? id : ids[s.Name] = ids.Count).ToArray();
        NameCount = ids.Count;
        _reachable = ReachableFromFirst();
        _canEndFrom = CanReachEnd();
    }

    /// <summary>A file with no form: the single section <c>main</c>, which never ends.</summary>
    public static FormGraph WholePiece { get; } = new(FormKind.WholePiece,
        new[] { new FormSection(MainSection, 0, null, FormNext.To(0), Core.Text.SourceSpan.None) });

    public FormKind Kind { get; }

    /// <summary>The sections in declaration order; <c>Sections[0]</c> starts the piece.</summary>
    public IReadOnlyList<FormSection> Sections { get; }

    /// <summary>The names an <c>in</c> block may use.</summary>
    public IReadOnlySet<string> SectionNames => _names;

    /// <summary>True when <c>end</c> can be reached from the first section: the piece may end (in a graph, by chance).</summary>
    public bool CanEnd => _canEndFrom[0];

    /// <summary>True when some path of transitions leads from the first section to this one.</summary>
    public bool IsReachable(int index) => _reachable[index];

    /// <summary>True when some path leads from this section to <c>end</c>. False for every section of a loop.</summary>
    public bool CanEndFrom(int index) => _canEndFrom[index];

    /// <summary>Sections with the same name share an id, 0 to <see cref="NameCount"/> - 1: visits are counted by name.</summary>
    internal int NameIdOf(int index) => _nameIds[index];

    internal int NameCount { get; }

    private bool[] ReachableFromFirst()
    {
        var seen = new bool[Sections.Count];
        var pending = new Stack<int>();
        seen[0] = true;
        pending.Push(0);
        while (pending.Count > 0)
        {
            foreach (var choice in Sections[pending.Pop()].Next.Choices)
            {
                if (seen[choice.Target]) continue;
                seen[choice.Target] = true;
                pending.Push(choice.Target);
            }
        }
        return seen;
    }

    /// <summary>Backwards from every section marked <c>-> end</c>, along the transitions reversed.</summary>
    private bool[] CanReachEnd()
    {
        var predecessors = Sections.Select(_ => new List<int>()).ToArray();
        foreach (var section in Sections)
            foreach (var choice in section.Next.Choices) predecessors[choice.Target].Add(section.Index);
        var canEnd = new bool[Sections.Count];
        var pending = new Stack<int>();
        foreach (var section in Sections.Where(s => s.Next.IsEnd))
        {
            canEnd[section.Index] = true;
            pending.Push(section.Index);
        }
        while (pending.Count > 0)
        {
            foreach (var before in predecessors[pending.Pop()])
            {
                if (canEnd[before]) continue;
                canEnd[before] = true;
                pending.Push(before);
            }
        }
        return canEnd;
    }
}
