// The parser of Sirocco's Jinja subset: template text, `{{ }}` output, comments, raw blocks
// and the `if`, `for`, `set`, `with` and `filter` statements, with Jinja2 3.1's expression
// grammar. The expression rules follow Jinja2's parser level by level (loosest first): conditional,
// `or`, `and`, `not`, comparisons, `+ -`, `~`, `* / // %`, `**`, unary `- +`, postfix
// (`.`, `[]`, calls), then filters, tests and calls on their results. Each level is a flat
// loop, so long operator chains do not nest the parse tree; the front-end
// (interp/jinja_parser.cpp) builds the AST and checks nesting depth.
//
// A recursive descent parser of this grammar (interp/jinja_direct_parser.cpp) builds the
// AST straight from the tokens for speed; this ANTLR parser reads whatever that fast path
// leaves, which includes every template with a syntax error, so error messages and their
// positions come from here (tests/interp/jinja_direct_parser_test.cpp compares the paths).
parser grammar JinjaParser;

options { tokenVocab = JinjaLexer; }

@members {
  // Jinja2 reads a name after `is test` as the test's argument, except these.
  bool logic_word(size_t type) { return type == AND || type == OR || type == ELSE; }
}

document : body EOF;

body : element*;

element
  : TEXT                                     # text
  | COMMENT                                  # comment
  | RAW_BLOCK                                # raw
  | VAR_OPEN value=tupleExpr VAR_CLOSE       # output
  | ifStatement                              # if
  | forStatement                             # for
  | setStatement                             # set
  | setBlockStatement                        # setBlock
  | withStatement                            # with
  | filterStatement                          # filterBlock
  ;

ifStatement
  : BLOCK_OPEN IF test=plainTuple BLOCK_CLOSE then=body
    branches+=elifBranch*
    (BLOCK_OPEN ELSE BLOCK_CLOSE otherwise=body)?
    BLOCK_OPEN ENDIF BLOCK_CLOSE
  ;
elifBranch : BLOCK_OPEN ELIF test=plainTuple BLOCK_CLOSE then=body;

forStatement
  : BLOCK_OPEN FOR target=assignTarget IN iterable=plainTuple (IF condition=expr)?
    recursive=RECURSIVE? BLOCK_CLOSE loopBody=body
    (BLOCK_OPEN ELSE BLOCK_CLOSE otherwise=body)?
    BLOCK_OPEN ENDFOR BLOCK_CLOSE
  ;

setStatement : BLOCK_OPEN SET target=setTarget ASSIGN value=tupleExpr BLOCK_CLOSE;

setBlockStatement
  : BLOCK_OPEN SET target=setTarget filters+=filterCall* BLOCK_CLOSE content=body
    BLOCK_OPEN ENDSET BLOCK_CLOSE
  ;

// `{% with a = 1, b = x %}`: names bound for the body only.
withStatement
  : BLOCK_OPEN WITH (bindings+=withBinding (COMMA bindings+=withBinding)*)? BLOCK_CLOSE
    content=body BLOCK_OPEN ENDWITH BLOCK_CLOSE
  ;
withBinding : target=assignTarget ASSIGN value=expr;

// `{% filter upper|replace('A', 'b') %}`: the body's text through filters.
filterStatement
  : BLOCK_OPEN FILTER first=dottedName (LPAREN args=arguments? RPAREN)? filters+=filterCall*
    BLOCK_CLOSE content=body BLOCK_OPEN ENDFILTER BLOCK_CLOSE
  ;

setTarget
  : owner=name DOT attribute=name
  | assignTarget
  ;

// Names, or tuples of them, as `for` and `set` bind them: `a`, `a, b`, `(a, (b, c))`.
assignTarget : items+=targetItem (COMMA items+=targetItem)* trailing=COMMA?;
targetItem
  : name
  | LPAREN inner=assignTarget RPAREN
  ;

// --- expressions ------------------------------------------------------------------------------

// A comma-separated list of expressions is a tuple (output, `set` values).
tupleExpr : items+=expr (COMMA items+=expr)* trailing=COMMA?;
// The same without conditional expressions (`if` tests, `for` iterables).
plainTuple : items+=plainExpr (COMMA items+=plainExpr)* trailing=COMMA?;

expr : value=orExpr conditions+=conditional*;
conditional : IF test=orExpr (ELSE otherwise=expr)?;
plainExpr : orExpr;

// A lone expression, as compile_expression() reads it (the front-end adds the delimiters).
expression : VAR_OPEN value=expr VAR_CLOSE EOF;

orExpr : operands+=andExpr (OR operands+=andExpr)*;
andExpr : operands+=notExpr (AND operands+=notExpr)*;
notExpr
  : NOT operand=notExpr
  | comparison
  ;
comparison : first=sumExpr (ops+=compareOp rest+=sumExpr)*;
compareOp : EQ | NE | LT | LE | GT | GE | IN | NOT IN;
sumExpr : operands+=concatExpr (ops+=(PLUS | MINUS) operands+=concatExpr)*;
concatExpr : operands+=productExpr (TILDE operands+=productExpr)*;
productExpr : operands+=powerExpr (ops+=(STAR | SLASH | FLOORDIV | PERCENT) operands+=powerExpr)*;
powerExpr : operands+=filtered (POW operands+=filtered)*;

// Filters, tests and calls apply to a unary operand: `-x|abs` is `(-x)|abs`.
filtered : operand=unary suffixes+=filterSuffix*;
filterSuffix
  : filterCall                                            # filterApplied
  | IS negated=NOT? test=dottedName
    (LPAREN args=arguments? RPAREN | { !logic_word(_input->LA(1)) }? single=postfixExpr)?  # testApplied
  | LPAREN args=arguments? RPAREN                         # callApplied
  ;
filterCall : PIPE filter=dottedName (LPAREN args=arguments? RPAREN)?;

unary
  : op=(MINUS | PLUS) operand=unary
  | postfixExpr
  ;

postfixExpr : operand=primary suffixes+=postfix*;
postfix
  : DOT (attribute=name | index=INTEGER)                  # attributeAccess
  | LBRACKET subscripts+=subscript (COMMA subscripts+=subscript)* trailing=COMMA? RBRACKET  # itemAccess
  | LPAREN args=arguments? RPAREN                         # call
  ;
subscript
  : lower=expr? COLON upper=expr? (COLON step=expr?)?     # slice
  | index=expr                                            # index
  ;

arguments : items+=argument (COMMA items+=argument)* COMMA?;
argument
  : keyword=name ASSIGN value=expr      # keywordArgument
  | STAR value=expr                     # starArguments
  | POW value=expr                      # starStarArguments
  | value=expr                          # positionalArgument
  ;

primary
  : (NAME | ELIF | ENDIF | FOR | ENDFOR | SET | ENDSET | RECURSIVE | WITH | ENDWITH | FILTER
    | ENDFILTER | IF | ELSE | IN | IS | AND | OR)  # variable
  | strings+=STRING+                                            # string
  | INTEGER                                                     # integer
  | FLOAT                                                       # float
  | LPAREN RPAREN                                               # emptyTuple
  | LPAREN items+=expr (COMMA items+=expr)* trailing=COMMA? RPAREN  # parenthesized
  | LBRACKET (items+=expr (COMMA items+=expr)* COMMA?)? RBRACKET   # list
  | LBRACE (pairs+=pair (COMMA pairs+=pair)* COMMA?)? RBRACE       # dict
  ;
pair : key=expr COLON value=expr;

dottedName : parts+=name (DOT parts+=name)*;

// Jinja2 has no reserved words: where no operator or statement takes it, a word is a name
// (`{{ for }}`, `{{ in }}` are variables; `not` alone is not).
name
  : NAME | ELIF | ENDIF | FOR | ENDFOR | SET | ENDSET | RECURSIVE | WITH | ENDWITH | FILTER
  | ENDFILTER | ELSE | IF | IN | IS | AND | OR | NOT
  ;
