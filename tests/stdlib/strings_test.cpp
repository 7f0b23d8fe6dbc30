// Tests of the YAQL strings module through the Engine API, against python-yaql's answers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interp/error.h"
#include "interp/json.h"
#include "interp/yaql_engine.h"
#include "stdlib/yaql/stdlib.h"

namespace sirocco::yaql {
namespace {

// `expected` is the JSON of the result, or "!" and the type of the error it throws.
struct Case {
  const char* expr;
  const char* data;
  const char* expected;
};

std::string outcome(Engine& engine, const Case& c) {
  try {
    return to_json(engine.evaluate(c.expr, parse_json(c.data)));
  } catch (const Error& e) {
    return "!" + e.type();
  }
}

// The expected text in the form to_json writes.
std::string normalized(const char* expected) {
  return expected[0] == '!' ? expected : to_json(parse_json(expected));
}

void expect_all(const std::vector<Case>& cases) {
  Engine engine(make_standard_registry());
  for (const Case& c : cases) EXPECT_EQ(outcome(engine, c), normalized(c.expected)) << c.expr;
}

TEST(YaqlStrings, ComparisonAndOperators) {
  expect_all({
      {"'abc' > 'ab'", "null", "true"},
      {"'abb' < 'abc'", "null", "true"},
      {"'abc' >= 'abc'", "null", "true"},
      {"'ab' <= 'a'", "null", "false"},
      {"'é' > 'z'", "null", "true"},
      {"'a' < 1", "null", "!NoMatchingFunctionException"},
      {"null < 'a'", "null", "true"},
      {"'ab' + 'cd'", "null", R"("abcd")"},
      {"'a' + 1", "null", "!NoMatchingFunctionException"},
      {"'a' + null", "null", "!NoMatchingFunctionException"},
      {"concat('a', 'b', 'c')", "null", R"("abc")"},
      {"concat('a')", "null", R"("a")"},
      {"concat('a', 1)", "null", "!NoMatchingFunctionException"},
      {"'ab' * 3", "null", R"("ababab")"},
      {"3 * 'ab'", "null", R"("ababab")"},
      {"'ab' * 0", "null", R"("")"},
      {"'ab' * -2", "null", R"("")"},
      {"'ab' * true", "null", R"("ab")"},
      {"'ab' * 1.5", "null", "!NoMatchingFunctionException"},
      {"'b' in 'abc'", "null", "true"},
      {"'' in 'abc'", "null", "true"},
      {"'x' in 'abc'", "null", "false"},
      {"null in 'abc'", "null", "!NoMatchingFunctionException"},
      {"'é' in 'café'", "null", "true"},
  });
}

TEST(YaqlStrings, Case) {
  expect_all({
      {"'aB1c'.toUpper()", "null", R"("AB1C")"},
      {"'AB1c'.toLower()", "null", R"("ab1c")"},
      {"'Привет'.toUpper()", "null", R"("ПРИВЕТ")"},
      {"'Привет'.toLower()", "null", R"("привет")"},
      {"'Straße'.toUpper()", "null", R"("STRASSE")"},
      {"'ﬁx'.toUpper()", "null", R"("FIX")"},
      {"'İ'.toLower().len()", "null", "2"},
      {"'ΣΑΣ'.toLower()", "null", R"("σας")"},
      {"'ΟΔΟΣ ΣΑ'.toLower()", "null", R"("οδος σα")"},
      {"'Σ'.toLower()", "null", R"("σ")"},
      {"'ÄÖü'.toLower()", "null", R"("äöü")"},
      {"'ǅ'.toUpper()", "null", R"("Ǆ")"},
      {"toUpper('a')", "null", "!NoFunctionRegisteredException"},
      {"1.toUpper()", "null", "!NoMatchingMethodException"},
      {"'abc'.len()", "null", "3"},
      {"len('Привет')", "null", "6"},
      {"len(null)", "null", "!NoMatchingFunctionException"},
  });
}

TEST(YaqlStrings, SplitAndJoin) {
  expect_all({
      {"'abc     de  f'.split()", "null", R"(["abc", "de", "f"])"},
      {"'abc     de  f'.split(maxSplits => 1)", "null", R"(["abc", "de  f"])"},
      {"'abcde'.split('c')", "null", R"(["ab", "de"])"},
      {"' a  b '.split(null, 1)", "null", R"(["a", "b "])"},
      {"' a  b '.rightSplit(null, 1)", "null", R"([" a", "b"])"},
      {"'a,b,c'.split(',', 0)", "null", R"(["a,b,c"])"},
      {"'a,b,c'.split(',', true)", "null", R"(["a", "b,c"])"},
      {"'a,b,c'.rightSplit(',', 1)", "null", R"(["a,b", "c"])"},
      {"'ab'.split('')", "null", "!ValueError"},
      {"''.split()", "null", "[]"},
      {"''.split(',')", "null", R"([""])"},
      {"'a b c'.split()", "null", R"(["a", "b", "c"])"},
      {"'a::b::'.split('::')", "null", R"(["a", "b", ""])"},
      {"'abc'.split(separator => b)", "null", R"(["a", "c"])"},
      {R"('one\ntwo\nthree'.rightSplit('\n', 1))", "null", R"(["one\ntwo", "three"])"},
      {"['abc', 'de', 'f'].join('|')", "null", R"("abc|de|f")"},
      {"'|'.join(['abc', 'de', 'f'])", "null", R"("abc|de|f")"},
      {"[1, [2, 3], null, true, 1.5, {a => 1}, set(1)].join(',')", "null",
       R"j("1,(2, 3),null,true,1.5,{'a': 1},frozenset({1})")j"},
      {"[].join(',')", "null", R"("")"},
      {"['a'].join(1)", "null", "!NoMatchingMethodException"},
      {"{a => 1}.join(',')", "null", "!NoMatchingMethodException"},
      {"'ab'.join('cd')", "null", "!NoMatchingMethodException"},
      {"range(3).join('-')", "null", R"("0-1-2")"},
      {"def(str, 'X') -> [1, 2].join(',')", "null", R"("X,X")"},
  });
}

TEST(YaqlStrings, Trimming) {
  expect_all({
      {"'  abcd '.trim()", "null", R"("abcd")"},
      {"'aababa'.trim('a')", "null", R"("bab")"},
      {"'  abcd '.trimLeft()", "null", R"("abcd ")"},
      {"'aababa'.trimLeft('a')", "null", R"("baba")"},
      {"'  abcd '.trimRight()", "null", R"("  abcd")"},
      {"'aababa'.trimRight('a')", "null", R"("aabab")"},
      {"'　x '.trim()", "null", R"("x")"},
      {"'éaé'.trim('é')", "null", R"("a")"},
      {"'abc'.trim('')", "null", R"("abc")"},
      {"'abc'.trim(null)", "null", R"("abc")"},
      {"'  abcd '.norm()", "null", R"("abcd")"},
      {"'aaaa'.norm('a')", "null", "null"},
      {"null.norm()", "null", "null"},
      {"norm(' x ')", "null", R"("x")"},
      {"null.isEmpty()", "null", "true"},
      {"isEmpty('  x')", "null", "false"},
      {"'  '.isEmpty()", "null", "true"},
      {"'  '.isEmpty(false)", "null", "false"},
      {"'abaab'.isEmpty(chars => 'ab')", "null", "true"},
      {"'aba'.isEmpty(chars => 'a')", "null", "false"},
      {"''.isEmpty(trim => false)", "null", "true"},
  });
}

TEST(YaqlStrings, Replace) {
  expect_all({
      {"'abaab'.replace('ab', 'cd')", "null", R"("cdacd")"},
      {"'ABBD'.replace('B', 'x')", "null", R"("AxxD")"},
      {"'ABxD'.replace('B', 'x', 1)", "null", R"("AxxD")"},
      {"'abc'.replace('', '-')", "null", R"("-a-b-c-")"},
      {"'abc'.replace('', '-', 2)", "null", R"("-a-bc")"},
      {"'аб'.replace('', '|')", "null", R"("|а|б|")"},
      {"'aaa'.replace('a', 'b', 0)", "null", R"("aaa")"},
      {"'aaa'.replace('a', 'b', -5)", "null", R"("bbb")"},
      {"'A122Dnull'.replace({1 => y, 2 => false, null => '!'}, 1)", "null", R"("Ayfalse2D!")"},
      {"'abc ab abc'.replace({abc => xx, ab => yy})", "null", R"("xx yy xx")"},
      {"'abc ab abc'.replace({ab => yy, abc => xx}, 1)", "null", R"("yyc ab xx")"},
      {"'abc'.replace(1, 2)", "null", "!NoMatchingMethodException"},
      {"'abc'.replace(old => 'b', new => 'x')", "null", R"("axc")"},
  });
}

TEST(YaqlStrings, Search) {
  expect_all({
      {"$.indexOf(c, 2)", R"("abcdefedcba")", "2"},
      {"$.indexOf(x)", R"("abcdefedcba")", "-1"},
      {"$.indexOf(dcb, 0, 5)", R"("abcdefedcba")", "-1"},
      {"$.indexOf(dcb, 6, 4)", R"("abcdefedcba")", "7"},
      {"$.indexOf(c, -3)", R"("abcdefedcba")", "8"},
      {"$.indexOf(c, -3, -1)", R"("abcdefedcba")", "8"},
      {"$.indexOf('', 11)", R"("abcdefedcba")", "11"},
      {"$.indexOf('', 12)", R"("abcdefedcba")", "-1"},
      {"$.lastIndexOf(c)", R"("abcdefedcbabc")", "12"},
      {"$.lastIndexOf(c, 0, 4)", R"("abcdefedcbabc")", "2"},
      {"$.lastIndexOf(c, 3, 4)", R"("abcdefedcbabc")", "-1"},
      {"$.lastIndexOf('')", R"("abc")", "3"},
      {"$.indexOf('ль')", R"("Привет, мир, мыльце")", "15"},
      {"$.lastIndexOf('м', 0, 10)", R"("Привет, мир, мыльце")", "8"},
      {"'cabcdab'.indexOf('ab', 99999999999999999999999)", "null", "-1"},
      {"'cabcdab'.indexOf('ab', -99999999999999999999999)", "null", "1"},
      {"$.substring(2, 3)", R"("abcdef")", R"("cde")"},
      {"$.substring(-3, 2)", R"("abcdef")", R"("de")"},
      {"$.substring(-5, -1)", R"("abcdef")", R"("bcdef")"},
      {"$.substring(1)", R"("abcdef")", R"("bcdef")"},
      {"$.substring(-8, 3)", R"("abcdef")", R"("")"},
      {"$.substring(10)", R"("abcdef")", R"("")"},
      {"$.substring(2, 2)", R"("даблять")", R"("бл")"},
      {"'abcd'.substring(1, 99999999999999999999999)", "null", R"("bcd")"},
      {"'abcd'.substring(true)", "null", R"("bcd")"},
      {"'abcd'.startsWith('ab', 'xx')", "null", "true"},
      {"'abcd'.startsWith('yy', 'xx', 'zz')", "null", "false"},
      {"'abcd'.startsWith()", "null", "false"},
      {"'ABC'.startsWith(null)", "null", "!NoMatchingMethodException"},
      {"'abcd'.endsWith('cd', 'xx')", "null", "true"},
      {"'abcd'.endsWith('')", "null", "true"},
      {"'abc'.endsWith(1)", "null", "!NoMatchingMethodException"},
  });
}

TEST(YaqlStrings, Conversions) {
  expect_all({
      {"str(null)", "null", R"("null")"},
      {"str(true)", "null", R"("true")"},
      {"str(false)", "null", R"("false")"},
      {"str(123)", "null", R"("123")"},
      {"str(1.0)", "null", R"("1.0")"},
      {"str(1e16)", "null", "!YaqlLexicalException"},
      {"str('12')", "null", R"("12")"},
      {"str([1, 'a', [true, null]])", "null", R"j("(1, 'a', (True, None))")j"},
      {"str({a => [1], b => null})", "null", R"("{'a': (1,), 'b': None}")"},
      {"str(set(1))", "null", R"j("frozenset({1})")j"},
      {"str([])", "null", R"j("()")j"},
      {"isString('ab')", "null", "true"},
      {"isString(null)", "null", "false"},
      {"isString(1)", "null", "false"},
      {"'abc de'.toCharArray()", "null", R"(["a", "b", "c", " ", "d", "e"])"},
      {"'ÿé'.toCharArray()", "null", R"(["ÿ", "é"])"},
      {"''.toCharArray()", "null", "[]"},
      {"characters(digits => true).orderBy($)", "null",
       R"(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])"},
      {"characters(octdigits => true, digits => true).orderBy($)", "null",
       R"(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])"},
      {"characters().len()", "null", "0"},
      {"characters(hexdigits => true).len()", "null", "22"},
      {"characters(printable => true).len()", "null", "100"},
      {"characters(whitespace => true).len()", "null", "6"},
      {"characters(punctuation => true).len()", "null", "32"},
      {"characters(asciiLetters => true, asciiLowercase => true).len()", "null", "52"},
      {"characters(letters => true)", "null", "!AttributeError"},
      {"characters(lowercase => true)", "null", "!AttributeError"},
      {"''.characters()", "null", "!NoMethodRegisteredException"},
      {"hex(255)", "null", R"("0xff")"},
      {"hex(-255)", "null", R"("-0xff")"},
      {"hex(0)", "null", R"("0x0")"},
      {"hex(123456789012345678901234567890)", "null", R"("0x18ee90ff6c373e0ee4e3f0ad2")"},
      {"hex(-9223372036854775808)", "null", R"("-0x8000000000000000")"},
      {"hex(1.5)", "null", "!TypeError"},
      {"hex(null)", "null", "!TypeError"},
      {"hex(true)", "null", "!NoMatchingFunctionException"},
      {"hex('a')", "null", "!NoMatchingFunctionException"},
  });
}

TEST(YaqlStrings, Format) {
  expect_all({
      {"'abc{0}ab{1}abc'.format(' ', ',')", "null", R"("abc ab,abc")"},
      {"'abc{foo}ab{bar}abc'.format(foo => ' ', bar => ',')", "null", R"("abc ab,abc")"},
      {"format('abc{0}ab{foo}abc', ' ', foo => ',')", "null", R"("abc ab,abc")"},
      {"'{} {}'.format(true, [1, 'a'])", "null", R"j("True (1, 'a')")j"},
      {"'{0}'.format(null)", "null", R"("None")"},
      {"'{0!r}'.format('x')", "null", R"("'x'")"},
      {"'{0!s:>4}'.format(null)", "null", R"("None")"},
      {"'{0!a}'.format('é✓😀')", "null", R"("'\\xe9\\u2713\\U0001f600'")"},
      {"'{0}'.format({a => null})", "null", R"("{'a': None}")"},
      {"'{0}'.format(set(1))", "null", R"j("frozenset({1})")j"},
      {"'{:>5}|{:<5}|{:^5}'.format(1, 'ab', 'c')", "null", R"("    1|ab   |  c  ")"},
      {"'{:.2f}'.format(3.14159)", "null", R"("3.14")"},
      {"'{:,}'.format(1234567)", "null", R"("1,234,567")"},
      {"'{:x}'.format(255)", "null", R"("ff")"},
      {"'{:#010_x}'.format(255)", "null", R"("0x000_00ff")"},
      {"'{:08,}'.format(1234)", "null", R"("0,001,234")"},
      {"'{:07,}'.format(1234)", "null", R"("001,234")"},
      {"'{:c}'.format(1234)", "null", R"("Ӓ")"},
      {"'{:03c}'.format(65)", "null", R"("00A")"},
      {"'{:.3}'.format(123.0)", "null", R"("1.23e+02")"},
      {"'{:.3g}'.format(123.0)", "null", R"("123")"},
      {"'{:010}'.format(float('inf'))", "null", R"("0000000inf")"},
      {"'{:x<010}'.format(-5)", "null", R"("-5xxxxxxxx")"},
      {"'{:=10}'.format(-5)", "null", R"("-        5")"},
      {"'{:#b}'.format(-5)", "null", R"("-0b101")"},
      {"'{:#X}'.format(255)", "null", R"("0XFF")"},
      {"'{:+}'.format(0)", "null", R"("+0")"},
      {"'{: }'.format(5)", "null", R"(" 5")"},
      {"'{:%}'.format(0.5)", "null", R"("50.000000%")"},
      {"'{:e}'.format(12345)", "null", R"("1.234500e+04")"},
      {"'{:,.2f}'.format(1234567.891)", "null", R"("1,234,567.89")"},
      {"'{:_b}'.format(255)", "null", R"("1111_1111")"},
      {"'{:n}'.format(1234567)", "null", R"("1234567")"},
      {"'{:g}'.format(0.00001)", "null", R"("1e-05")"},
      {"'{:g}'.format(123456789.0)", "null", R"("1.23457e+08")"},
      {"'{:}'.format(10000000000000000.0)", "null", R"("1e+16")"},
      {"'{:.1}'.format('abc')", "null", R"("a")"},
      {"'{:^6}'.format('ab')", "null", R"("  ab  ")"},
      {"'{:é^7}'.format('ab')", "null", R"("ééabééé")"},
      {"'{:05}'.format('ab')", "null", R"("ab000")"},
      {"'{:z.1f}'.format(-0.01)", "null", R"("0.0")"},
      {"'{:#.3g}'.format(1.0)", "null", R"("1.00")"},
      {"'{:#.0f}'.format(1.0)", "null", R"("1.")"},
      {"'{:.10}'.format(1.0 / 3)", "null", R"("0.3333333333")"},
      {"'{:.17g}'.format(0.1)", "null", R"("0.10000000000000001")"},
      {"'{:010.2f}'.format(-3.14159)", "null", R"("-000003.14")"},
      {"'{:,d}'.format(true)", "null", R"("1")"},
      {"'{:f}'.format(true)", "null", R"("1.000000")"},
      {"'{:5}'.format(true)", "null", R"("    1")"},
      {"'{:d}'.format(true)", "null", R"("1")"},
      {"'{:E}'.format(float('-inf'))", "null", R"("-INF")"},
      {"'{:.5}'.format(float('nan'))", "null", R"("nan")"},
      {"'{:{}}'.format(1, 5)", "null", R"("    1")"},
      {"'{:{}.{}f}'.format(3.14159, 8, 2)", "null", R"("    3.14")"},
      {"'{0:{1:{2}}}'.format(1, 2, 3)", "null", "!ValueError"},
      {"'{{}}{{{0}}}'.format(7)", "null", R"("{}{7}")"},
      {"'{:x}'.format(123456789012345678901234567890)", "null", R"("18ee90ff6c373e0ee4e3f0ad2")"},
      {"'{:,}'.format(-123456789012345678901234567890)", "null",
       R"("-123,456,789,012,345,678,901,234,567,890")"},
      {"'{:e}'.format(123456789012345678901234567890)", "null", R"("1.234568e+29")"},
      {"'{:.2e}'.format(-0.0001)", "null", R"("-1.00e-04")"},
      {"'{:c}'.format(-1)", "null", "!OverflowError"},
      {"'{:c}'.format(99999999999999999999)", "null", "!OverflowError"},
      {"'{}{1}'.format(1, 2)", "null", "!ValueError"},
      {"'{0}{}'.format(1, 2)", "null", "!ValueError"},
      {"'{2}'.format(1)", "null", "!IndexError"},
      {"'{}'.format()", "null", "!IndexError"},
      {"'{x}'.format(1)", "null", "!KeyError"},
      {"'}'.format()", "null", "!ValueError"},
      {"'{'.format()", "null", "!ValueError"},
      {"'{0'.format(1)", "null", "!ValueError"},
      {"'{0!}'.format(1)", "null", "!ValueError"},
      {"'{0!x}'.format(1)", "null", "!ValueError"},
      {"'{0!rx}'.format(1)", "null", "!ValueError"},
      {"'{:{'.format(1)", "null", "!ValueError"},
      {"'{a{b}'.format(1)", "null", "!ValueError"},
      {"'{:5}'.format(null)", "null", "!TypeError"},
      {"'{0:5}'.format([1])", "null", "!TypeError"},
      {"'{0:5}'.format({a => 1})", "null", "!TypeError"},
      {"'{0:5}'.format(set(1))", "null", "!TypeError"},
      {"'{:s}'.format(5)", "null", "!ValueError"},
      {"'{:d}'.format('s')", "null", "!ValueError"},
      {"'{:d}'.format(5.0)", "null", "!ValueError"},
      {"'{:+}'.format('s')", "null", "!ValueError"},
      {"'{:#}'.format('s')", "null", "!ValueError"},
      {"'{:=}'.format('s')", "null", "!ValueError"},
      {"'{:,}'.format('s')", "null", "!ValueError"},
      {"'{:.}'.format(5)", "null", "!ValueError"},
      {"'{:xx}'.format(5)", "null", "!ValueError"},
      {"'{:,_}'.format(5)", "null", "!ValueError"},
      {"'{:,,}'.format(5)", "null", "!ValueError"},
      {"'{:.5d}'.format(5)", "null", "!ValueError"},
      {"'{:+c}'.format(5)", "null", "!ValueError"},
      {"'{:#c}'.format(5)", "null", "!ValueError"},
      {"'{:,n}'.format(5)", "null", "!ValueError"},
      {"'{:_c}'.format(5)", "null", "!ValueError"},
      {"'{:z}'.format(5)", "null", "!ValueError"},
      {"'{:z}'.format('s')", "null", "!ValueError"},
      {"'{:s}'.format(true)", "null", "!ValueError"},
      {"'{:99999999999999999999}'.format(5)", "null", "!ValueError"},
      {"'{:é}'.format(1)", "null", "!ValueError"},
      {"format(1)", "null", "!NoMatchingFunctionException"},
      {"format('{a}', a => 1, b => 2)", "null", R"("1")"},
  });
}

// Where Sirocco deliberately differs from the reference: format fields may not walk
// attributes or indexes (yaql's CVE-2024-29156), and huge strings are refused.
TEST(YaqlStrings, Guards) {
  expect_all({
      {"'{0.__class__}'.format(1)", "null", "!ValueError"},
      {"'{0[0]}'.format([1])", "null", "!ValueError"},
      {"'{a.real}'.format(a => 1)", "null", "!ValueError"},
      {"'{[0]}'.format([1])", "null", "!ValueError"},
      {"'{:{0.real}}'.format(1)", "null", "!ValueError"},
      {"('ab' * 1000).len()", "null", "2000"},
      {"'ab' * 100000000", "null", "!MemoryQuotaExceededException"},
      {"100000000 * 'ab'", "null", "!MemoryQuotaExceededException"},
      {"'{:1000000000}'.format(1)", "null", "!MemoryQuotaExceededException"},
      {"'{:.1000000000f}'.format(1.0)", "null", "!MemoryQuotaExceededException"},
      {"('x' * 20000).replace('', 'y' * 10000)", "null", "!MemoryQuotaExceededException"},
  });
}

TEST(YaqlStrings, MemoryQuotaOfTheSandbox) {
  Engine engine(make_standard_registry());
  Limits limits;
  limits.memory_quota = 1000;
  EXPECT_EQ(to_json(engine.evaluate("('ab' * 500).len()", Value(), limits)), "1000");
  EXPECT_THROW(engine.evaluate("'ab' * 501", Value(), limits), Error);
  EXPECT_THROW(engine.evaluate("'{:2000}'.format(1)", Value(), limits), Error);
}

}  // namespace
}  // namespace sirocco::yaql
