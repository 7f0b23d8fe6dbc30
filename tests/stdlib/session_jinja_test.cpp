// Tests of the Jinja languages of the session: Mistral's rule for a string (`jinja`: native
// value, rendered text, literal, block-only), `jinja-template` and `jinja-expression` in
// each environment. Expectations come from the conformance oracle (Jinja2 3.1.2, Mistral 15).
#include <gtest/gtest.h>

#include "interp/json.h"
#include "stdlib/session.h"

namespace sirocco {
namespace {

struct SessionCase {
  const char* lang;
  const char* env;
  const char* expr;
  const char* data;    // JSON
  const char* result;  // compact JSON, or nullptr when it fails
  const char* error;   // the error type when it fails
};

const SessionCase kCases[] = {
    {"jinja", "mistral", "{{ _.a }}", "{\"a\": [1, 2]}", "[1,2]", nullptr},
    {"jinja", "mistral", "{{ _.a }}\n", "{\"a\": [1, 2]}", "\"[1, 2]\"", nullptr},
    {"jinja", "mistral", "{{ {'a': {'b': 1}} }}", "{}", "\"{'a': {'b': 1}}\"", nullptr},
    {"jinja", "mistral", "{{ {'a': 1} }}", "{}", "{\"a\":1}", nullptr},
    {"jinja", "mistral", "{{\n _.a }}", "{\"a\": 1}", "\"{{\\n _.a }}\"", nullptr},
    {"jinja", "mistral", "{% if true %}x{% endif %}", "{}", nullptr, "IndexError"},
    {"jinja", "mistral", "{{- _.a -}}", "{\"a\": 1}", nullptr, "TemplateSyntaxError"},
    {"jinja", "mistral", "{{ a }}", "{\"a\": 1}", nullptr, "UndefinedError"},
    {"jinja", "mistral", "{{ __env }}|{{ __execution }}", "{\"__env\": {\"k\": 1}}",
     "\"{'k': 1}|None\"", nullptr},
    {"jinja", "mistral", "{{ _.missing is defined }}", "{}", "false", nullptr},
    {"jinja", "mistral", "{{ _.missing.deeper is defined }}", "{}", nullptr, "UndefinedError"},
    {"jinja", "mistral", "{{ __env }}", "[1]", nullptr, "UndefinedError"},
    {"jinja", "mistral", "{% for x in _ %}{{ x }}{% endfor %}{{ '' }}", "[1, 2]", "\"12\"",
     nullptr},
    {"jinja-template", "mistral", "{{ a }}\n  {% if a %}\n  y\n  {% endif %}\n", "{\"a\": 1}",
     "\"1\\n  y\\n\"", nullptr},
    {"jinja-template", "default", "{{ a }}\n  {% if a %}\n  y\n  {% endif %}\n", "{\"a\": 1}",
     "\"1\\n  \\n  y\\n  \"", nullptr},
    {"jinja-expression", "mistral", "a * 2", "{\"a\": 1.5}", "3.0", nullptr},
    {"jinja-expression", "default", "missing", "{}", "null", nullptr},
    {"jinja-template", "sandbox", "{{ a.__class__ }}|{{ a._x }}", "{\"a\": {\"_x\": 1}}", "\"|1\"",
     nullptr},
    {"jinja-template", "mistral", "{{ a.__class__ }}", "{\"a\": 1}", nullptr, "SecurityError"},
    {"jinja", "mistral", "plain {text}", "{}", "\"plain {text}\"", nullptr},
};

class JinjaSession : public testing::TestWithParam<SessionCase> {};

TEST_P(JinjaSession, MatchesMistralAndJinja) {
  const SessionCase& c = GetParam();
  Session session;
  Lang lang;
  ASSERT_TRUE(parse_lang(c.lang, lang));
  try {
    Value result = session.evaluate(lang, c.expr, parse_json(c.data), c.env);
    ASSERT_NE(c.result, nullptr) << c.expr << " gave " << to_json(result);
    EXPECT_EQ(to_json(result), c.result) << c.expr;
  } catch (const Error& e) {
    ASSERT_NE(c.error, nullptr) << c.expr << ": " << e.type() << ": " << e.message();
    EXPECT_EQ(e.type(), c.error) << c.expr;
  }
}

INSTANTIATE_TEST_SUITE_P(Jinja, JinjaSession, testing::ValuesIn(kCases));

TEST(JinjaSession, UnknownEnvironmentIsAnError) {
  Session session;
  EXPECT_THROW(session.evaluate(Lang::JinjaTemplate, "x", Value(), "nosuch"), Error);
}

}  // namespace
}  // namespace sirocco
