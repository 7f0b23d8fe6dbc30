// yaml_dump and yaml_parse through YAQL, each expected value recorded from python3-mistral
// 15 (PyYAML safe_dump / safe_load).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interp/error.h"
#include "interp/json.h"
#include "stdlib/mistral/yaml_parse.h"
#include "stdlib/session.h"

namespace sirocco {
namespace {

struct Case {
  const char* expr;      // YAQL
  const char* data;      // JSON
  const char* expected;  // JSON, or "!ErrorType"
};

void expect_all(const std::vector<Case>& cases) {
  Session session;
  for (const Case& c : cases) {
    std::string actual;
    try {
      actual = to_json(session.evaluate(Lang::Yaql, c.expr, parse_json(c.data)));
    } catch (const Error& e) {
      actual = "!" + e.type();
    }
    const std::string expected =
        c.expected[0] == '!' ? c.expected : to_json(parse_json(c.expected));
    EXPECT_EQ(actual, expected) << c.data;
  }
}

TEST(MistralYamlDump, WritesWhatPyYamlWrites) {
  expect_all({
      {R"j(yaml_dump($.v))j", R"j({"v": "a\nb"})j", R"j("'a\n\n  b'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "a b"})j", R"j("a b\n...\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": " a"})j", R"j("' a'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "a:"})j", R"j("'a:'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "a: b"})j", R"j("'a: b'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "- a"})j", R"j("'- a'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "-a"})j", R"j("-a\n...\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "a #b"})j", R"j("'a #b'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "#a"})j", R"j("'#a'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "é"})j", R"j("\"\\xE9\"\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "it's"})j", R"j("it's\n...\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "123"})j", R"j("'123'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "1.5"})j", R"j("'1.5'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "yes"})j", R"j("'yes'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": ""})j", R"j("''\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "null"})j", R"j("'null'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "2001-01-01"})j", R"j("'2001-01-01'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "@x"})j", R"j("'@x'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "a\tb"})j", R"j("\"a\\tb\"\n")j"},
      {R"j(yaml_dump($.v))j",
       R"j({"v": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yyyyyyyyyy"})j",
       R"j("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  yyyyyyyyyy\n...\n")j"},
      {R"j(yaml_dump($.v))j",
       R"j({"v": "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"})j",
       R"j("word word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word\n...\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "~"})j", R"j("'~'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "a,b"})j", R"j("a,b\n...\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "[a]"})j", R"j("'[a]'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "{a"})j", R"j("'{a'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "%a"})j", R"j("'%a'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "!a"})j", R"j("'!a'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "&a"})j", R"j("'&a'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "*a"})j", R"j("'*a'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "|"})j", R"j("'|'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": ">"})j", R"j("'>'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "\"a"})j", R"j("'\"a'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "a\""})j", R"j("a\"\n...\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "?"})j", R"j("'?'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "? a"})j", R"j("'? a'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": ":a"})j", R"j(":a\n...\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "a:b"})j", R"j("a:b\n...\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "<<"})j", R"j("'<<'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "="})j", R"j("'='\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "0o12"})j", R"j("0o12\n...\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "1_000"})j", R"j("'1_000'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "\u0007"})j", R"j("\"\\a\"\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": " "})j", R"j("\"\\L\"\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "😀"})j", R"j("\"\\U0001F600\"\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": {"b": [1, {"c": []}], "a": {}}})j",
       R"j("a: {}\nb:\n- 1\n- c: []\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": [[1, 2], [{"x": 1, "y": [3]}]]})j",
       R"j("- - 1\n  - 2\n- - x: 1\n    y:\n    - 3\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": {"1": 2, "a": null}})j", R"j("'1': 2\na: null\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": [1e+16, 1.0, -0.0, 1e-05, 1.2345678901234567e+19]})j",
       R"j("- 1.0e+16\n- 1.0\n- -0.0\n- 1.0e-05\n- 1.2345678901234567e+19\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": {"k": "a\nb\n"}})j", R"j("k: 'a\n\n  b\n\n  '\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "trailing "})j", R"j("'trailing '\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "a  b"})j", R"j("a  b\n...\n")j"},
      {R"j(yaml_dump($.v))j",
       R"j({"v": {"k": "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"}})j",
       R"j("k: word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word\n")j"},
      {R"j(yaml_dump($.v))j",
       R"j({"v": ["word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"]})j",
       R"j("- word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word\n")j"},
      {R"j(yaml_dump($.v))j",
       R"j({"v": {"a": {"b": "longword longword longword longword longword longword longword longword longword longword longword longword longword longword longword longword longword longword longword longword"}}})j",
       R"j("a:\n  b: longword longword longword longword longword longword longword longword longword\n    longword longword longword longword longword longword longword longword longword\n    longword longword\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": {"k": "it's a\nb"}})j", R"j("k: 'it''s a\n\n  b'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": {"z": 1, "A": 2, "a": 3, "é": 4}})j",
       R"j("A: 2\na: 3\nz: 1\n\"\\xE9\": 4\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": [[[]]]})j", R"j("- - []\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": [{}]})j", R"j("- {}\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": {"x": [[1]]}})j", R"j("x:\n- - 1\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "a\n b"})j", R"j("\"a\\n b\"\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "---x"})j", R"j("'---x'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "..."})j", R"j("'...'\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "x\n"})j", R"j("'x\n\n  '\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "\n"})j", R"j("'\n\n  '\n")j"},
      {R"j(yaml_dump($.v))j", R"j({"v": "k: v\n"})j", R"j("'k: v\n\n  '\n")j"},
      {R"j(yaml_dump([]))j", R"j({"x": 1})j", R"j("[]\n")j"},
      {R"j(yaml_dump({}))j", R"j({"x": 1})j", R"j("{}\n")j"},
      {R"j(yaml_dump(set(1)))j", R"j({"x": 1})j", R"j(!RepresenterError)j"},
  });
}

TEST(MistralYamlParse, ReadsYaml11LikeSafeLoad) {
  expect_all({
      {R"j(yaml_parse($.t))j", R"j({"t": "on"})j", R"j(true)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "~"})j", R"j(null)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "012"})j", R"j(10)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "0b101"})j", R"j(5)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "2001-01-01 10:00:00"})j", R"j("2001-01-01T10:00:00")j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "1:30"})j", R"j(90)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "1:30.5"})j", R"j(90.5)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "-.inf"})j", R"j(-Infinity)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": ".NaN"})j", R"j(NaN)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "1e3"})j", R"j("1e3")j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "1.0e3"})j", R"j("1.0e3")j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "0x1F"})j", R"j(31)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "+12"})j", R"j(12)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "-0"})j", R"j(0)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "a: 1\na: 2"})j", R"j({"a": 2})j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "[1, {a: b}]"})j", R"j([1, {"a": "b"}])j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "!!str 12"})j", R"j("12")j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "!!int \"12\""})j", R"j(12)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "x: &a [1,2]\ny: *a"})j",
       R"j({"x": [1, 2], "y": [1, 2]})j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "<<: {a: 1}\nb: 2"})j", R"j({"a": 1, "b": 2})j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "a: ["})j", R"j(!ParserError)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "2001-01-01T10:00:00Z"})j",
       R"j("2001-01-01T10:00:00+00:00")j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "2001-01-01 10:00:00.5 +02:00"})j",
       R"j("2001-01-01T10:00:00.500000+02:00")j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "'yes'"})j", R"j("yes")j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "\"a\\tb\""})j", R"j("a\tb")j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "- !!float 1"})j", R"j([1.0])j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "!!python/object:os.system x"})j",
       R"j(!ConstructorError)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "? [1]\n: 2"})j", R"j(!ConstructorError)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "1_000"})j", R"j(1000)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "0o12"})j", R"j("0o12")j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "Yes"})j", R"j(true)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "NO"})j", R"j(false)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "y"})j", R"j("y")j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "12:30:45"})j", R"j(45045)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": ""})j", R"j(null)j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "---\na: 1\n...\n"})j", R"j({"a": 1})j"},
      {R"j(yaml_parse($.t))j", R"j({"t": "a: |\n  x\n  y\n"})j", R"j({"a": "x\ny\n"})j"},
      {R"j(yaml_parse(1))j", R"j({"x": 1})j", R"j(!AttributeError)j"},
  });
}

TEST(MistralYamlParse, AliasBombsAndDeepNestingAreBounded) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'k'; ++level)
    bomb += std::string(1, level) + ": &" + level + " [*" + char(level - 1) + ", *" +
            char(level - 1) + ", *" + char(level - 1) + ", *" + char(level - 1) + ", *" +
            char(level - 1) + ", *" + char(level - 1) + ", *" + char(level - 1) + ", *" +
            char(level - 1) + ", *" + char(level - 1) + ", *" + char(level - 1) + "]\n";
  EXPECT_THROW(mistral::parse_yaml(bomb), Error);
  EXPECT_THROW(mistral::parse_yaml(std::string(100000, '[')), Error);
}

}  // namespace
}  // namespace sirocco
