// Tests of the YAQL front-end (interp/yaql_parser.h): precedence, tokens, literals,
// arguments, spans, yaql's error messages and robustness against hostile input. Expected
// messages and trees were checked against python-yaql.
#include "interp/yaql_parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "interp/text.h"

namespace sirocco::yaql {
namespace {

// --- rendering ----------------------------------------------------------------------------

std::string render(const Node& node);

std::string render_args(const Node& node, size_t first = 0) {
  std::string out;
  for (size_t i = first; i < node.args.size(); ++i) {
    if (i > first) out += ", ";
    out += render(*node.args[i]);
  }
  return out;
}

std::string render_constant(const Value& v) {
  if (v.is_null()) return "null";
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_float()) return float_repr(v.as_float());
  if (v.is_int()) return int_text(v);
  std::string out = "'";
  for (char c : v.as_string()) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\'' || c == '\\') {
      out += std::string("\\") + c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += {'\\', 'x', kHex[c >> 4], kHex[c & 0xF]};
    } else {
      out += c;
    }
  }
  return out + "'";
}

// The operator symbol a binary call stands for, or "" when it is not one.
std::string binary_symbol(const std::string& name) {
  if (name == "*equal") return "=";
  if (name == "*not_equal") return "!=";
  if (name.rfind("#operator_", 0) == 0) return name.substr(10);
  return "";
}

std::string render_call(const Node& node) {
  const std::string& name = node.name;
  if (std::string op = binary_symbol(name); !op.empty()) {
    return "(" + render(*node.args[0]) + " " + op + " " + render(*node.args[1]) + ")";
  }
  if (name.rfind("#unary_operator_", 0) == 0) {
    return "(" + name.substr(16) + " " + render(*node.args[0]) + ")";
  }
  if (name == "#indexer") return render(*node.args[0]) + "[" + render_args(node, 1) + "]";
  if (name == "#list") return "[" + render_args(node) + "]";
  if (name == "#map") return "{" + render_args(node) + "}";
  return name + "(" + render_args(node) + ")";
}

// Fully parenthesised infix form of a tree.
std::string render(const Node& node) {
  switch (node.kind) {
    case NodeKind::Constant:
      return render_constant(node.value);
    case NodeKind::Keyword:
      return node.name;
    case NodeKind::Variable:
      return "$" + node.name;
    case NodeKind::Call:
      return render_call(node);
    case NodeKind::MappingRule:
      return render(*node.args[0]) + " => " + render(*node.args[1]);
    case NodeKind::Skipped:
      return "<skip>";
  }
  return "?";
}

std::string parsed(std::string_view text) { return render(*parse(text)); }

Error parse_error(std::string_view text, const ParseLimits& limits = {}) {
  try {
    parse(text, limits);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text.substr(0, 80);
  return Error("none", "none");
}

std::string repeat(std::string_view part, size_t times) {
  std::string out;
  out.reserve(part.size() * times);
  for (size_t i = 0; i < times; ++i) out += part;
  return out;
}

struct Rendering {
  const char* expression;
  const char* tree;
};

// --- precedence -----------------------------------------------------------------------------

TEST(YaqlParserTest, Precedence) {
  const Rendering cases[] = {
      {"1 + 2 * 3", "(1 + (2 * 3))"},
      {"1 * 2 + 3", "((1 * 2) + 3)"},
      {"1 - 2 - 3", "((1 - 2) - 3)"},
      {"8 / 4 / 2", "((8 / 4) / 2)"},
      {"a mod b * c / d", "(((a mod b) * c) / d)"},
      {"a =~ b !~ c", "((a =~ b) !~ c)"},
      {"a * b =~ c", "(a * (b =~ c))"},
      {"-a =~ b", "((- a) =~ b)"},
      {"-a.b", "(- (a . b))"},
      {"-a[1]", "(- a[1])"},
      {"(-a)[1]", "(- a)[1]"},
      {"- - 1", "(- (- 1))"},
      {"+1", "(+ 1)"},
      {"2 - -1", "(2 - (- 1))"},
      {"a + b > c", "((a + b) > c)"},
      {"a < b = c", "((a < b) = c)"},
      {"a in b = c", "((a in b) = c)"},
      {"a >= b <= c != d", "(((a >= b) <= c) != d)"},
      {"not a = b", "(not (a = b))"},
      {"not a and b", "((not a) and b)"},
      {"not not a", "(not (not a))"},
      {"a = not b = c", "(a = (not (b = c)))"},
      {"a and b or c and d", "((a and b) or (c and d))"},
      {"a or b or c", "((a or b) or c)"},
      {"a and not b or c", "((a and (not b)) or c)"},
      {"a -> b -> c", "(a -> (b -> c))"},
      {"a or b -> c", "((a or b) -> c)"},
      {"a->b.c", "(a -> (b . c))"},
      {"a.b.c", "((a . b) . c)"},
      {"a?.b.c", "((a ?. b) . c)"},
      {"a.b[1]", "(a . b)[1]"},
      {"a[1].b", "(a[1] . b)"},
      {"a[1][2]", "a[1][2]"},
      {"a.-b.c", "(a . (- (b . c)))"},
      {"a.not b", "(a . (not b))"},
      {"(1 + 2) * 3", "((1 + 2) * 3)"},
      {"((a))", "a"},
      {"$.x[0].y?.z", "((($1 . x)[0] . y) ?. z)"},
      {"true and false or null", "((true and false) or null)"},
  };
  for (const auto& c : cases) EXPECT_EQ(parsed(c.expression), c.tree) << c.expression;
}

// --- tokens and literals --------------------------------------------------------------------

TEST(YaqlParserTest, TokenKinds) {
  const Rendering cases[] = {
      {"42", "42"},
      {"007", "7"},
      {"1.5", "1.5"},
      {"1.50", "1.5"},
      {"'single'", "'single'"},
      {"\"double\"", "'double'"},
      {"`back`", "'back'"},
      {"true", "true"},
      {"false", "false"},
      {"null", "null"},
      {"foo", "foo"},
      {"_x1", "_x1"},
      {"android", "android"},
      {"True", "True"},
      {"$", "$1"},
      {"$1", "$1"},
      {"$foo", "$foo"},
      {"$0", "$0"},
      {"f()", "f()"},
      {"not(true)", "not(true)"},
      {"and(1)", "and(1)"},
      {"__a(1)", "__a(1)"},
      {"[]", "[]"},
      {"[1, 2]", "[1, 2]"},
      {"{}", "{}"},
      {"a[]", "a[]"},
      {"ñandú", "ñandú"},
      {"1.a", "(1 . a)"},
      {"1.2.3", "(1.2 . 3)"},
      {"a\t+\r\nb", "(a + b)"},
      {"a.b(c)", "(a . b(c))"},
      {"a?.b(c)", "(a ?. b(c))"},
  };
  for (const auto& c : cases) EXPECT_EQ(parsed(c.expression), c.tree) << c.expression;
}

TEST(YaqlParserTest, StringEscapes) {
  const Rendering cases[] = {
      {R"('a\nb')", R"('a\nb')"},
      {R"('\t')", R"('\x09')"},
      {R"('\\')", R"('\\')"},
      {R"('it\'s')", R"('it\'s')"},
      {R"("say \"hi\"")", R"('say "hi"')"},
      {R"('\x41\u00e9\U0001F600')", "'Aé😀'"},
      {R"('\101')", "'A'"},
      {R"('\777')", "'ǿ'"},
      {R"('\q')", R"('\\q')"},
      {R"('\x4')", R"('\\x4')"},
      {R"('\U12')", R"('\\U12')"},
      {R"('\N{}')", R"('\\N{}')"},
      {R"('\ud83d\ude00')", "'😀'"},
      {R"(`a\`b\n`)", R"('a`b\\n')"},
      {"'multi\nline'", R"('multi\nline')"},
  };
  for (const auto& c : cases) EXPECT_EQ(parsed(c.expression), c.tree) << c.expression;
}

TEST(YaqlParserTest, NumbersKeepTheirValue) {
  const NodePtr big = parse("123456789012345678901234567890");
  ASSERT_TRUE(big->value.is_big_int());
  EXPECT_EQ(int_text(big->value), "123456789012345678901234567890");
  const NodePtr small = parse("9223372036854775807");
  ASSERT_TRUE(small->value.is_small_int());
  EXPECT_EQ(small->value.as_small_int(), INT64_MAX);
  EXPECT_EQ(parse("0.1")->value.as_float(), 0.1);
  EXPECT_TRUE(std::isinf(parse(std::string(400, '9') + ".5")->value.as_float()));
}

// --- arguments ------------------------------------------------------------------------------

TEST(YaqlParserTest, OmittedAndNamedArguments) {
  const Rendering cases[] = {
      {"f(, x)", "f(<skip>, x)"},
      {"f(,, x)", "f(<skip>, <skip>, x)"},
      {"f(x, , y)", "f(x, <skip>, y)"},
      {"f(x,,,y)", "f(x, <skip>, <skip>, y)"},
      {"f(x, a => 1)", "f(x, a => 1)"},
      {"f(x,, a => 1)", "f(x, <skip>, a => 1)"},
      {"f(, x, a => 1)", "f(<skip>, x, a => 1)"},
      {"f(a => 1 + 2)", "f(a => (1 + 2))"},
      {"f(1 + 2 => 3 * 4)", "f((1 + 2) => (3 * 4))"},
      {"f(a => 1, b => 2)", "f(a => 1, b => 2)"},
      {"{a => 1, 'b' => [2]}", "{a => 1, 'b' => [2]}"},
      {"[a => 1]", "[a => 1]"},
      {"x[, 1]", "x[<skip>, 1]"},
  };
  for (const auto& c : cases) EXPECT_EQ(parsed(c.expression), c.tree) << c.expression;
}

TEST(YaqlParserTest, NodeKindsAndReceivers) {
  const NodePtr method = parse("a.b(c)");
  ASSERT_EQ(method->kind, NodeKind::Call);
  EXPECT_EQ(method->name, "#operator_.");
  EXPECT_FALSE(method->uses_receiver);
  EXPECT_EQ(method->args[0]->kind, NodeKind::Keyword);
  EXPECT_EQ(method->args[1]->name, "b");
  EXPECT_TRUE(method->args[1]->uses_receiver);

  for (const char* text : {"a + b", "-a", "a[1]", "[1]", "{a => 1}", "a = b", "not a"}) {
    EXPECT_FALSE(parse(text)->uses_receiver) << text;
  }
  EXPECT_EQ(parse("a = b")->name, "*equal");
  EXPECT_EQ(parse("a != b")->name, "*not_equal");
  EXPECT_EQ(parse("not a")->name, "#unary_operator_not");

  const NodePtr map = parse("{a => 1}");
  EXPECT_EQ(map->args[0]->kind, NodeKind::MappingRule);
  EXPECT_EQ(parse("f(,x)")->args[0]->kind, NodeKind::Skipped);
  EXPECT_EQ(parse("$x")->kind, NodeKind::Variable);
  EXPECT_EQ(parse("'s'")->kind, NodeKind::Constant);
}

// --- spans ----------------------------------------------------------------------------------

std::string spanned(std::string_view text, const Node& node) {
  return std::string(text.substr(node.span.begin, node.span.end - node.span.begin));
}

TEST(YaqlParserTest, SpansCoverTheSource) {
  const std::string text = "(a + b) * f(x, , k => 'é')[0]";
  const NodePtr root = parse(text);
  EXPECT_EQ(spanned(text, *root), text);
  const Node& sum = *root->args[0];
  EXPECT_EQ(spanned(text, sum), "a + b");
  const Node& indexer = *root->args[1];
  EXPECT_EQ(spanned(text, indexer), "f(x, , k => 'é')[0]");
  const Node& call = *indexer.args[0];
  EXPECT_EQ(spanned(text, call), "f(x, , k => 'é')");
  EXPECT_EQ(spanned(text, *call.args[0]), "x");
  const Node& skipped = *call.args[1];
  EXPECT_TRUE(skipped.span.empty());
  EXPECT_EQ(skipped.span.begin, text.find(", ,") + 2);
  EXPECT_EQ(spanned(text, *call.args[2]), "k => 'é'");
  EXPECT_EQ(spanned(text, *call.args[2]->args[1]), "'é'");
}

// --- errors ---------------------------------------------------------------------------------

struct ErrorCase {
  std::string expression;
  const char* type;
  std::string message;
  Span span;
};

constexpr char kGrammar[] = "YaqlGrammarException";
constexpr char kLexical[] = "YaqlLexicalException";

std::string unexpected(const std::string& shown, int position, const std::string& expression) {
  return "Parse error: unexpected '" + shown + "' at position " + std::to_string(position) +
         " of expression '" + expression + "'";
}

std::string illegal(const std::string& shown, int position) {
  return "Lexical error: illegal character '" + shown + "' at position " + std::to_string(position);
}

TEST(YaqlParserTest, ErrorsMatchYaql) {
  const std::string end = "Parse error: unexpected end of statement";
  const ErrorCase cases[] = {
      {"", kGrammar, end, {0, 0}},
      {"  ", kGrammar, end, {2, 2}},
      {"1 +", kGrammar, end, {3, 3}},
      {"(1", kGrammar, end, {2, 2}},
      {"1 2", kGrammar, unexpected("2", 2, "1 2"), {2, 3}},
      {"1 true", kGrammar, unexpected("True", 2, "1 true"), {2, 6}},
      {"1 null", kGrammar, unexpected("None", 2, "1 null"), {2, 6}},
      {"1 2.50", kGrammar, unexpected("2.5", 2, "1 2.50"), {2, 6}},
      {"1 'abc'", kGrammar, unexpected("abc", 2, "1 'abc'"), {2, 7}},
      {"1 f(x)", kGrammar, unexpected("f", 2, "1 f(x)"), {2, 4}},
      {"f (1)", kGrammar, unexpected("(", 2, "f (1)"), {2, 3}},
      {"$foo(1)", kGrammar, unexpected("(", 4, "$foo(1)"), {4, 5}},
      {"a not in b", kGrammar, unexpected("not", 2, "a not in b"), {2, 5}},
      {"a => 1", kGrammar, unexpected("=>", 2, "a => 1"), {2, 4}},
      {"(a, b)", kGrammar, unexpected(",", 2, "(a, b)"), {2, 3}},
      {"f(x,)", kGrammar, unexpected(")", 4, "f(x,)"), {4, 5}},
      {"f(,)", kGrammar, unexpected(")", 3, "f(,)"), {3, 4}},
      {"[,]", kGrammar, unexpected("]", 2, "[,]"), {2, 3}},
      {"f(a => 1, b)", kGrammar, unexpected(")", 11, "f(a => 1, b)"), {11, 12}},
      {"f(a=>1, b, c=>2)", kGrammar, unexpected(",", 9, "f(a=>1, b, c=>2)"), {9, 10}},
      {"f(, a => 1)", kGrammar, unexpected("=>", 6, "f(, a => 1)"), {6, 8}},
      {"f(x,,,a=>1)", kGrammar, unexpected("=>", 7, "f(x,,,a=>1)"), {7, 9}},
      {"f(a=>1,,b=>2)", kGrammar, unexpected(",", 7, "f(a=>1,,b=>2)"), {7, 8}},
      {"f(a => b => c)", kGrammar, unexpected("=>", 9, "f(a => b => c)"), {9, 11}},
      {"x 1.5a", kGrammar, unexpected("1", 2, "x 1.5a"), {2, 3}},
      {"1 'abc' 'x", kGrammar, unexpected("abc", 2, "1 'abc' 'x"), {2, 7}},
      {"1 @", kLexical, illegal("@", 2), {2, 3}},
      {"é @", kLexical, illegal("@", 2), {3, 4}},
      {"__a", kLexical, illegal("_", 0), {0, 1}},
      {"x.__y", kLexical, illegal("_", 2), {2, 3}},
      {"1a", kLexical, illegal("1", 0), {0, 1}},
      {"1.5a", kLexical, illegal("5", 2), {2, 3}},
      {"12.34and", kLexical, illegal("3", 3), {3, 4}},
      {"'abc", kLexical, illegal("'", 0), {0, 1}},
      {"(1 'x", kLexical, illegal("'", 3), {3, 4}},
      {"\"a\\\"", kLexical, illegal("\"", 0), {0, 1}},
      {"`a", kLexical, illegal("`", 0), {0, 1}},
      {"'a\\\nb'", kLexical, illegal("'", 0), {0, 1}},
      {"1 \xc2\xa0", kLexical, illegal("\xc2\xa0", 2), {2, 4}},
      {std::string("1 +\0 2", 6), kLexical, illegal(std::string(1, '\0'), 3), {3, 4}},
      {"1 + \xff", kLexical, illegal("\\xff", 4), {4, 5}},
      {"'\xc3\x28'", kLexical, illegal("\\xc3", 1), {1, 2}},
      {R"('\xZZ')",
       "UnicodeDecodeError",
       R"('unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape)",
       {1, 5}},
      {R"('\u12ZZ')",
       "UnicodeDecodeError",
       R"('unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape)",
       {1, 7}},
      {R"('\U00110000')",
       "UnicodeDecodeError",
       "'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character",
       {1, 11}},
      {R"('\N{BULLET}')", kLexical, R"(Lexical error: \N{...} escapes are not supported)", {1, 11}},
      {R"('\ud800')", kLexical, "Lexical error: unpaired surrogate in a string escape", {1, 7}},
  };
  for (const auto& c : cases) {
    const Error e = parse_error(c.expression);
    EXPECT_EQ(e.type(), c.type) << c.expression;
    EXPECT_EQ(e.message(), c.message) << c.expression;
    ASSERT_TRUE(e.has_span()) << c.expression;
    EXPECT_EQ(e.span().begin, c.span.begin) << c.expression;
    EXPECT_EQ(e.span().end, c.span.end) << c.expression;
  }
}

TEST(YaqlParserTest, NulInsideAStringIsKept) {
  EXPECT_EQ(parse(std::string("'a\0b'", 5))->value.as_string(), std::string("a\0b", 3));
}

// --- limits and robustness ------------------------------------------------------------------

void expect_too_deep(const std::string& text) {
  const Error e = parse_error(text);
  EXPECT_EQ(e.type(), kGrammar) << text.substr(0, 40);
  EXPECT_EQ(e.message(), "expression is nested too deeply (limit 256)") << text.substr(0, 40);
  EXPECT_TRUE(e.has_span());
}

TEST(YaqlParserTest, DeepNestingIsAnError) {
  constexpr size_t kHuge = 100000;
  expect_too_deep(repeat("(", kHuge) + "1" + repeat(")", kHuge));
  expect_too_deep(repeat("[", kHuge) + repeat("]", kHuge));
  expect_too_deep(repeat("{", kHuge));
  expect_too_deep(repeat("f(", kHuge) + "1");
  expect_too_deep(repeat("- ", kHuge) + "1");
  expect_too_deep(repeat("-", kHuge) + "1");
  expect_too_deep(repeat("not ", kHuge) + "1");
  expect_too_deep("a" + repeat(" -> a", kHuge));
  expect_too_deep("1" + repeat("+1", kHuge));
  expect_too_deep("$" + repeat(".a", kHuge / 5));
  expect_too_deep("a" + repeat("[1]", kHuge / 5));
  expect_too_deep(repeat("not a = b + c * d =~ e . ", 1000) + "x");
}

TEST(YaqlParserTest, DepthLimitIsExact) {
  EXPECT_NO_THROW(parse(repeat("(", 256) + "1" + repeat(")", 256)));
  expect_too_deep(repeat("(", 257) + "1" + repeat(")", 257));
  EXPECT_NO_THROW(parse("1" + repeat(" + 1", 255)));  // a tree 256 deep
  expect_too_deep("1" + repeat(" + 1", 256));
  EXPECT_NO_THROW(parse("[" + repeat("[1], ", 20000) + "1]"));  // wide, not deep

  ParseLimits shallow;
  shallow.max_depth = 3;
  EXPECT_NO_THROW(parse("f(g(1))", shallow));
  EXPECT_EQ(parse_error("f(g(h(1)))", shallow).message(),
            "expression is nested too deeply (limit 3)");
}

TEST(YaqlParserTest, LengthLimit) {
  const std::string megabyte_string = "'" + std::string((1 << 20) - 2, 'x') + "'";
  EXPECT_EQ(parse(megabyte_string)->value.string_length(), (1u << 20) - 2);
  const Error e = parse_error(megabyte_string + " ");
  EXPECT_EQ(e.type(), kGrammar);
  EXPECT_EQ(e.message(), "expression is too long (1048577 bytes, limit 1048576)");

  ParseLimits tiny;
  tiny.max_length = 4;
  EXPECT_NO_THROW(parse("1+2", tiny));
  EXPECT_EQ(parse_error("1 + 2", tiny).span().begin, 4u);
}

TEST(YaqlParserTest, HostileInputGivesErrors) {
  const std::string megabyte(1 << 20, 'x');
  const std::vector<std::pair<std::string, const char*>> cases = {
      {"'" + megabyte.substr(1), kLexical},               // unterminated, 1 MB
      {repeat("'\\", 1 << 19), kLexical},                 // escapes to the end
      {repeat("1 ", 1 << 19), kGrammar},                  // one token too many
      {repeat("@", 1 << 20), kLexical},                   // illegal everywhere
      {std::string(1 << 20, '\0'), kLexical},             // NUL bytes
      {std::string(1 << 20, '\xff'), kLexical},           // not UTF-8
      {"'" + repeat("\xe2\x82", 1000), kLexical},         // truncated sequences
      {"\xed\xa0\x80", kLexical},                         // a UTF-8 surrogate
      {"\xc0\xaf", kLexical},                             // overlong
      {"\xf5\x80\x80\x80", kLexical},                     // past U+10FFFF
      {repeat("f(", 200) + repeat(",", 1000), kGrammar},  // omitted everywhere
      {repeat("[", 200) + repeat("]", 201), kGrammar},    // unbalanced
  };
  for (const auto& [text, type] : cases) {
    EXPECT_EQ(parse_error(text).type(), type) << text.substr(0, 40);
  }
  EXPECT_EQ(parsed(megabyte), megabyte);  // a 1 MB keyword
}

TEST(YaqlParserTest, ParsesOnManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 200; ++i) {
        const std::string text =
            "$.a[" + std::to_string(i) + "].where($ > " + std::to_string(t) + ")";
        if (parsed(text) !=
            "(($1 . a)[" + std::to_string(i) + "] . where(($1 > " + std::to_string(t) + ")))") {
          ++failures[t];
        }
        try {
          parse(text + " )");
          ++failures[t];
        } catch (const Error&) {
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace sirocco::yaql
