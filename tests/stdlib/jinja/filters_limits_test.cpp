// Unit tests of the sandbox around the filters: results past the memory quota fail with
// MemoryQuotaExceededException instead of being built, and `attr` of a dunder name in a
// sandbox gives the unsafe Undefined, which raises SecurityError when used (as in Jinja2:
// '' and 0 when lenient, SecurityError when strict; a missing '_x' is a plain Undefined).
#include <gtest/gtest.h>

#include "interp/jinja_ops.h"
#include "tests/stdlib/jinja/fake_runtime.h"

namespace sirocco::jinja {
namespace {

TEST(JinjaFilterLimits, BigResultsHitTheMemoryQuota) {
  FakeRuntime rt;
  rt.limit_settings.memory_quota = 10000;
  struct Row {
    const char* name;
    const char* args;
  };
  // One row a line reads best.
  // clang-format off
  const Row rows[] = {
      {"center", R"(["x", 20000])"},
      {"indent", R"(["a\nb", 20000])"},
      {"format", R"(["%20000d", 1])"},
      {"format", R"(["%.20000f", 1.5])"},
      {"tojson", R"([[1], 20000])"},
      {"batch", R"([[1], 20000, "x"])"},
      {"slice", R"([[1], 20000])"},
  };
  // clang-format on
  // 100 'a' each replaced by 200 characters: 20000 bytes.
  std::vector<Value> replace{Value::string(std::string(100, 'a')), Value::string("a"),
                             Value::string(std::string(200, 'b'))};
  EXPECT_EQ(outcome([&] { return call_filter(rt, "replace", replace); }),
            "!MemoryQuotaExceededException");
  for (const Row& row : rows) {
    std::string got =
        outcome([&] { return materialize(call_filter(rt, row.name, json_args(row.args))); });
    EXPECT_EQ(got, "!MemoryQuotaExceededException") << row.name;
  }
}

TEST(JinjaFilterLimits, AttrOfUnderscoreNamesInASandboxIsUnsafe) {
  FakeRuntime rt;
  rt.sandbox = true;
  Value unsafe = call_filter(rt, "attr", {parse_json(R"({"a": 1})"), Value::string("__class__")});
  ASSERT_NE(as_undefined(unsafe), nullptr);
  EXPECT_EQ(outcome([&] { return Value::string(jinja_str(unsafe).value()); }), "''");
  EXPECT_EQ(outcome([&] { return call_filter(rt, "length", {unsafe}); }), "0");
  rt.strict = true;
  Value strict = call_filter(rt, "attr", {parse_json(R"({"a": 1})"), Value::string("__class__")});
  EXPECT_EQ(outcome([&] { return Value::string(jinja_str(strict).value()); }), "!SecurityError");
  Value missing = call_filter(rt, "attr", {parse_json(R"({"a": 1})"), Value::string("_x")});
  EXPECT_EQ(outcome([&] { return Value::string(jinja_str(missing).value()); }), "!UndefinedError");
}

}  // namespace
}  // namespace sirocco::jinja
