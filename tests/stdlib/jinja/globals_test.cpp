// Jinja's global functions; expected values from Jinja2 3.1.2 (a plain Environment and a
// SandboxedEnvironment rendering the same calls).
#include <gtest/gtest.h>

#include "tests/stdlib/jinja/fake_runtime.h"

namespace sirocco::jinja {
namespace {

std::string global(FakeRuntime& rt, const char* name, const char* args, const char* kwargs = "") {
  return outcome([&] { return call_global(rt, name, json_args(args), json_kwargs(kwargs)); });
}

TEST(JinjaGlobals, AnswerLikeJinja2) {
  const LibraryCase cases[] = {
      {"range", "[3]", "", "[0, 1, 2]"},
      {"range", "[1, 5, 2]", "", "[1, 3]"},
      {"range", "[5, 0, -2]", "", "[5, 3, 1]"},
      {"range", "[0]", "", "[]"},
      {"range", "[true]", "", "[0]"},
      {"range", "[]", "", "!TypeError"},
      {"range", "[1, 2, 3, 4]", "", "!TypeError"},
      {"range", "[1.5]", "", "!TypeError"},
      {"range", "[1, 5, 0]", "", "!ValueError"},
      {"range", "[]", R"({"x": 1})", "!TypeError"},
      {"range", "[100000000000000000000, 100000000000000000003]", "",
       "[100000000000000000000, 100000000000000000001, 100000000000000000002]"},
      {"range", "[1, 10, 100000000000000000000]", "", "[1]"},
      {"range", "[100000000000000000000, 0, -40000000000000000000]", "",
       "[100000000000000000000, 60000000000000000000, 20000000000000000000]"},
      {"range", "[100000000000000000000, \"a\"]", "", "!TypeError"},
      {"dict", "[]", R"({"a": 1, "b": 2})", "{'a': 1, 'b': 2}"},
      {"dict", "[[[1, 2]]]", R"({"a": 3})", "{1: 2, 'a': 3}"},
      {"dict", R"([{"a": 1}])", R"({"b": 2})", "{'a': 1, 'b': 2}"},
      {"dict", R"([["ab"]])", "", "{'a': 'b'}"},
      {"dict", "[[1]]", "", "!TypeError"},
      {"dict", "[[[1, 2, 3]]]", "", "!ValueError"},
      {"dict", "[1]", "", "!TypeError"},
      {"dict", "[{}, {}]", "", "!TypeError"},
      {"dict", "[[[[1], 2]]]", "", "!TypeError"},
      {"namespace", "[]", R"({"a": 1})", "<Namespace {'a': 1}>"},
      {"namespace", R"([{"a": 1}])", R"({"b": 2})", "<Namespace {'a': 1, 'b': 2}>"},
      {"namespace", "[]", "", "<Namespace {}>"},
      {"cycler", "[]", "", "!RuntimeError"},
      {"lipsum", "[]", R"({"min": 5, "max": 5})", "!ValueError"},
  };
  FakeRuntime rt;
  for (const LibraryCase& c : cases)
    EXPECT_EQ(global(rt, c.name, c.args, c.kwargs), c.expected) << c.name << c.args << c.kwargs;
}

TEST(JinjaGlobals, RangeInASandbox) {
  FakeRuntime rt;
  rt.sandbox = true;
  EXPECT_EQ(outcome([&] {
              return Value::integer(static_cast<int64_t>(
                  call_global(rt, "range", {Value::integer(100000)}).as_list().size()));
            }),
            "100000");
  EXPECT_EQ(global(rt, "range", "[100001]"), "!OverflowError");
  EXPECT_EQ(global(rt, "range", "[0, 200001, 2]"), "!OverflowError");
  rt.sandbox = false;
  EXPECT_EQ(call_global(rt, "range", {Value::integer(100001)}).as_list().size(), 100001u);
  Value huge = call_global(rt, "range", {Value::integer(1), Value::integer(10000000000)});
  ASSERT_TRUE(huge.is_sequence());
  Value first;
  ASSERT_TRUE(huge.as_sequence().next(first));
  EXPECT_EQ(python_repr(first), "1");
  Value beyond = call_global(rt, "range", json_args("[100000000000000000000]"));
  ASSERT_TRUE(beyond.is_sequence());
  ASSERT_TRUE(beyond.as_sequence().next(first));
  ASSERT_TRUE(beyond.as_sequence().next(first));
  EXPECT_EQ(python_repr(first), "1");
  rt.sandbox = true;
  EXPECT_EQ(global(rt, "range", "[100000000000000000000]"), "!OverflowError");
}

TEST(JinjaGlobals, Cycler) {
  FakeRuntime rt;
  Value c = call_global(rt, "cycler", json_args("[1, 2, 3]"));
  std::string seen;
  auto next = [&] { seen += python_str(call_method(rt, c, "next", {})); };
  next();
  next();
  seen += python_str(rt.getattr(c, "current").value());
  next();
  next();
  EXPECT_EQ(seen, "12331");
  EXPECT_EQ(python_repr(call_method(rt, c, "reset", {})), "None");
  next();
  EXPECT_EQ(python_repr(rt.getattr(c, "items").value()), "(1, 2, 3)");
  EXPECT_EQ(python_repr(rt.getattr(c, "pos").value()), "1");
  EXPECT_EQ(outcome([&] { return call_method(rt, c, "next", {Value::integer(1)}); }), "!TypeError");
  EXPECT_NE(as_undefined(rt.getattr(c, "nosuch").value()), nullptr);
}

TEST(JinjaGlobals, Joiner) {
  FakeRuntime rt;
  Value j = call_global(rt, "joiner", {});
  std::string seen;
  for (int i = 0; i < 3; ++i) seen += "[" + python_str(rt.call(j, {}, {}, {}).value()) + "]";
  EXPECT_EQ(seen, "[][, ][, ]");
  Value bar = call_global(rt, "joiner", {Value::string("|")});
  seen = python_str(rt.call(bar, {}, {}, {}).value());
  seen += python_str(rt.call(bar, {}, {}, {}).value());
  EXPECT_EQ(seen, "|");
}

TEST(JinjaGlobals, Lipsum) {
  FakeRuntime rt;
  std::string word = python_str(call_global(rt, "lipsum", json_args("[1, false, 1, 2]")));
  ASSERT_GE(word.size(), 2u);
  EXPECT_TRUE(word[0] >= 'A' && word[0] <= 'Z') << word;
  EXPECT_EQ(word.back(), '.');
  EXPECT_EQ(word.find(' '), std::string::npos);
  std::string text = python_str(call_global(rt, "lipsum", json_args("[2, false]")));
  size_t gap = text.find("\n\n");
  ASSERT_NE(gap, std::string::npos);
  EXPECT_EQ(text[gap - 1], '.');
  std::string html = python_str(call_global(rt, "lipsum", json_args("[2]")));
  EXPECT_EQ(html.rfind("<p>", 0), 0u);
  EXPECT_EQ(html.substr(html.size() - 5), ".</p>");
  EXPECT_NE(html.find(".</p>\n<p>"), std::string::npos);
}

}  // namespace
}  // namespace sirocco::jinja
