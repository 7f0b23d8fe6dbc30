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
  const char* args;  // JSON array of the arguments (after the value, or all of them)
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

// Undefined arguments: each "$u" in the arguments is an Undefined. Jinja2 raises where
// Python computes with it, TypeError where a C function wants an int or str, and nothing
// where the argument is never used.
TEST(JinjaFilterUndefined, UndefinedArguments) {
  const UndefinedCase cases[] = {
      {"center", R"~(["ab", "$u"])~", "!TypeError", "!TypeError"},
      {"replace", R"~(["ab", "a", "$u"])~", "'b'", "!UndefinedError"},
      {"replace", R"~(["ab", "a", "b", "$u"])~", "!TypeError", "!TypeError"},
      {"indent", R"~(["a\nb", "$u"])~", "!UndefinedError", "!UndefinedError"},
      {"indent", R"~([["a"], 2, false, "$u"])~", "!AttributeError", "!UndefinedError"},
      {"truncate", R"~(["ab cd ef gh ij kl", "$u"])~", "!UndefinedError", "!UndefinedError"},
      {"truncate", R"~([[1, 2], 5, "$u"])~", "[1, 2]", "[1, 2]"},
      {"truncate", R"~(["ab cd ef gh ij kl", 5, false, "$u"])~", "!UndefinedError",
       "!UndefinedError"},
      {"wordwrap", R"~(["ab cd ef gh ij kl", "$u"])~", "!UndefinedError", "!UndefinedError"},
      {"wordwrap", R"~(["ab cd ef gh ij kl", 5, "$u"])~", R"~('ab cd\nef gh\nij kl')~",
       R"~('ab cd\nef gh\nij kl')~"},
      {"wordwrap", R"~(["abcdefghijkl", 5, "$u"])~", "'abcdefghijkl'", "!UndefinedError"},
      {"wordwrap", R"~(["ab cd", 5, true, "$u"])~", "!UndefinedError", "!UndefinedError"},
      {"wordwrap", R"~(["ab-cd-ef", 4, true, null, 1])~", R"~('ab-\ncd-\nef')~",
       R"~('ab-\ncd-\nef')~"},
      {"wordwrap", R"~(["", 0])~", "''", "''"},
      {"batch", R"~(["abc", "$u"])~", "[['a', 'b', 'c']]", "!UndefinedError"},
      {"slice", R"~(["abc", "$u"])~", "!UndefinedError", "!UndefinedError"},
      {"sort", R"~(["abc", "$u"])~", "!TypeError", "!TypeError"},
      {"dictsort", R"~(["abc", "$u"])~", "!AttributeError", "!AttributeError"},
      {"dictsort", R"~([{"b": 1, "a": 2}, "$u"])~", "[('a', 2), ('b', 1)]", "!UndefinedError"},
      {"map", R"~(["abc", "$u"])~", "!TemplateRuntimeError", "!UndefinedError"},
      {"select", R"~(["abc", "$u"])~", "!TemplateRuntimeError", "!UndefinedError"},
      {"trim", R"~(["abc", "$u"])~", "!TypeError", "!TypeError"},
      {"tojson", R"~(["abc", "$u"])~", R"~('"abc"')~", R"~('"abc"')~"},
      {"tojson", R"~([[1], "$u"])~", "!UndefinedError", "!UndefinedError"},
      {"urlize", R"~(["ab cd", "$u"])~", "'ab cd'", "'ab cd'"},
      {"urlize", R"~(["www.example.org", "$u"])~", "!UndefinedError", "!UndefinedError"},
      {"attr", R"~(["abc", "$u"])~", "!TypeError", "!UndefinedError"},
      {"round", R"~([2.5, "$u"])~", "!TypeError", "!TypeError"},
      {"round", R"~([2.5, "$u", "floor"])~", "!UndefinedError", "!UndefinedError"},
      {"int", R"~(["x", "$u"])~", "Undefined", "Undefined"},
      {"default", R"~(["$u", "$u"])~", "Undefined", "Undefined"},
      {"join", R"~([[1, 2], "$u"])~", "'12'", "!UndefinedError"},
  };
  for (bool strict : {false, true}) {
    FakeRuntime rt;
    rt.strict = strict;
    for (const UndefinedCase& c : cases) {
      std::vector<Value> args = json_args(c.args);
      for (Value& arg : args)
        if (arg.is_string() && arg.as_string() == "$u") arg = rt.undefined("'m' is undefined");
      std::string got = outcome([&] { return call_filter(rt, c.name, args); });
      EXPECT_EQ(got, strict ? c.strict : c.lenient)
          << c.name << " " << c.args << (strict ? " strict" : " lenient");
    }
  }
}

TEST(JinjaFilterUndefined, EveryFilterIsCovered) {
  // The 54 entries of Jinja2 3.1's FILTERS dict.
  EXPECT_EQ(builtin_library().filters.names().size(), 54u);
}

}  // namespace
}  // namespace sirocco::jinja
