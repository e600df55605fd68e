using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using SeqLang.Core.Text;
using SeqLang.Syntax.Ast;
using SeqLang.Syntax.Generated;
using static SeqLang.Syntax.Generated.SeqLangParser;

namespace SeqLang.Syntax;

/// <summary>
/// Turns ANTLR's parse tree into our AST. Each visit method names the grammar rule it handles.
/// After a syntax error ANTLR may leave holes in the tree (missing tokens, null children):
/// those statements are dropped here, since the error has already been reported.
/// </summary>
internal sealed class AstBuilder
{
    public FileSyntax Build(FileContext file)
    {
        var statements = new List<StatementSyntax>();
        foreach (var s in file.statement())
        {
            var built = Statement(s);
            if (built is not null) statements.Add(built);
        }
        return new FileSyntax(statements, Span(file));
    }

    // statement : ... (one alternative per label)
    public StatementSyntax? Statement(StatementContext context)
    {
        try
        {
            return context switch
            {
                TitleStatementContext c => Str(c.STRING()) is { } s ? new TitleSyntax(s, Span(c), Span(c.TITLE())) : null,
                TempoStatementContext c => Num(c.NUMBER()) is { } bpm ? new TempoSyntax(bpm, Ramp(c.tempoRamp()), Span(c), Span(c.TEMPO())) : null,
                MeterStatementContext c => c.NUMBER().Length == 2 ? new MeterSyntax(Num(c.NUMBER(0))!, Num(c.NUMBER(1))!, Span(c), Span(c.METER())) : null,
                KeyStatementContext c => Key(c),
                SeedStatementContext c => Num(c.NUMBER()) is { } n ? new SeedSyntax(n, Span(c), Span(c.SEED())) : null,
                SwingStatementContext c => Num(c.NUMBER()) is { } n ? new SwingSettingSyntax(n, Span(c), Span(c.SWING())) : null,
                OutputStatementContext c => Str(c.STRING()) is { } s ? new OutputSyntax(s, Span(c), Span(c.OUTPUT())) : null,
                InputStatementContext c => Str(c.STRING()) is { } s ? new InputSyntax(s, Span(c), Span(c.INPUT())) : null,
                ClockStatementContext c => new ClockSyntax(c.OUT() is not null, Str(c.STRING()), Span(c), Span(c.CLOCK())),
                ScaleStatementContext c => Name(c.IDENT()) is { } name
                    ? new ScaleSyntax(name, c.NUMBER().Select(n => Num(n)!).ToList(), Span(c), Span(c.SCALE())) : null,
                KitStatementContext c => Name(c.IDENT()) is { } name
                    ? new KitSyntax(name, c.kitEntry().Where(e => e.IDENT() is not null && e.NUMBER() is not null)
                        .Select(e => new KitEntrySyntax(Name(e.IDENT())!, Num(e.NUMBER())!, Span(e))).ToList(), Span(c), Span(c.KIT())) : null,
                ChordsStatementContext c => Str(c.STRING()) is { } s ? new ChordsSyntax(s, Span(c), Span(c.CHORDS())) : null,
                HarmonyStatementContext c => Harmony(c),
                FormGraphStatementContext c => new FormSyntax(FormShape.Graph, c.formNode().Select(FormNode).OfType<FormSectionSyntax>().ToList(), Span(c), Span(c.FORM())),
                FormListStatementContext c => new FormSyntax(c.LOOP() is null ? FormShape.Once : FormShape.Loop,
                    c.formItem().Where(i => Name(i.name()) is not null && i.NUMBER() is not null)
                        .Select(i => new FormSectionSyntax(Name(i.name())!, Num(i.NUMBER())!, null, Span(i))).ToList(), Span(c), Span(c.FORM())),
                SectionStatementContext c => new SectionBlockSyntax(Sections(c.sectionList()), c.sectionItem().Select(SectionItem).OfType<StatementSyntax>().ToList(), Span(c), Span(c.IN())),
                TrackStatementContext c => Track(c),
                MapStatementContext c => Source(c.mapSource()) is { } source && Action(c.mapAction()) is { } action
                    ? new MapSyntax(source, action, Span(c), Span(c.MAP())) : null,
                KeyBindingStatementContext c => Str(c.STRING()) is { } key && Action(c.mapAction()) is { } action
                    ? new KeyBindingSyntax(key, action, Span(c), Span(c.KEY())) : null,
                FeedbackStatementContext c => Feedback(c),
                SignalStatementContext c => Name(c.name()) is { } name && Value(c.value()) is { } value
                    ? new SignalDefinitionSyntax(name, value, Span(c), Span(c.SIGNAL())) : null,
                LsystemStatementContext c => Name(c.name()) is { } name ? Lsystem(c, name) : null,
                MarkovStatementContext c => Name(c.name()) is { } name ? Markov(c, name) : null,
                GrooveFileStatementContext c => Name(c.name()) is { } name && Str(c.STRING()) is { } path
                    ? new GrooveSyntax(name, path, null, Array.Empty<GrooveFieldSyntax>(), Span(c), Span(c.GROOVE())) : null,
                GrooveGridStatementContext c => Name(c.name()) is { } name && Num(c.NUMBER()) is { } grid
                    ? new GrooveSyntax(name, null, grid, c.grooveField().Where(f => f.STRING() is not null)
                        .Select(f => new GrooveFieldSyntax(FirstWord(f), Str(f.STRING())!, Span(f))).ToList(), Span(c), Span(c.GROOVE())) : null,
                UnknownStatementContext c => new UnknownStatementSyntax(Name(c.IDENT())!, Span(c)),
                _ => null,
            };
        }
        catch (NullReferenceException)
        {
            // A tree with error holes; the syntax error is already in the bag.
            return null;
        }
    }

    // tempoRamp : ARROW NUMBER OVER NUMBER (BAR | BARS)
    private TempoRampSyntax? Ramp(TempoRampContext? c) =>
        c is null || c.NUMBER().Length < 2 ? null : new TempoRampSyntax(Num(c.NUMBER(0))!, Num(c.NUMBER(1))!, Span(c));

    // keyStatement : KEY IDENT SHARP? IDENT
    private KeySyntax? Key(KeyStatementContext c)
    {
        if (c.IDENT().Length < 2) return null;
        var tonic = Name(c.IDENT(0))!;
        if (c.SHARP() is { } sharp) tonic = new NameSyntax(tonic.Text + "#", tonic.Span.Union(Span(sharp)));
        return new KeySyntax(tonic, Name(c.IDENT(1))!, Span(c), Span(c.KEY()));
    }

    // harmonyStatement : HARMONY IDENT harmonyOption*
    private HarmonySyntax? Harmony(HarmonyStatementContext c)
    {
        if (Name(c.IDENT()) is not { } style) return null;
        NumberSyntax? every = null, gravity = null;
        foreach (var option in c.harmonyOption())
        {
            if (option is HarmonyEveryContext e) every = Num(e.NUMBER());
            if (option is HarmonyGravityContext g) gravity = Num(g.NUMBER());
        }
        return new HarmonySyntax(style, every, gravity, Span(c), Span(c.HARMONY()));
    }

    // formNode : IDENT NUMBER (ARROW (END | formTarget (PIPE formTarget)*))?
    private FormSectionSyntax? FormNode(FormNodeContext c)
    {
        if (Name(c.name()) is not { } name || Num(c.NUMBER()) is not { } bars) return null;
        FormNextSyntax? next = null;
        if (c.ARROW() is not null)
        {
            var targets = c.formTarget().Where(t => Name(t.name()) is not null)
                .Select(t => new FormTargetSyntax(Name(t.name())!, Num(t.NUMBER()), Span(t))).ToList();
            next = new FormNextSyntax(c.END() is not null, targets, SourceSpan.FromBounds(Span(c.ARROW()).Start, Span(c).End));
        }
        return new FormSectionSyntax(name, bars, next, Span(c));
    }

    // sectionList : IDENT (COMMA IDENT)*
    private static List<NameSyntax> Sections(SectionListContext? c) =>
        c is null ? new List<NameSyntax>() : c.name().Select(Name).OfType<NameSyntax>().ToList();

    // sectionItem : CHORDS STRING | TEMPO NUMBER tempoRamp?
    private StatementSyntax? SectionItem(SectionItemContext c) => c switch
    {
        SectionChordsContext s when Str(s.STRING()) is { } str => new ChordsSyntax(str, Span(s), Span(s.CHORDS())),
        SectionTempoContext s when Num(s.NUMBER()) is { } bpm => new TempoSyntax(bpm, Ramp(s.tempoRamp()), Span(s), Span(s.TEMPO())),
        _ => null,
    };

    // trackStatement : TRACK IDENT trackOption* LBRACE ... trackItem ... RBRACE
    private TrackSyntax? Track(TrackStatementContext c)
    {
        if (Name(c.name()) is not { } name) return null;
        var options = new List<TrackOptionSyntax>();
        foreach (var o in c.trackOption())
        {
            switch (o)
            {
                case ChannelOptionContext ch: options.Add(new TrackOptionSyntax(Word(ch.CHANNEL()), Num(ch.NUMBER()), null, null, Span(ch))); break;
                case ProgramOptionContext p: options.Add(new TrackOptionSyntax(Word(p.PROGRAM()), Num(p.NUMBER()), null, null, Span(p))); break;
                case BankOptionContext b when b.NUMBER().Length > 0:
                    options.Add(new TrackOptionSyntax(Word(b.BANK()), Num(b.NUMBER(0)), b.NUMBER().Length > 1 ? Num(b.NUMBER(1)) : null, null, Span(b)));
                    break;
                case KitOptionContext k: options.Add(new TrackOptionSyntax(Word(k.KIT()), null, null, Name(k.IDENT()), Span(k))); break;
                case BendRangeOptionContext b: options.Add(new TrackOptionSyntax(Word(b.BEND()), Num(b.NUMBER()), null, null, Span(b))); break;
            }
        }
        return new TrackSyntax(name, options, Items(c.trackItem()), Span(c), Span(c.TRACK()));
    }

    private List<TrackItemSyntax> Items(TrackItemContext[] items)
    {
        var list = new List<TrackItemSyntax>();
        foreach (var item in items)
        {
            var built = TrackItem(item);
            if (built is not null) list.Add(built);
        }
        return list;
    }

    // trackItem : laneItem | ccLaneItem | everyItem | inItem
    private TrackItemSyntax? TrackItem(TrackItemContext c) => c switch
    {
        LaneItemContext l when Str(l.STRING()) is { } mini =>
            new LaneSyntax(l.laneName() is { } id && Name(id) is { } laneName ? laneName : Word(l.PLAY()), null, mini, Modifiers(l.modifier()), Unknown(l.unknownModifier()), Span(l)),
        LaneItemContext l when Generator(l.rhythmGenerator()) is { } generator =>
            new LaneSyntax(l.laneName() is { } id && Name(id) is { } laneName ? laneName : Word(l.PLAY()), null, null, Modifiers(l.modifier()), Unknown(l.unknownModifier()), Span(l),
                Generator: generator),
        CcLaneItemContext l when Value(l.value()) is { } value && Num(l.NUMBER()) is { } controller =>
            new LaneSyntax(Word(l.CC()), controller, (value as MiniValueSyntax)?.Text, Modifiers(l.modifier()), Unknown(l.unknownModifier()), Span(l), value, Step(l.stepClause())),
        ControlLaneItemContext l when Value(l.value()) is { } value =>
            new LaneSyntax(FirstWord(l), null, (value as MiniValueSyntax)?.Text, Modifiers(l.modifier()), Unknown(l.unknownModifier()), Span(l), value, Step(l.stepClause())),
        EveryItemContext e when Num(e.NUMBER()) is { } n && Modifier(e.modifier()) is { } inner =>
            new EveryItemSyntax(new ModifierSyntax(Word(e.EVERY()), n, null, null, null, inner, Span(e)), Span(e)),
        InItemContext i => new InBlockSyntax(Sections(i.sectionList()), Items(i.trackItem()), Span(i)),
        _ => null,
    };

    // mapSource : CC NUMBER (COLON NUMBER)? sourceChannel? | IDENT NUMBER ((COLON | DOTDOT) NUMBER)? sourceChannel?
    private static ControlSourceSyntax? Source(MapSourceContext? c)
    {
        switch (c)
        {
            case CcSourceContext cc when cc.NUMBER().Length > 0:
                return new ControlSourceSyntax(Word(cc.CC()), Num(cc.NUMBER(0))!, cc.NUMBER().Length > 1 ? Num(cc.NUMBER(1)) : null, null,
                    Num(cc.sourceChannel()?.NUMBER()), Span(cc));
            case NamedSourceContext n when Name(n.IDENT()) is { } kind && n.NUMBER().Length > 0:
                var second = n.NUMBER().Length > 1 ? Num(n.NUMBER(1)) : null;
                return new ControlSourceSyntax(kind, Num(n.NUMBER(0))!, n.COLON() is null ? null : second, n.DOTDOT() is null ? null : second,
                    Num(n.sourceChannel()?.NUMBER()), Span(n));
            default:
                return null;
        }
    }

    // mapAction : tempoAction | muteAction | verbAction | laneAction
    private static ControlActionSyntax? Action(MapActionContext? c) => c switch
    {
        TempoActionContext t when Range(t.valueRange()) is { } range => new TempoActionSyntax(Word(t.TEMPO()), range, Span(t)),
        MuteActionContext m when LaneRef(m.laneRef()) is { } target => new MuteActionSyntax(Word(m.MUTE()), target, Span(m)),
        VerbActionContext v when Name(v.IDENT()) is { } verb && LaneRef(v.laneRef()) is { } target => new VerbActionSyntax(verb, target, Span(v)),
        LaneActionContext l when LaneRef(l.laneRef()) is { } lane && l.parameter() is { } p && Range(l.valueRange()) is { } range =>
            new LaneActionSyntax(lane, FirstWord(p), range, Span(l)),
        _ => null,
    };

    // laneRef : IDENT (DOT (IDENT | PLAY))?
    private static LaneRefSyntax? LaneRef(LaneRefContext? c)
    {
        if (c is null || Name(c.name(0)) is not { } track) return null;
        NameSyntax? lane = null;
        if (c.DOT() is not null)
        {
            lane = c.PLAY() is { } play ? Word(play) : Name(c.name().Length > 1 ? c.name(1) : null);
            if (lane is null) return null;
        }
        return new LaneRefSyntax(track, lane, Span(c));
    }

    // valueRange : NUMBER DOTDOT NUMBER
    private static ValueRangeSyntax? Range(ValueRangeContext? c) =>
        c is null || c.NUMBER().Length < 2 ? null : new ValueRangeSyntax(Num(c.NUMBER(0))!, Num(c.NUMBER(1))!, Span(c));

    // feedbackStatement : FEEDBACK STRING (MUTE | IDENT) laneRef IDENT NUMBER (DOTDOT NUMBER)? feedbackOption*
    private static FeedbackSyntax? Feedback(FeedbackStatementContext c)
    {
        if (Str(c.STRING()) is not { } port || LaneRef(c.laneRef()) is not { } target || c.NUMBER().Length == 0) return null;
        // The words of the statement itself (not those inside laneRef or options): the kind unless it is 'mute', then note/notes.
        var words = c.IDENT();
        // 'step' is a keyword (a control lane's step) but a misspelt kind here: keep it for the checker's suggestion.
        var keyword = c.MUTE() ?? c.STEP();
        var kind = keyword is not null ? Word(keyword) : words.Length > 0 ? Name(words[0]) : null;
        var notesIndex = keyword is null ? 1 : 0;
        var notesWord = words.Length > notesIndex ? Name(words[notesIndex]) : null;
        if (kind is null || notesWord is null) return null;
        var options = new List<FeedbackOptionSyntax>();
        foreach (var option in c.feedbackOption())
        {
            switch (option)
            {
                case FeedbackChannelContext ch when Num(ch.NUMBER()) is { } n: options.Add(new FeedbackOptionSyntax(Word(ch.CHANNEL()), n, Span(ch))); break;
                case FeedbackVelocityContext v when Num(v.NUMBER()) is { } n: options.Add(new FeedbackOptionSyntax(FirstWord(v), n, Span(v))); break;
            }
        }
        return new FeedbackSyntax(port, kind, target, notesWord, Num(c.NUMBER(0))!, c.NUMBER().Length > 1 ? Num(c.NUMBER(1)) : null, options, Span(c), Span(c.FEEDBACK()));
    }

    private List<ModifierSyntax> Modifiers(ModifierContext[] modifiers) =>
        modifiers.Select(Modifier).OfType<ModifierSyntax>().ToList();

    // modifier : velModifier | numberModifier | flagModifier | everyModifier | swingModifier | voicingModifier
    private ModifierSyntax? Modifier(ModifierContext? c) => c switch
    {
        ValueModifierContext v when Value(v.value()) is { } value =>
            new ModifierSyntax(FirstWord(v), (value as NumberValueSyntax)?.Number, (value as MiniValueSyntax)?.Text, null, null, null, Span(v), value),
        NumberModifierContext n when Num(n.NUMBER()) is { } value => new ModifierSyntax(FirstWord(n), value, null, null, null, null, Span(n)),
        FlagModifierContext f => new ModifierSyntax(FirstWord(f), null, null, null, null, null, Span(f)),
        NestedModifierContext e when Num(e.NUMBER()) is { } n && Modifier(e.modifier()) is { } inner =>
            new ModifierSyntax(FirstWord(e), n, null, null, null, inner, Span(e)),
        ChanceModifierContext chance when Modifier(chance.modifier()) is { } inner => new ModifierSyntax(FirstWord(chance), null, null, null, null, inner, Span(chance)),
        RhythmModifierContext r when Str(r.STRING()) is { } text => new ModifierSyntax(FirstWord(r), null, text, null, null, null, Span(r)),
        SwingModifierContext s when s.NUMBER().Length > 0 =>
            new ModifierSyntax(Word(s.SWING()), Num(s.NUMBER(0)), null, null, s.NUMBER().Length > 1 ? Num(s.NUMBER(1)) : null, null, Span(s)),
        ArpModifierContext a => new ModifierSyntax(Word(a.ARP()), null, Str(a.STRING()), Name(a.IDENT()), null, null, Span(a), null, Options(a.functionOption())),
        StrumModifierContext st when Fraction(st.fraction()) is { } n => new ModifierSyntax(Word(st.STRUM()), n, null, null, null, null, Span(st), null, Options(st.functionOption())),
        LockModifierContext l when Num(l.NUMBER()) is { } n => new ModifierSyntax(Word(l.LOCK()), n, null, null, null, null, Span(l), null, Options(l.functionOption())),
        GrooveModifierContext g when Name(g.name()) is { } name => new ModifierSyntax(Word(g.GROOVE()), null, null, name, null, null, Span(g), null, Options(g.functionOption())),
        GlideModifierContext g when Fraction(g.fraction()) is { } n => new ModifierSyntax(Word(g.GLIDE()), n, Str(g.STRING()), Name(g.IDENT()), null, null, Span(g)),
        VoicingModifierContext v when Name(v.IDENT()) is { } word => new ModifierSyntax(Word(v.VOICING()), null, null, word, null, null, Span(v)),
        _ => null,
    };

    // value : valueTerm (STAR valueTerm)*
    private ValueSyntax? Value(ValueContext? c)
    {
        if (c is null) return null;
        var factors = new List<ValueSyntax>();
        foreach (var term in c.valueTerm())
        {
            if (Term(term) is not { } factor) return null;
            factors.Add(factor);
        }
        return factors.Count switch { 0 => null, 1 => factors[0], _ => new ProductValueSyntax(factors, Span(c)) };
    }

    private ValueSyntax? Term(ValueTermContext c) => c switch
    {
        NumberTermContext n => Num(n.NUMBER()) is { } number ? new NumberValueSyntax(number) : null,
        MiniTermContext m => Str(m.STRING()) is { } text ? new MiniValueSyntax(text) : null,
        GroupTermContext g => Value(g.value()),
        SignalTermContext s when Name(s.IDENT()) is { } name => Signal(name, s.NUMBER(), s.valueRange(), null, s.signalOption(), Span(s)),
        LoopTermContext l when Name(l.IDENT()) is { } name && Str(l.STRING()) is { } loop => Signal(name, null, null, loop, l.signalOption(), Span(l)),
        MarkovTermContext m when Name(m.name()) is { } chain => new MarkovValueSyntax(chain, Span(m)),
        _ => null,
    };

    private static SignalSyntax Signal(NameSyntax name, ITerminalNode? argument, ValueRangeContext? range, StringSyntax? loop, SignalOptionContext[] options, SourceSpan span)
    {
        LengthSyntax? over = null;
        NumberSyntax? phase = null;
        NameSyntax? ease = null;
        NumberSyntax? step = null;
        var named = new List<NamedOptionSyntax>();
        foreach (var option in options)
        {
            switch (option)
            {
                case OverOptionContext o:
                    var unit = o.BAR() ?? o.BARS() ?? o.IDENT();
                    if (unit is not null && Name(unit) is { } u) over = new LengthSyntax(Num(o.NUMBER()), u, Span(o));
                    break;
                case PhaseOptionContext p:
                    phase = Num(p.NUMBER());
                    break;
                case StepOptionContext st:
                    step = Num(st.NUMBER());
                    break;
                case EaseOptionContext e:
                    var word = e.IN() ?? e.OUT() ?? e.IDENT();
                    if (word is not null) ease = Name(word);
                    break;
                case NamedOptionContext n when Name(n.IDENT()) is { } optionName:
                    named.Add(new NamedOptionSyntax(optionName, Num(n.NUMBER()), PitchRange(n.noteRange()), Span(n)));
                    break;
            }
        }
        return new SignalSyntax(name, Num(argument), Range(range), over, phase, ease, span, step, loop, named);
    }

    private static PitchRangeSyntax? PitchRange(NoteRangeContext? c)
    {
        if (c is null) return null;
        var ends = new List<NameSyntax>();
        for (var i = 0; i < c.ChildCount; i++)
        {
            if (c.GetChild(i) is ITerminalNode t && t.Symbol.Type != SeqLangParser.DOTDOT && Name(t) is { } end) ends.Add(end);
        }
        return ends.Count == 2 ? new PitchRangeSyntax(ends[0], ends[1], Span(c)) : null;
    }

    // rhythmGenerator : bresenham K N | weights { DRUM W ... } OPTION* | cellular RULE OPTION*
    private static RhythmGeneratorSyntax? Generator(RhythmGeneratorContext? c)
    {
        switch (c)
        {
            case BresenhamGeneratorContext b when b.NUMBER().Length == 2:
                return new RhythmGeneratorSyntax(Word(b.BRESENHAM()), b.NUMBER().Select(n => Num(n)!).ToList(), Array.Empty<WeightSyntax>(), Array.Empty<GeneratorOptionSyntax>(), Span(b));
            case WeightsGeneratorContext w:
                var weights = w.weightEntry().Where(e => e.IDENT() is not null && e.NUMBER() is not null)
                    .Select(e => new WeightSyntax(Name(e.IDENT())!, Num(e.NUMBER())!, Span(e))).ToList();
                return new RhythmGeneratorSyntax(Word(w.WEIGHTS()), Array.Empty<NumberSyntax>(), weights, GeneratorOptions(w.generatorOption()), Span(w));
            case CellularGeneratorContext g when Num(g.NUMBER()) is { } rule:
                return new RhythmGeneratorSyntax(Word(g.CELLULAR()), new[] { rule }, Array.Empty<WeightSyntax>(), GeneratorOptions(g.generatorOption()), Span(g));
            case LifeGeneratorContext life when life.IDENT().Length > 0:
                // The rule B3/S23 is one name to the checker, spanning its words and the slash.
                var first = life.IDENT(0).Symbol;
                var last = life.IDENT()[^1].Symbol;
                var ruleSpan = SourceSpan.FromBounds(first.StartIndex, last.StopIndex + 1);
                var lifeRule = new NameSyntax(string.Join("/", life.IDENT().Select(i => i.GetText())), ruleSpan);
                var words = life.lifeWord().Select(w => new GeneratorWordSyntax(w.GetText(), w.NUMBER() is { } n ? Num(n) : null, w.STRING() is { } t ? Str(t) : null, Span(w))).ToList();
                return new RhythmGeneratorSyntax(Word(life.LIFE()), Array.Empty<NumberSyntax>(), Array.Empty<WeightSyntax>(), Array.Empty<GeneratorOptionSyntax>(), Span(life), lifeRule, words);
            case LsystemGeneratorContext l when Name(l.name()) is { } reference:
                return new RhythmGeneratorSyntax(Word(l.LSYSTEM()), Array.Empty<NumberSyntax>(), Array.Empty<WeightSyntax>(), GeneratorOptions(l.generatorOption()), Span(l), reference);
            default:
                return null;
        }
    }

    private static List<GeneratorOptionSyntax> GeneratorOptions(GeneratorOptionContext[] options)
    {
        var list = new List<GeneratorOptionSyntax>();
        foreach (var o in options)
        {
            if (o.STEP() is { } step)
            {
                // step N/D: one number to the checker, as a fraction is elsewhere.
                var numbers = o.NUMBER();
                if (numbers.Length == 0 || Num(numbers[0]) is not { } numerator) continue;
                var value = numerator;
                if (numbers.Length > 1 && Num(numbers[1]) is { } denominator)
                    value = NumberSyntax.Fraction(numerator, denominator, SourceSpan.FromBounds(numerator.Span.Start, denominator.Span.End));
                list.Add(new GeneratorOptionSyntax(Word(step), value, null, null, Span(o)));
            }
            else if (o.IDENT().Length > 0)
            {
                list.Add(new GeneratorOptionSyntax(Name(o.IDENT(0))!, o.NUMBER().Length > 0 ? Num(o.NUMBER(0)) : null, Str(o.STRING()),
                    o.IDENT().Length > 1 ? Name(o.IDENT(1)) : null, Span(o)));
            }
        }
        return list;
    }

    // markovStatement : MARKOV name { STATE -> STATE W? (| STATE W?)* ... }
    private static MarkovSyntax Markov(MarkovStatementContext c, NameSyntax name)
    {
        var rules = new List<MarkovRuleSyntax>();
        foreach (var rule in c.markovRule())
        {
            var states = rule.markovState();
            if (states.Length < 2) continue;
            // Each NUMBER belongs to the state just before it: walk the children in order.
            var choices = new List<MarkovChoiceSyntax>();
            for (var i = 2; i < rule.ChildCount; i++)
            {
                if (rule.GetChild(i) is MarkovStateContext state)
                {
                    NumberSyntax? weight = null;
                    if (i + 1 < rule.ChildCount && rule.GetChild(i + 1) is ITerminalNode t && t.Symbol.Type == SeqLangParser.NUMBER) weight = Num(t);
                    choices.Add(new MarkovChoiceSyntax(State(state), weight));
                }
            }
            rules.Add(new MarkovRuleSyntax(State(states[0]), choices, Span(rule)));
        }
        return new MarkovSyntax(name, rules, Span(c), Span(c.MARKOV()));
    }

    private static MarkovStateSyntax State(MarkovStateContext c) =>
        c.STRING() is { } quoted && Str(quoted) is { } s ? new MarkovStateSyntax(s.Content.Trim(), Span(c)) : new MarkovStateSyntax(c.GetText(), Span(c));

    // lsystemStatement : LSYSTEM name { (IDENT STRING | ATOM -> "MINI" W? (| "MINI" W?)*)* }
    private static LsystemSyntax Lsystem(LsystemStatementContext c, NameSyntax name)
    {
        var axioms = new List<LsystemAxiomSyntax>();
        var rules = new List<LsystemRuleSyntax>();
        foreach (var item in c.lsystemItem())
        {
            switch (item)
            {
                case LsystemAxiomContext a when Name(a.IDENT()) is { } word && Str(a.STRING()) is { } text:
                    axioms.Add(new LsystemAxiomSyntax(word, text, Span(a)));
                    break;
                case LsystemRuleContext r:
                    var atom = r.IDENT() ?? r.NUMBER() ?? r.STRING();
                    if (atom is null) break;
                    var atomText = r.STRING() is { } quoted && Str(quoted) is { } s ? s.Content.Trim() : atom.GetText();
                    var choices = r.lsystemChoice().Where(ch => Str(ch.STRING()) is not null)
                        .Select(ch => new LsystemChoiceSyntax(Str(ch.STRING())!, Num(ch.NUMBER()), Span(ch))).ToList();
                    rules.Add(new LsystemRuleSyntax(atomText, Span(atom), choices, Span(r)));
                    break;
            }
        }
        return new LsystemSyntax(name, axioms, rules, Span(c), Span(c.LSYSTEM()));
    }

    // functionOption : STEP NUMBER (SLASH NUMBER)? | IDENT NUMBER?
    private static List<FunctionOptionSyntax> Options(FunctionOptionContext[] options)
    {
        var list = new List<FunctionOptionSyntax>();
        foreach (var o in options)
        {
            var word = o.STEP() ?? o.IDENT();
            if (word is null || Name(word) is not { } name) continue;
            var numbers = o.NUMBER();
            list.Add(new FunctionOptionSyntax(name, numbers.Length > 0 ? Num(numbers[0]) : null, numbers.Length > 1 ? Num(numbers[1]) : null, Span(o)));
        }
        return list;
    }

    // fraction : NUMBER (SLASH NUMBER)?  — one number to the checker: 1/32 is the value 1/32, written "1/32".
    private static NumberSyntax? Fraction(FractionContext? c)
    {
        if (c is null || Num(c.NUMBER(0)) is not { } numerator) return null;
        if (c.NUMBER().Length < 2 || Num(c.NUMBER(1)) is not { } denominator) return numerator;
        return NumberSyntax.Fraction(numerator, denominator, Span(c));
    }

    // stepClause : STEP NUMBER (SLASH NUMBER)?
    private static StepSyntax? Step(StepClauseContext? c) =>
        c is null || Num(c.NUMBER(0)) is not { } numerator ? null : new StepSyntax(numerator, c.NUMBER().Length > 1 ? Num(c.NUMBER(1)) : null, Span(c));

    // unknownModifier : IDENT (NUMBER | STRING | IDENT)*
    private static UnknownModifierSyntax? Unknown(UnknownModifierContext? c) =>
        c?.IDENT(0) is { } word ? new UnknownModifierSyntax(Name(word)!, Span(c)) : null;

    private static NameSyntax FirstWord(ParserRuleContext c) => Word((ITerminalNode)c.GetChild(0));

    private static NameSyntax Word(ITerminalNode node) => new(node.GetText(), Span(node));

    private static NameSyntax? Name(ITerminalNode? node) =>
        node is null || node.Symbol.TokenIndex < 0 ? null : new NameSyntax(node.GetText(), Span(node));

    /// <summary>A name rule (an identifier, or a word that is a keyword elsewhere); null where recovery left a hole.</summary>
    private static NameSyntax? Name(ParserRuleContext? c) =>
        c is null || c.Start is null || c.Start.TokenIndex < 0 || c.exception is not null ? null : new NameSyntax(c.GetText(), Span(c));

    private static NumberSyntax? Num(ITerminalNode? node)
    {
        if (node is null || node.Symbol.TokenIndex < 0) return null;
        var text = node.GetText();
        return NumberSyntax.Written(text, Span(node));
    }

    private static StringSyntax? Str(ITerminalNode? node)
    {
        if (node is null || node.Symbol.TokenIndex < 0) return null;
        var text = node.GetText();
        if (text.Length < 2) return null;
        return new StringSyntax(text[1..^1], node.Symbol.StartIndex + 1, Span(node));
    }

    private static SourceSpan Span(ITerminalNode node) => SourceSpan.FromBounds(node.Symbol.StartIndex, node.Symbol.StopIndex + 1);

    private static SourceSpan Span(ParserRuleContext c) =>
        SourceSpan.FromBounds(c.Start.StartIndex, Math.Max(c.Start.StartIndex, (c.Stop ?? c.Start).StopIndex + 1));
}
