// Tests of the `sirocco` binary: the eval contract (output, exit codes, caret errors) and
// a batch full of hostile lines that must all be answered, in order, without a crash.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "interp/json.h"
#include "tests/cli/cli_process.h"

namespace sirocco {
namespace {

using testing::Outcome;
using testing::run;
using testing::temp_file;

TEST(CliEval, PrintsTheResultAsJson) {
  Outcome r = run("eval '$.a.where($ > 1)' --data '{\"a\":[1,2,3]}'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "[2, 3]\n");
  EXPECT_EQ(run("eval --compact '{a => [1, 2]}'").out, "{\"a\":[1,2]}\n");
}

TEST(CliEval, ReadsDataFromAFile) {
  std::string path = temp_file("data.json", "{\"x\": 41}");
  Outcome r = run("eval '$.x + 1' --data @" + path);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "42\n");
}

TEST(CliEval, AnErrorShowsItsPositionAndExitsOne) {
  Outcome r = run("eval '1 + foo(2)'", true);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("<expr>:1:5: NoFunctionRegisteredException"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 + foo(2)\n    ^"), std::string::npos) << r.out;
}

TEST(CliEval, EvaluatesJinjaInEachLang) {
  EXPECT_EQ(run("eval --lang jinja --data '{\"a\": [1, 2]}' '{{ _.a }}'").out, "[1, 2]\n");
  EXPECT_EQ(run("eval --lang jinja --data '{\"a\": 1}' 'x{{ _.a }}'").out, "\"x1\"\n");
  EXPECT_EQ(
      run("eval --lang jinja-template --env default --data '{\"a\": 1}' '{{ a }}{{ b }}'").out,
      "\"1\"\n");
  EXPECT_EQ(run("eval --lang jinja-expression --data '{\"a\": 2}' 'a ** 3'").out, "8\n");
  Outcome r = run("eval --lang jinja-template --env mistral 'x {{ missing }}'", true);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("<expr>:1:6: UndefinedError: 'missing' is undefined"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("x {{ missing }}\n     ^~~~~~~"), std::string::npos) << r.out;
}

TEST(CliEval, UsageErrorsExitTwo) {
  EXPECT_EQ(run("eval").status, 2);
  EXPECT_EQ(run("eval '1' --data '{bad'").status, 2);
  EXPECT_EQ(run("eval '1' --lang cobol").status, 2);
  EXPECT_EQ(run("frobnicate").status, 2);
  EXPECT_EQ(run("eval --help").status, 0);
}

TEST(CliBatch, AnswersEveryLineInOrderWhateverItHolds) {
  std::string big(1 << 20, '1');
  std::vector<std::string> lines = {
      R"J({"id": 1, "lang": "yaql", "expr": "$.a.len()", "data": {"a": [1, 2]}})J",
      "this is not json",
      R"J({"id": 3, "lang": "yaql", "expr": ")J" + std::string(100000, '(') + "\"}",
      R"J({"id": 4, "lang": "yaql", "expr": "'unterminated"})J",
      R"J({"id": 5, "lang": "yaql", "expr": "1 \u0000 2"})J",
      R"J({"id": 6, "lang": "yaql", "expr": ")J" + big + "\"}",
      "{\"id\": 7, \"lang\": \"yaql\", \"expr\": \"'\xff\xfe'\"}",
      R"J({"id": 8, "lang": "klingon", "expr": "1"})J",
      R"J({"id": 9})J",
      R"J([1, 2, 3])J",
      R"J({"id": 11, "lang": "yaql", "expr": ""})J",
      R"J({"id": 12, "expr": "1 / 0"})J",
      R"J({"id": 13, "lang": "jinja", "expr": "{{ )J" + std::string(100000, '(') + " }}\"}",
      R"J({"id": 14, "lang": "jinja-template", "env": "nosuch", "expr": "x"})J",
      R"J({"id": 15, "lang": "jinja", "expr": "{% if true %}x{% endif %}"})J",
      R"J({"id": 16, "expr": "2 + 2"})J",
  };
  std::string body;
  for (const auto& l : lines) body += l + "\n";
  Outcome r = run("eval --batch " + temp_file("hostile.jsonl", body));
  ASSERT_EQ(r.status, 0);
  std::istringstream out(r.out);
  std::string line;
  std::vector<Value> answers;
  while (std::getline(out, line)) answers.push_back(parse_json(line));
  ASSERT_EQ(answers.size(), lines.size());
  auto is_error = [](const Value& a) { return a.as_dict().contains(Value::string("error")); };
  EXPECT_EQ(to_json(*answers[0].as_dict().find(Value::string("result"))), "2");
  for (size_t i = 1; i + 1 < answers.size(); ++i) EXPECT_TRUE(is_error(answers[i])) << i;
  EXPECT_EQ(to_json(*answers.back().as_dict().find(Value::string("result"))), "4");
  EXPECT_EQ(to_json(*answers[2].as_dict().find(Value::string("id"))), "3");
}

}  // namespace
}  // namespace sirocco
