// Tests of the Jinja front-end: whitespace control, operator precedence (as the AST's
// shape), literals, and syntax errors including nesting limits. Expected texts are what
// Jinja2 3.1 renders.
#include "interp/jinja_parser.h"

#include <gtest/gtest.h>

#include "interp/text.h"

namespace sirocco::jinja {
namespace {

std::string dump(const Expr* e);

std::string dump_all(const std::vector<ExprPtr>& items) {
  std::string out;
  for (const ExprPtr& item : items) out += " " + dump(item.get());
  return out;
}

// The expression's shape as an S-expression.
std::string dump(const Expr* e) {
  if (!e) return "_";
  static const char* kBinary[] = {"+", "-", "*", "/", "//", "%", "**", "~"};
  static const char* kCompare[] = {"==", "!=", "<", "<=", ">", ">=", "in", "notin"};
  switch (e->kind) {
    case ExprKind::Constant:
      return python_repr(e->value);
    case ExprKind::Name:
      return e->name;
    case ExprKind::List:
      return "[" + dump_all(e->operands) + " ]";
    case ExprKind::Tuple:
      return "(tuple" + dump_all(e->operands) + ")";
    case ExprKind::Dict:
      return "{" + dump_all(e->operands) + " }";
    case ExprKind::Attribute:
      return "(. " + dump(e->operands[0].get()) + " " + e->name + ")";
    case ExprKind::Item:
      return "([] " + dump(e->operands[0].get()) + " " + dump(e->operands[1].get()) + ")";
    case ExprKind::Slice:
      return "(slice" + dump_all(e->operands) + ")";
    case ExprKind::Call:
    case ExprKind::Filter:
    case ExprKind::Test: {
      std::string out = e->kind == ExprKind::Call     ? "(call "
                        : e->kind == ExprKind::Filter ? "(| "
                                                      : "(is ";
      if (e->negated) out += "not ";
      out += dump(e->operands[0].get());
      if (e->kind != ExprKind::Call) out += " " + e->name;
      for (const Argument& a : e->args) {
        out += " ";
        if (a.kind == Argument::Kind::Keyword) out += a.name + "=";
        if (a.kind == Argument::Kind::Star) out += "*";
        if (a.kind == Argument::Kind::StarStar) out += "**";
        out += dump(a.value.get());
      }
      return out + ")";
    }
    case ExprKind::Negative:
      return "(neg " + dump(e->operands[0].get()) + ")";
    case ExprKind::Positive:
      return "(pos " + dump(e->operands[0].get()) + ")";
    case ExprKind::Not:
      return "(not " + dump(e->operands[0].get()) + ")";
    case ExprKind::Binary:
      return std::string("(") + kBinary[static_cast<int>(e->op)] + dump_all(e->operands) + ")";
    case ExprKind::Compare: {
      std::string out = "(cmp " + dump(e->operands[0].get());
      for (size_t i = 0; i < e->comparisons.size(); ++i)
        out += std::string(" ") + kCompare[static_cast<int>(e->comparisons[i])] + " " +
               dump(e->operands[i + 1].get());
      return out + ")";
    }
    case ExprKind::And:
      return "(and" + dump_all(e->operands) + ")";
    case ExprKind::Or:
      return "(or" + dump_all(e->operands) + ")";
    case ExprKind::Conditional:
      return "(if" + dump_all(e->operands) + ")";
  }
  return "?";
}

struct ShapeCase {
  const char* expr;
  const char* shape;
};

class ExpressionShape : public testing::TestWithParam<ShapeCase> {};

TEST_P(ExpressionShape, MatchesJinjaPrecedence) {
  EXPECT_EQ(dump(parse_expression(GetParam().expr).get()), GetParam().shape) << GetParam().expr;
}

INSTANTIATE_TEST_SUITE_P(
    Jinja, ExpressionShape,
    testing::Values(
        ShapeCase{"1 + 2 * 3", "(+ 1 (* 2 3))"}, ShapeCase{"-2 ** 2", "(** (neg 2) 2)"},
        ShapeCase{"2 ** 3 ** 2", "(** (** 2 3) 2)"}, ShapeCase{"-x|abs", "(| (neg x) abs)"},
        ShapeCase{"-x.y", "(neg (. x y))"}, ShapeCase{"1 + 2 is odd", "(+ 1 (is 2 odd))"},
        ShapeCase{"not x is defined", "(not (is x defined))"},
        ShapeCase{"x is not divisibleby 3", "(is not x divisibleby 3)"},
        ShapeCase{"x is sameas none", "(is x sameas None)"},
        ShapeCase{"a ~ b + c", "(+ (~ a b) c)"}, ShapeCase{"a * b ~ c", "(~ (* a b) c)"},
        ShapeCase{"a < b < c", "(cmp a < b < c)"}, ShapeCase{"a not in b", "(cmp a notin b)"},
        ShapeCase{"a or b and not c", "(or a (and b (not c)))"},
        ShapeCase{"a if b else c if d", "(if a b (if c d _))"}, ShapeCase{"a if b", "(if a b _)"},
        ShapeCase{"x.0.1", "([] ([] x 0) 1)"}, ShapeCase{"x[1:2]", "([] x (slice 1 2 _))"},
        ShapeCase{"x[::-1]", "([] x (slice _ _ (neg 1)))"},
        ShapeCase{"x[1, 2]", "([] x (tuple 1 2))"},
        ShapeCase{"f(1, *a, k=2, **kw)", "(call f 1 *a k=2 **kw)"},
        ShapeCase{"x|join(', ')|upper", "(| (| x join ', ') upper)"},
        ShapeCase{"x|attr('upper')()", "(call (| x attr 'upper'))"}, ShapeCase{"'a' \"b\"", "'ab'"},
        ShapeCase{"(1,)", "(tuple 1)"}, ShapeCase{"()", "(tuple)"},
        ShapeCase{"[1, (2), {'a': none}]", "[ 1 2 { 'a' None } ]"},
        ShapeCase{"0x1F + 0o17 + 0b101 + 1_000", "(+ (+ (+ 31 15) 5) 1000)"},
        ShapeCase{"1e3 + 2.5 + 1_0.5", "(+ (+ 1000.0 2.5) 10.5)"},
        ShapeCase{"True and TRUE", "(and True TRUE)"}, ShapeCase{"'a\\n\\x41\\u00e9'", "'a\\nAé'"},
        ShapeCase{"{'a': {'b': 1}}", "{ 'a' { 'b' 1 } }"},
        // no reserved words: a word nothing else takes is a name, even as a test's argument
        ShapeCase{"for", "for"}, ShapeCase{"in", "in"},
        ShapeCase{"x is defined in [1]", "(is x defined ([] in 1))"},
        ShapeCase{"x is defined and y", "(and (is x defined) y)"}));

// Renders the Text and constant Output nodes of a parsed template, taking the first
// branch of each `if` (enough to check whitespace control).
std::string render_text(const Body& body) {
  std::string out;
  for (const Stmt& s : body) {
    if (s.kind == StmtKind::Text) out += s.text;
    if (s.kind == StmtKind::Output) out += python_str(s.value->value);
    if (s.kind == StmtKind::If) out += render_text(s.branches[0].body);
  }
  return out;
}

struct LayoutCase {
  const char* source;
  bool trim_and_lstrip;
  const char* rendered;
};

class Layout : public testing::TestWithParam<LayoutCase> {};

TEST_P(Layout, AppliesWhitespaceControl) {
  const LayoutCase& c = GetParam();
  const Syntax syntax{c.trim_and_lstrip, c.trim_and_lstrip};
  EXPECT_EQ(render_text(parse_template(c.source, syntax)), c.rendered) << c.source;
}

INSTANTIATE_TEST_SUITE_P(
    Jinja, Layout,
    testing::Values(LayoutCase{"  {% if true %}\n  x\n  {% endif %}\n", false, "  \n  x\n  "},
                    LayoutCase{"  {% if true %}\n  x\n  {% endif %}\n", true, "  x\n"},
                    LayoutCase{"a  {%- if true -%}  b  {%- endif %}\nc", false, "ab\nc"},
                    LayoutCase{"a  {%- if true -%}  b  {%- endif %}\nc", true, "abc"},
                    LayoutCase{"  {%+ if true %}x{% endif +%}\n y", true, "  x\n y"},
                    LayoutCase{"{# c #}\n  {#- d -#}  z\n", false, "z"},
                    LayoutCase{"x {% raw %} {{ y }} {% endraw %}\nz", false, "x  {{ y }} \nz"},
                    LayoutCase{"x {% raw %} {{ y }} {% endraw %}\nz", true, "x  {{ y }} z"},
                    LayoutCase{"x {%- raw -%} \n {{ y }} \n {%- endraw -%} \nz", false,
                               "x{{ y }}z"},
                    LayoutCase{"  {% raw %}a\n  {% endraw %}\nb", false, "  a\n  \nb"},
                    LayoutCase{"  {% raw %}a\n  {% endraw %}\nb", true, "a\nb"},
                    LayoutCase{"{{ 'a' }}  \n  {{- 'b' -}}  \n{{ 'c' }}", true, "abc"},
                    LayoutCase{"a\r\nb\rc\n", false, "a\nb\nc"},
                    LayoutCase{"{{ '}}' }}", false, "}}"},
                    LayoutCase{"{ {{ 'x' }} {", true, "{ x {"}, LayoutCase{"a {#-", false, "a"}));

class SyntaxErrors : public testing::TestWithParam<const char*> {};

TEST_P(SyntaxErrors, AreTemplateSyntaxErrors) {
  try {
    parse_template(GetParam(), Syntax{});
    FAIL() << "no error for " << GetParam();
  } catch (const Error& e) {
    EXPECT_EQ(e.type(), "TemplateSyntaxError") << GetParam();
  }
}

INSTANTIATE_TEST_SUITE_P(Jinja, SyntaxErrors,
                         testing::Values("{{ .5 }}", "{{ 1 + }}", "{% if x %}", "{% endif %}",
                                         "{% baz %}", "{{ x }", "{# open",
                                         "{% for x in %}{% endfor %}", "{{ f(k=1, 2) }}",
                                         "{% set true = 1 %}", "{{ x %}", "{% raw %}x", "{{ 'a }}",
                                         "{{ a ! b }}", "{% set a, = [1] %}",
                                         "{{ x is defined is defined }}"));

TEST(JinjaParser, LoopIsNotAssignableInALoop) {
  for (const char* source :
       {"{% for loop in x %}{% endfor %}", "{% for x in y %}{% set loop = 5 %}{% endfor %}",
        "{% for x in y %}{% set a, loop = 5, 6 %}{% endfor %}"}) {
    try {
      parse_template(source, Syntax{});
      FAIL() << "no error for " << source;
    } catch (const Error& e) {
      EXPECT_EQ(e.type(), "TemplateAssertionError") << source;
    }
  }
  EXPECT_NO_THROW(parse_template("{% set loop = 5 %}", Syntax{}));
}

TEST(JinjaParser, DeepNestingIsAnErrorNotACrash) {
  const std::string parens =
      "{{ " + std::string(10000, '(') + "1" + std::string(10000, ')') + " }}";
  const std::string minus = "{{ " + std::string(10000, '-') + "1 }}";
  const std::string nots = "{{ " + [] {
    std::string s;
    for (int i = 0; i < 10000; ++i) s += "not ";
    return s;
  }() + "1 }}";
  std::string ifs;
  for (int i = 0; i < 10000; ++i) ifs += "{% if x %}";
  std::string sets;
  for (int i = 0; i < 10000; ++i) sets += "{% set x %}";
  std::string chain = "{{ 1";
  for (int i = 0; i < 10000; ++i) chain += " + 1";
  chain += " }}";
  for (const std::string& source : {parens, minus, nots, ifs, sets, chain}) {
    try {
      parse_template(source, Syntax{});
      FAIL() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.type(), "TemplateSyntaxError");
    }
  }
}

TEST(JinjaParser, ForAndSetStatements) {
  Body body = parse_template(
      "{% for k, (a, b) in x if k recursive %}{% set n.v = 1 %}{% else %}e{% endfor %}"
      "{% set y | upper %}t{% endset %}",
      Syntax{});
  ASSERT_EQ(body.size(), 2u);
  const Stmt& loop = body[0];
  EXPECT_EQ(loop.kind, StmtKind::For);
  EXPECT_TRUE(loop.target.is_tuple);
  ASSERT_EQ(loop.target.items.size(), 2u);
  EXPECT_TRUE(loop.target.items[1].is_tuple);
  EXPECT_TRUE(loop.recursive);
  ASSERT_TRUE(loop.condition);
  EXPECT_EQ(loop.body[0].target.attribute, "v");
  EXPECT_EQ(loop.otherwise[0].text, "e");
  EXPECT_EQ(body[1].kind, StmtKind::SetBlock);
  EXPECT_EQ(body[1].filters[0]->name, "upper");
}

}  // namespace
}  // namespace sirocco::jinja
