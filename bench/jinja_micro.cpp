// Micro-benchmarks of the Jinja engine (issue 4's goals): compiling a one-line template
// (< 10 µs) and rendering a cached 20-item loop template (< 5 µs).
#include <benchmark/benchmark.h>

#include "interp/jinja_engine.h"
#include "interp/json.h"
#include "stdlib/jinja/library.h"

namespace sirocco::jinja {
namespace {

const Environment& mistral_env() { return *find_environment("mistral"); }

void CompileOneLine(benchmark::State& state) {
  Engine uncached(builtin_library(), 0);
  const Limits limits;
  for (auto _ : state)
    benchmark::DoNotOptimize(uncached.compile_template(
        "Hello {{ user.name|title }}, you have {{ items|length }} items.", mistral_env(), limits));
}
BENCHMARK(CompileOneLine);

void RenderCachedLoop(benchmark::State& state) {
  Engine engine(builtin_library());
  List items;
  for (int i = 0; i < 20; ++i) items.push_back(parse_json(R"({"name": "item", "price": 12.5})"));
  const Variables variables{{"items", Value::list(std::move(items))}};
  const char* source =
      "{% for item in items %}{{ loop.index }}. {{ item.name }}: {{ item.price }}\n{% endfor %}";
  for (auto _ : state) benchmark::DoNotOptimize(engine.render(source, mistral_env(), variables));
}
BENCHMARK(RenderCachedLoop);

}  // namespace
}  // namespace sirocco::jinja
