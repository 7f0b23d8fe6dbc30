// What Jinja2's optimizer does that a template can observe. Jinja2 folds constant
// subexpressions at compile time and writes each folded value into the generated Python
// code as a literal. Two effects follow: a folded value holding inf or nan becomes an
// undefined Python name (NameError when that code runs), and a folded negative number
// left of `**` loses its parentheses (`-2 ** x` is -(2 ** x), while `-x ** 2` is (-x) ** 2).
// This pass marks the first and rewrites the second; the evaluator does the rest.
#pragma once

#include "interp/jinja_ast.h"
#include "stdlib/jinja/library.h"

namespace sirocco::jinja {

// A template: the values `{{ }}` prints whole are written as text, not as code.
void fold_constants(Body& body, const Library& library);
// An expression compiled alone (compile_expression): its whole value is code.
void fold_constants(Expr& root, const Library& library);

}  // namespace sirocco::jinja
