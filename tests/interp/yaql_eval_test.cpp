// Tests of the evaluator and registry: signatures, overload resolution, lazy arguments,
// keyword arguments, scopes, receivers, limits and error spans — on a small registry made
// for the test, so they do not depend on the standard library.
#include <gtest/gtest.h>

#include "interp/json.h"
#include "interp/registry.h"
#include "interp/yaql_engine.h"
#include "interp/yaql_eval.h"
#include "tests/interp/expected_error.h"

namespace sirocco::yaql {
namespace {

std::string name_of(const char* label) { return Value::string(label).as_string(); }

// A registry whose functions say which overload ran.
std::shared_ptr<Registry> test_registry() {
  auto r = std::make_shared<Registry>();
  auto tag = [](const char* label) {
    return [label](Call&) { return Value::string(name_of(label)); };
  };
  r->add("kind(x: int)", tag("int"));
  r->add("kind(x: number)", tag("number"));
  r->add("kind(x: string)", tag("string"));
  r->add("kind(x: any)", tag("any"));
  r->add("arity(a: any)", tag("one"));
  r->add("arity(a: any, b: any)", tag("two"));
  r->add("named(a: int, b: int = 10)",
         [](Call& c) { return Value::integer(c[0].as_small_int() * 100 + c[1].as_small_int()); });
  r->add("method twice(x: int)", [](Call& c) { return Value::integer(c[0].as_small_int() * 2); });
  r->add("ext size(x: string)",
         [](Call& c) { return Value::integer(static_cast<int64_t>(c[0].string_length())); });
  r->add("lazyOr(a: any, b: lambda)", [](Call& c) { return truthy(c[0]) ? c[0] : c.lambda(1)(); });
  r->add("apply(x: any, f: lambda)", [](Call& c) { return c.lambda(1)(c[0]); });
  r->add("boom()", [](Call&) -> Value { throw Error("ValueError", "boom"); });
  r->add("#operator_.(receiver: any, expr: method_lambda)",
         [](Call& c) { return c.lambda(1).call_method(c[0]); });
  r->add("rest(first: any, *others: any, **named: any)", [](Call& c) {
    return Value::integer(static_cast<int64_t>(c.rest().size() * 10 + c.kwargs.size()));
  });
  r->add("define(name: string, body: lambda)", [](Call& c) {
    ScopePtr s = child_scope(c.scope);
    auto def = std::make_shared<FunctionDef>(parse_signature(c[0].as_string() + "(x: any)"));
    Lambda body = c.lambda(1);
    def->impl = [body](Call& inner) { return body(inner[0]); };
    s->define(def);
    return Value::opaque(boost::intrusive_ptr<Object>(s.get()));
  });
  r->add("#operator_->(left: context, right: context_lambda)",
         [](Call& c) { return c.lambda(1).call_in(scope_of(c[0])); });
  return r;
}

struct EvalCase {
  const char* expr;
  const char* data;
  const char* expected;  // JSON of the result, or "!ErrorType"
};

void PrintTo(const EvalCase& c, std::ostream* os) { *os << c.expr; }

class EvalTest : public ::testing::TestWithParam<EvalCase> {};

TEST_P(EvalTest, Evaluates) {
  static Engine engine(test_registry());
  const EvalCase& c = GetParam();
  std::string got;
  try {
    got = to_json(engine.evaluate(c.expr, parse_json(c.data)));
  } catch (const Error& e) {
    got = "!" + e.type();
  }
  EXPECT_EQ(got, c.expected) << c.expr;
}

INSTANTIATE_TEST_SUITE_P(
    Resolution, EvalTest,
    ::testing::Values(
        // the most specific type wins; bool is not an int; null only matches nullable types
        EvalCase{"kind(1)", "null", "\"int\""}, EvalCase{"kind(1.5)", "null", "\"number\""},
        EvalCase{"kind('s')", "null", "\"string\""}, EvalCase{"kind(true)", "null", "\"any\""},
        EvalCase{"kind($)", "3", "\"int\""}, EvalCase{"kind(null)", "null", "\"any\""},
        // arity
        EvalCase{"arity(1)", "null", "\"one\""}, EvalCase{"arity(1, 2)", "null", "\"two\""},
        EvalCase{"arity(1, 2, 3)", "null", "!NoMatchingFunctionException"},
        EvalCase{"nothing(1)", "null", "!NoFunctionRegisteredException"},
        // keyword arguments and defaults
        EvalCase{"named(1)", "null", "110"}, EvalCase{"named(1, 2)", "null", "102"},
        EvalCase{"named(b => 3, a => 4)", "null", "403"},
        EvalCase{"named(1, a => 2)", "null", "!NoMatchingFunctionException"},
        EvalCase{"named(c => 1)", "null", "!NoMatchingFunctionException"},
        EvalCase{"named(, 5)", "null", "!NoMatchingFunctionException"},
        // methods, functions, and both
        EvalCase{"3.twice()", "null", "6"},
        EvalCase{"twice(3)", "null", "!NoFunctionRegisteredException"},
        EvalCase{"'abc'.size()", "null", "3"}, EvalCase{"size('é')", "null", "1"},
        EvalCase{"3.size()", "null", "!NoMatchingMethodException"},
        EvalCase{"3.nope()", "null", "!NoMethodRegisteredException"},
        // lazy arguments are not evaluated unless used; $ is rebound inside lambdas
        EvalCase{"lazyOr(1, boom())", "null", "1"},
        EvalCase{"lazyOr(0, boom())", "null", "!ValueError"},
        EvalCase{"apply(5, $ + 0)", "null", "!NoFunctionRegisteredException"},
        EvalCase{"apply(5, kind($))", "null", "\"int\""},
        EvalCase{"apply('x', [$, $1])", "null", "!NoFunctionRegisteredException"},
        // *args and **kwargs
        EvalCase{"rest(1)", "null", "0"}, EvalCase{"rest(1, 2, 3)", "null", "20"},
        EvalCase{"rest(1, 2, x => 3, y => 4)", "null", "12"},
        // variables: $ is $1; unknown variables are null
        EvalCase{"$", "[1, 2]", "[1,2]"}, EvalCase{"$1", "7", "7"},
        EvalCase{"$missing", "7", "null"}, EvalCase{"bare", "null", "\"bare\""},
        // functions defined in a scope shadow nothing outside it
        EvalCase{"define(sq, kind($)) -> sq(2)", "null", "\"int\""},
        EvalCase{"sq(2)", "null", "!NoFunctionRegisteredException"}));

TEST(EvalLimits, DeepRecursionIsAnErrorNotACrash) {
  auto r = test_registry();
  r->add("again(x: any)", [](Call& c) { return c.ev.call("again", c.scope, {RawArg::of(c[0])}); });
  Engine engine(r);
  try {
    engine.evaluate("again(1)", Value());
    FAIL() << "expected RecursionError";
  } catch (const Error& e) {
    EXPECT_EQ(e.type(), "RecursionError");
  }
}

TEST(EvalLimits, StepBudget) {
  Engine engine(test_registry());
  Limits limits;
  limits.max_steps = 3;
  EXPECT_THROW(engine.evaluate("kind(kind(kind(kind(1))))", Value(), limits), Error);
  EXPECT_EQ(to_json(engine.evaluate("kind(1)", Value(), limits)), "\"int\"");
}

TEST(EvalErrors, CarryTheSpanOfTheFailingCall) {
  Engine engine(test_registry());
  std::string text = "lazyOr(0, boom())";
  try {
    engine.evaluate(text, Value());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    ASSERT_TRUE(e.has_span());
    EXPECT_EQ(text.substr(e.span().begin, e.span().end - e.span().begin), "boom()");
  }
}

TEST(EvalErrors, TryEvaluateReturnsErrorsWithTheirSpans) {
  Engine engine(test_registry());
  for (const ExpectedError& c : {
           ExpectedError{"1.twice().size()", "NoMatchingMethodException", "size()"},
           ExpectedError{"apply(1, boom())", "ValueError", "boom()"},
           ExpectedError{"kind(1, 2, 3).twice()", "NoMatchingFunctionException", "kind(1, 2, 3)"},
           ExpectedError{"kind(", "YaqlGrammarException", ""},
       }) {
    // The first run resolves from scratch, the second and third through the call sites.
    for (int run = 0; run < 3; ++run) expect_failure(engine.try_evaluate(c.source, Value()), c);
  }
  EXPECT_EQ(to_json(*engine.try_evaluate("3.twice()", Value())), "6");
}

TEST(Signatures, ParseTypesDefaultsAndStyles) {
  FunctionDef d = parse_signature("ext f(a: int?, b: string = 'x', *c: lambda, **d: any!)");
  EXPECT_EQ(d.name, "f");
  EXPECT_TRUE(d.is_method && d.is_function);
  ASSERT_EQ(d.params.size(), 4u);
  EXPECT_TRUE(d.params[0].type.nullable);
  EXPECT_EQ(d.params[1].default_value->as_string(), "x");
  EXPECT_TRUE(d.params[2].variadic);
  EXPECT_TRUE(is_lazy(d.params[2].type.code));
  EXPECT_TRUE(d.params[3].kw_variadic);
  EXPECT_FALSE(d.params[3].type.nullable);
  EXPECT_EQ(d.positional_count(), 2u);
  EXPECT_THROW(parse_signature("f(a: nosuchtype)"), std::invalid_argument);
  EXPECT_THROW(parse_signature("method f()"), std::invalid_argument);
}

TEST(ExpressionCache, ReturnsTheSameCompiledExpression) {
  Engine engine(test_registry());
  auto a = engine.compile("kind(1)");
  auto b = engine.compile("kind(1)");
  EXPECT_EQ(a.get(), b.get());
}

}  // namespace
}  // namespace sirocco::yaql
