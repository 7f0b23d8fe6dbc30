// Tests of JSON parsing and writing: round trips, exact ints, Python's NaN tokens and error
// messages (checked against python3's json module), the depth limit, non-string keys.
#include "interp/json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "interp/error.h"
#include "interp/text.h"

namespace sirocco {
namespace {

std::string error_of(std::string_view text) {
  try {
    parse_json(text);
  } catch (const Error& e) {
    return e.type() + ": " + e.message();
  }
  return "no error";
}

std::string compact(std::string_view text) { return to_json(parse_json(text)); }

TEST(Json, RoundTripsCompactlyLikePython) {
  // Output of json.dumps(json.loads(IN), separators=(',', ':'), ensure_ascii=False).
  const std::pair<std::string, std::string> cases[] = {
      {R"({"b": 1, "a": [1, 2.5, -0.0, 1e16, 1e-05, 123456789012345678901234567890,
          -9223372036854775809], "c": {"d": null, "e": true, "f": false}})",
       R"({"b":1,"a":[1,2.5,-0.0,1e+16,1e-05,123456789012345678901234567890,-9223372036854775809],"c":{"d":null,"e":true,"f":false}})"},
      {"[NaN, Infinity, -Infinity]", "[NaN,Infinity,-Infinity]"},
      {R"("\u00e9\n\t\"\\\/\u0001\u007f\u2028\ud83d\ude00")",
       "\"é\\n\\t\\\"\\\\/\\u0001\x7f\u2028😀\""},
      {R"({"a": 1, "b": 2, "a": 3})", R"({"a":3,"b":2})"},
      {"[]", "[]"},
      {"{}", "{}"},
      {"[[], {}, [[]]]", "[[],{},[[]]]"},
      {"1E400", "Infinity"},
      {"-1e-400", "-0.0"},
      {"0", "0"},
      {"-0", "0"},
      {"1.0", "1.0"},
      {"1e2", "100.0"},
      {"12345678901234567890.5", "1.2345678901234567e+19"},
      {" \t\r\n[1 , 2 ]\n", "[1,2]"},
      {"\"\\b\\f\"", "\"\\b\\f\""},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(compact(in), out) << in;
}

TEST(Json, PrettyPrintsLikePythonIndent) {
  const Value v = parse_json(R"({"b": 1, "a": [1, -0.0], "c": {"d": null}, "e": [], "f": {}})");
  EXPECT_EQ(
      to_json(v, 2),
      "{\n  \"b\": 1,\n  \"a\": [\n    1,\n    -0.0\n  ],\n  \"c\": {\n    \"d\": null\n  },\n"
      "  \"e\": [],\n  \"f\": {}\n}");
  EXPECT_EQ(to_json(parse_json("[[]]"), 0), "[\n[]\n]");
  EXPECT_EQ(to_json(parse_json("5"), 4), "5");
}

TEST(Json, IntsStayExactAndSmallWhenTheyFit) {
  const std::string digits = "-" + std::string(400, '7');
  EXPECT_EQ(compact(digits), digits);
  EXPECT_TRUE(parse_json("9223372036854775807").is_small_int());
  EXPECT_TRUE(parse_json("-9223372036854775808").is_small_int());
  EXPECT_TRUE(parse_json("9223372036854775808").is_big_int());
  EXPECT_TRUE(parse_json("1.0").is_float());
  EXPECT_TRUE(parse_json("1e0").is_float());
}

TEST(Json, NaNTokens) {
  EXPECT_TRUE(std::isnan(parse_json("NaN").as_float()));
  EXPECT_EQ(parse_json("Infinity").as_float(), INFINITY);
  EXPECT_EQ(parse_json("-Infinity").as_float(), -INFINITY);
  EXPECT_EQ(to_json(Value::number(NAN)), "NaN");
}

TEST(Json, StringsAreDecodedToValidUtf8) {
  EXPECT_EQ(parse_json(R"("\ud83d\ude00")").as_string(), "😀");
  EXPECT_EQ(parse_json(R"("\ud800")").as_string(), "\uFFFD");    // lone high surrogate
  EXPECT_EQ(parse_json(R"("\udc00x")").as_string(), "\uFFFDx");  // lone low surrogate
  EXPECT_EQ(parse_json(R"("\ud800\u0041")").as_string(), "\uFFFDA");
  EXPECT_EQ(parse_json(R"("é中")").string_length(), 2u);
  EXPECT_EQ(error_of("\"a\xFF\""),
            "JSONDecodeError: Invalid UTF-8 in string: line 1 column 2 (char 1)");
  EXPECT_EQ(error_of("\"\xED\xA0\x80\""),
            "JSONDecodeError: Invalid UTF-8 in string: line 1 column 2 (char 1)");
}

TEST(Json, DuplicateKeysKeepTheFirstPositionAndTheLastValue) {
  const Value v = parse_json(R"({"a": 1, "b": 2, "a": 3})");
  ASSERT_EQ(v.as_dict().size(), 2u);
  EXPECT_EQ(v.as_dict().entries()[0].first.as_string(), "a");
  EXPECT_EQ(v.as_dict().entries()[0].second.as_small_int(), 3);

  // Past a few keys the dict is indexed by hash; the rule is the same.
  const Value many = parse_json(R"({"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,)"
                                R"("k8":8,"k9":9,"k3":"last","k10":10})");
  EXPECT_EQ(to_json(many), R"({"k0":0,"k1":1,"k2":2,"k3":"last","k4":4,"k5":5,"k6":6,"k7":7,)"
                           R"("k8":8,"k9":9,"k10":10})");
  EXPECT_EQ(many.as_dict().find(Value::string("k10"))->as_small_int(), 10);
}

// Bad texts and str() of the JSONDecodeError python3's json.loads raises for each.
const std::pair<std::string, std::string> kBadTexts[] = {
    {"", "Expecting value: line 1 column 1 (char 0)"},
    {" ", "Expecting value: line 1 column 2 (char 1)"},
    {"[", "Expecting value: line 1 column 2 (char 1)"},
    {"[1,", "Expecting value: line 1 column 4 (char 3)"},
    {"[1,]", "Expecting value: line 1 column 4 (char 3)"},
    {"{\"a\":1,}", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"},
    {"{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
    {"{\"a\"", "Expecting ':' delimiter: line 1 column 5 (char 4)"},
    {"{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"},
    {"{\"a\":1 \"b\"}", "Expecting ',' delimiter: line 1 column 8 (char 7)"},
    {"[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"},
    {"01", "Extra data: line 1 column 2 (char 1)"},
    {"1.", "Extra data: line 1 column 2 (char 1)"},
    {"-", "Expecting value: line 1 column 1 (char 0)"},
    {"\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"},
    {"\"a\\x\"", "Invalid \\escape: line 1 column 3 (char 2)"},
    {"\"\\u12\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
    {"\"a\tb\"", "Invalid control character at: line 1 column 3 (char 2)"},
    {"nul", "Expecting value: line 1 column 1 (char 0)"},
    {"tru", "Expecting value: line 1 column 1 (char 0)"},
    {"{1:2}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
    {"1 2", "Extra data: line 1 column 3 (char 2)"},
    {"[1]]", "Extra data: line 1 column 4 (char 3)"},
    {"-NaN", "Expecting value: line 1 column 1 (char 0)"},
    {"\"é", "Unterminated string starting at: line 1 column 1 (char 0)"},
    {"[\n1,\n x]", "Expecting value: line 3 column 2 (char 6)"},
    {"\"é\" x", "Extra data: line 1 column 5 (char 4)"},
    {".5", "Expecting value: line 1 column 1 (char 0)"},
    {"+1", "Expecting value: line 1 column 1 (char 0)"},
    {"[-]", "Expecting value: line 1 column 2 (char 1)"},
    {"{\"a\":1}x", "Extra data: line 1 column 8 (char 7)"},
    {"{\"a\":}", "Expecting value: line 1 column 6 (char 5)"},
    {"[tru]", "Expecting value: line 1 column 2 (char 1)"},
    {"\"\\", "Unterminated string starting at: line 1 column 1 (char 0)"},
    {"\"\\u", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
    {"1e", "Extra data: line 1 column 2 (char 1)"},
    {"1.5e+", "Extra data: line 1 column 4 (char 3)"},
    {"[1.]", "Expecting ',' delimiter: line 1 column 3 (char 2)"},
    {"infinity", "Expecting value: line 1 column 1 (char 0)"},
    {"\xEF\xBB\xBF"
     "1",
     "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"},
    {"\"\\ud800\\u12\"", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"},
    {"{\"é\":1,}", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"},
};

// Strings are scanned eight bytes at a time: a byte that needs attention anywhere in a word.
TEST(Json, StringsSeeEverySpecialByte) {
  for (size_t at = 0; at < 18; ++at) {
    const std::string before(at, 'a'), after(17 - at, 'b');
    EXPECT_EQ(parse_json("\"" + before + "\\n" + after + "\"").as_string(), before + "\n" + after);
    EXPECT_EQ(parse_json("\"" + before + "\\\"" + after + "\"").as_string(), before + "\"" + after);
    EXPECT_EQ(parse_json("\"" + before + "é" + after + "\"").as_string(), before + "é" + after);
    EXPECT_EQ(parse_json("\"" + before + "\x7f" + after + "\"").as_string(),
              before + "\x7f" + after);
    EXPECT_EQ(error_of("\"" + before + "\x1f" + after + "\""),
              "JSONDecodeError: Invalid control character at: line 1 column " +
                  std::to_string(at + 2) + " (char " + std::to_string(at + 1) + ")");
    EXPECT_EQ(error_of("\"" + before + "\xff" + after + "\""),
              "JSONDecodeError: Invalid UTF-8 in string: line 1 column 2 (char 1)");
    EXPECT_EQ(error_of("\"" + before),
              "JSONDecodeError: Unterminated string starting at: line 1 column 1 (char 0)");
  }
}

TEST(Json, BadInputGivesPythonsMessages) {
  for (const auto& [text, message] : kBadTexts) {
    EXPECT_EQ(error_of(text), "JSONDecodeError: " + message) << text;
  }
}

// The texts json_object_fields gives the named fields of `text`, each checked unless in
// `delimited`; "-" for a field the object lacks.
std::vector<std::string> field_texts(std::string_view text, std::vector<std::string_view> keys,
                                     std::vector<std::string_view> delimited = {}) {
  std::vector<JsonField> fields;
  for (std::string_view key : keys)
    fields.push_back({key, std::find(delimited.begin(), delimited.end(), key) == delimited.end()});
  if (!json_object_fields(text, fields)) return {"not an object"};
  std::vector<std::string> texts;
  for (const JsonField& field : fields) texts.emplace_back(field.text.value_or("-"));
  return texts;
}

std::string fields_error(std::string_view text, std::vector<std::string_view> keys = {"a"},
                         std::vector<std::string_view> delimited = {}) {
  try {
    field_texts(text, keys, delimited);
  } catch (const Error& e) {
    return e.message();
  }
  return "no error";
}

using Texts = std::vector<std::string>;

TEST(JsonFields, GiveTheTextOfEachNamedValue) {
  const std::string_view text =
      R"( {"id": 7, "d\u00e9": {"a": [1, "x"]}, "other": 1, "id": "last"} )";
  EXPECT_EQ(field_texts(text, {"dé", "id", "x"}), (Texts{R"({"a": [1, "x"]})", R"("last")", "-"}));
  EXPECT_EQ(field_texts(R"({"a\"b": 1, "a\\b": 2})", {"a\"b", "a\\b"}), (Texts{"1", "2"}));
  EXPECT_EQ(field_texts("{}", {"a"}), Texts{"-"});
  EXPECT_EQ(field_texts("[1, {\"a\": 2}]", {"a"}), Texts{"not an object"});
  EXPECT_EQ(field_texts("\"text\"", {"a"}), Texts{"not an object"});
  // A call sets every field afresh.
  JsonField field{"a"};
  ASSERT_TRUE(json_object_fields(R"({"a": 1})", {&field, 1}));
  ASSERT_TRUE(json_object_fields(R"({"b": 1})", {&field, 1}));
  EXPECT_FALSE(field.text);
}

TEST(JsonFields, DelimitUncheckedValuesByTheirBracketsAndQuotes) {
  const std::string text =
      R"({"a": {"x": "}]\"{", "y": [1, [2]]}, "b": "s\"t" , "c": -1.5e3,"d": true, "e": [ ],)"
      R"( "f": "dir\\", "g": ["\\\"]", "\\\\"]})";
  const std::vector<std::string_view> all{"a", "b", "c", "d", "e", "f", "g"};
  const Texts delimited = field_texts(text, all, all);
  EXPECT_EQ(delimited, field_texts(text, all));
  ASSERT_EQ(delimited.size(), 7u);
  EXPECT_EQ(delimited[6], R"(["\\\"]", "\\\\"])");  // escaped backslashes and quotes
  EXPECT_EQ(delimited[0], R"({"x": "}]\"{", "y": [1, [2]]})");
  EXPECT_EQ(delimited[2], "-1.5e3");
  // Brackets and quotes are found eight bytes at a time, wherever they are in a word.
  for (size_t at = 0; at < 18; ++at) {
    const std::string value = "[\"" + std::string(at, 'x') + "]{\", {\"k\": [" +
                              std::string(at, '1') + ", [\"}\"]]}, " + std::string(at, '2') + "]";
    const std::string object = "{\"a\": " + value + ", \"b\": " + value + "}";
    EXPECT_EQ(field_texts(object, {"a", "b"}, {"a", "b"}), (Texts{value, value})) << value;
  }
  // Bad values are delimited, for parse_json to reject; bad structure fails as a check does.
  EXPECT_EQ(field_texts(R"({"a": {"b": tru}})", {"a"}, {"a"}), Texts{R"({"b": tru})"});
  for (const char* bad : {R"({"a": [1, 2})", R"({"a": "open})", R"({"a": })", R"({"a": 1 2})"})
    EXPECT_EQ(fields_error(bad, {"a"}, {"a"}), fields_error(bad)) << bad;
}

TEST(JsonFields, CheckTheWholeTextAsParsingDoes) {
  for (const auto& [text, message] : kBadTexts) {
    EXPECT_EQ(fields_error(text), message) << text;
    EXPECT_EQ(fields_error(text, {}), message) << text;
  }
  for (const char* bad : {"{\"a\": [1, \"\\x\"]}", "{\"a\": {\"b\": tru}}", "{\"a\": \"\xff\"}",
                          "{\"a\": 1e}", "{\"a\": -}", "{\"a\": [}", "{\"b\": \"\\x\", \"a\": 1}",
                          "{\"\\x\": 1}", "{\"a\\x\": 1}"}) {
    EXPECT_NE(fields_error(bad), "no error") << bad;
    EXPECT_NE(fields_error(bad, {"a", "c"}, {"c"}), "no error") << bad;
    EXPECT_THROW(parse_json(bad), Error) << bad;
  }
}

TEST(Json, AppendsToText) {
  std::string out = "x";
  append_json(out, parse_json(R"({"a": [1, "\u00e9\n"]})"));
  append_json_string(out, "\"\\\x01");
  EXPECT_EQ(out, "x{\"a\":[1,\"é\\n\"]}\"\\\"\\\\\\u0001\"");
}

TEST(Json, NestingDepthIsLimited) {
  const auto nested = [](int depth, char open, char close) {
    return std::string(depth, open) + std::string(depth, close);
  };
  EXPECT_EQ(to_json(parse_json(nested(kMaxJsonDepth, '[', ']'))), nested(kMaxJsonDepth, '[', ']'));
  EXPECT_EQ(error_of(nested(kMaxJsonDepth + 1, '[', ']')), "JSONDecodeError: nesting too deep");
  std::string objects;
  for (int i = 0; i <= kMaxJsonDepth; ++i) objects += "{\"a\":";
  objects += "1" + std::string(kMaxJsonDepth + 1, '}');
  EXPECT_EQ(error_of(objects), "JSONDecodeError: nesting too deep");
  EXPECT_EQ(error_of(std::string(1000000, '[')), "JSONDecodeError: nesting too deep");
}

TEST(Json, WritesEveryKindOfValue) {
  Dict keys;
  keys.set(Value::integer(int64_t{1}), Value::string("int"));
  keys.set(Value::boolean(true == false), Value::string("bool"));
  keys.set(Value(), Value::string("null"));
  keys.set(Value::number(1.5), Value::string("float"));
  keys.set(Value::number(NAN), Value::string("nan"));
  keys.set(parse_json("[1, \"a\"]"), Value::string("list"));
  keys.set(Value::datetime({1577934245000000, 0, false}), Value::string("datetime"));
  keys.set(Value::string("s\""), Value::string("str"));
  EXPECT_EQ(to_json(Value::dict(keys)),
            R"({"1":"int","false":"bool","null":"null","1.5":"float","NaN":"nan",)"
            R"("[1,\"a\"]":"list","2020-01-02T03:04:05+00:00":"datetime","s\"":"str"})");

  Set s;
  s.insert(Value::integer(int64_t{2}));
  s.insert(Value::string("x"));
  EXPECT_EQ(to_json(Value::set(s)), R"([2,"x"])");
  EXPECT_EQ(to_json(Value::datetime({1577954045000123, -19800, false})),
            R"("2020-01-02T03:04:05.000123-05:30")");
  EXPECT_EQ(to_json(Value::datetime({1577934245000000, 0, true})), R"("2020-01-02T03:04:05")");
  EXPECT_EQ(to_json(Value::timespan(86405000000)), "86405.0");
  EXPECT_EQ(to_json(Value::timespan(-172799999999)), "-172799.999999");
  EXPECT_EQ(to_json(Value::timespan(-1)), "-1e-06");
  int n = 0;
  const Value seq = Value::sequence(new GeneratorSequence([&n](Value& out) {
    if (n == 3) return false;
    out = Value::integer(int64_t{n++});
    return true;
  }));
  EXPECT_EQ(to_json(Value::list({seq})), "[[0,1,2]]");
  EXPECT_EQ(to_json(Value::string(std::string("\x01\x1f", 2))), R"("\u0001\u001f")");
}

}  // namespace
}  // namespace sirocco

namespace sirocco {
namespace {

TEST(JsonLine, UsesPythonDefaultSeparatorsOnOneLine) {
  EXPECT_EQ(to_json_line(parse_json(R"({"a":[1,2,{"b":null}],"c":"x"})")),
            R"({"a": [1, 2, {"b": null}], "c": "x"})");
  EXPECT_EQ(to_json_line(parse_json("[]")), "[]");
}

}  // namespace
}  // namespace sirocco
