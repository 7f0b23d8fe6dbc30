// Tests of the mutation permit: a template that names a mutating method runs on a copy of
// its variables and behaves as in Jinja2 (the rendered text is Jinja2's), while the values
// the caller passed stay unchanged; a template whose text does not name the method cannot
// mutate anything. No mutation may close a reference cycle (Python allows it; see
// docs/COMPATIBILITY.md).
#include <gtest/gtest.h>

#include "interp/jinja_engine.h"
#include "interp/jinja_mutation.h"
#include "interp/jinja_parser.h"
#include "interp/json.h"
#include "interp/text.h"

namespace sirocco::jinja {
namespace {

struct MutationCase {
  const char* source;
  const char* rendered;  // nullptr when it fails with SecurityError
};

class Mutation : public testing::TestWithParam<MutationCase> {};

TEST_P(Mutation, RendersLikeJinjaAndLeavesTheDataAlone) {
  const MutationCase& c = GetParam();
  Engine engine(builtin_library());
  const Value data = parse_json(R"({"l": [1, {"k": [2]}], "d": {"a": 1}, "m": "append"})");
  const std::string before = to_json(data);
  try {
    std::string out = engine.render(c.source, *find_environment("mistral"), {{"_", data}});
    ASSERT_NE(c.rendered, nullptr) << c.source << " rendered " << out;
    EXPECT_EQ(out, c.rendered) << c.source;
  } catch (const Error& e) {
    ASSERT_EQ(c.rendered, nullptr) << c.source << ": " << e.type() << ": " << e.message();
    EXPECT_EQ(e.type(), "SecurityError") << c.source << ": " << e.message();
  }
  EXPECT_EQ(to_json(data), before) << c.source;
}

const MutationCase kMutationCases[] = {
    {"{{ _.l.append(3) }}{{ _.l }}", "None[1, {'k': [2]}, 3]"},
    {"{% set x = _.l[1].k %}{{ x.pop() }}{{ _.l }}", "2[1, {'k': []}]"},
    {"{{ _.d.update({'b': 2}) }}{{ _.d }}|{{ _.d.setdefault('c', 3) }}", "None{'a': 1, 'b': 2}|3"},
    {"{{ _.l['append'](4) }}{{ _.l|length }}", "None3"},
    {"{% set f = _.l|attr('clear') %}{{ f() }}{{ _.l }}", "None[]"},
    {"{% set acc = [] %}{% for x in _.l %}{{ acc.append(x) }}{% endfor %}{{ acc|length }}",
     "NoneNone2"},
    // The method name comes from the data only: no copy was made, so nothing may change.
    {"{% set f = _.l|attr(_.m) %}{{ f(5) }}", nullptr},
    {"{% set acc = [] %}{% set f = acc|attr(_.m) %}{{ f(5) }}", nullptr},
    // Reading methods need no permit.
    {"{{ _.d.get('a') }}|{{ _.l.index(1) }}|{{ _.d.items()|list }}", "1|0|[('a', 1)]"},
};

INSTANTIATE_TEST_SUITE_P(Jinja, Mutation, testing::ValuesIn(kMutationCases));

TEST(Mutation, NeverClosesACycle) {
  Engine engine(builtin_library());
  for (const char* source : {
           "{% set ns = namespace() %}{% set ns.x = ns %}",
           "{% set ns = namespace() %}{% set ns.x = [1, {'a': ns}] %}",
           "{% set ns = namespace(l=[]) %}{{ ns.l.append(ns) }}",
           "{% set a = namespace() %}{% set b = namespace(a=a) %}{% set a.b = b %}",
           "{% set d = {} %}{{ d.update({'me': [d]}) }}",
       }) {
    try {
      engine.render(source, *find_environment("default"), {});
      ADD_FAILURE() << source << " rendered";
    } catch (const Error& e) {
      EXPECT_EQ(e.type(), "ValueError") << source << ": " << e.message();
    }
  }
  EXPECT_EQ(engine.render("{% set a = namespace() %}{% set b = namespace(a=a) %}{% set b.c = a %}"
                          "{{ b.c is sameas a }}",
                          *find_environment("default"), {}),
            "True");
}

TEST(MutationPermit, RefusesOnlyInsideAnEvaluationThatMayNotMutate) {
  EXPECT_NO_THROW(MutationPermit::check("list.append"));
  {
    const MutationPermit refused(false);
    EXPECT_THROW(MutationPermit::check("list.append"), Error);
    {
      const MutationPermit allowed(true);
      EXPECT_NO_THROW(MutationPermit::check("list.append"));
    }
    EXPECT_THROW(MutationPermit::check("list.append"), Error);
  }
  EXPECT_NO_THROW(MutationPermit::check("list.append"));
}

TEST(CopyContainers, SharesNoListOrDict) {
  const Value v = parse_json(R"({"a": [1, [2]], "b": {"c": "x"}})");
  const Value copy = copy_containers(v);
  EXPECT_EQ(to_json(copy), to_json(v));
  EXPECT_NE(copy.object().get(), v.object().get());
  const Value& inner = v.as_dict().find(Value::string("a"))->as_list()[1];
  const Value& inner_copy = copy.as_dict().find(Value::string("a"))->as_list()[1];
  EXPECT_NE(inner_copy.object().get(), inner.object().get());
}

TEST(SpellsAny, FindsAttributesAndStringConstants) {
  const std::vector<std::string> names = {"pop"};
  auto spells = [&](const char* source) {
    return spells_any(parse_template(source, Syntax{}, ParseLimits{}), nullptr, names);
  };
  EXPECT_TRUE(spells("{{ x.pop() }}"));
  EXPECT_TRUE(spells("{% if a %}{{ x['pop'] }}{% endif %}"));
  EXPECT_TRUE(spells("{% for i in y %}{{ x|map(attribute='pop')|list }}{% endfor %}"));
  EXPECT_FALSE(spells("{{ x.popular }}{{ 'popping' }}{{ x|attr(name) }}"));
}

}  // namespace
}  // namespace sirocco::jinja
