// Hostile inputs in every language: each must end with a clean error of the expected
// type under the default limits (plus a short timeout, so a hang fails the test quickly).
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "interp/error.h"
#include "interp/json.h"
#include "stdlib/session.h"

namespace sirocco {
namespace {

struct Hostile {
  Lang lang;
  std::string expr;
  const char* error;  // the expected error type, or types separated by '|'
};

// Which limit an endless materialisation meets first depends on the machine's speed.
constexpr const char* kSizeOrTime = "MemoryQuotaExceededException|TimeoutError";

// A YAML "billion laughs": nine levels of nine aliases each, 9^9 values once expanded.
std::string yaml_alias_bomb() {
  std::string doc = "a0: &a0 [x, x, x, x, x, x, x, x, x]\\n";
  for (int level = 1; level < 9; ++level) {
    const std::string prev = "*a" + std::to_string(level - 1);
    doc += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 9; ++i) doc += (i ? ", " : "") + prev;
    doc += "]\\n";
  }
  return doc;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(HostileInputs, EndFastWithACleanError) {
  Limits limits;
  limits.timeout_ms = 1000;
  Session session(limits);
  const Value data = parse_json(R"({"a": [1, 2, 3], "s": "text", "__env": {"k": 1}})");
  const std::vector<Hostile> cases = {
      {Lang::Yaql, repeat("(", 100000) + "1" + repeat(")", 100000), "YaqlGrammarException"},
      {Lang::Yaql, "'a' * 1000000000000", "MemoryQuotaExceededException"},
      {Lang::Yaql, "range(0, 1000000000000).sum()", "TimeoutError"},
      {Lang::Yaql, "sequence().len()", "TimeoutError"},
      {Lang::Yaql, "sequence().toSet()", kSizeOrTime},
      {Lang::Yaql, "sequence().select($).toList()", kSizeOrTime},
      {Lang::Yaql, "sequence().groupBy($ mod 3).first()", kSizeOrTime},
      {Lang::Yaql, "'{0.__class__}'.format(1)", "ValueError"},
      {Lang::Yaql, "regex('(a+)+$').matches('" + std::string(40, 'a') + "b')",
       "RegexLimitExceeded"},
      {Lang::Yaql, "def(f, f()) -> f()", "RecursionError"},
      {Lang::Yaql, "yaml_parse('" + repeat("[", 100000) + "')", "ParserError"},
      {Lang::JinjaTemplate, repeat("{% for a in range(10) %}", 10000), "TemplateSyntaxError"},
      {Lang::JinjaTemplate, "{{ " + repeat("(", 100000) + " }}", "TemplateSyntaxError"},
      {Lang::JinjaTemplate, "{{ " + repeat("1 if x else ", 30000) + "2 }}", "TemplateSyntaxError"},
      {Lang::JinjaTemplate, "{{ 'x' * 10**12 }}", "MemoryQuotaExceededException"},
      {Lang::JinjaTemplate, "{{ range(10**9)|list }}", "OverflowError"},
      {Lang::JinjaTemplate, "{{ ''.__class__.__mro__ }}", "SecurityError"},
      {Lang::JinjaTemplate, "{{ lipsum(10**9) }}", "MemoryQuotaExceededException"},
      {Lang::JinjaTemplate,
       "{% for i in range(10**5) %}{% for j in range(10**5) %}{% endfor %}{% endfor %}",
       "TimeoutError"},
      {Lang::Jinja, "{{ 2 ** 100000000 }}", "MemoryQuotaExceededException"},
      {Lang::MistralData, std::string("<% ") + repeat("[", 5000) + " %>", "YaqlGrammarException"},
      // The Jinja2 sandbox escapes (CVE-2016-10745, CVE-2019-10906, CVE-2024-56326,
      // CVE-2025-27516): attribute walking through str.format, format_map, a stored
      // reference to format, and format reached through the attr filter.
      {Lang::JinjaTemplate, "{{ '{0.__class__}'.format(1) }}", "SecurityError"},
      {Lang::JinjaTemplate, "{{ '{a.__class__}'.format_map({'a': 1}) }}", "SecurityError"},
      {Lang::JinjaTemplate, "{% set f = '{0.__class__}'.format %}{{ f(1) }}", "SecurityError"},
      {Lang::JinjaTemplate, "{{ ('{0.__class__}'|attr('format'))(1) }}", "SecurityError"},
      {Lang::JinjaTemplate, "{{ 1|attr('__class__') }}", "SecurityError"},
      {Lang::JinjaTemplate, "{{ ().__class__.__base__.__subclasses__() }}", "SecurityError"},
      {Lang::Jinja, "{{ _['__class__'] }}", "SecurityError"},
      // Bytes that are not UTF-8, and control characters.
      {Lang::Yaql,
       "'a\xff\xfe"
       "b'",
       "YaqlLexicalException"},
      {Lang::JinjaTemplate, "{{ 'a\xc3' }}", "TemplateSyntaxError"},
      {Lang::Yaql, std::string("'a\0b' + 1", 9), "NoMatchingFunctionException"},
      // Documents that expand or nest beyond the limits.
      {Lang::Yaql, "yaml_parse('" + yaml_alias_bomb() + "')", "MemoryQuotaExceededException"},
      {Lang::Yaql, "json_parse('" + repeat("[", 100000) + "')", "JSONDecodeError"},
  };
  for (const Hostile& c : cases) {
    const auto start = std::chrono::steady_clock::now();
    std::string outcome = "no error";
    try {
      session.evaluate(c.lang, c.expr, data);
    } catch (const Error& e) {
      outcome = e.type();
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    const std::string shown = c.expr.substr(0, 60);
    const std::string expected = "|" + std::string(c.error) + "|";
    EXPECT_NE(expected.find("|" + outcome + "|"), std::string::npos)
        << shown << ": " << outcome << ", expected " << c.error;
    EXPECT_LT(elapsed, std::chrono::seconds(10)) << shown;  // a hang, not a slow machine
  }
}

}  // namespace
}  // namespace sirocco
