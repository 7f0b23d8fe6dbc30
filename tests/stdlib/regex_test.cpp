// Tests of the YAQL regex module through the Engine API, against python-yaql's answers:
// Python `re` syntax and semantics on PCRE2, match records, templates, errors and limits.
#include <gtest/gtest.h>

#include <chrono>
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
  const char* expected;
};

std::string outcome(Engine& engine, const char* expr) {
  try {
    return to_json(engine.evaluate(expr, Value()));
  } catch (const Error& e) {
    return "!" + e.type();
  }
}

void expect_all(const std::vector<Case>& cases) {
  Engine engine(make_standard_registry());
  for (const Case& c : cases) EXPECT_EQ(outcome(engine, c.expr), c.expected) << c.expr;
}

TEST(YaqlRegex, RegexValuesAndTheirArguments) {
  expect_all({
      {"isRegex(regex('a.b'))", "true"},
      {"isRegex('a.b')", "false"},
      {"isRegex(null)", "false"},
      {"regex('a.c') = regex('a.c')", "true"},
      {"regex('a.c') = regex('a.c', ignoreCase => true)", "false"},
      {"regex('a') != regex('b')", "true"},
      {"regex(pattern => 'a').matches('a')", "true"},
      {"regex('a', ignoreCase => null).matches('A')", "false"},
      {"regex('a', true).matches('A')", "true"},
      {"regex(1)", "!NoMatchingFunctionException"},
      {"regex(null)", "!NoMatchingFunctionException"},
      {"regex('a', ignoreCase => 1)", "!NoMatchingFunctionException"},
      {"regex('a', multiline => true)", "!NoMatchingFunctionException"},
      {"regex('a', false, false, true, 1)", "!NoMatchingFunctionException"},
      {"regex('a').isRegex()", "!NoMethodRegisteredException"},
  });
}

TEST(YaqlRegex, MatchesAndOperators) {
  expect_all({
      {"regex('a.b').matches(abx)", "false"},
      {"regex('b').matches('abc')", "true"},
      {"'abc'.matches('b')", "true"},
      {"'abc' =~ 'a.c'", "true"},
      {"abx =~ regex('a.b')", "false"},
      {"'abc' =~ regex('A.C', ignoreCase => true)", "true"},
      {"axb !~ regex('a.b')", "false"},
      {"abx !~ 'a.b'", "true"},
      {"'abc'.matches(regex('b'))", "!NoMatchingMethodException"},
      {"regex('a.c').matches(1)", "!NoMatchingMethodException"},
      {"matches(regex('b'), 'abc')", "!NoFunctionRegisteredException"},
      {"regex('a') =~ 'a'", "!NoMatchingFunctionException"},
      {"1 =~ 'a'", "!NoMatchingFunctionException"},
      {"'a' =~ 1", "!NoMatchingFunctionException"},
      {"'a' !~ null", "!NoMatchingFunctionException"},
  });
}

TEST(YaqlRegex, PythonSyntaxAndSemantics) {
  expect_all({
      {"regex('a$').matches('a\\n')", "true"},
      {"regex('a\\\\Z').matches('a\\n')", "false"},
      {"regex('a\\\\Z').matches('a')", "true"},
      {"regex('^b').matches('a\\nb')", "false"},
      {"regex('^b', multiLine => true).matches('a\\nb')", "true"},
      {"regex('^', multiLine => true).searchAll('a\\nb\\n', $.start)", "[0,2,4]"},
      {"regex('$', multiLine => true).searchAll('a\\nb\\n', $.start)", "[1,3,4]"},
      {"regex('(?m)^b$').matches('a\\r\\nb\\r\\n')", "false"},
      {"regex('a.b').matches('a\\nb')", "false"},
      {"regex('a.b', dotAll => true).matches('a\\nb')", "true"},
      {"regex('(?P<x>a)(?P=x)').matches('aa')", "true"},
      {"regex('(a)\\\\1').matches('aa')", "true"},
      {"regex('\\\\012').matches('\\n')", "true"},
      {"regex('\\\\u00e9').matches('é')", "true"},
      {"regex('\\\\x41').matches('A')", "true"},
      {"regex('\\\\v').matches('v')", "false"},
      {"regex('a{,2}b').search('aab')", "\"aab\""},
      {"regex('a{,}').search('aaa')", "\"aaa\""},
      {"regex('a{}').search('a{}')", "\"a{}\""},
      {"regex('a{ 1}').search('a{ 1}')", "\"a{ 1}\""},
      {"regex('[[:alpha:]]').matches('a')", "false"},
      {"regex('[]a]').searchAll(']a')", "[\"]\",\"a\"]"},
      {"regex('[\\\\b]').matches('\\b')", "true"},
      {"regex('(?x) a  b # comment (\\n c').matches('abc')", "true"},
      {"regex('(?x)[ ]a').matches(' a')", "true"},
      {"regex('(?i:A)b').matches('aB')", "false"},
      {"regex('(?P<x>a)?(?(x)b|c)').searchAll('ab c')", "[\"ab\",\"c\"]"},
      {"regex('\\\\d').matches('٣')", "true"},
      {"regex('\\\\w+').searchAll('日本語 abc_1 ½')", "[\"日本語\",\"abc_1\",\"½\"]"},
      {"regex('[\\\\s]').searchAll('a\\u001cb')", "[\"\\u001c\"]"},
      {"regex('é+', ignoreCase => true).search('xÉÉé')", "\"ÉÉé\""},
      {"regex('K', ignoreCase => true).matches('\\u212a')", "true"},
  });
}

TEST(YaqlRegex, BadPatternsRaiseWhatPythonRaises) {
  expect_all({
      {"regex('(')", "!error"},          {"regex('[').matches('a')", "!error"},
      {"regex('a)')", "!error"},         {"regex('*')", "!error"},
      {"regex('a**')", "!error"},        {"regex('a{1,2}{2}')", "!error"},
      {"regex('a{2,1}')", "!error"},     {"regex('^*')", "!error"},
      {"regex('(*FAIL)')", "!error"},    {"regex('(?R)')", "!error"},
      {"regex('(?<name>a)')", "!error"}, {"regex('(?P<a>x)(?P<a>y)')", "!error"},
      {"regex('(?P=a)')", "!error"},     {"regex('(a\\\\1)')", "!error"},
      {"regex('\\\\12')", "!error"},     {"regex('\\\\z')", "!error"},
      {"regex('\\\\p{L}')", "!error"},   {"regex('\\\\x4')", "!error"},
      {"regex('[\\\\A]')", "!error"},    {"regex('a(?i)')", "!error"},
      {"regex('(?L)a')", "!error"},      {"regex('(?a)\\\\w')", "!ValueError"},
      {"regex('(?<=a+)b')", "!error"},   {"'abc' =~ '['", "!error"},
  });
}

TEST(YaqlRegex, SearchGivesTheMatchOrASelectorOfItsRecord) {
  expect_all({
      {"regex('a').search('b')", "null"},
      {"regex('a').search('b', $)", "null"},
      {"regex('a.c').search('xabcx', $)", "{\"value\":\"abc\",\"start\":1,\"end\":4}"},
      {"regex('b').search('abc', selector => $.start)", "1"},
      {"regex('a').search('xa', null)", "null"},
      {"regex('(a)(b)?').search('xa', $2)", "{\"value\":\"a\",\"start\":1,\"end\":2}"},
      {"regex('(a)(b)?').search('xa', $3)", "{\"value\":null,\"start\":-1,\"end\":-1}"},
      {"regex('é(.)').search('àéüx', $2)", "{\"value\":\"ü\",\"start\":2,\"end\":3}"},
      {"regex('(?<=(a))b').search('ab', $2)", "{\"value\":\"a\",\"start\":0,\"end\":1}"},
      {"regex(`(\\d+)\\.?(\\d+)?`).search('aa24.16bb', "
       "format('{0} = {1}({2}-{3}) + {4}({5}-{6})', $.value, $2.value, $2.start, $2.end, "
       "$3.value, $3.start, $3.end))",
       "\"24.16 = 24(2-4) + 16(5-7)\""},
      {"'abc'.search('b')", "!NoMatchingMethodException"},
      {"search(regex('a'), 'xaya')", "!NoFunctionRegisteredException"},
  });
}

// The reference unpacks each named group's value as a (key, name) pair when it publishes a
// match to a selector; only a two-character value naming a group survives that.
TEST(YaqlRegex, NamedGroupsArePublishedTheWayTheReferenceDoes) {
  expect_all({
      {"regex('(?P<ab>xy)').search('axy')", "\"xy\""},
      {"regex('(?P<ab>xy)').searchAll('axy')", "[\"xy\"]"},
      {"regex('(?P<x>a)(b)?').search('xa', $)", "!ValueError"},
      {"regex('(?P<ab>xyz)').search('axyz', $)", "!ValueError"},
      {"regex('(?P<ab>xy)(?P<y>q)?').search('axy', $)", "!TypeError"},
      {"regex('(?P<ab>xy)').search('axy', $)", "!IndexError"},
      {"regex('(?P<ab>xy)').replaceBy('axy', 1)", "!IndexError"},
      {"regex('(?P<q>kq)').search('xkq', [$2, $k])",
       "[{\"value\":\"kq\",\"start\":1,\"end\":3},{\"value\":\"q\",\"start\":1,\"end\":3}]"},
  });
}

TEST(YaqlRegex, SearchAllFollowsFinditer) {
  expect_all({
      {"regex('a.c').searchAll('abcadc')", "[\"abc\",\"adc\"]"},
      {"regex('a.c').searchAll('abcadc', $)",
       "[{\"value\":\"abc\",\"start\":0,\"end\":3},{\"value\":\"adc\",\"start\":3,\"end\":6}]"},
      {"regex('x*').searchAll('axxb', $.start)", "[0,1,3,4]"},
      {"regex('a|').searchAll('baab', $.value)", "[\"\",\"a\",\"a\",\"\",\"\"]"},
      {"regex('').searchAll('abc', $.start)", "[0,1,2,3]"},
      {"regex('.').searchAll('😀a', $.end)", "[1,2]"},
      {"regex('(.)(.)').searchAll('日本語です', [$2.start, $3.end])", "[[0,2],[2,4]]"},
      {"regex('a').searchAll('xa', null)", "[null]"},
      {"regex('[a-z]+').searchAll('naïve')", "[\"na\",\"ve\"]"},
      {"regex('x').searchAll('x' * 1000000).take(2)", "[\"x\",\"x\"]"},
      {"'x'.searchAll('^a')", "!NoMatchingMethodException"},
  });
}

TEST(YaqlRegex, Split) {
  expect_all({
      {"regex(`\\W+`).split('Words, words, words.')", "[\"Words\",\"words\",\"words\",\"\"]"},
      {"regex(`(\\W+)`).split('Words, words, words.')",
       "[\"Words\",\", \",\"words\",\", \",\"words\",\".\",\"\"]"},
      {"regex(`\\W+`).split('Words, words, words.', 1)", "[\"Words\",\"words, words.\"]"},
      {"'Words, words, words.'.split(regex(`\\W+`), maxSplit => 2)",
       "[\"Words\",\"words\",\"words.\"]"},
      {"regex('a').split('xaya', maxSplit => 1)", "[\"x\",\"ya\"]"},
      {"regex('a').split('xaya', -1)", "[\"xaya\"]"},
      {"regex('a').split('xaya', true)", "[\"x\",\"ya\"]"},
      {"regex('(a)|(b)').split('xayb')", "[\"x\",\"a\",null,\"y\",null,\"b\",\"\"]"},
      {"regex('x*').split('axxb')", "[\"\",\"a\",\"\",\"b\",\"\"]"},
      {"regex('b').split('日b本b語', 1)", "[\"日\",\"本b語\"]"},
      {"'ab ab'.split(regex('[aeiou]')).take(2)", "[\"\",\"b \"]"},
      {"'a b'.split(' ')", "[\"a\",\"b\"]"},
      {"regex('a').split('xaya', null)", "!NoMatchingMethodException"},
      {"'xaya'.split('a', maxSplit => 1)", "!NoMatchingMethodException"},
      {"'xaya'.split(1)", "!NoMatchingMethodException"},
  });
}

TEST(YaqlRegex, ReplaceExpandsPythonTemplates) {
  expect_all({
      {"a12b23.replace(regex(`\\d+`), xx)", "\"axxbxx\""},
      {"a12b23.replace(regex(`\\d+`), xx, 1)", "\"axxb23\""},
      {"regex('a').replace('xaya', 'b', count => 1)", "\"xbya\""},
      {"regex('a').replace('xaya', 'z', -1)", "\"xaya\""},
      {"regex('x*').replace('axxb', '-')", "\"-a--b-\""},
      {"regex('$').replace('abc\\n', '-')", "\"abc-\\n-\""},
      {"regex('(a)').replace('xaya', '<\\\\1>')", "\"x<a>y<a>\""},
      {"regex('(a)').replace('xaya', '<\\\\g<1>>')", "\"x<a>y<a>\""},
      {"regex('(?P<n>a)').replace('xaya', '<\\\\g<n>>')", "\"x<a>y<a>\""},
      {"regex('(a)').replace('xaya', '\\\\g<0>!')", "\"xa!ya!\""},
      {"regex('(a)(b)?').replace('xaya', '[\\\\2]')", "\"x[]y[]\""},
      {"regex('(a)').replace('xaya', '\\\\n\\\\t\\\\\\\\')", "\"x\\n\\t\\\\y\\n\\t\\\\\""},
      {"regex('a').replace('xaya', '\\\\.')", "\"x\\\\.y\\\\.\""},
      {"regex('(a)').replace('xaya', '\\\\141')", "\"xaya\""},
      {"regex('(a)').replace('xaya', '$1')", "\"x$1y$1\""},
      {"regex('(a)').replace('xaya', '<\\\\2>')", "!error"},
      {"regex('(a)').replace('xaya', '\\\\q')", "!error"},
      {"regex('a').replace('xyz', '\\\\q')", "!error"},
      {"regex('a').replace('xaya', '\\\\')", "!error"},
      {"regex('(?P<ab>xy)').replace('axy', '[\\\\g<zz>]')", "!IndexError"},
      {"regex('(?P<ab>xy)').replace('axy', '[\\\\g<1]')", "!error"},
      {"regex('a').replace('xaya', 1)", "!NoMatchingMethodException"},
      {"regex('a').replace('xaya', 'b', null)", "!NoMatchingMethodException"},
      {"'xaya'.replace('a', regex('b'))", "!NoMatchingMethodException"},
      {"'xaya'.replace('a', 'b')", "\"xbyb\""},
  });
}

TEST(YaqlRegex, ReplaceByEvaluatesTheLambdaPerMatch) {
  expect_all({
      {"regex(`\\d+`).replaceBy(a12b23, let(a => int($.value)) -> switch($a < 20 => xx, true => "
       "yy))",
       "\"axxbyy\""},
      {"a12b23.replaceBy(regex(`\\d+`), with(int($.value)) -> switch($ < 20 => xx, true => yy), "
       "1)",
       "\"axxb23\""},
      {"regex('(a)').replaceBy('xaya', $2.value + '!')", "\"xa!ya!\""},
      {"regex('a').replaceBy('xaya', null)", "\"xy\""},
      {"regex('(a)|b').replaceBy('xayb', $2.value)", "\"xay\""},
      {"regex('a').replaceBy('xaya', 1)", "!TypeError"},
      {"'xaya'.replaceBy(regex('a'), $.start)", "!TypeError"},
      {"[regex('(a)').replaceBy('xa', 'b'), $2]", "[\"xb\",null]"},
      {"'n={}'.replaceBy('[0-9]+', $.value)", "!NoMatchingMethodException"},
  });
}

TEST(YaqlRegex, EscapeRegex) {
  expect_all({
      {"escapeRegex('a.b c_d-é\\n')", "\"a\\\\.b\\\\ c_d\\\\-é\\\\\\n\""},
      {"escapeRegex('')", "\"\""},
      {"regex(escapeRegex('a.b*c')).matches('a.b*c')", "true"},
      {"regex(escapeRegex('a.b*c')).matches('axbbc')", "false"},
      {"escapeRegex(123)", "!NoMatchingFunctionException"},
      {"'x'.escapeRegex()", "!NoMethodRegisteredException"},
  });
}

TEST(YaqlRegex, CatastrophicBacktrackingStopsQuickly) {
  const auto start = std::chrono::steady_clock::now();
  expect_all({
      {"regex('(a+)+$').matches('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab')",
       "!RegexLimitExceeded"},
      {"'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac' =~ '(a|aa)+$'",
       "!RegexLimitExceeded"},
      {"regex('(a+)+$').matches('aaaa')", "true"},
  });
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

}  // namespace
}  // namespace sirocco::yaql
