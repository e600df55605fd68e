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
    | (LEGATO | PROB | TRANSPOSE | OCTAVE | FAST | SLOW | SHIFT | HUMANIZE | CHAN) NUMBER   # numberModifier
    | (DEGREES | TONES | REV | MUTE)                                # flagModifier
    | EVERY NUMBER modifier                                         # everyModifier
    | SWING NUMBER (GRID NUMBER)?                                   # swingModifier
    | VOICING IDENT                                                 # voicingModifier
    ;

unknownModifier
    : IDENT (NUMBER | STRING | IDENT)*
    ;

anyToken
    : ~(NL | LBRACE | RBRACE)
    ;
