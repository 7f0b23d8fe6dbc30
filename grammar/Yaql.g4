// The YAQL 2.0 grammar, as python-yaql builds it with YaqlFactory(keyword_operator='=>',
// allow_delegates=False). Operator precedence, highest first: '.' '?.' and 'x[...]'; unary
// '+' '-'; '=~' '!~'; '*' '/' 'mod'; binary '+' '-'; comparisons and 'in'; unary 'not';
// 'and'; 'or'; '->' (right-associative). '=>' appears only inside argument lists.
//
// The token rules are scanned by interp/yaql_scanner.cpp, by hand; keep the two in step.
// Some of yaql's rules are not expressed here but checked by the front-end
// (interp/yaql_parser.cpp) while it feeds tokens to this parser: the order of positional
// and named arguments, identifiers starting with '__', numbers running into a word, string
// escapes, and the nesting limit. Field labels let the front-end read the tree without
// casts. The precedence levels are repeated in class_of() in that file; keep them in step.
grammar Yaql;

statement
  : body=expr EOF
  ;

expr
  : left=expr op=(DOT | QDOT) right=expr
  | left=expr op=LBRACKET arguments=args RBRACKET
  | op=(PLUS | MINUS) right=expr
  | left=expr op=(MATCH | NOT_MATCH) right=expr
  | left=expr op=(STAR | SLASH | OP_MOD) right=expr
  | left=expr op=(PLUS | MINUS) right=expr
  | left=expr op=(GT | LT | GE | LE | NE | EQ | OP_IN) right=expr
  | op=OP_NOT right=expr
  | left=expr op=OP_AND right=expr
  | left=expr op=OP_OR right=expr
  | <assoc=right> left=expr op=ARROW right=expr
  | atom=(NUMBER | STRING | TRUE_LIT | FALSE_LIT | NULL_LIT | IDENT | DOLLAR)
  | op=LPAREN right=expr RPAREN
  | op=FUNC arguments=args RPAREN
  | op=LBRACKET arguments=args RBRACKET
  | op=LBRACE arguments=args RBRACE
  ;

// Leading commas and extra commas between arguments stand for omitted arguments.
args
  : COMMA* (items+=arg (COMMA+ items+=arg)*)?
  ;

arg
  : source=expr (arrow=MAPPING destination=expr)?
  ;

// --- tokens ---------------------------------------------------------------------------------

TRUE_LIT  : 'true';
FALSE_LIT : 'false';
NULL_LIT  : 'null';
OP_AND    : 'and';
OP_OR     : 'or';
OP_NOT    : 'not';
OP_IN     : 'in';
OP_MOD    : 'mod';

DOLLAR : '$' WORD_CHAR*;
NUMBER : DIGIT+ ('.' DIGIT+)?;
FUNC   : ID_START WORD_CHAR* '(';
IDENT  : ID_START WORD_CHAR*;
STRING
  : '\'' (~['\\] | '\\' ~'\n')* '\''
  | '"' (~["\\] | '\\' ~'\n')* '"'
  | '`' (~[`\\] | '\\' ~'\n')* '`'
  ;

QDOT      : '?.';
DOT       : '.';
MATCH     : '=~';
NOT_MATCH : '!~';
STAR      : '*';
SLASH     : '/';
PLUS      : '+';
MINUS     : '-';
GE        : '>=';
LE        : '<=';
GT        : '>';
LT        : '<';
NE        : '!=';
EQ        : '=';
ARROW     : '->';
MAPPING   : '=>';
LPAREN    : '(';
RPAREN    : ')';
LBRACKET  : '[';
RBRACKET  : ']';
LBRACE    : '{';
RBRACE    : '}';
COMMA     : ',';

WS : [ \t\r\n]+ -> skip;

// Any other character. The parser never accepts it; the front-end reports it as yaql's
// lexical error, and also uses this type for the token that stops the stream at an error.
ERROR_CHAR : .;

// Python's \d, \w and [^\W\d] (Unicode digits are limited to ASCII, see the front-end).
fragment DIGIT     : [0-9];
fragment WORD_CHAR : [\p{L}\p{N}_];
fragment ID_START  : [\p{L}\p{Nl}\p{No}_];
