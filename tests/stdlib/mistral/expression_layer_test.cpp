// Mistral's expression layer through Session: the data walk and the Mistral functions in YAQL
// and Jinja, each expected value recorded from python3-mistral 15 (mistral_layer_oracle.py).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interp/error.h"
#include "interp/json.h"
#include "stdlib/mistral/expression_strings.h"
#include "stdlib/session.h"

namespace sirocco {
namespace {

struct Case {
  const char* expr;      // JSON: the value to walk (mistral-data) or a YAQL string
  const char* data;      // JSON
  const char* expected;  // JSON, or "!ErrorType"
};

std::string outcome(Session& session, Lang lang, const Case& c) {
  try {
    const Value expr = parse_json(c.expr);
    const Value data = parse_json(c.data);
    return to_json(lang == Lang::MistralData ? session.evaluate_data(expr, data)
                                             : session.evaluate(lang, expr.as_string(), data));
  } catch (const Error& e) {
    return "!" + e.type();
  }
}

void expect_all(Lang lang, const std::vector<Case>& cases) {
  Session session;
  for (const Case& c : cases) {
    const std::string expected =
        c.expected[0] == '!' ? c.expected : to_json(parse_json(c.expected));
    EXPECT_EQ(outcome(session, lang, c), expected) << c.expr;
  }
}

TEST(MistralDataWalk, EvaluatesEveryStringInsideTheValue) {
  expect_all(
      Lang::MistralData,
      {
          {R"j("<% $.a %>")j", R"j({"a": [1, 2]})j", R"j([1, 2])j"},
          {R"j("x <% $.a %> y <% $.b %>")j", R"j({"a": [1, "it's"], "b": null})j",
           R"j("x [1, \"it's\"] y None")j"},
          {R"j({"<% $.a %>": "<% $.a %>", "l": ["<% $.b %>", 1, null, true, {"k": "<%$.a%>"}]})j",
           R"j({"a": 1, "b": "é"})j", R"j({"<% $.a %>": 1, "l": ["é", 1, null, true, {"k": 1}]})j"},
          {R"j("<% 1/0 %>")j", R"j({})j", R"j("<% 1/0 %>")j"},
          {R"j("<% 1/0 %>")j", R"j(0)j", R"j("<% 1/0 %>")j"},
          {R"j("<%% $.a %%>")j", R"j({"a": 2})j", R"j(2)j"},
          {R"j("<% $.a\n %> <% $.a %>")j", R"j({"a": 3})j", R"j("<% $.a\n %> 3")j"},
          {R"j("<% $.s %>!")j", R"j({"s": "line\n"})j", R"j("line\n!")j"},
          {R"j("<% set(1) %> <% 1.0 %> <% true %> <% null %> <% {a=>1} %>")j", R"j({"x": 1})j",
           R"j("{1} 1.0 True None {'a': 1}")j"},
          {R"j("{# c #} <% $.a %>")j", R"j({"a": 4})j", R"j("{# c #} 4")j"},
          {R"j("<% $.a %><% $.a %>")j", R"j({"a": 5})j", R"j("55")j"},
          {R"j("<% $.d %>")j", R"j({"d": {"k": [1, {"x": null}]}})j",
           R"j({"k": [1, {"x": null}]})j"},
          {R"j("a <% $.nosuch %>")j", R"j({"a": 1})j", R"j(!KeyError)j"},
      });
}

TEST(MistralYaqlFunctions, AnswerLikeMistral) {
  expect_all(
      Lang::Yaql,
      {
          {R"j("env().tier")j", R"j({"__env": {"tier": "prod"}})j", R"j("prod")j"},
          {R"j("env()")j", R"j([1])j", R"j(null)j"},
          {R"j("json_dump(dict(a => 'é😀', b => [1.0, null, true]))")j", R"j({"x": 1})j",
           R"j("{\n    \"a\": \"\\u00e9\\ud83d\\ude00\",\n    \"b\": [\n        1.0,\n        null,\n        true\n    ]\n}")j"},
          {R"j("json_pp('a \\n b')")j", R"j({"x": 1})j", R"j("\"a\n b\"")j"},
          {R"j("json_parse(1)")j", R"j({"x": 1})j", R"j(!TypeError)j"},
          {R"j("json_dump([])")j", R"j({"x": 1})j", R"j("[]")j"},
          {R"j("json_dump({})")j", R"j({"x": 1})j", R"j("{}")j"},
          {R"j("json_dump(datetime(2020, 1, 2, 3, 4, 5, 6))")j", R"j({"x": 1})j",
           R"j("\"2020-01-02T03:04:05.000006\"")j"},
      });
}

TEST(MistralJinjaFunctions, AnswerLikeMistral) {
  expect_all(Lang::Jinja,
             {
                 {R"j("{{ env().tier }}")j", R"j({"__env": {"tier": "prod"}})j", R"j("prod")j"},
                 {R"j("{{ env() }}")j", R"j({"a": 1})j", R"j(!KeyError)j"},
                 {R"j("{{ env() }}")j", R"j([1])j", R"j(!TypeError)j"},
                 {R"j("{{ _|env }}")j", R"j({"__env": {"n": 5}})j", R"j({"n": 5})j"},
                 {R"j("{{ json_pp([]) }}")j", R"j({"a": [1]})j",
                  R"j("{\n    \"a\": [\n        1\n    ]\n}")j"},
                 {R"j("{{ _.a|json_dump }}")j", R"j({"a": [1]})j", R"j(!TypeError)j"},
                 {R"j("{{ none|json_parse('[1, 2.5]') }}")j", R"j({"a": 1})j", R"j([1, 2.5])j"},
                 {R"j("{{ yaml_dump({'b': [1, 'x y'], 'a': none}) }}")j", R"j({"a": 1})j",
                  R"j("a: null\nb:\n- 1\n- x y\n")j"},
                 {R"j("{{ yaml_parse('a: [on, 012, 1:30]') }}")j", R"j({"a": 1})j",
                  R"j({"a": [true, 10, 90]})j"},
                 {R"j("n={{ uuid()|length }}")j", R"j({"a": 1})j", R"j("n=36")j"},
                 {R"j("{{ json_dump(_) }}")j", R"j({"é": "ü", "n": null})j",
                  R"j("{\n    \"\\u00e9\": \"\\u00fc\",\n    \"n\": null\n}")j"},
                 {R"j("{{ json_parse(1) }}")j", R"j({"a": 1})j", R"j(!TypeError)j"},
                 {R"j("{{ __env }}")j", R"j({"a": 1})j", R"j(null)j"},
                 {R"j("{{ _.a|uuid|length }}")j", R"j({"a": 1})j", R"j(36)j"},
             });
}

TEST(MistralExpressionStrings, FindDelimitersOnOneLine) {
  using mistral::StringLanguage;
  EXPECT_EQ(mistral::string_language("{{ x }} <% $ %>"), StringLanguage::Jinja);
  EXPECT_EQ(mistral::string_language("{% if %}"), StringLanguage::Jinja);
  EXPECT_EQ(mistral::string_language("{{\n x }} <% $ %>"), StringLanguage::Yaql);
  EXPECT_EQ(mistral::string_language("<% $\n %>"), StringLanguage::None);
  EXPECT_EQ(mistral::string_language("{# c #}"), StringLanguage::None);
  const auto matches = mistral::find_yaql_matches("a <% 1 %> <%<% 2 %>%> <%\n%>");
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].begin, 2u);
  EXPECT_EQ(matches[0].end, 9u);
  EXPECT_EQ(matches[1].begin, 10u);
  EXPECT_EQ(matches[1].end, 19u);
  EXPECT_EQ(mistral::yaql_match_expression("<%<% 2 %>"), "2");
  EXPECT_EQ(mistral::yaql_match_expression("<%% $.a >%>"), "$.a");
}

}  // namespace
}  // namespace sirocco
