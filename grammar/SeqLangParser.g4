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
    | TRACK IDENT trackOption* LBRACE NL* (trackItem (NL+ trackItem)*)? NL* RBRACE  # trackStatement
    | MAP mapSource ARROW mapAction                                 # mapStatement
    | KEY STRING ARROW mapAction                                    # keyBindingStatement
    | FEEDBACK STRING (MUTE | IDENT) laneRef IDENT NUMBER (DOTDOT NUMBER)? feedbackOption*   # feedbackStatement
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
    : IDENT NUMBER (ARROW (END | formTarget (PIPE formTarget)*))?
    ;

formTarget
    : IDENT NUMBER?
    ;

formItem
    : IDENT NUMBER
    ;

sectionList
    : IDENT (COMMA IDENT)*
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
    ;

trackItem
    : (IDENT | PLAY) STRING modifier* unknownModifier?              # laneItem
    | CC NUMBER STRING modifier* unknownModifier?                   # ccLaneItem
    | EVERY NUMBER modifier                                         # everyItem
    | IN sectionList LBRACE NL* (trackItem (NL+ trackItem)*)? NL* RBRACE  # inItem
    ;

modifier
    : VEL (NUMBER | STRING)                                         # velModifier
    | (LEGATO | PROB | TRANSPOSE | OCTAVE | FAST | SLOW | SHIFT | HUMANIZE | CHAN | PLY | ITER) NUMBER   # numberModifier
    | (DEGREES | TONES | REV | MUTE | PALINDROME)                   # flagModifier
    | (EVERY | CHUNK | SOMETIMES | SOMECYCLES | OFF) NUMBER modifier   # nestedModifier
    | (OFTEN | RARELY) modifier                                     # chanceModifier
    | (MASK | STRUCT) STRING                                        # rhythmModifier
    | N (NUMBER | STRING)                                           # noteValueModifier
    | SWING NUMBER (GRID NUMBER)?                                   # swingModifier
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
    | SOMETIMES | OFTEN | RARELY | SOMECYCLES | MASK | STRUCT | OFF | N | IDENT
    ;

laneRef
    : IDENT (DOT (IDENT | PLAY))?
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
