// Runs the shared conformance corpora through the library and holds each to a floor:
// the share of cases that must match the reference. Raise the floors as Sirocco improves.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "interp/json.h"
#include "stdlib/session.h"
#include "tests/conformance/canonical_match.h"

namespace sirocco {
namespace {

struct Tally {
  size_t passed = 0, failed = 0, crashed = 0;
};

std::string corpus_path(const std::string& name) {
  return std::string(SIROCCO_SOURCE_DIR) + "/../shared/conformance/" + name;
}

const Value* field(const Dict& d, const char* name) { return d.find(Value::string(name)); }

Tally run_corpus(const std::string& name) {
  std::ifstream in(corpus_path(name));
  EXPECT_TRUE(in.good()) << "missing corpus " << corpus_path(name);
  Session session;
  Tally t;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    Value parsed = parse_json(line);
    const Dict& c = parsed.as_dict();
    Lang lang = Lang::Yaql;
    if (const Value* l = field(c, "lang")) parse_lang(l->as_string(), lang);
    const Value* data = field(c, "data");
    const Value* env = field(c, "env");
    const Value& expr = *field(c, "expr");
    bool ok = false;
    try {
      const Value input = data ? *data : Value();
      Value result = lang == Lang::MistralData
                         ? session.evaluate_data(expr, input)
                         : session.evaluate(lang, expr.as_string(), input,
                                            env ? env->as_string() : std::string("mistral"));
      if (const Value* expect = field(c, "expect"))
        ok = testing::mismatch(*expect, parse_json(to_json(result))).empty();
    } catch (const Error&) {
      ok = field(c, "expect_error") != nullptr;
    } catch (const std::exception&) {
      ++t.crashed;
    }
    ++(ok ? t.passed : t.failed);
  }
  std::cout << name << ": " << t.passed << " passed, " << t.failed << " failed\n";
  return t;
}

void expect_floor(const std::string& name, double floor) {
  Tally t = run_corpus(name);
  size_t total = t.passed + t.failed;
  ASSERT_GT(total, 0u);
  EXPECT_EQ(t.crashed, 0u) << "cases that escaped as non-Sirocco exceptions";
  EXPECT_GE(static_cast<double>(t.passed) / total, floor)
      << name << ": " << t.passed << "/" << total << " is under the floor";
}

TEST(Conformance, YaqlSuite) { expect_floor("yaql-suite.jsonl", 0.98); }
TEST(Conformance, YaqlRandomSample) { expect_floor("yaql-random-sample.jsonl", 0.98); }
TEST(Conformance, JinjaSuite) { expect_floor("jinja-suite.jsonl", 0.98); }
TEST(Conformance, JinjaRandomSample) { expect_floor("jinja-random-sample.jsonl", 0.99); }
TEST(Conformance, MistralLayer) { expect_floor("mistral-layer.jsonl", 0.99); }

}  // namespace
}  // namespace sirocco
