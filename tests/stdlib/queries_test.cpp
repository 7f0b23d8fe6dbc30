// Tests of the YAQL queries module (where, select, orderBy, groupBy, ...) through the Engine
// API. Every expected answer is python-yaql's (Mistral settings), taken from the oracle.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interp/error.h"
#include "interp/json.h"
#include "interp/yaql_engine.h"
#include "stdlib/yaql/stdlib.h"

namespace sirocco::yaql {
namespace {

// `expected` is the JSON of the result, or "!" and the type of the error it throws; `data`
// is the JSON bound to `$`.
struct Case {
  const char* expr;
  const char* expected;
  const char* data = "null";
};

std::string outcome(Engine& engine, const Case& c) {
  try {
    return to_json(engine.evaluate(c.expr, parse_json(c.data)));
  } catch (const Error& e) {
    return "!" + e.type();
  }
}

void expect_all(const std::vector<Case>& cases) {
  Engine engine(make_standard_registry());
  for (const Case& c : cases) EXPECT_EQ(outcome(engine, c), c.expected) << c.expr;
}

TEST(YaqlQueries, WhereAndSelectAreLazyFilterAndMap) {
  expect_all({
      {"[1, 2, 3, 4].where($ > 2)", "[3,4]"},
      {"$.filter($.a)", R"([{"a":1},{"a":"x"}])", R"([{"a":1},{"a":0},{"a":"x"}])"},
      {"[1, 2, 3].select($ * $)", "[1,4,9]"},
      {"[1, 2].map([$, $ + 1])", "[[1,2],[2,3]]"},
      {"$.select($.name)", R"(["a","b"])", R"([{"name":"a"},{"name":"b"}])"},
      {"[1, 2].where($ > 1, 2)", "!NoMatchingMethodException"},
      {"where([1, 2], $ > 1)", "!NoFunctionRegisteredException"},
      {"select([1], $)", "!NoFunctionRegisteredException"},
  });
}

TEST(YaqlQueries, AttributeOfACollectionAppliesToEveryItem) {
  expect_all({
      {"$.a", "[1,2]", R"([{"a":1},{"a":2,"b":3}])"},
      {"$.a", "[[1],[2]]", R"([[{"a":1}],[{"a":2}]])"},
      {"set({a => 1}).a", "[1]"},
      {"$.a", "!KeyError", R"([{"a":1},{"b":2}])"},
      {"[1, 2].a", "!NoFunctionRegisteredException"},
      {"$.select($.tags).a", "[[5]]", R"([{"tags":[{"a":5}]}])"},
  });
}

TEST(YaqlQueries, SelectManyFlattensIterableResults) {
  expect_all({
      {"[[1, 2], [3]].selectMany($)", "[1,2,3]"},
      {"[0, [1, 2], 3].selectMany($ * 2)", "[0,1,2,1,2,6]"},
      {"['ab', 'c'].selectMany($)", R"(["ab","c"])"},
      {"[{a => 1}].selectMany($)", R"([{"a":1}])"},
      {"[1, 2].selectMany(range($))", "[0,0,1]"},
  });
}

TEST(YaqlQueries, SkipTakeAndWhileVariantsFollowIslice) {
  expect_all({
      {"[1, 2, 3, 4].skip(2)", "[3,4]"},
      {"[1, 2, 3].skip(5)", "[]"},
      {"[1, 2, 3].skip(true)", "[2,3]"},
      {"[1, 2, 3].skip(-1)", "!ValueError"},
      {"[1, 2, 3].skip(9223372036854775808)", "!ValueError"},
      {"[1, 2, 3].skip(null)", "!NoMatchingMethodException"},
      {"[1, 2, 3].skip(1.5)", "!NoMatchingMethodException"},
      {"[1, 2, 3].take(2)", "[1,2]"},
      {"[1, 2, 3].limit(0)", "[]"},
      {"[1, 2, 3].limit(10)", "[1,2,3]"},
      {"[1, 2, 3].take(-1)", "!ValueError"},
      {"take([1, 2], 1)", "!NoFunctionRegisteredException"},
      {"[1, 2, 3, 1].takeWhile($ < 3)", "[1,2]"},
      {"[1, 2, 3, 1].skipWhile($ < 3)", "[3,1]"},
      {"[1, 2].skipWhile(true)", "[]"},
  });
}

TEST(YaqlQueries, InfiniteAndOneShotSequencesStayLazy) {
  expect_all({
      {"range(0, 1000000000).where($ mod 2 = 0).take(3)", "[0,2,4]"},
      {"sequence().select($ * 10).skip(2).take(3)", "[20,30,40]"},
      {"sequence(5, -2).takeWhile($ > 0)", "[5,3,1]"},
      {"[1, 2].cycle().take(5)", "[1,2,1,2,1]"},
      {"1.repeat().take(3)", "[1,1,1]"},
      {"sequence().selectMany([$, $]).take(5)", "[0,0,1,1,2]"},
      {"sequence().zip(sequence(10)).take(2)", "[[0,10],[1,11]]"},
      {"range(3).cycle().enumerate().take(4)", "[[0,0],[1,1],[2,2],[3,0]]"},
      {"sequence().distinct($ mod 3).take(3)", "[0,1,2]"},
      {"[1].join(sequence(), $2 = 3, [$1, $2]).take(1)", "[[1,3]]"},
      {"sequence().append(1).concat([2]).take(2)", "[0,1]"},
      {"[1, 0, 2].select(4 / $).take(1)", "[4]"},
      {"generate(0, true, $ + 1).take(3)", "[0,1,2]"},
      {"generateMany(0, [$ + 1, $ + 2]).take(4)", "[0,1,2,2]"},
      {"let(range(4)) -> $.sum() + $.len()", "6"},
      {"let(x => [1, 2].select($)) -> [$x.sum(), $x.count()]", "[3,0]"},
  });
}

TEST(YaqlQueries, AppendConcatAndZipChainCollections) {
  expect_all({
      {"[1, 2].append(3, [4])", "[1,2,3,[4]]"},
      {"append([1], 2, 3)", "[1,2,3]"},
      {"[1].append()", "[1]"},
      {"[1].concat([2, 3], set(4))", "[1,2,3,4]"},
      {"concat([1], [2])", "[1,2]"},
      {"[1].concat(2)", "!NoMatchingMethodException"},
      {"[1, 2, 3].zip([4, 5], [6, 7, 8])", "[[1,4,6],[2,5,7]]"},
      {"[1, 2].zip()", "[[1],[2]]"},
      {"[1, 2].zip(3)", "!NoMatchingMethodException"},
      {"zip([1], [2])", "!NoFunctionRegisteredException"},
      {"[1, 2, 3].zipLongest([4, 5], [6])", "[[1,4,6],[2,5,null],[3,null,null]]"},
      {"[1, 2, 3].zipLongest([4, 5], default => 0)", "[[1,4],[2,5],[3,0]]"},
      {"[1].zipLongest([4, 5], other => 7)", "[[1,4],[null,5]]"},
      {"[1].zipLongest([2, 3], 0)", "!NoMatchingMethodException"},
  });
}

TEST(YaqlQueries, EnumerateAndDistinct) {
  expect_all({
      {"['a', 'b'].enumerate()", R"([[0,"a"],[1,"b"]])"},
      {"enumerate(['a', 'b'], 3)", R"([[3,"a"],[4,"b"]])"},
      {"['a'].enumerate(true)", R"([[1,"a"]])"},
      {"['a'].enumerate(null)", "!TypeError"},
      {"[].enumerate(null)", "!TypeError"},
      {"['a'].enumerate(1.5)", "!NoMatchingMethodException"},
      {"[1, 2, 1, 3, 2].distinct()", "[1,2,3]"},
      {"[1, 1.0, true].distinct()", "[1]"},
      {"[[1], [1], {a => 1}, {a => 1}].distinct()", R"([[1],{"a":1}])"},
      {"distinct($, $[1])", R"([["a",1],["b",2]])", R"([["a",1],["b",2],["c",1]])"},
      {"[1, 2].distinct(null)", "[1]"},
      {"[1, 2, 3].distinct(keySelector => $ mod 2)", "[1,2]"},
  });
}

TEST(YaqlQueries, JoinPairsItemsThePredicateAccepts) {
  expect_all({
      {"[1, 2, 3, 4].join([2, 5, 6], $1 > $2, [$1, $2])", "[[3,2],[4,2]]"},
      {"[1, 2].join([3, 4], true, $1 * $2)", "[3,4,6,8]"},
      {"[1, 2].join(range(3), $1 < $2, [$1, $2])", "[[1,2]]"},
      {"[].join([1], true, 1)", "[]"},
      {"[1, 2].join(3, true, 1)", "!NoMatchingMethodException"},
  });
}

TEST(YaqlQueries, FirstLastSingleRaiseStopIterationWhenEmpty) {
  expect_all({
      {"[3, 1].first()", "3"},
      {"[].first()", "!StopIteration"},
      {"[].first(null)", "null"},
      {"set(3).first()", "3"},
      {"[].first(default => 7)", "7"},
      {"range(5).where($ > 2).first()", "3"},
      {"[1, 2].last()", "2"},
      {"range(0).last()", "!StopIteration"},
      {"range(0).last(9)", "9"},
      {"range(4).last()", "3"},
      {"[[1]].single()", "[1]"},
      {"[].single()", "!StopIteration"},
      {"[1, 2].single()", "!StopIteration"},
      {"range(1).single()", "0"},
      {"first([1])", "!NoFunctionRegisteredException"},
  });
}

TEST(YaqlQueries, AnyAllAndCount) {
  expect_all({
      {"[[], 0, ''].any()", "true"},
      {"[[], 0, ''].any(predicate => $)", "false"},
      {"[].any()", "false"},
      {"any([0])", "true"},
      {"[0, 1].any(null)", "false"},
      {"[1, [], ''].all()", "false"},
      {"[1, [0], 'a'].all()", "true"},
      {"[].all()", "true"},
      {"all([1, 2], $ > 0)", "true"},
      {"[1, 2].count()", "2"},
      {"range(3).count()", "3"},
      {"range(3).len()", "3"},
      {"len(range(3).where($ > 0))", "2"},
      {"count([1])", "!NoFunctionRegisteredException"},
      {"sequence().any($ > 5)", "true"},
      {"sequence().all($ < 5)", "false"},
  });
}

TEST(YaqlQueries, IndexOfFamily) {
  expect_all({
      {"[1, 2, 3, 2].indexOf(2)", "1"},
      {"[1, 2, 3, 2].indexOf(22)", "-1"},
      {"[1, 2].indexOf(2.0)", "1"},
      {"[1, 2].indexOf(true)", "0"},
      {"[1, 2, 3, 2].lastIndexOf(2)", "3"},
      {"[1, 2, 3, 2].lastIndexOf(7)", "-1"},
      {"[1, 2, 3, 2].indexWhere($ > 1)", "1"},
      {"[1, 2, 3, 2].indexWhere($ > 3)", "-1"},
      {"[1, 2, 3, 2].lastIndexWhere($ = 2)", "3"},
      {"sequence().indexWhere($ > 10)", "11"},
      {"[1, 2].indexOf(2, 1)", "!NoMatchingMethodException"},
      {"indexOf([1], 1)", "!NoFunctionRegisteredException"},
  });
}

TEST(YaqlQueries, SumMaxMinFoldThroughOperators) {
  expect_all({
      {"[3, 1, 2].sum()", "6"},
      {"['a', 'b'].sum('c')", R"("cab")"},
      {"[[1], [2, 3]].sum()", "[1,2,3]"},
      {"[].sum()", "!TypeError"},
      {"[].sum(100)", "100"},
      {"[1, 2].sum(null)", "!NoMatchingFunctionException"},
      {"[1, 2].sum(initial => 10)", "13"},
      {"[44, 234, 23].max()", "234"},
      {"[].max()", "!TypeError"},
      {"[1, 2].max(5)", "5"},
      {"[null, 1].max()", "1"},
      {"['a', 'b'].max()", R"("b")"},
      {"[1, 'b'].max()", "!NoMatchingFunctionException"},
      {"[3, 1, 2].min()", "1"},
      {"[].min(0)", "0"},
      {"[1, 2].min(initial => 0)", "0"},
  });
}

TEST(YaqlQueries, AggregateReduceAndAccumulate) {
  expect_all({
      {"[a, a, b, a, a].aggregate($1 + $2)", R"("aabaa")"},
      {"[].aggregate($1 + $2, 1)", "1"},
      {"[].aggregate($1 + $2)", "!TypeError"},
      {"[1, 2, 3].aggregate($1 + $2, 10)", "16"},
      {"[1, 2, 3].reduce($1 * $2)", "6"},
      {"[2, 3].reduce($1 * $2, seed => 4)", "24"},
      {"[1, 2, 3].accumulate($1 + $2)", "[1,3,6]"},
      {"[1, 2, 3].accumulate($1 + $2, 100)", "[100,101,103,106]"},
      {"[].accumulate($1 + $2, 1)", "[1]"},
      {"[].accumulate($1 + $2)", "!TypeError"},
      {"[1, 2].accumulate($1 + $2, null)", "!NoMatchingFunctionException"},
      {"sequence(1).accumulate($1 * $2).take(5)", "[1,2,6,24,120]"},
  });
}

TEST(YaqlQueries, OrderByIsAStableSortWithThenByKeys) {
  expect_all({
      {"[[1, 'c'], [2, 'b'], [3, 'c'], [0, 'd']].orderBy($[1])",
       R"([[2,"b"],[1,"c"],[3,"c"],[0,"d"]])"},
      {"[4, 2, 3, 1].orderByDescending($)", "[4,3,2,1]"},
      {"[[3, 'c'], [2, 'b'], [1, 'c']].orderBy($[1]).thenBy($[0])", R"([[2,"b"],[1,"c"],[3,"c"]])"},
      {"[[3, 'c'], [2, 'b'], [1, 'c']].orderBy($[1]).thenByDescending($[0])",
       R"([[2,"b"],[3,"c"],[1,"c"]])"},
      {"$.orderByDescending($[0]).thenBy($[1])", "[[2,2],[1,0],[1,5]]", "[[2,2],[1,5],[1,0]]"},
      {"$.orderByDescending($[0]).thenByDescending($[1])", "[[2,2],[1,5],[1,0]]",
       "[[2,2],[1,5],[1,0]]"},
      {"[[1, 'b'], [1, 'a'], [0, 'c']].orderBy($[0]).thenByDescending($[1]).thenBy($[0])",
       R"([[0,"c"],[1,"b"],[1,"a"]])"},
      {"[3, null, 1].orderBy($)", "[null,1,3]"},
      {"['b', null].orderByDescending($)", R"(["b",null])"},
      {"['b', 'a', 'B'].orderBy($)", R"(["B","a","b"])"},
      {"[1.5, 1, -2, 100000000000000000000].orderBy($)", "[-2,1,1.5,100000000000000000000]"},
      {"[[1, 'x'], [0, 'y'], [1, 'a'], [0, 'b']].orderBy($[0])",
       R"([[0,"y"],[0,"b"],[1,"x"],[1,"a"]])"},
      {"[1, 'a'].orderBy($)", "!NoMatchingFunctionException"},
      {"[true, false].orderBy($)", "!NoMatchingFunctionException"},
      {"[[2], [1]].orderBy($)", "!NoMatchingFunctionException"},
      {"[1].orderBy($.foo)", "[1]"},
      {"[[1, 'a'], [2]].orderBy($[0]).thenBy($[1])", R"([[1,"a"],[2]])"},
      {"[[1, 'a'], [1]].orderBy($[0]).thenBy($[1])", "!IndexError"},
      {"[datetime(2020, 1, 1), datetime(2019, 1, 1)].orderBy($).select($.year)", "[2019,2020]"},
      {"[1, 2].thenBy($)", "!NoMatchingMethodException"},
      {"[2, 1].orderBy($).select($).thenBy($)", "!NoMatchingMethodException"},
      {"orderBy([1], $)", "!NoFunctionRegisteredException"},
      {"let(x => [3, 1, 2].orderBy($)) -> $x.thenBy(-$).first()", "1"},
      {"let(x => [3, 1, 2].orderBy($)) -> [$x.first(), $x.thenBy($).first()]", "[1,1]"},
      {"[3, 1, 2].orderBy($).count()", "3"},
      {"[3, 1, 2].orderBy($).len()", "!NoMatchingMethodException"},
      {"len([2, 1].orderBy($).thenBy($))", "!NoMatchingFunctionException"},
      {"[3, 1, 2].orderBy($).take(2)", "[1,2]"},
      {"range(40).orderBy($ mod 3)",
       "[0,3,6,9,12,15,18,21,24,27,30,33,36,39,1,4,7,10,13,16,19,22,25,28,31,34,37,2,5,8,11,14,17,"
       "20,23,26,29,32,35,38]"},
      {"range(30).orderByDescending($ mod 4).thenBy(-$)",
       "[27,23,19,15,11,7,3,26,22,18,14,10,6,2,29,25,21,17,13,9,5,1,28,24,20,16,12,8,4,0]"},
      {"$.orderBy($.g).thenByDescending($.n).select($.n)", "[4,2,3,1]",
       R"([{"g":"b","n":1},{"g":"a","n":2},{"g":"b","n":3},{"g":"a","n":4}])"},
      {"[1, 'a'].orderBy($).take(0)", "[]"},
  });
}

TEST(YaqlQueries, GroupByWithValueSelectorAndAggregator) {
  expect_all({
      {"[1, 2, 3].groupBy($ mod 2)", "[[1,[1,3]],[0,[2]]]"},
      {"[['a', 1], ['b', 2], ['c', 1], ['d', 2]].groupBy($[1], $[0])",
       R"([[1,["a","c"]],[2,["b","d"]]])"},
      {"[['a', 1], ['b', 2], ['c', 1]].groupBy($[1], $[0], $.sum())", R"([[1,"ac"],[2,"b"]])"},
      {"[1, -1].groupBy($ mod 2, $, $.sum()).select($[1])", "[0]"},
      {"$.items().orderBy($[0]).groupBy($[1], $[0], [$[0], $[1].sum()])",
       R"([[1,"ac"],[2,"be"],[3,"d"]])", R"({"a":1,"b":2,"c":1,"d":3,"e":2})"},
      {"[[1, 2], [3, 4]].groupBy($[0], $[1], $.sum())", "[[1,2],[3,4]]"},
      {"[[1, 2], [1, 4], [3, 4]].groupBy($[0], $[1], [$[0], $[1]])", "[[1,[2,4]],[3,[4]]]"},
      {"[[1, 2], [1, 4]].groupBy($[0], $[1], $[5])", "!IndexError"},
      {"[[1, 2], [1, 4], [3, 4]].groupBy($[0], aggregator => $.len())", "[[1,2],[3,1]]"},
      {"[[1, 2], [3, 4], [3, 5]].groupBy($[0], $[1], $.foo())", "!NoMethodRegisteredException"},
      {"[1, 2].groupBy($ mod 2, null)", "[[1,[null]],[0,[null]]]"},
      {"[1, 2].groupBy($ mod 2, aggregator => null)", "[[1,null],[0,null]]"},
      {"[[1], [1]].groupBy($)", "[[[1],[[1],[1]]]]"},
      {"[{a => 1}, {a => 1}].groupBy($)", R"([[{"a":1},[{"a":1},{"a":1}]]])"},
      {"[1, 2].groupBy()", "!NoMatchingMethodException"},
  });
}

TEST(YaqlQueries, SliceSplitWhereSliceWhereSplitAt) {
  expect_all({
      {"[1, 2, 3, 4, 5].slice(2)", "[[1,2],[3,4],[5]]"},
      {"range(1, 6).slice(2).select($.sum())", "[3,7,5]"},
      {"[1, 2].slice(0)", "[]"},
      {"[1, 2].slice(-1)", "!ValueError"},
      {"[1, 2, 3].slice(true)", "[[1],[2],[3]]"},
      {"sequence().slice(2).take(2)", "[[0,1],[2,3]]"},
      {"[1, 2, 3, 4, 5, 6, 7].splitWhere($ mod 3 = 0)", "[[1,2],[4,5],[7]]"},
      {"range(1, 6).splitWhere($ mod 3 = 1)", "[[],[2,3],[5]]"},
      {"[1, 2, 3].splitWhere(true)", "[[],[],[]]"},
      {"[1, 2, 3].splitWhere($ = 3)", "[[1,2]]"},
      {"[].splitWhere($)", "[]"},
      {"[1, 2, 3, 4, 5, 6, 7].sliceWhere($ mod 3 = 0)", "[[1,2],[3],[4,5],[6],[7]]"},
      {"[a, a, b, a, a].sliceWhere($ != a)", R"([["a","a"],["b"],["a","a"]])"},
      {"[1, 2, 3, 4].sliceWhere($ mod 2)", "[[1],[2],[3],[4]]"},
      {"[].sliceWhere($)", "[]"},
      {"[1, 2, 3, 4].splitAt(1)", "[[1],[2,3,4]]"},
      {"[1, 2, 3, 4].splitAt(0)", "[[],[1,2,3,4]]"},
      {"[1, 2, 3].splitAt(-1)", "[[1,2],[3]]"},
      {"[1, 2, 3].splitAt(10)", "[[1,2,3],[]]"},
      {"[1, 2, 3].splitAt(-100000000000000000000)", "[[],[1,2,3]]"},
      {"range(1, 6).splitAt(2)", "[[1,2],[3,4,5]]"},
      {"[11, 8, 4, 12].limit(1).splitAt(2)", "[[11],[]]"},
  });
}

TEST(YaqlQueries, RangeSequenceRepeatCycleGenerate) {
  expect_all({
      {"range(3)", "[0,1,2]"},
      {"range(1, 4)", "[1,2,3]"},
      {"range(4, 1, -1)", "[4,3,2]"},
      {"range(5, 0, -2)", "[5,3,1]"},
      {"range(-3)", "[]"},
      {"range(0, 5, 0)", "!ValueError"},
      {"range(true, 3)", "[1,2]"},
      {"range(3.0)", "!NoMatchingFunctionException"},
      {"range(null)", "!NoMatchingFunctionException"},
      {"range(100000000000000000000, 100000000000000000002)",
       "[100000000000000000000,100000000000000000001]"},
      {"sequence().take(3)", "[0,1,2]"},
      {"sequence(step => 3).take(3)", "[0,3,6]"},
      {"sequence(100000000000000000000).take(2)", "[100000000000000000000,100000000000000000001]"},
      {"1.repeat(2)", "[1,1]"},
      {"null.repeat(2)", "[null,null]"},
      {"1.repeat(0)", "[]"},
      {"[1].repeat(-5).take(2)", "[[1],[1]]"},
      {"1.repeat(100000000000000000000).take(2)", "!OverflowError"},
      {"[].cycle().take(3)", "[]"},
      {"range(3).cycle().take(7)", "[0,1,2,0,1,2,0]"},
      {"generate(0, $ < 10, $ + 2)", "[0,2,4,6,8]"},
      {"generate(1, $ < 10, $ + 2, $ * 1000)", "[1000,3000,5000,7000,9000]"},
      {"generate(1, $ < 10, $ * 2, decycle => true)", "[1,2,4,8]"},
      {"generate(0, true, ($ + 1) mod 3, decycle => true)", "[0,1,2]"},
      {"generate(1, $ < 3, $ + 1, null)", "[null,null]"},
      {"generate(0, true, $ + 1, decycle => 1)", "!NoMatchingFunctionException"},
      {"generate(2, true, 1 / ($ - 1)).take(2)", "[2,1]"},
      {"generate(2, true, 1 / ($ - 1)).take(3)", "!ZeroDivisionError"},
      {"generateMany(2, [1 / ($ - 1)]).take(2)", "[2,1]"},
      {"generateMany(2, [1 / ($ - 1)]).take(3)", "!ZeroDivisionError"},
      {"generateMany('1', {'1' => ['2', '3'], '2' => ['4'], '3' => ['5']}.get($, []))",
       R"(["1","2","3","4","5"])"},
      {"generateMany('1', {'1' => ['2', '3'], '2' => ['4'], '3' => ['5']}.get($, []), depthFirst "
       "=> true)",
       R"(["1","2","4","3","5"])"},
      {"generateMany(1, [($ + 1) mod 3], decycle => true)", "[1,2,0]"},
      {"generateMany(1, [($ + 1) mod 3], $ * 10, decycle => true)", "[10,20,0]"},
      {"generateMany(1, ($ + 1) mod 3)", "!TypeError"},
      {"generateMany(1, 'ab', decycle => true).take(3)", R"([1,"a","b"])"},
      {"generateMany(1, {a => 1}).take(2)", R"([1,"a"])"},
      {"generateMany(1, [])", "[1]"},
  });
}

TEST(YaqlQueries, MergeWithMergesDictsDeeply) {
  expect_all({
      {"$.d1.mergeWith($.d2)", R"({"a":1,"b":"y","c":[1,2,3],"x":{"a":1,"b":2},"d":5})",
       R"({"d1":{"a":1,"b":"x","c":[1,2],"x":{"a":1}},"d2":{"d":5,"b":"y","c":[2,3],"x":{"b":2}}})"},
      {"$.d1.mergeWith($.d2, $1 + $2, maxLevels => 1)", R"({"a":1,"b":3,"c":[2,3],"d":5})",
       R"({"d1":{"a":1,"b":2,"c":[1,2]},"d2":{"d":5,"b":3,"c":[2,3]}})"},
      {"{'a' => 1, 'b' => 2, 'c' => [1, 2]}.mergeWith({'d' => 5, 'b' => 3, 'c' => [2, 3]}, $1 + "
       "$2, $1)",
       R"({"a":1,"b":2,"c":[1,2,2,3],"d":5})"},
      {"{a => [1, 2]}.mergeWith({a => [2, 3]}, itemMerger => $1 + $2)", R"({"a":[1,2,3]})"},
      {"{a => 1}.mergeWith({a => 2}, itemMerger => $1 + $2)", R"({"a":3})"},
      {"{a => {b => {c => 1}}}.mergeWith({a => {b => {d => 1}}})", R"({"a":{"b":{"c":1,"d":1}}})"},
      {"{a => {b => {c => 1}}}.mergeWith({a => {b => {d => 1}}}, maxLevels => 2)",
       R"({"a":{"b":{"d":1}}})"},
      {"{a => 1}.mergeWith({a => {b => 1}})", "!TypeError"},
      {"{a => 1}.mergeWith({a => [1]})", "!TypeError"},
      {"{a => [1]}.mergeWith({a => 2})", R"({"a":2})"},
      {"{a => 'ab'}.mergeWith({a => 'cd'})", R"({"a":"cd"})"},
      {"{a => 1}.mergeWith({a => 2}, maxLevels => null)", "!NoMatchingMethodException"},
      {"mergeWith({a => 1}, {})", "!NoFunctionRegisteredException"},
      {"{a => 1}.mergeWith([])", "!NoMatchingMethodException"},
  });
}

TEST(YaqlQueries, MemorizeDefaultIfEmptyReverseIsIterable) {
  expect_all({
      {"let(range(4).memorize()) -> $.sum() + $.len()", "10"},
      {"[1, 2].memorize()", "[1,2]"},
      {"[].defaultIfEmpty([1, 2])", "[1,2]"},
      {"[3, 4].select($).defaultIfEmpty([1, 2])", "[3,4]"},
      {"[].select($).defaultIfEmpty([1])", "[1]"},
      {"set().defaultIfEmpty([1])", "[1]"},
      {"[].defaultIfEmpty(1)", "!NoMatchingMethodException"},
      {"sequence().defaultIfEmpty([]).take(2)", "[0,1]"},
      {"[1, 2, 3].reverse()", "[3,2,1]"},
      {"range(3).reverse()", "[2,1,0]"},
      {"reverse([1])", "!NoFunctionRegisteredException"},
      {"isIterable([])", "true"},
      {"isIterable(set(1, 2))", "true"},
      {"isIterable(range(2))", "true"},
      {"isIterable('foo')", "false"},
      {"isIterable({a => 1})", "false"},
      {"isIterable(null)", "false"},
  });
}

// Queries that must hold a whole collection count its items against the iterator limit,
// so an endless input fails instead of exhausting memory.
TEST(YaqlQueries, MaterialisingQueriesRespectTheIteratorLimit) {
  Engine engine(make_standard_registry());
  Limits limits;
  limits.max_collection_items = 100;
  for (const char* expr : {"sequence().orderBy($)", "sequence().groupBy($)", "sequence().reverse()",
                           "sequence().memorize()", "sequence().splitAt(1)",
                           "sequence().splitWhere(false)", "sequence().sliceWhere(true)"}) {
    try {
      engine.evaluate(expr, Value(), limits);
      ADD_FAILURE() << expr << " did not fail";
    } catch (const Error& e) {
      EXPECT_EQ(e.type(), "CollectionTooLargeException") << expr;
    }
  }
  EXPECT_EQ(to_json(engine.evaluate("range(100).orderBy(-$).first()", Value(), limits)), "99");
}

}  // namespace
}  // namespace sirocco::yaql
