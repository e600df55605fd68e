// SeqLang statement language (SPEC §1-5). No actions: the AST is built by AstBuilder.cs.
// Unknown words are parsed on purpose (unknownStatement, unknownModifier) so the checker can
// say "did you mean ...?" instead of a bare syntax error.
parser grammar SeqLangParser;

options { tokenVocab = SeqLangLexer; }

file
    : NL* (statement (NL+ statement)*)? NL* EOF
    ;

statement
    : TITLE STRING                                                  # titleStatement
    | TEMPO NUMBER tempoRamp?                                       # tempoStatement
    | METER NUMBER SLASH NUMBER                                     # meterStatement
    | KEY IDENT SHARP? IDENT                                        # keyStatement
    | SEED NUMBER                                                   # seedStatement
    | SWING NUMBER                                                  # swingStatement
    | OUTPUT STRING                                                 # outputStatement
    | INPUT STRING                                                  # inputStatement
    | CLOCK (OUT | IN STRING?)                                      # clockStatement
    | SCALE IDENT NUMBER+                                           # scaleStatement
    | KIT IDENT LBRACE (NL | kitEntry)* RBRACE                      # kitStatement
    | CHORDS STRING                                                 # chordsStatement
    | HARMONY IDENT harmonyOption*                                  # harmonyStatement
    | FORM LBRACE NL* (formNode (NL+ formNode)*)? NL* RBRACE        # formGraphStatement
    | FORM LOOP? formItem (COMMA formItem)*                         # formListStatement
    | IN sectionList LBRACE NL* (sectionItem (NL+ sectionItem)*)? NL* RBRACE   # sectionStatement
    | TRACK name trackOption* LBRACE NL* (trackItem (NL+ trackItem)*)? NL* RBRACE  # trackStatement
    | MAP mapSource ARROW mapAction                                 # mapStatement
    | KEY STRING ARROW mapAction                                    # keyBindingStatement
    | SIGNAL name value                                             # signalStatement
    | LSYSTEM name LBRACE NL* (lsystemItem (NL* lsystemItem)*)? NL* RBRACE   # lsystemStatement
    | MARKOV name LBRACE NL* (markovRule (NL* markovRule)*)? NL* RBRACE      # markovStatement
    | GROOVE name STRING                                            # grooveFileStatement
    | GROOVE name GRID NUMBER LBRACE NL* (grooveField (NL* grooveField)*)? NL* RBRACE   # grooveGridStatement
    | FEEDBACK STRING (MUTE | STEP | IDENT) laneRef IDENT NUMBER (DOTDOT NUMBER)? feedbackOption*   # feedbackStatement
    | IDENT anyToken*                                               # unknownStatement
    ;

tempoRamp
    : ARROW NUMBER OVER NUMBER (BAR | BARS)
    ;

kitEntry
    : IDENT NUMBER
    ;

harmonyOption
    : EVERY NUMBER (BAR | BARS)                                     # harmonyEvery
    | GRAVITY NUMBER                                                # harmonyGravity
    ;

formNode
    : name NUMBER (ARROW (END | formTarget (PIPE formTarget)*))?
    ;

formTarget
    : name NUMBER?
    ;

formItem
    : name NUMBER
    ;

sectionList
    : name (COMMA name)*
    ;

sectionItem
    : CHORDS STRING                                                 # sectionChords
    | TEMPO NUMBER tempoRamp?                                       # sectionTempo
    ;

trackOption
    : CHANNEL NUMBER                                                # channelOption
    | PROGRAM NUMBER                                                # programOption
    | BANK NUMBER (COLON NUMBER)?                                   # bankOption
    | KIT IDENT                                                     # kitOption
    | BEND NUMBER                                                   # bendRangeOption
    ;

trackItem
    : (laneName | PLAY) (STRING | rhythmGenerator) modifier* unknownModifier?   # laneItem
    | CC NUMBER value stepClause? modifier* unknownModifier?        # ccLaneItem
    | (BEND | TOUCH) value stepClause? modifier* unknownModifier?   # controlLaneItem
    | EVERY NUMBER modifier                                         # everyItem
    | IN sectionList LBRACE NL* (trackItem (NL+ trackItem)*)? NL* RBRACE  # inItem
    ;

// Names of tracks, lanes, sections, signals and grooves. Words that became keywords with signals and pattern
// functions stay free as names, so files that named a track 'arp' or a section 'groove' still read.
name
    : IDENT | SIGNAL | BEND | TOUCH | STEP | PHASE | EASE | ARP | STRUM | LOCK | GROOVE | GLIDE
    | BRESENHAM | WEIGHTS | CELLULAR | LIFE | LSYSTEM | MARKOV
    ;

// A lane's own name: not bend or touch, which begin control lanes.
laneName
    : IDENT | SIGNAL | STEP | PHASE | EASE | ARP | STRUM | LOCK | GROOVE | GLIDE
    | BRESENHAM | WEIGHTS | CELLULAR | LIFE | LSYSTEM | MARKOV
    ;

// SPEC §15: a lane's string replaced by a rhythm generator. Options (width 16, from "x ~ x", from random 0.3,
// steps 12) are names, checked by the compiler.
rhythmGenerator
    : BRESENHAM NUMBER NUMBER                                       # bresenhamGenerator
    | WEIGHTS LBRACE NL* (weightEntry (NL* weightEntry)*)? NL* RBRACE generatorOption*   # weightsGenerator
    | CELLULAR NUMBER generatorOption*                              # cellularGenerator
    | LIFE IDENT (SLASH IDENT)? lifeWord*                           # lifeGenerator
    | LSYSTEM name generatorOption*                                 # lsystemGenerator
    ;

// SPEC §15: an L-system's axiom and rules; an atom bare or quoted ("~"), alternatives weighted.
lsystemItem
    : IDENT STRING                                                  # lsystemAxiom
    | (IDENT | STRING | NUMBER) ARROW lsystemChoice (PIPE lsystemChoice)*   # lsystemRule
    ;

lsystemChoice
    : STRING NUMBER?
    ;

// SPEC §15: a Markov chain's transitions, STATE -> STATE [W] | STATE [W] ...; states are atoms.
markovRule
    : markovState ARROW markovState NUMBER? (PIPE markovState NUMBER?)*
    ;

markovState
    : IDENT | NUMBER | STRING
    ;

weightEntry
    : IDENT NUMBER
    ;

// SPEC §15: life's rule is B.../S... (B3/S23); its options (width 16, rows bd sn hh, from random 0.3) are read by
// the compiler word by word, since a list of rows has no end mark of its own.
lifeWord
    : IDENT | NUMBER | STRING
    ;

generatorOption
    : IDENT (NUMBER | STRING | IDENT NUMBER)?
    | STEP NUMBER (SLASH NUMBER)?
    ;

// SPEC §14: a groove's slots, one string of numbers per field (shift in steps, vel as a factor).
grooveField
    : (SHIFT | VEL | IDENT) STRING
    ;

// A length in bars: a number or a fraction such as 1/32.
fraction
    : NUMBER (SLASH NUMBER)?
    ;

// SPEC §13: a control lane's value is read every S bars (a number or a fraction such as 1/64).
stepClause
    : STEP NUMBER (SLASH NUMBER)?
    ;

// SPEC §12: a value is a product of numbers, mini strings, signals and named signals. Shape and signal names are
// IDENTs, not keywords, so the checker can answer a misspelt shape with "did you mean ...?".
value
    : valueTerm (STAR valueTerm)*
    ;

valueTerm
    : NUMBER                                                        # numberTerm
    | STRING                                                        # miniTerm
    | IDENT NUMBER? valueRange? signalOption*                       # signalTerm
    | IDENT STRING signalOption*                                    # loopTerm
    | LPAREN value RPAREN                                           # groupTerm
    | MARKOV name                                                   # markovTerm
    ;

signalOption
    : OVER NUMBER? (BAR | BARS | IDENT)                             # overOption
    | PHASE NUMBER                                                  # phaseOption
    | EASE (IN | OUT | IDENT)                                       # easeOption
    | STEP NUMBER                                                   # stepOption
    | IDENT (NUMBER | noteRange)                                    # namedOption
    ;

// A range of pitches (melody's range c3..c5) or of numbers; note names are words, so sharps are written as flats.
noteRange
    : (NUMBER | IDENT) DOTDOT (NUMBER | IDENT)
    ;

// The options of arp, strum, lock and groove (step S, octaves K, down, at K, amount A): names, so they stay free
// as lane names and a misspelt one gets a suggestion.
functionOption
    : STEP NUMBER (SLASH NUMBER)?
    | IDENT NUMBER?
    ;

modifier
    : (VEL | LEGATO | PROB | TRANSPOSE | SHIFT | HUMANIZE | N) value   # valueModifier
    | (OCTAVE | FAST | SLOW | CHAN | PLY | ITER) NUMBER             # numberModifier
    | (DEGREES | TONES | REV | MUTE | PALINDROME)                   # flagModifier
    | (EVERY | CHUNK | SOMETIMES | SOMECYCLES | OFF) NUMBER modifier   # nestedModifier
    | (OFTEN | RARELY) modifier                                     # chanceModifier
    | (MASK | STRUCT) STRING                                        # rhythmModifier
    | SWING NUMBER (GRID NUMBER)?                                   # swingModifier
    | ARP (IDENT | STRING) functionOption*                          # arpModifier
    | STRUM fraction functionOption*                                # strumModifier
    | LOCK NUMBER functionOption*                                   # lockModifier
    | GROOVE name functionOption*                                   # grooveModifier
    | GLIDE fraction (IDENT STRING)?                                # glideModifier
    | VOICING IDENT                                                 # voicingModifier
    ;

// Live control (docs/live-control.md). The words after 'map' and 'feedback' (note, notes, nrpn, rpn, next,
// jump, steps, off, on, playhead) are names here, not keywords: they stay free as lane and section names, and
// the checker can answer a misspelling with "did you mean ...?".
mapSource
    : CC NUMBER (COLON NUMBER)? sourceChannel?                      # ccSource
    | IDENT NUMBER ((COLON | DOTDOT) NUMBER)? sourceChannel?        # namedSource
    ;

sourceChannel
    : CHANNEL NUMBER
    ;

mapAction
    : TEMPO valueRange                                              # tempoAction
    | MUTE laneRef                                                  # muteAction
    | IDENT laneRef                                                 # verbAction
    | laneRef parameter valueRange                                  # laneAction
    ;

// Any modifier word, so the checker can say which modifiers a knob can drive.
parameter
    : VEL | LEGATO | PROB | TRANSPOSE | OCTAVE | FAST | SLOW | SHIFT | HUMANIZE | SWING | CHAN
    | REV | MUTE | DEGREES | TONES | VOICING | EVERY | PLY | ITER | PALINDROME | CHUNK
    | SOMETIMES | OFTEN | RARELY | SOMECYCLES | MASK | STRUCT | OFF | N | BEND | TOUCH
    | ARP | STRUM | LOCK | GROOVE | GLIDE | IDENT
    ;

laneRef
    : name (DOT (name | PLAY))?
    ;

valueRange
    : NUMBER DOTDOT NUMBER
    ;

feedbackOption
    : CHANNEL NUMBER                                                # feedbackChannel
    | (IDENT | OFF) NUMBER                                          # feedbackVelocity
    ;

unknownModifier
    : IDENT (NUMBER | STRING | IDENT)*
    ;

anyToken
    : ~(NL | LBRACE | RBRACE)
    ;
