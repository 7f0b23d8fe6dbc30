// Tests of Python text forms (float repr, str, repr in both styles, datetimes, timedeltas),
// the UTF-8 helpers and the rendering of errors with a caret.
#include "interp/text.h"

#include <gtest/gtest.h>

#include <cmath>

#include "interp/error.h"
#include "interp/json.h"
#include "interp/number.h"
#include "interp/utf8.h"

namespace sirocco {
namespace {

Value J(std::string_view json) { return parse_json(json); }
Value S(std::string s) { return Value::string(std::move(s)); }
Value Aware(int64_t micros, int32_t offset_sec) {
  return Value::datetime({micros, offset_sec, false});
}
Value Naive(int64_t micros) { return Value::datetime({micros, 0, true}); }

TEST(FloatRepr, MatchesPython) {
  const std::pair<double, const char*> cases[] = {
      {1e+16, "1e+16"},
      {1000000000000000.0, "1000000000000000.0"},
      {1e-05, "1e-05"},
      {0.0001, "0.0001"},
      {0.0001234, "0.0001234"},
      {1.5e+300, "1.5e+300"},
      {1.2345678901234568e+17, "1.2345678901234568e+17"},
      {0.1, "0.1"},
      {0.30000000000000004, "0.30000000000000004"},
      {2.0, "2.0"},
      {-0.0, "-0.0"},
      {0.0, "0.0"},
      {1e+22, "1e+22"},
      {5e-324, "5e-324"},
      {1.7976931348623157e+308, "1.7976931348623157e+308"},
      {9999999999999998.0, "9999999999999998.0"},
      {1234.5, "1234.5"},
      {-1.5e-07, "-1.5e-07"},
      {1e+100, "1e+100"},
      {0.3333333333333333, "0.3333333333333333"},
      {0.6666666666666666, "0.6666666666666666"},
      {100.0, "100.0"},
      {123456.789, "123456.789"},
      {1e-07, "1e-07"},
      {2.5e-05, "2.5e-05"},
      {1.2345678901234568e-300, "1.2345678901234568e-300"},
      {INFINITY, "inf"},
      {-INFINITY, "-inf"},
      {NAN, "nan"},
      {4.35, "4.35"},
      {0.5, "0.5"},
      {1.2345678901234567e+19, "1.2345678901234567e+19"},
      // around the short-decimal path: at most three decimals, in [1e-3, 1e12)
      {0.001, "0.001"},
      {0.007, "0.007"},
      {0.0015, "0.0015"},
      {-0.5, "-0.5"},
      {-3.0, "-3.0"},
      {2.675, "2.675"},
      {0.1 + 0.2, "0.30000000000000004"},
      {999999999999.5, "999999999999.5"},
      {1e12, "1000000000000.0"},
  };
  for (const auto& [d, text] : cases) EXPECT_EQ(float_repr(d), text);
}

TEST(IntText, PrintsEveryDigit) {
  EXPECT_EQ(int_text(Value::integer(int64_t{-42})), "-42");
  EXPECT_EQ(int_text(Value::integer(INT64_MIN)), "-9223372036854775808");
  EXPECT_EQ(int_text(num_pow(Value::integer(int64_t{2}), Value::integer(int64_t{100}))),
            "1267650600228229401496703205376");
}

TEST(StringRepr, QuotesAndEscapesLikePython) {
  const std::pair<std::string, std::string> cases[] = {
      {"abc", "'abc'"},
      {"it's", "\"it's\""},
      {"say \"hi\"", "'say \"hi\"'"},
      {"both ' and \"", "'both \\' and \"'"},
      {"tab\there\nnl\r\\", "'tab\\there\\nnl\\r\\\\'"},
      {std::string("\x00\x7f", 2) + "\xC2\x80\xC2\xA0\xC2\xAD", "'\\x00\\x7f\\x80\\xa0\\xad'"},
      {"é中😀", "'é中😀'"},
      {"\u2028\u200b\ue000\U000f0000\U0010ffff", "'\\u2028\\u200b\\ue000\\U000f0000\\U0010ffff'"},
      {"\xED\x9F\xBF", "'\\ud7ff'"},  // U+D7FF is unassigned
      {" \u3000", "' \\u3000'"},
      {"\u0378", "'\\u0378'"},
      {"", "''"},
  };
  for (const auto& [text, repr] : cases) EXPECT_EQ(python_repr(S(text)), repr) << text;
}

struct StyleCase {
  Value value;
  std::string python_str, python_repr, yaql_str;
};

TEST(PythonText, StrAndReprInBothStyles) {
  Set empty, pair;
  pair.insert(Value::integer(int64_t{1}));
  pair.insert(Value::integer(int64_t{2}));
  Dict tuple_key;
  tuple_key.set(J("[1, 2]"), Value::integer(int64_t{3}));
  const StyleCase cases[] = {
      {Value(), "None", "None", "None"},
      {Value::boolean(true), "True", "True", "True"},
      {Value::boolean(false), "False", "False", "False"},
      {J("12345678901234567890123"), "12345678901234567890123", "12345678901234567890123",
       "12345678901234567890123"},
      {J("1e16"), "1e+16", "1e+16", "1e+16"},
      {S("it's"), "it's", "\"it's\"", "it's"},
      {J(R"([1, "a", null, true, 1.5])"), "[1, 'a', None, True, 1.5]", "[1, 'a', None, True, 1.5]",
       "(1, 'a', None, True, 1.5)"},
      {J("[1]"), "[1]", "[1]", "(1,)"},
      {J("[]"), "[]", "[]", "()"},
      {J("[[]]"), "[[]]", "[[]]", "((),)"},
      {J(R"({"a": 1, "b": null})"), "{'a': 1, 'b': None}", "{'a': 1, 'b': None}",
       "{'a': 1, 'b': None}"},
      {J("{}"), "{}", "{}", "{}"},
      {J(R"({"a": [1, {"b": "c"}]})"), "{'a': [1, {'b': 'c'}]}", "{'a': [1, {'b': 'c'}]}",
       "{'a': (1, {'b': 'c'})}"},
      {Value::set(empty), "set()", "set()", "frozenset()"},
      {Value::set(pair), "{1, 2}", "{1, 2}", "frozenset({1, 2})"},
      {Value::list({Value::set(pair)}), "[{1, 2}]", "[{1, 2}]", "(frozenset({1, 2}),)"},
      {Value::dict(tuple_key), "{[1, 2]: 3}", "{[1, 2]: 3}", "{(1, 2): 3}"},
      {Value::list({S("it's"), S("é\n")}), "[\"it's\", 'é\\n']", "[\"it's\", 'é\\n']",
       "(\"it's\", 'é\\n')"},
      {Value::list({Value::timespan(5000000)}), "[datetime.timedelta(seconds=5)]",
       "[datetime.timedelta(seconds=5)]", "(datetime.timedelta(seconds=5),)"},
      {Value::sequence(new GeneratorSequence([](Value&) { return false; })), "<generator object>",
       "<generator object>", "<generator object>"},
  };
  for (const StyleCase& c : cases) {
    EXPECT_EQ(python_str(c.value), c.python_str);
    EXPECT_EQ(python_repr(c.value), c.python_repr);
    EXPECT_EQ(python_str(c.value, PyStyle::Yaql), c.yaql_str);
  }
}

TEST(PythonText, DatetimesAndTimedeltas) {
  const std::tuple<Value, std::string, std::string> cases[] = {
      {Aware(1577934245000000, 0), "2020-01-02 03:04:05+00:00",
       "datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=tzutc())"},
      {Naive(1577934245000000), "2020-01-02 03:04:05", "datetime.datetime(2020, 1, 2, 3, 4, 5)"},
      {Aware(1577954045000123, -19800), "2020-01-02 03:04:05.000123-05:30",
       "datetime.datetime(2020, 1, 2, 3, 4, 5, 123, "
       "tzinfo=tzoffset(None, -19800))"},
      {Naive(1577934245000123), "2020-01-02 03:04:05.000123",
       "datetime.datetime(2020, 1, 2, 3, 4, 5, 123)"},
      {Aware(-3661000001, 3661), "1969-12-31 23:59:59.999999+01:01:01",
       "datetime.datetime(1969, 12, 31, 23, 59, 59, 999999, "
       "tzinfo=tzoffset(None, 3661))"},
      {Naive(-1), "1969-12-31 23:59:59.999999",
       "datetime.datetime(1969, 12, 31, 23, 59, 59, 999999)"},
      {Aware(1577919600000000, 3600), "2020-01-02 00:00:00+01:00",
       "datetime.datetime(2020, 1, 2, 0, 0, "
       "tzinfo=tzoffset(None, 3600))"},
      {Naive(1577923200000000), "2020-01-02 00:00:00", "datetime.datetime(2020, 1, 2, 0, 0)"},
      {Aware(-62135596800000000, 0), "0001-01-01 00:00:00+00:00",
       "datetime.datetime(1, 1, 1, 0, 0, tzinfo=tzutc())"},
      {Naive(253402300799999999), "9999-12-31 23:59:59.999999",
       "datetime.datetime(9999, 12, 31, 23, 59, 59, 999999)"},
      {Aware(951829200000000, -3600), "2000-02-29 12:00:00-01:00",
       "datetime.datetime(2000, 2, 29, 12, 0, "
       "tzinfo=tzoffset(None, -3600))"},
      {Value::timespan(5000000), "0:00:05", "datetime.timedelta(seconds=5)"},
      {Value::timespan(86405000000), "1 day, 0:00:05", "datetime.timedelta(days=1, seconds=5)"},
      {Value::timespan(176400000000), "2 days, 1:00:00",
       "datetime.timedelta(days=2, seconds=3600)"},
      {Value::timespan(-1000000), "-1 day, 23:59:59", "datetime.timedelta(days=-1, seconds=86399)"},
      {Value::timespan(500000), "0:00:00.500000", "datetime.timedelta(microseconds=500000)"},
      {Value::timespan(-172799999999), "-2 days, 0:00:00.000001",
       "datetime.timedelta(days=-2, microseconds=1)"},
      {Value::timespan(0), "0:00:00", "datetime.timedelta(0)"},
      {Value::timespan(-1), "-1 day, 23:59:59.999999",
       "datetime.timedelta(days=-1, seconds=86399, microseconds=999999)"},
      {Value::timespan(86400000000), "1 day, 0:00:00", "datetime.timedelta(days=1)"},
      {Value::timespan(-82799999997), "-1 day, 1:00:00.000003",
       "datetime.timedelta(days=-1, seconds=3600, microseconds=3)"},
  };
  for (const auto& [v, str, repr] : cases) {
    EXPECT_EQ(python_str(v), str);
    EXPECT_EQ(python_repr(v), repr);
  }
  EXPECT_EQ(isoformat({1577954045000123, -19800, false}), "2020-01-02T03:04:05.000123-05:30");
  EXPECT_EQ(isoformat({1577934245000000, 0, true}), "2020-01-02T03:04:05");
}

TEST(Utf8, ValidatesStrictly) {
  const std::pair<std::string, bool> cases[] = {
      {"", true},
      {"plain ascii text, longer than eight bytes", true},
      {"é中😀\U0010FFFF", true},
      {"\xC0\xAF", false},          // overlong '/'
      {"\xE0\x80\xAF", false},      // overlong
      {"\xF0\x80\x80\xAF", false},  // overlong
      {"\xED\xA0\x80", false},      // surrogate U+D800
      {"\xF4\x90\x80\x80", false},  // U+110000
      {"\xF5\x80\x80\x80", false},
      {"\x80", false},
      {"abc\xC3", false},  // truncated
      {"\xE4\xB8", false},
      {"\xEF\xBF\xBF", true},  // U+FFFF
  };
  for (const auto& [text, valid] : cases) EXPECT_EQ(utf8::valid(text), valid) << text;
}

TEST(Utf8, CountsIndexesDecodesAndEncodes) {
  const std::string s = "aé中😀bcdefghij";
  EXPECT_EQ(utf8::length(s), 13u);
  EXPECT_EQ(utf8::offset_of(s, 0), 0u);
  EXPECT_EQ(utf8::offset_of(s, 2), 3u);
  EXPECT_EQ(utf8::offset_of(s, 4), 10u);
  EXPECT_EQ(utf8::offset_of(s, 13), s.size());
  EXPECT_EQ(utf8::offset_of(s, 99), s.size());
  const std::string ascii(40, 'x');
  EXPECT_EQ(utf8::offset_of(ascii, 17), 17u);
  size_t pos = 1;
  EXPECT_EQ(utf8::decode(s, pos), U'é');
  EXPECT_EQ(utf8::decode(s, pos), U'中');
  EXPECT_EQ(utf8::decode(s, pos), U'😀');
  EXPECT_EQ(pos, 10u);
  std::string out;
  for (char32_t cp : {U'a', U'é', U'中', U'😀', U'\U0010FFFF'}) utf8::append(out, cp);
  EXPECT_EQ(out, "aé中😀\U0010FFFF");
}

TEST(Utf8, SanitizeReplacesEachMaximalInvalidPart) {
  // Same results as Python's bytes.decode('utf-8', 'replace').
  EXPECT_EQ(utf8::sanitize("ok"), "ok");
  EXPECT_EQ(utf8::sanitize("a\xFF"
                           "b"),
            "a\uFFFD"
            "b");
  EXPECT_EQ(utf8::sanitize("\xE2\x82"
                           "A"),
            "\uFFFD"
            "A");
  EXPECT_EQ(utf8::sanitize("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(utf8::sanitize("\xF0\x9F\x98"), "\uFFFD");
  EXPECT_EQ(utf8::sanitize("\xC0\xAF"), "\uFFFD\uFFFD");
}

TEST(ErrorPosition, LineAndCodePointColumn) {
  const std::string source = "ab\ncé d\n\nx";
  const std::tuple<uint32_t, uint32_t, uint32_t> cases[] = {
      {0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {6, 2, 3}, {7, 2, 4}, {9, 3, 1}, {10, 4, 1}, {99, 4, 2},
  };
  for (const auto& [offset, line, column] : cases) {
    const Position p = position_of(source, offset);
    EXPECT_EQ(p.line, line) << offset;
    EXPECT_EQ(p.column, column) << offset;
  }
}

TEST(RenderError, ShowsTheLineAndACaret) {
  const std::string source = "1 + foo(2)";
  EXPECT_EQ(render_error(Error("NoFunctionRegisteredException", "Unknown function \"foo\"", {4, 7}),
                         source),
            "<expr>:1:5: NoFunctionRegisteredException: Unknown function \"foo\"\n"
            "1 + foo(2)\n"
            "    ^~~");
  EXPECT_EQ(render_error(Error("ZeroDivisionError", "division by zero"), source),
            "ZeroDivisionError: division by zero");
  EXPECT_EQ(
      render_error(Error("YaqlGrammarException", "Unexpected end", {10, 10}), source, "f.yaql"),
      "f.yaql:1:11: YaqlGrammarException: Unexpected end\n"
      "1 + foo(2)\n"
      "          ^");
}

TEST(RenderError, CountsCodePointsAndKeepsTabs) {
  const std::string source = "a = 1\n\té + $x\nlast";
  const uint32_t x = static_cast<uint32_t>(source.find("$x"));
  EXPECT_EQ(render_error(Error("KeyError", "x", {x, x + 2}), source),
            "<expr>:2:6: KeyError: x\n"
            "\té + $x\n"
            "\t    ^~");
}

TEST(RenderError, MultiLineSpanStopsAtTheLineEnd) {
  const std::string source = "foo(1,\n  2)";
  EXPECT_EQ(render_error(Error("TypeError", "bad", {0, 11}), source),
            "<expr>:1:1: TypeError: bad\n"
            "foo(1,\n"
            "^~~~~~");
}

TEST(RenderError, LongLinesShowAWindowAroundTheSpan) {
  const std::string source = std::string(200, 'a') + "BAD" + std::string(200, 'b');
  const std::string shown = render_error(Error("E", "m", {200, 203}), source);
  const std::string expected_line =
      "..." + std::string(40, 'a') + "BAD" + std::string(77, 'b') + "...";
  const std::string expected_caret = std::string(43, ' ') + "^~~";
  EXPECT_EQ(shown, "<expr>:1:201: E: m\n" + expected_line + "\n" + expected_caret);

  const std::string start_shown = render_error(Error("E", "m", {2, 3}), source);
  EXPECT_EQ(start_shown, "<expr>:1:3: E: m\n" + std::string(120, 'a') + "...\n  ^");

  const uint32_t end = static_cast<uint32_t>(source.size());
  const std::string end_shown = render_error(Error("E", "m", {end - 1, end}), source);
  EXPECT_EQ(end_shown, "<expr>:1:403: E: m\n..." + std::string(120, 'b') + "\n" +
                           std::string(3 + 119, ' ') + "^");
}

}  // namespace
}  // namespace sirocco
