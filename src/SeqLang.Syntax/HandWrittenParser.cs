using Antlr4.Runtime;
using SeqLang.Core.Text;
using SeqLang.Syntax.Ast;
using static SeqLang.Syntax.Generated.SeqLangLexer;

namespace SeqLang.Syntax;

/// <summary>
/// The common statements of grammar/SeqLangParser.g4 read by recursive descent straight into the AST that
/// <see cref="AstBuilder"/> makes of ANTLR's parse tree: settings, forms, section blocks, kits, signal definitions,
/// grooves from files, and tracks whose lanes have strings, values (numbers, strings, signals) and the keyword
/// modifiers. ANTLR's parser builds a tree of contexts, terminal nodes and tokens for every statement and throws it
/// away (three quarters of what parsing a large file allocated).
/// Each choice takes the grammar's first alternative that the next tokens allow, as ANTLR's prediction does when several
/// could go on; at anything else (rhythm generators, live control, L-systems, Markov chains, a token no rule expects
/// here) it gives up and
/// returns null, and the file is parsed by ANTLR, which also reports the errors. StatementParseTests holds it to ANTLR's
/// parse of every file the tests know and of thousands of their mutations.
/// </summary>
internal sealed class HandWrittenParser
{
    /// <summary>Modifiers and parentheses nested deeper than this are left to ANTLR (and its limits).</summary>
    private const int MaxDepth = 100;

    private readonly string _text;
    private readonly (int Type, int Start, int Stop)[] _tokens;
    private int _at;
    private int _depth;

    /// <summary>Names and numbers as written, each text made once: a large file repeats its keywords, lane names and numbers thousands of times.</summary>
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _words =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private HandWrittenParser(string text, int visible)
    {
        _text = text;
        // The tokens the parser sees and an end-of-file token, in one array of the size the lexical check counted.
        _tokens = new (int, int, int)[visible + 1];
        var lexer = new SeqLangTokenSource(text);
        var count = 0;
        while (lexer.Scan(out var type, out var start, out var stop))
            if (!SeqLangTokenSource.OnHiddenChannel(type)) _tokens[count++] = (type, start, stop);
        _tokens[count] = (TokenConstants.EOF, text.Length, text.Length - 1);
    }

    /// <summary>
    /// The file's AST, or null when it holds anything this parser leaves to ANTLR. <paramref name="visible"/> is the
    /// number of tokens that are not whitespace or comments.
    /// </summary>
    public static FileSyntax? Parse(string text, int visible) => new HandWrittenParser(text, visible).File();

    /// <summary>Thrown to leave the file to ANTLR; caught in <see cref="File"/> alone.</summary>
    private sealed class LeftToAntlr : Exception;

    // file : NL* (statement (NL+ statement)*)? NL* EOF
    private FileSyntax? File()
    {
        try
        {
            var statements = new List<StatementSyntax>();
            while (true)
            {
                while (Next == NL) _at++;
                if (Next == TokenConstants.EOF) break;
                statements.Add(Statement());
                if (Next is not (NL or TokenConstants.EOF)) throw new LeftToAntlr();
            }
            // As the file rule's span: from its first token to the last it consumed (EOF is matched, not consumed).
            return new FileSyntax(statements, SpanFrom(0));
        }
        catch (LeftToAntlr)
        {
            return null;
        }
    }

    private StatementSyntax Statement()
    {
        var from = _at;
        switch (Next)
        {
            case TITLE:
            {
                var keyword = Take(TITLE);
                var text = String();
                return new TitleSyntax(text, SpanFrom(from), keyword);
            }
            case TEMPO:
                return Tempo(from);
            case METER:
            {
                var keyword = Take(METER);
                var numerator = Number();
                Take(SLASH);
                return new MeterSyntax(numerator, Number(), SpanFrom(from), keyword);
            }
            case KEY when Peek(1) == IDENT:
            {
                var keyword = Take(KEY);
                var tonic = Name(IDENT);
                if (Next == SHARP) tonic = new NameSyntax(tonic.Text + "#", tonic.Span.Union(Take(SHARP)));
                return new KeySyntax(tonic, Name(IDENT), SpanFrom(from), keyword);
            }
            case SEED:
            {
                var keyword = Take(SEED);
                return new SeedSyntax(Number(), SpanFrom(from), keyword);
            }
            case SWING:
            {
                var keyword = Take(SWING);
                return new SwingSettingSyntax(Number(), SpanFrom(from), keyword);
            }
            case OUTPUT:
            {
                var keyword = Take(OUTPUT);
                return new OutputSyntax(String(), SpanFrom(from), keyword);
            }
            case INPUT:
            {
                var keyword = Take(INPUT);
                return new InputSyntax(String(), SpanFrom(from), keyword);
            }
            case SCALE:
            {
                var keyword = Take(SCALE);
                var name = Name(IDENT);
                var steps = new List<NumberSyntax> { Number() };
                while (Next == NUMBER) steps.Add(Number());
                return new ScaleSyntax(name, steps, SpanFrom(from), keyword);
            }
            case KIT:
                return Kit(from);
            case CHORDS:
            {
                var keyword = Take(CHORDS);
                return new ChordsSyntax(String(), SpanFrom(from), keyword);
            }
            case HARMONY:
                return Harmony(from);
            case FORM when Peek(1) == LBRACE:
                return FormGraph(from);
            case FORM:
                return FormList(from);
            case SIGNAL:
            {
                var keyword = Take(SIGNAL);
                var name = RuleName();
                return new SignalDefinitionSyntax(name, Value(), SpanFrom(from), keyword);
            }
            case GROOVE when Peek(2) == STRING:
            {
                var keyword = Take(GROOVE);
                var name = RuleName();
                var path = String();
                return new GrooveSyntax(name, path, null, Array.Empty<GrooveFieldSyntax>(), SpanFrom(from), keyword);
            }
            case IN:
                return SectionBlock(from);
            case TRACK:
                return Track(from);
            default:
                throw new LeftToAntlr();
        }
    }

    // TEMPO NUMBER tempoRamp?    tempoRamp : ARROW NUMBER OVER NUMBER (BAR | BARS)
    private TempoSyntax Tempo(int from)
    {
        var keyword = Take(TEMPO);
        var bpm = Number();
        TempoRampSyntax? ramp = null;
        if (Next == ARROW)
        {
            var rampFrom = _at;
            Take(ARROW);
            var target = Number();
            Take(OVER);
            var bars = Number();
            if (Next is not (BAR or BARS)) throw new LeftToAntlr();
            _at++;
            ramp = new TempoRampSyntax(target, bars, SpanFrom(rampFrom));
        }
        return new TempoSyntax(bpm, ramp, SpanFrom(from), keyword);
    }

    // KIT IDENT LBRACE (NL | kitEntry)* RBRACE    kitEntry : IDENT NUMBER
    private KitSyntax Kit(int from)
    {
        var keyword = Take(KIT);
        var name = Name(IDENT);
        Take(LBRACE);
        var entries = new List<KitEntrySyntax>();
        while (Next != RBRACE)
        {
            if (Next == NL) { _at++; continue; }
            var entryFrom = _at;
            var drum = Name(IDENT);
            entries.Add(new KitEntrySyntax(drum, Number(), SpanFrom(entryFrom)));
        }
        Take(RBRACE);
        return new KitSyntax(name, entries, SpanFrom(from), keyword);
    }

    // HARMONY IDENT harmonyOption*    harmonyOption : EVERY NUMBER (BAR | BARS) | GRAVITY NUMBER
    private HarmonySyntax Harmony(int from)
    {
        var keyword = Take(HARMONY);
        var style = Name(IDENT);
        NumberSyntax? every = null, gravity = null;
        while (true)
        {
            if (Next == EVERY)
            {
                _at++;
                every = Number();
                if (Next is not (BAR or BARS)) throw new LeftToAntlr();
                _at++;
            }
            else if (Next == GRAVITY)
            {
                _at++;
                gravity = Number();
            }
            else break;
        }
        return new HarmonySyntax(style, every, gravity, SpanFrom(from), keyword);
    }

    // FORM LOOP? formItem (COMMA formItem)*    formItem : name NUMBER
    private FormSyntax FormList(int from)
    {
        var keyword = Take(FORM);
        var shape = FormShape.Once;
        if (Next == LOOP)
        {
            _at++;
            shape = FormShape.Loop;
        }
        var sections = new List<FormSectionSyntax>();
        while (true)
        {
            var itemFrom = _at;
            var name = RuleName();
            sections.Add(new FormSectionSyntax(name, Number(), null, SpanFrom(itemFrom)));
            if (Next != COMMA) break;
            _at++;
        }
        return new FormSyntax(shape, sections, SpanFrom(from), keyword);
    }

    // FORM LBRACE NL* (formNode (NL+ formNode)*)? NL* RBRACE
    // formNode : name NUMBER (ARROW (END | formTarget (PIPE formTarget)*))?    formTarget : name NUMBER?
    private FormSyntax FormGraph(int from)
    {
        var keyword = Take(FORM);
        var sections = new List<FormSectionSyntax>();
        Block(() =>
        {
            var nodeFrom = _at;
            var name = RuleName();
            var bars = Number();
            FormNextSyntax? next = null;
            if (Next == ARROW)
            {
                var arrow = Take(ARROW);
                var targets = new List<FormTargetSyntax>();
                var isEnd = Next == END;
                if (isEnd) _at++;
                else
                {
                    while (true)
                    {
                        var targetFrom = _at;
                        var target = RuleName();
                        NumberSyntax? weight = Next == NUMBER ? Number() : null;
                        targets.Add(new FormTargetSyntax(target, weight, SpanFrom(targetFrom)));
                        if (Next != PIPE) break;
                        _at++;
                    }
                }
                next = new FormNextSyntax(isEnd, targets, SourceSpan.FromBounds(arrow.Start, SpanFrom(nodeFrom).End));
            }
            sections.Add(new FormSectionSyntax(name, bars, next, SpanFrom(nodeFrom)));
        });
        return new FormSyntax(FormShape.Graph, sections, SpanFrom(from), keyword);
    }

    // IN sectionList LBRACE NL* (sectionItem (NL+ sectionItem)*)? NL* RBRACE
    // sectionItem : CHORDS STRING | TEMPO NUMBER tempoRamp?
    private SectionBlockSyntax SectionBlock(int from)
    {
        var keyword = Take(IN);
        var sections = SectionList();
        var body = new List<StatementSyntax>();
        Block(() =>
        {
            var itemFrom = _at;
            switch (Next)
            {
                case CHORDS:
                    var chords = Take(CHORDS);
                    body.Add(new ChordsSyntax(String(), SpanFrom(itemFrom), chords));
                    break;
                case TEMPO:
                    body.Add(Tempo(itemFrom));
                    break;
                default:
                    throw new LeftToAntlr();
            }
        });
        return new SectionBlockSyntax(sections, body, SpanFrom(from), keyword);
    }

    // sectionList : name (COMMA name)*
    private List<NameSyntax> SectionList()
    {
        var names = new List<NameSyntax> { RuleName() };
        while (Next == COMMA)
        {
            _at++;
            names.Add(RuleName());
        }
        return names;
    }

    // LBRACE NL* (ITEM (NL+ ITEM)*)? NL* RBRACE
    private void Block(Action item)
    {
        Take(LBRACE);
        while (Next == NL) _at++;
        while (Next != RBRACE)
        {
            item();
            if (Next is not (NL or RBRACE)) throw new LeftToAntlr();
            while (Next == NL) _at++;
        }
        Take(RBRACE);
    }

    // TRACK name trackOption* LBRACE NL* (trackItem (NL+ trackItem)*)? NL* RBRACE
    private TrackSyntax Track(int from)
    {
        var keyword = Take(TRACK);
        var name = RuleName();
        var options = new List<TrackOptionSyntax>();
        while (Next != LBRACE)
        {
            var optionFrom = _at;
            switch (Next)
            {
                case CHANNEL or PROGRAM or BEND:
                {
                    var word = Word();
                    options.Add(new TrackOptionSyntax(word, Number(), null, null, SpanFrom(optionFrom)));
                    break;
                }
                case BANK:
                {
                    var word = Word();
                    var msb = Number();
                    NumberSyntax? lsb = null;
                    if (Next == COLON)
                    {
                        _at++;
                        lsb = Number();
                    }
                    options.Add(new TrackOptionSyntax(word, msb, lsb, null, SpanFrom(optionFrom)));
                    break;
                }
                case KIT:
                {
                    var word = Word();
                    options.Add(new TrackOptionSyntax(word, null, null, Name(IDENT), SpanFrom(optionFrom)));
                    break;
                }
                default:
                    throw new LeftToAntlr();
            }
        }
        var items = TrackItems();
        return new TrackSyntax(name, options, items, SpanFrom(from), keyword);
    }

    private List<TrackItemSyntax> TrackItems()
    {
        var items = new List<TrackItemSyntax>();
        Block(() => items.Add(TrackItem()));
        return items;
    }

    // trackItem : (laneName | PLAY) STRING modifier* unknownModifier?   # laneItem (a rhythm generator is left to ANTLR)
    //           | CC NUMBER value stepClause? modifier* unknownModifier?  # ccLaneItem
    //           | (BEND | TOUCH) value stepClause? modifier* unknownModifier?   # controlLaneItem
    //           | EVERY NUMBER modifier                                   # everyItem
    //           | IN sectionList LBRACE ... trackItem ... RBRACE          # inItem
    private TrackItemSyntax TrackItem()
    {
        var from = _at;
        switch (Next)
        {
            case CC:
            {
                var word = Word();
                var controller = Number();
                var value = Value();
                var step = StepClause();
                var modifiers = Modifiers();
                return new LaneSyntax(word, controller, (value as MiniValueSyntax)?.Text, modifiers, UnknownModifier(), SpanFrom(from), value, step);
            }
            case BEND or TOUCH:
            {
                var word = Word();
                var value = Value();
                var step = StepClause();
                var modifiers = Modifiers();
                return new LaneSyntax(word, null, (value as MiniValueSyntax)?.Text, modifiers, UnknownModifier(), SpanFrom(from), value, step);
            }
            case EVERY:
            {
                var word = Word();
                var n = Number();
                var inner = Modifier() ?? throw new LeftToAntlr();
                var span = SpanFrom(from);
                return new EveryItemSyntax(new ModifierSyntax(word, n, null, null, null, inner, span), span);
            }
            case IN:
            {
                _at++;
                var sections = SectionList();
                var items = TrackItems();
                return new InBlockSyntax(sections, items, SpanFrom(from));
            }
            case var type when (type == PLAY || IsLaneName(type)) && Peek(1) == STRING:
            {
                var name = Word();
                var mini = String();
                var modifiers = Modifiers();
                return new LaneSyntax(name, null, mini, modifiers, UnknownModifier(), SpanFrom(from));
            }
            default:
                throw new LeftToAntlr();
        }
    }

    // stepClause : STEP NUMBER (SLASH NUMBER)?
    private StepSyntax? StepClause()
    {
        if (Next != STEP) return null;
        var from = _at;
        _at++;
        var numerator = Number();
        NumberSyntax? denominator = null;
        if (Next == SLASH)
        {
            _at++;
            denominator = Number();
        }
        return new StepSyntax(numerator, denominator, SpanFrom(from));
    }

    private List<ModifierSyntax> Modifiers()
    {
        var modifiers = new List<ModifierSyntax>();
        while (Modifier() is { } modifier) modifiers.Add(modifier);
        return modifiers;
    }

    // unknownModifier : IDENT (NUMBER | STRING | IDENT)*
    private UnknownModifierSyntax? UnknownModifier()
    {
        if (Next != IDENT) return null;
        var from = _at;
        var word = Name(IDENT);
        while (Next is NUMBER or STRING or IDENT) _at++;
        return new UnknownModifierSyntax(word, SpanFrom(from));
    }

    /// <summary>The modifier at the next token; null when no modifier starts there.</summary>
    private ModifierSyntax? Modifier()
    {
        if (++_depth > MaxDepth) throw new LeftToAntlr();
        try
        {
            return ModifierHere();
        }
        finally
        {
            _depth--;
        }
    }

    private ModifierSyntax? ModifierHere()
    {
        var from = _at;
        switch (Next)
        {
            case VEL or LEGATO or PROB or TRANSPOSE or SHIFT or HUMANIZE or N:
            {
                var word = Word();
                var value = Value();
                return new ModifierSyntax(word, (value as NumberValueSyntax)?.Number, (value as MiniValueSyntax)?.Text, null, null, null, SpanFrom(from), value);
            }
            case OCTAVE or FAST or SLOW or CHAN or PLY or ITER:
            {
                var word = Word();
                return new ModifierSyntax(word, Number(), null, null, null, null, SpanFrom(from));
            }
            case DEGREES or TONES or REV or MUTE or PALINDROME:
                return new ModifierSyntax(Word(), null, null, null, null, null, SpanFrom(from));
            case EVERY or CHUNK or SOMETIMES or SOMECYCLES or OFF:
            {
                var word = Word();
                var n = Number();
                var inner = Modifier() ?? throw new LeftToAntlr();
                return new ModifierSyntax(word, n, null, null, null, inner, SpanFrom(from));
            }
            case OFTEN or RARELY:
            {
                var word = Word();
                var inner = Modifier() ?? throw new LeftToAntlr();
                return new ModifierSyntax(word, null, null, null, null, inner, SpanFrom(from));
            }
            case MASK or STRUCT:
            {
                var word = Word();
                return new ModifierSyntax(word, null, String(), null, null, null, SpanFrom(from));
            }
            case SWING:
            {
                var word = Word();
                var percent = Number();
                NumberSyntax? grid = null;
                if (Next == GRID)
                {
                    _at++;
                    grid = Number();
                }
                return new ModifierSyntax(word, percent, null, null, grid, null, SpanFrom(from));
            }
            case ARP:
            {
                var word = Word();
                StringSyntax? text = null;
                NameSyntax? mode = null;
                if (Next == STRING) text = String();
                else mode = Name(IDENT);
                var options = FunctionOptions();
                return new ModifierSyntax(word, null, text, mode, null, null, SpanFrom(from), null, options);
            }
            case STRUM:
            {
                var word = Word();
                var length = Fraction();
                var options = FunctionOptions();
                return new ModifierSyntax(word, length, null, null, null, null, SpanFrom(from), null, options);
            }
            case LOCK:
            {
                var word = Word();
                var cycles = Number();
                var options = FunctionOptions();
                return new ModifierSyntax(word, cycles, null, null, null, null, SpanFrom(from), null, options);
            }
            case GROOVE:
            {
                var word = Word();
                var name = RuleName();
                var options = FunctionOptions();
                return new ModifierSyntax(word, null, null, name, null, null, SpanFrom(from), null, options);
            }
            case GLIDE:
            {
                var word = Word();
                var length = Fraction();
                StringSyntax? text = null;
                NameSyntax? curve = null;
                if (Next == IDENT && Peek(1) == STRING)
                {
                    curve = Name(IDENT);
                    text = String();
                }
                return new ModifierSyntax(word, length, text, curve, null, null, SpanFrom(from));
            }
            case VOICING:
            {
                var word = Word();
                return new ModifierSyntax(word, null, null, Name(IDENT), null, null, SpanFrom(from));
            }
            default:
                return null;
        }
    }

    // functionOption : STEP NUMBER (SLASH NUMBER)? | IDENT NUMBER?
    private List<FunctionOptionSyntax> FunctionOptions()
    {
        var options = new List<FunctionOptionSyntax>();
        while (Next is STEP or IDENT)
        {
            var from = _at;
            var isStep = Next == STEP;
            var word = Word();
            NumberSyntax? number = null, denominator = null;
            if (isStep)
            {
                number = Number();
                if (Next == SLASH)
                {
                    _at++;
                    denominator = Number();
                }
            }
            else if (Next == NUMBER)
            {
                number = Number();
            }
            options.Add(new FunctionOptionSyntax(word, number, denominator, SpanFrom(from)));
        }
        return options;
    }

    // fraction : NUMBER (SLASH NUMBER)?  — one number to the checker: 1/32 is the value 1/32, written "1/32".
    private NumberSyntax Fraction()
    {
        var from = _at;
        var numerator = Number();
        if (Next != SLASH) return numerator;
        _at++;
        return NumberSyntax.Fraction(numerator, Number(), SpanFrom(from));
    }

    // value : valueTerm (STAR valueTerm)*
    private ValueSyntax Value()
    {
        var from = _at;
        var first = Term();
        if (Next != STAR) return first;
        var factors = new List<ValueSyntax> { first };
        while (Next == STAR)
        {
            _at++;
            factors.Add(Term());
        }
        return new ProductValueSyntax(factors, SpanFrom(from));
    }

    // valueTerm : NUMBER | STRING | IDENT NUMBER? valueRange? signalOption* | IDENT STRING signalOption*
    //           | LPAREN value RPAREN | MARKOV name
    private ValueSyntax Term()
    {
        var from = _at;
        switch (Next)
        {
            case IDENT when Peek(1) == STRING:
            {
                var name = Word();
                var loop = String();
                return Signal(name, null, null, loop, from);
            }
            case IDENT:
            {
                var name = Word();
                // An argument is never followed by '..': then the number begins the range.
                var argument = Next == NUMBER && Peek(1) != DOTDOT ? Number() : null;
                var range = Next == NUMBER ? ValueRange() : null;
                return Signal(name, argument, range, null, from);
            }
            case MARKOV:
            {
                _at++;
                var chain = RuleName();
                return new MarkovValueSyntax(chain, SpanFrom(from));
            }
            case NUMBER:
                return new NumberValueSyntax(Number());
            case STRING:
                return new MiniValueSyntax(String());
            case LPAREN:
                if (++_depth > MaxDepth) throw new LeftToAntlr();
                _at++;
                var inner = Value();
                Take(RPAREN);
                _depth--;
                return inner;
            default:
                throw new LeftToAntlr();
        }
    }

    // signalOption : OVER NUMBER? (BAR | BARS | IDENT) | PHASE NUMBER | EASE (IN | OUT | IDENT) | STEP NUMBER
    //              | IDENT (NUMBER | noteRange)
    private SignalSyntax Signal(NameSyntax name, NumberSyntax? argument, ValueRangeSyntax? range, StringSyntax? loop, int from)
    {
        LengthSyntax? over = null;
        NumberSyntax? phase = null, step = null;
        NameSyntax? ease = null;
        var named = new List<NamedOptionSyntax>();
        while (true)
        {
            var optionFrom = _at;
            switch (Next)
            {
                case OVER:
                {
                    _at++;
                    var count = Next == NUMBER ? Number() : null;
                    if (Next is not (BAR or BARS or IDENT)) throw new LeftToAntlr();
                    var unit = Word();
                    over = new LengthSyntax(count, unit, SpanFrom(optionFrom));
                    continue;
                }
                case PHASE:
                    _at++;
                    phase = Number();
                    continue;
                case EASE:
                    _at++;
                    if (Next is not (IN or OUT or IDENT)) throw new LeftToAntlr();
                    ease = Word();
                    continue;
                // 'step N/D' after a value is the control lane's step: a signal's own step has no fraction.
                case STEP when !(Peek(1) == NUMBER && Peek(2) == SLASH):
                    _at++;
                    step = Number();
                    continue;
                // A named option is a word and a number or a range; any other word ends the signal.
                case IDENT when Peek(1) == NUMBER || Peek(1) == IDENT && Peek(2) == DOTDOT:
                {
                    var word = Word();
                    if (Next == NUMBER && Peek(1) != DOTDOT)
                        named.Add(new NamedOptionSyntax(word, Number(), null, SpanFrom(optionFrom)));
                    else
                    {
                        var rangeFrom = _at;
                        var low = Word();
                        Take(DOTDOT);
                        if (Next is not (NUMBER or IDENT)) throw new LeftToAntlr();
                        var high = Word();
                        named.Add(new NamedOptionSyntax(word, null, new PitchRangeSyntax(low, high, SpanFrom(rangeFrom)), SpanFrom(optionFrom)));
                    }
                    continue;
                }
            }
            break;
        }
        return new SignalSyntax(name, argument, range, over, phase, ease, SpanFrom(from), step, loop, named);
    }

    // valueRange : NUMBER DOTDOT NUMBER
    private ValueRangeSyntax ValueRange()
    {
        var from = _at;
        var low = Number();
        Take(DOTDOT);
        return new ValueRangeSyntax(low, Number(), SpanFrom(from));
    }

    // laneName : the names a lane may have: IDENT and the keywords kept free as names, but not bend or touch.
    private static bool IsLaneName(int type) => type is IDENT or SIGNAL or STEP or PHASE or EASE or ARP or STRUM or LOCK or GROOVE
        or GLIDE or BRESENHAM or WEIGHTS or CELLULAR or LIFE or LSYSTEM or MARKOV;

    // name : laneName's words and BEND, TOUCH
    private NameSyntax RuleName()
    {
        if (!(IsLaneName(Next) || Next is BEND or TOUCH)) throw new LeftToAntlr();
        return Word();
    }

    private int Next => _tokens[_at].Type;

    private int Peek(int ahead) => _tokens[Math.Min(_at + ahead, _tokens.Length - 1)].Type;

    /// <summary>From the token at <paramref name="from"/> to the last token taken, as ANTLR spans a rule's context.</summary>
    private SourceSpan SpanFrom(int from)
    {
        var start = _tokens[from].Start;
        return SourceSpan.FromBounds(start, Math.Max(start, _tokens[Math.Max(from, _at - 1)].Stop + 1));
    }

    private SourceSpan Take(int type)
    {
        if (Next != type) throw new LeftToAntlr();
        var (_, start, stop) = _tokens[_at++];
        return SourceSpan.FromBounds(start, stop + 1);
    }

    /// <summary>The next token, whatever keyword or name it is, as a name.</summary>
    private NameSyntax Word()
    {
        var (_, start, stop) = _tokens[_at++];
        return new NameSyntax(Written(start, stop), SourceSpan.FromBounds(start, stop + 1));
    }

    /// <summary>The text of the token from <paramref name="start"/> to <paramref name="stop"/>, made once for each spelling.</summary>
    private string Written(int start, int stop)
    {
        var written = _text.AsSpan(start, stop + 1 - start);
        if (!_words.TryGetValue(written, out var text))
        {
            text = written.ToString();
            _words[written] = text;
        }
        return text;
    }

    private NameSyntax Name(int type)
    {
        if (Next != type) throw new LeftToAntlr();
        return Word();
    }

    private NumberSyntax Number()
    {
        if (Next != NUMBER) throw new LeftToAntlr();
        var (_, start, stop) = _tokens[_at++];
        return NumberSyntax.Written(Written(start, stop), SourceSpan.FromBounds(start, stop + 1));
    }

    private StringSyntax String()
    {
        if (Next != STRING) throw new LeftToAntlr();
        var (_, start, stop) = _tokens[_at++];
        return new StringSyntax(_text.Substring(start + 1, stop - start - 1), start + 1, SourceSpan.FromBounds(start, stop + 1));
    }
}
