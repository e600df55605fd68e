// MiniNotation.g4: the mini-notation of TidalCycles/Strudel, as Strudel 1.2's krill.pegjs reads it,
// plus SeqLang's atoms (chords like c4'maj7). No actions, no predicates: the AST builder
// (src/SeqLang.Syntax/Mini/MiniAstBuilder.cs) reads the tree.
//
// Where krill's PEG decides by context, the lexer decides by shape instead:
// - A step is a maximal run of step characters, as krill's `step_char+` is greedy. A run that is
//   exactly "." is a foot separator and exactly "_" an elongation: krill refuses them as steps.
// - The number after @ _ ! ? belongs to the operator token ("@3", "?0.3"): krill reads it with no
//   space in between and stops where a number stops, so "a@3b" is a@3 then b, "a?.5" is a? then .5.
// - "_" never starts a WORD, so "a _b" elongates a and then plays b, as krill does; where a step must
//   start (after '[', ',', '*'...) krill takes "_b" as one step: the AST builder joins the tokens of a
//   run of step characters that touch there ("_" then "b"). A ".." that no step follows is krill's step "..".
// Whitespace separates tokens and is otherwise insignificant, as in krill (every slice eats the
// whitespace after it).
// src/SeqLang.Syntax/Mini/MiniTokenSource.cs reads the lexer rules by hand (the generated lexer's start-up is too
// slow for a command-line tool); change both together: MiniTokenSourceTests compares them token for token.
grammar MiniNotation;

mini
    : stackOrChoose EOF
    ;

// krill: stack_or_choose. One kind of separator per group: "a . b, c" is an error, as in Strudel.
stackOrChoose
    : sequence ((COMMA sequence)+ | (PIPE sequence)+ | (DOT sequence)+)?
    ;

// krill: polymeter_stack, inside { } and < >: only ',' may separate.
polymeterStack
    : sequence (COMMA sequence)*
    ;

sequence
    : sliceWithOps+
    ;

sliceWithOps
    : slice op*
    ;

slice
    : WORD                                                  # stepSlice
    | ELONGATE+                                             # underscoreStepSlice
    | RANGE                                                 # rangeStepSlice
    | LBRACK stackOrChoose RBRACK                           # subCycleSlice
    | LBRACE polymeterStack RBRACE (PERCENT slice)?         # polymeterSlice
    | LANGLE polymeterStack RANGLE                          # alternationSlice
    ;

op
    : WEIGHT                                                # weightOp
    | ELONGATE                                              # elongateOp
    | REPLICATE                                             # replicateOp
    | DEGRADE                                               # degradeOp
    | LPAREN sliceWithOps COMMA sliceWithOps COMMA? sliceWithOps? RPAREN  # euclidOp
    | STAR slice                                            # fastOp
    | SLASH slice                                           # slowOp
    | COLON slice                                           # tailOp
    | RANGE slice                                           # rangeOp
    ;

LBRACK : '[';
RBRACK : ']';
LBRACE : '{';
RBRACE : '}';
LANGLE : '<';
RANGLE : '>';
LPAREN : '(';
RPAREN : ')';
COMMA : ',';
PIPE : '|';
STAR : '*';
SLASH : '/';
PERCENT : '%';
COLON : ':';
WEIGHT : '@' OP_NUMBER?;
ELONGATE : '_' OP_NUMBER?;
REPLICATE : '!' OP_NUMBER?;
DEGRADE : '?' OP_NUMBER?;
RANGE : '..';
DOT : '.';
WORD : (WORD_START | '.' AFTER_DOT) STEP_CHAR*;
WS : [ \t\r\n\u00A0]+ -> channel(HIDDEN);
// Anything else reaches the parser as a token no rule accepts; the facade reports it by name.
UNEXPECTED_CHAR : .;

// krill's `number`: an integer part is required, and a leading zero stands alone.
fragment OP_NUMBER : '-'? ('0' | [1-9] [0-9]*) ('.' [0-9]+)? ([eE] [+-]? [0-9]+)?;
// Unicode letters (L, Nl) as krill has them, but written as ASCII letters plus any character past ASCII save the
// no-break space (whitespace here): the facade (MiniParser.CheckTokens) reports a non-letter among them as a
// stray character. Unicode's hundreds of letter ranges cost every run ~10 ms of lexer start-up otherwise.
fragment LETTER : [a-zA-Z] | NON_ASCII;
fragment NON_ASCII : [\u0080-\u009F\u00A1-\u{10FFFF}];
fragment STEP_CHAR : LETTER | [0-9] | [~\-#.^_'];
fragment WORD_START : LETTER | [0-9] | [~\-#^];
fragment AFTER_DOT : LETTER | [0-9] | [~\-#^_'];
