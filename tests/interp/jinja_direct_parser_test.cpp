// Tests of the front-end's fast path (interp/jinja_direct_parser.cpp) against ANTLR's
// parser: for every template, under both whitespace settings and a range of nesting limits,
// parse_template must give the very AST (spans included) or the very error that
// parse_template_with_antlr gives. The templates are tricky cases below, the saved fuzz
// corpus and the shared Jinja conformance corpora.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "interp/jinja_parser.h"
#include "interp/text.h"

namespace sirocco::jinja {
namespace {

std::string dump(const Expr* e);

std::string dump_span(Span s) {
  return "@" + std::to_string(s.begin) + ":" + std::to_string(s.end);
}

std::string dump(const Expr* e) {
  if (!e) return "_";
  std::string out = "(" + std::to_string(static_cast<int>(e->kind)) + dump_span(e->span);
  if (e->kind == ExprKind::Constant || e->nonfinite_constant) out += " " + python_repr(e->value);
  if (!e->name.empty()) out += " " + e->name;
  out += " op" + std::to_string(static_cast<int>(e->op)) + (e->negated ? " not" : "");
  for (CompareOp c : e->comparisons) out += " c" + std::to_string(static_cast<int>(c));
  for (const ExprPtr& operand : e->operands) out += " " + dump(operand.get());
  for (const Argument& a : e->args)
    out +=
        " [" + std::to_string(static_cast<int>(a.kind)) + a.name + " " + dump(a.value.get()) + "]";
  return out + ")";
}

std::string dump(const Target& t) {
  std::string out =
      "<" + t.name + "." + t.attribute + (t.is_tuple ? " tuple" : "") + dump_span(t.span);
  for (const Target& item : t.items) out += " " + dump(item);
  return out + ">";
}

std::string dump(const Body& body);

std::string dump(const Stmt& s) {
  std::string out = "{" + std::to_string(static_cast<int>(s.kind)) + dump_span(s.span) + " " +
                    python_repr(Value::string(s.text)) + " " + dump(s.value.get());
  for (const Branch& b : s.branches) out += " if " + dump(b.test.get()) + dump(b.body);
  out += " else" + dump(s.otherwise) + " " + dump(s.target) + " " + dump(s.condition.get());
  out += s.recursive ? " recursive" : "";
  out += " body" + dump(s.body);
  for (const ExprPtr& f : s.filters) out += " " + dump(f.get());
  for (const Target& t : s.targets) out += " " + dump(t);
  for (const ExprPtr& v : s.values) out += " " + dump(v.get());
  return out + "}";
}

std::string dump(const Body& body) {
  std::string out = "[";
  for (const Stmt& s : body) out += dump(s);
  return out + "]";
}

template <class Parse>
std::string outcome(Parse parse) {
  try {
    return parse();
  } catch (const Error& e) {
    return "error " + e.type() + ": " + e.message() + dump_span(e.span());
  }
}

void expect_same_ast(const std::string& text) {
  for (size_t depth : {1, 2, 3, 4, 5, 6, 8, 10, 13, 256}) {
    const ParseLimits limits{1 << 20, depth};
    for (const Syntax syntax : {Syntax{}, Syntax{true, true}}) {
      const std::string fast = outcome([&] { return dump(parse_template(text, syntax, limits)); });
      const std::string antlr =
          outcome([&] { return dump(parse_template_with_antlr(text, syntax, limits)); });
      ASSERT_EQ(fast, antlr) << "template: " << text << " (depth " << depth << ")";
    }
    const std::string fast = outcome([&] { return dump(parse_expression(text, limits).get()); });
    const std::string antlr =
        outcome([&] { return dump(parse_expression_with_antlr(text, limits).get()); });
    ASSERT_EQ(fast, antlr) << "expression: " << text << " (depth " << depth << ")";
  }
}

TEST(JinjaDirectParser, MatchesAntlr) {
  const char* cases[] = {
      "a {{ x }} b",
      "{{ a, b }}{{ a, }}{{ (a, b), c }}{{ () }}{{ (a,) }}{{ (a) }}",
      "{{ a if b else c if d }}{{ a if b if c else d }}{{ x if y }}",
      "{{ a or b or c and d and not e }}{{ not not a }}",
      "{{ a == b != c < d <= e > f >= g in h not in i }}",
      "{{ a + b - c ~ d * e / f // g % h ** i ** j }}",
      "{{ -a|abs }}{{ +-a }}{{ - - 1 }}",
      "{{ x|f|g(1, 2)|h.i(a=1) }}{{ x|f(*a, **k) }}{{ f(a, b=1, *c, **d,) }}",
      "{{ x is defined }}{{ x is not none }}{{ x is divisibleby 3 }}{{ x is sameas(y) }}",
      "{{ x is defined and y }}{{ x is defined if y }}{{ x is not }}{{ x is not in y }}",
      "{{ x is a is b }}{{ x is a(1) is b }}{{ x is a 1 is b }}",
      "{{ a.b.c[0][1:2][::3][a:b:c, d][e,][:] }}{{ x.0.1 }}{{ f()(1)[2].y }}",
      "{{ [1, 2, 3,] }}{{ [] }}{{ {'a': 1, 'b': [2],} }}{{ {} }}",
      "{{ 'a' 'b' \"c\" }}{{ '\\x41\\u00e9' }}{{ '\\N{BULLET}' }}",
      "{{ 1_000 0x1F 0o17 0b101 1.5 1e3 1_0.5e-1_0 }}",
      "{{ true True false False none None }}{{ for }}{{ if }}{{ in.is }}",
      "{% if a %}1{% elif b %}2{% elif c %}3{% else %}4{% endif %}",
      "{% for a, (b, c) in d if e recursive %}{{ loop(f) }}{% else %}x{% endfor %}",
      "{% for a, in b %}{% endfor %}{% for loop in x %}{% endfor %}",
      "{% for x in y %}{% set loop = 1 %}{% endfor %}",
      "{% set a = 1 %}{% set a, b = 1, 2 %}{% set ns.x = 3 %}{% set a, = 1 %}",
      "{% set a %}x{% endset %}{% set a | upper | replace('X', 'y') %}x{% endset %}",
      "{% with %}{% endwith %}{% with a = 1, b = a %}{{ b }}{% endwith %}",
      "{% with a, b = x %}{% endwith %}",
      "{% filter upper %}x{% endfilter %}{% filter a.b(1)|c %}y{% endfilter %}",
      "  {%- if x -%}  a  {%+ endif %}\n  {% if y %}\n  b\n  {% endif %}\n",
      "{% raw %}{{ x }}{% endraw %}{# c #}",
      "{% set true = 1 %}",
      "{{ f(a=1, b) }}{{ f(**a, *b) }}",
      "{{ 1 + }}",
      "{% if %}",
      "{% for x in %}{% endfor %}",
      "{% endif %}",
      "{{ a b }}",
      "{{ x.1.5 }}{{ x.1e5 }}",
      "{{ ((((((((((1)))))))))) }}",
      "{{ a + b + c + d + e + f + g + h }}{{ a.b.c.d.e.f.g.h }}{{ x|a|b|c|d|e|f }}",
      "{{ [[[[[[1]]]]]] }}{{ {'a': {'b': {'c': {'d': 1}}}} }}{{ -(-(-(-(1)))) }}",
      ("{% if a %}{% if b %}{% for c in d %}{% with e = 1 %}{{ e }}{% endwith %}{% endfor %}"
       "{% endif %}{% endif %}"),
      "{{ x[a if b else c:d:e] }}{{ f(a if b else c, k=d if e else f) }}",
      "{{ ('\\xZZ') }}",
      "{{ é }}",
      "{{ }}",
  };
  for (const char* text : cases) expect_same_ast(text);
}

TEST(JinjaDirectParser, MatchesAntlrOnTheFuzzCorpus) {
  const std::filesystem::path corpus =
      std::filesystem::path(SIROCCO_SOURCE_DIR) / "fuzz" / "corpus" / "jinja_render";
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    expect_same_ast(text.str());
  }
}

TEST(JinjaDirectParser, MatchesAntlrOnTheConformanceCorpora) {
  for (const char* name : {"jinja-suite.jsonl", "jinja-random-sample.jsonl"}) {
    std::ifstream in(std::string(SIROCCO_SOURCE_DIR) + "/../shared/conformance/" + name);
    ASSERT_TRUE(in) << name;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const auto c = nlohmann::json::parse(line);
      expect_same_ast(c.at("expr").get<std::string>());
    }
  }
}

}  // namespace
}  // namespace sirocco::jinja
