// Micro-benchmarks of the YAQL engine: a cached expression end to end, and lambda queries
// per element over 10^5 items (issue 3's goals: <= 0.2 µs per element).
#include <benchmark/benchmark.h>

#include "interp/json.h"
#include "interp/value.h"
#include "interp/yaql_engine.h"
#include "stdlib/yaql/stdlib.h"

namespace sirocco::yaql {
namespace {

Engine& engine() {
  static Engine e(make_standard_registry());
  return e;
}

// The default limits with no wall-clock timeout: a benchmark measures the time instead.
const Limits& untimed() {
  static const Limits limits = [] {
    Limits l;
    l.timeout_ms = 0;
    return l;
  }();
  return limits;
}

// One cached expression against small data, as a workflow evaluates it again and again.
void CachedExpression(benchmark::State& state, const char* expr) {
  const Value data = parse_json(R"({"a": 1, "b": [1, 2, 3]})");
  ExpressionPtr compiled = engine().compile(expr);
  for (auto _ : state) benchmark::DoNotOptimize(engine().evaluate(*compiled, data));
}
BENCHMARK_CAPTURE(CachedExpression, dollar_a, "$.a");
BENCHMARK_CAPTURE(CachedExpression, one_plus_two, "1 + 2");

// Parsing (no cache) of a 25-token expression.
void ParseExpression(benchmark::State& state) {
  Engine uncached(make_standard_registry(), 0);
  for (auto _ : state)
    benchmark::DoNotOptimize(
        uncached.compile("$.items.where($.age > 30).select($.name).orderBy($)"));
}
BENCHMARK(ParseExpression);

// A query over `n` items; the time per item is the reported time divided by n.
void Query(benchmark::State& state, const char* expr) {
  const int64_t n = state.range(0);
  List items;
  items.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) items.push_back(Value::integer((i * 7919) % n));
  const Value data = Value::list(std::move(items));
  ExpressionPtr compiled = engine().compile(expr);
  for (auto _ : state) benchmark::DoNotOptimize(engine().evaluate(*compiled, data, untimed()));
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK_CAPTURE(Query, where, "$.where($ > 100).len()")->Arg(100000);
BENCHMARK_CAPTURE(Query, select, "$.select($ * 2).len()")->Arg(100000);
BENCHMARK_CAPTURE(Query, orderBy, "$.orderBy($).first()")->Arg(100000);

// The issue's streaming goal: ten million items filtered and summed in bounded memory.
void RangeWhereSum(benchmark::State& state) {
  ExpressionPtr compiled = engine().compile("range(0, 10000000).where($ mod 3 = 0).sum()");
  for (auto _ : state) benchmark::DoNotOptimize(engine().evaluate(*compiled, Value(), untimed()));
  state.SetItemsProcessed(state.iterations() * 10000000);
}
BENCHMARK(RangeWhereSum)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sirocco::yaql
