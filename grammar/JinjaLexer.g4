// The lexer of Sirocco's Jinja subset (Jinja2 3.1 syntax with the default delimiters).
// The default mode reads template text and whole comments and raw blocks; `{{` and `{%`
// switch to TAG mode, which reads expression tokens until the matching `}}` or `%}`.
// As in Jinja2, a closing delimiter only counts while no bracket is open: in
// `{{ {'a': {'b': 1}} }}` the first `}}` closes the two dicts.
//
// Whitespace control is applied by the front-end (interp/jinja_parser.cpp) on the token
// stream: the `-`/`+` signs stay part of the delimiter tokens, and trim_blocks and
// lstrip_blocks depend on the environment.
//
// This grammar is the token vocabulary of JinjaParser.g4 and the specification of the
// lexer, but Sirocco runs a hand-written lexer (interp/jinja_lexer.cpp) that produces the
// very same tokens: with the semantic predicates below ANTLR cannot cache its lexer DFA, so
// every template ran the ATN simulator (about half a millisecond for one line), and
// deserialising this ATN with its Unicode classes cost some 10 ms at every start. The
// generated lexer is kept for tests/interp/jinja_lexer_test.cpp, which compares the two.
lexer grammar JinjaLexer;

@members {
  // Brackets open inside the current tag.
  int open_brackets = 0;
}

// --- template text --------------------------------------------------------------------------

RAW_BLOCK
  : '{%' [-+]? SPACE* 'raw' SPACE* ('-%}' | '%}') .*? '{%' [-+]? SPACE* 'endraw' SPACE* [-+]? '%}'
  ;
COMMENT       : '{#' .*? '#}';
// `{#` without an end: the parser accepts it nowhere.
COMMENT_OPEN  : '{#';
VAR_OPEN      : '{{' [-+]? { open_brackets = 0; } -> pushMode(TAG);
BLOCK_OPEN    : '{%' [-+]? { open_brackets = 0; } -> pushMode(TAG);
TEXT          : (~'{' | '{' ~[{%#])+;
LONE_BRACE    : '{' -> type(TEXT);

mode TAG;

VAR_CLOSE   : { open_brackets == 0 }? '-'? '}}' -> popMode;
BLOCK_CLOSE : { open_brackets == 0 }? [-+]? '%}' -> popMode;

// Words Jinja's grammar gives a meaning; elsewhere (after `.`, as a keyword argument) the
// parser accepts them as names.
AND       : 'and';
OR        : 'or';
NOT       : 'not';
IN        : 'in';
IS        : 'is';
IF        : 'if';
ELSE      : 'else';
ELIF      : 'elif';
ENDIF     : 'endif';
FOR       : 'for';
ENDFOR    : 'endfor';
SET       : 'set';
ENDSET    : 'endset';
RECURSIVE : 'recursive';
WITH      : 'with';
ENDWITH   : 'endwith';
FILTER    : 'filter';
ENDFILTER : 'endfilter';

// A float never starts right after a '.', so `x.0.1` is x[0][1].
FLOAT
  : { _input->LA(-1) != '.' }? DIGITS (('.' DIGITS)? [eE] [+-]? DIGITS | '.' DIGITS)
  ;
INTEGER
  : '0' [bB] ('_'? [01])+
  | '0' [oO] ('_'? [0-7])+
  | '0' [xX] ('_'? [0-9a-fA-F])+
  | [1-9] ('_'? [0-9])*
  | '0' ('_'? '0')*
  ;
NAME   : [\p{L}_] [\p{L}\p{N}_]*;
STRING : '\'' (~['\\] | '\\' .)* '\'' | '"' (~["\\] | '\\' .)* '"';

LPAREN   : '(' { ++open_brackets; };
LBRACKET : '[' { ++open_brackets; };
LBRACE   : '{' { ++open_brackets; };
RPAREN   : ')' { if (open_brackets > 0) --open_brackets; };
RBRACKET : ']' { if (open_brackets > 0) --open_brackets; };
RBRACE   : '}' { if (open_brackets > 0) --open_brackets; };

POW      : '**';
FLOORDIV : '//';
EQ       : '==';
NE       : '!=';
GE       : '>=';
LE       : '<=';
PLUS     : '+';
MINUS    : '-';
SLASH    : '/';
STAR     : '*';
PERCENT  : '%';
TILDE    : '~';
GT       : '>';
LT       : '<';
ASSIGN   : '=';
DOT      : '.';
COLON    : ':';
PIPE     : '|';
COMMA    : ',';
SEMICOLON : ';';

SPACES : [ \t\r\n\f\u000B\u00A0\u2028\u2029]+ -> skip;

// Any other character: no rule of the parser accepts it.
ERROR_CHAR : .;

fragment DIGITS : [0-9] ('_'? [0-9])*;
fragment SPACE  : [ \t\r\n\f\u000B];
