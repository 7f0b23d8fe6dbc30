// Unit tests of every builtin filter given an Undefined: lenient (Jinja2's Undefined) and
// strict (Mistral's StrictUndefined). Each row holds the repr Jinja2 3.1.2 gives for
// `x|filter(*args)` with x undefined in a default Environment, then in a sandbox with
// StrictUndefined (generators listed), or "!" and the exception class.
#include <gtest/gtest.h>

#include "tests/stdlib/jinja/fake_runtime.h"

namespace sirocco::jinja {
namespace {

struct UndefinedCase {
  const char* name;
  const char* args;  // JSON array of the arguments after the value
  const char* lenient;
  const char* strict;
};

TEST(JinjaFilterUndefined, LenientAndStrict) {
  const UndefinedCase cases[] = {
      {"abs", "[]", "!TypeError", "!TypeError"},
      {"attr", R"~(["a"])~", "!UndefinedError", "!UndefinedError"},
      {"batch", "[2]", "[]", "!UndefinedError"},
      {"capitalize", "[]", "''", "!UndefinedError"},
      {"center", "[]",
       "'                                                                                '",
       "!UndefinedError"},
      {"count", "[]", "0", "!UndefinedError"},
      {"d", "[]", "''", "''"},
      {"default", "[]", "''", "''"},
      {"dictsort", "[]", "!UndefinedError", "!UndefinedError"},
      {"e", "[]", "''", "!UndefinedError"},
      {"escape", "[]", "''", "!UndefinedError"},
      {"filesizeformat", "[]", "!UndefinedError", "!UndefinedError"},
      {"first", "[]", "Undefined", "!UndefinedError"},
      {"float", "[]", "!UndefinedError", "!UndefinedError"},
      {"forceescape", "[]", "''", "!UndefinedError"},
      {"format", "[]", "''", "!UndefinedError"},
      {"groupby", R"~(["a"])~", "[]", "!UndefinedError"},
      {"indent", "[]", "!UndefinedError", "!UndefinedError"},
      {"int", "[]", "!UndefinedError", "!UndefinedError"},
      {"join", "[]", "''", "!UndefinedError"},
      {"last", "[]", "Undefined", "!UndefinedError"},
      {"length", "[]", "0", "!UndefinedError"},
      {"list", "[]", "[]", "!UndefinedError"},
      {"lower", "[]", "''", "!UndefinedError"},
      {"items", "[]", "[]", "[]"},
      {"map", R"~(["upper"])~", "[]", "!UndefinedError"},
      {"min", "[]", "Undefined", "!UndefinedError"},
      {"max", "[]", "Undefined", "!UndefinedError"},
      {"pprint", "[]", "'Undefined'", "'Undefined'"},
      {"random", "[]", "Undefined", "!UndefinedError"},
      {"reject", "[]", "[]", "!UndefinedError"},
      {"rejectattr", R"~(["a"])~", "[]", "!UndefinedError"},
      {"replace", R"~(["a", "b"])~", "''", "!UndefinedError"},
      {"reverse", "[]", "[]", "!UndefinedError"},
      {"round", "[]", "!TypeError", "!TypeError"},
      {"safe", "[]", "''", "!UndefinedError"},
      {"select", "[]", "[]", "!UndefinedError"},
      {"selectattr", R"~(["a"])~", "[]", "!UndefinedError"},
      {"slice", "[2]", "[[], []]", "!UndefinedError"},
      {"sort", "[]", "[]", "!UndefinedError"},
      {"string", "[]", "''", "!UndefinedError"},
      {"striptags", "[]", "''", "!UndefinedError"},
      {"sum", "[]", "0", "!UndefinedError"},
      {"title", "[]", "''", "!UndefinedError"},
      {"trim", "[]", "''", "!UndefinedError"},
      {"truncate", "[3]", "Undefined", "!UndefinedError"},
      {"unique", "[]", "[]", "!UndefinedError"},
      {"upper", "[]", "''", "!UndefinedError"},
      {"urlencode", "[]", "''", "!UndefinedError"},
      {"urlize", "[]", "''", "!UndefinedError"},
      {"wordcount", "[]", "0", "!UndefinedError"},
      {"wordwrap", "[]", "!UndefinedError", "!UndefinedError"},
      {"xmlattr", "[]", "!UndefinedError", "!UndefinedError"},
      {"tojson", "[]", "!TypeError", "!TypeError"},
  };
  for (bool strict : {false, true}) {
    FakeRuntime rt;
    rt.strict = strict;
    for (const UndefinedCase& c : cases) {
      std::vector<Value> args = json_args(c.args);
      args.insert(args.begin(), rt.undefined("'x' is undefined"));
      std::string got = outcome([&] { return call_filter(rt, c.name, args); });
      EXPECT_EQ(got, strict ? c.strict : c.lenient) << c.name << (strict ? " strict" : " lenient");
    }
  }
}

TEST(JinjaFilterUndefined, EveryFilterIsCovered) {
  // The 54 entries of Jinja2 3.1's FILTERS dict.
  EXPECT_EQ(builtin_library().filters.names().size(), 54u);
}

}  // namespace
}  // namespace sirocco::jinja
