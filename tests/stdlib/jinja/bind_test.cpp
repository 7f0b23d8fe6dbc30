// Binding call arguments to a declared signature like Python, with Python's TypeError
// messages (each checked against CPython 3.11), plus Undefined and namespace basics.
#include <gtest/gtest.h>

#include "interp/registry.h"
#include "tests/stdlib/jinja/fake_runtime.h"

namespace sirocco::jinja {
namespace {

FunctionDef declare(const char* signature) {
  FunctionDef def = parse_signature(signature);
  def.impl = [](Call& c) { return Value::list(c.slots); };
  return def;
}

// The bound slots (a list repr) or "!" and the TypeError message.
std::string bind(const char* signature, const char* args, const char* kwargs) {
  FakeRuntime rt;
  FunctionDef def = declare(signature);
  try {
    Call c = bind_arguments(rt, def, json_args(args), json_kwargs(kwargs), {});
    return python_repr(Value::list(c.slots));
  } catch (const Error& e) {
    EXPECT_EQ(e.type(), "TypeError");
    return "!" + e.message();
  }
}

constexpr const char* kTruncate =
    "truncate(s: string, length: int = 255, killwords: bool = false, end: string = '...', "
    "leeway: any = null)";

TEST(JinjaBind, BindsLikePython) {
  struct Row {
    const char* signature;
    const char* args;
    const char* kwargs;
    const char* expected;
  };
  const Row rows[] = {
      {kTruncate, R"(["x", 5])", "", "['x', 5, False, '...', None]"},
      {kTruncate, R"(["x"])", R"({"end": "!", "length": 3})", "['x', 3, False, '!', None]"},
      {kTruncate, "[]", R"({"length": 5})",
       "!truncate() missing 1 required positional argument: 's'"},
      {kTruncate, R"(["x"])", R"({"x": 1})", "!truncate() got an unexpected keyword argument 'x'"},
      {kTruncate, R"(["x", 1, true, "e", 2, 3])", "",
       "!truncate() takes from 1 to 5 positional arguments but 6 were given"},
      {kTruncate, R"(["x", 1, true, "e", 2, 3])", R"({"x": 1})",
       "!truncate() got an unexpected keyword argument 'x'"},
      {kTruncate, R"(["x"])", R"({"s": "y"})", "!truncate() got multiple values for argument 's'"},
      {"f(a: any, b: any, c: any)", "[]", "",
       "!f() missing 3 required positional arguments: 'a', 'b', and 'c'"},
      {"f(a: any, b: any, c: any)", "[1]", "",
       "!f() missing 2 required positional arguments: 'b' and 'c'"},
      {"one(a: any)", "[1, 2]", "", "!one() takes 1 positional argument but 2 were given"},
      {"one(a: any)", "[1, 2]", R"({"a": 3})", "!one() got multiple values for argument 'a'"},
      {"zero()", "[1]", "", "!zero() takes 0 positional arguments but 1 was given"},
      {"two(a: any, b: any = 1)", "[1, 2, 3]", "",
       "!two() takes from 1 to 2 positional arguments but 3 were given"},
      {"k(a: any, *args: any, b: any)", "[1, 2]", "",
       "!k() missing 1 required keyword-only argument: 'b'"},
      {"k(a: any, *args: any, b: any)", "[1, 2, 3]", R"({"b": 4})", "[1, 4, 2, 3]"},
      {"map(value: any, *args: any, **kwargs: any)", R"([[1], "upper"])", R"({"x": 1})",
       "[[1], 'upper']"},
  };
  for (const Row& r : rows)
    EXPECT_EQ(bind(r.signature, r.args, r.kwargs), r.expected) << r.signature << " " << r.args;
}

TEST(JinjaBind, RestKwargsAndGiven) {
  FakeRuntime rt;
  FunctionDef def = declare("map(value: any, n: int = 2, *args: any, **kwargs: any)");
  Call c =
      bind_arguments(rt, def, json_args(R"([[1], 3, "a", "b"])"), json_kwargs(R"({"z": 1})"), {});
  EXPECT_EQ(python_repr(Value::list(c.rest())), "['a', 'b']");
  ASSERT_EQ(c.kwargs.size(), 1u);
  EXPECT_EQ(c.kwargs[0].first, "z");
  EXPECT_TRUE(c.given(1));
  Call d = bind_arguments(rt, def, json_args("[[1]]"), {}, {});
  EXPECT_FALSE(d.given(1));
  EXPECT_EQ(python_repr(d[1]), "2");
  EXPECT_TRUE(d.rest().empty());
}

TEST(JinjaBind, ErrorsCarryTheCallSpan) {
  FakeRuntime rt;
  FunctionDef def = declare("one(a: any)");
  try {
    bind_arguments(rt, def, {}, {}, Span{3, 7});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_TRUE(e.has_span());
    EXPECT_EQ(e.span().begin, 3u);
  }
}

TEST(JinjaUndefined, RaisesItsErrorType) {
  Value lenient = make_undefined("'x' is undefined", false);
  ASSERT_NE(as_undefined(lenient), nullptr);
  EXPECT_EQ(python_str(lenient), "");
  EXPECT_EQ(as_undefined(Value::integer(1)), nullptr);
  const Error error = undefined_error(lenient);
  EXPECT_EQ(error.type(), "UndefinedError");
  EXPECT_EQ(error.message(), "'x' is undefined");
  Value unsafe = make_undefined("access to attribute 'mro' of 'type' object is unsafe.", true,
                                "SecurityError");
  EXPECT_EQ(as_undefined(unsafe)->type_name(), "StrictUndefined");
  const Error unsafe_error = undefined_error(unsafe, Span{1, 2});
  EXPECT_EQ(unsafe_error.type(), "SecurityError");
  EXPECT_TRUE(unsafe_error.has_span());
}

TEST(JinjaNamespace, AttributesInInsertionOrder) {
  FakeRuntime rt;
  Value ns = make_namespace({});
  NamespaceObject* object = as_namespace(ns);
  ASSERT_NE(object, nullptr);
  object->set("b", Value::integer(1));
  object->set("a", Value::string("x"));
  object->set("b", Value());
  EXPECT_EQ(python_repr(ns), "<Namespace {'b': None, 'a': 'x'}>");
  EXPECT_EQ(python_str(ns), "<Namespace {'b': None, 'a': 'x'}>");
  EXPECT_EQ(type_name(ns), "Namespace");
  auto b = object->attribute(rt, "b");
  ASSERT_TRUE(b.has_value());
  EXPECT_TRUE(b->is_null());
  EXPECT_FALSE(object->attribute(rt, "c").has_value());
  EXPECT_EQ(as_namespace(Value::integer(1)), nullptr);
}

TEST(JinjaLibrary, UnknownFilterOrTestIsATemplateRuntimeError) {
  FakeRuntime rt;
  EXPECT_EQ(outcome([&] { return call_filter(rt, "nosuch", {Value::integer(1)}); }),
            "!TemplateRuntimeError");
  EXPECT_EQ(outcome([&] { return Value::boolean(call_test(rt, "nosuch", {Value::integer(1)})); }),
            "!TemplateRuntimeError");
  EXPECT_TRUE(find_method(builtin_library(), Value::integer(1), "upper").is_null());
}

}  // namespace
}  // namespace sirocco::jinja
