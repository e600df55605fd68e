// SeqLang statement language: tokens. Mini-notation inside strings has its own grammar (MiniNotation.g4).
// Newlines are tokens: one statement per line, so a lane's modifiers end at the line's end.
// src/SeqLang.Syntax/SeqLangTokenSource.cs reads these rules by hand (the generated lexer's start-up is too slow for
// a command-line tool); change both together: SeqLangTokenSourceTests compares them token for token.
lexer grammar SeqLangLexer;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
NL            : '\r'? '\n' | '\r';
WS            : [ \t\f\u00A0\uFEFF]+ -> channel(HIDDEN);

// Statements and settings
TITLE     : 'title';
TEMPO     : 'tempo';
METER     : 'meter';
KEY       : 'key';
SEED      : 'seed';
OUTPUT    : 'output';
INPUT     : 'input';
CLOCK     : 'clock';
OUT       : 'out';
IN        : 'in';
SCALE     : 'scale';
KIT       : 'kit';
CHORDS    : 'chords';
HARMONY   : 'harmony';
GRAVITY   : 'gravity';
FORM      : 'form';
LOOP      : 'loop';
END       : 'end';
OVER      : 'over';
BAR       : 'bar';
BARS      : 'bars';
TRACK     : 'track';
CHANNEL   : 'channel';
PROGRAM   : 'program';
BANK      : 'bank';
PLAY      : 'play';
CC        : 'cc';
MAP       : 'map';
FEEDBACK  : 'feedback';
SIGNAL    : 'signal';
BEND      : 'bend';
TOUCH     : 'touch';
STEP      : 'step';
PHASE     : 'phase';
EASE      : 'ease';

// Modifiers
EVERY     : 'every';
VEL       : 'vel';
LEGATO    : 'legato';
PROB      : 'prob';
TRANSPOSE : 'transpose';
OCTAVE    : 'octave';
DEGREES   : 'degrees';
TONES     : 'tones';
FAST      : 'fast';
SLOW      : 'slow';
REV       : 'rev';
SHIFT     : 'shift';
SWING     : 'swing';
GRID      : 'grid';
HUMANIZE  : 'humanize';
VOICING   : 'voicing';
MUTE      : 'mute';
CHAN      : 'chan';
PLY       : 'ply';
ITER      : 'iter';
PALINDROME: 'palindrome';
CHUNK     : 'chunk';
SOMETIMES : 'sometimes';
OFTEN     : 'often';
RARELY    : 'rarely';
SOMECYCLES: 'someCycles';
MASK      : 'mask';
STRUCT    : 'struct';
OFF       : 'off';
N         : 'n';
ARP       : 'arp';
STRUM     : 'strum';
LOCK      : 'lock';
GROOVE    : 'groove';
GLIDE     : 'glide';
BRESENHAM : 'bresenham';
WEIGHTS   : 'weights';
CELLULAR  : 'cellular';
LIFE      : 'life';
LSYSTEM   : 'lsystem';
MARKOV    : 'markov';

ARROW     : '->';
STAR      : '*';
LPAREN    : '(';
RPAREN    : ')';
LBRACE    : '{';
RBRACE    : '}';
COMMA     : ',';
PIPE      : '|';
COLON     : ':';
SLASH     : '/';
SHARP     : '#';
// '..' before '.': a range such as 60..180 (NUMBER never ends in '.', so "60.." is 60 then '..').
DOTDOT    : '..';
DOT       : '.';

NUMBER    : '-'? ([0-9]+ ('.' [0-9]+)? | '.' [0-9]+);
// Strings hold mini-notation; they may span lines and have no escapes.
STRING    : '"' ~["]* '"';
// A string with no closing quote runs to the end of the file; the parser reports it where it starts.
UNTERMINATED_STRING : '"' ~["]*;
IDENT     : [A-Za-z_] [A-Za-z0-9_]*;
UNEXPECTED_CHAR : .;
