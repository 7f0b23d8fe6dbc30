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

TEST(CliBatch, RepeatedDataIsReadAgainAndBadDataIsALineError) {
  const std::string data = R"J({"s": "x]}\"{", "n": [1, {"m": 2}]})J";
  std::vector<std::string> lines = {
      R"J({"id": 1, "expr": "$.n[1].m", "data": )J" + data + "}",
      R"J({"id": 2, "expr": "$.s", "data": )J" + data + "}",
      R"J({"id": 3, "expr": "$.n[0]", "data": )J" + data + "}",
      R"J({"id": 4, "expr": "$", "data": {"a": tru}})J",
      R"J({"id": 5, "expr": "$", "data": [1, 2})J",
      R"J({"id": 6, "expr": "$", "data": "unterminated})J",
      R"J({"id": 7, "expr": "$", "data": 12x})J",
      R"J({"id": 8, "expr": "$", "data": })J",
  };
  std::string body;
  for (const auto& l : lines) body += l + "\n";
  Outcome r = run("eval --batch " + temp_file("data.jsonl", body));
  ASSERT_EQ(r.status, 0);
  std::istringstream out(r.out);
  std::vector<std::string> answers;
  for (std::string line; std::getline(out, line);) answers.push_back(line);
  ASSERT_EQ(answers.size(), lines.size());
  EXPECT_EQ(answers[0], R"({"id":1,"result":2})");
  EXPECT_EQ(answers[1], R"({"id":2,"result":"x]}\"{"})");
  EXPECT_EQ(answers[2], R"({"id":3,"result":1})");
  // Each bad line reports what Python's json.loads says of the whole line.
  const char* messages[] = {
      "line 4: Expecting value: line 1 column 38 (char 37)",
      "line 5: Expecting ',' delimiter: line 1 column 37 (char 36)",
      "line 6: Unterminated string starting at: line 1 column 32 (char 31)",
      "line 7: Expecting ',' delimiter: line 1 column 34 (char 33)",
      "line 8: Expecting value: line 1 column 32 (char 31)",
  };
  for (size_t i = 0; i < std::size(messages); ++i) {
    const Value answer = parse_json(answers[3 + i]);
    const Dict& error = answer.as_dict().find(Value::string("error"))->as_dict();
    EXPECT_EQ(error.find(Value::string("type"))->as_string(), "BatchLineError");
    EXPECT_EQ(error.find(Value::string("message"))->as_string(), messages[i]) << i;
  }
}

}  // namespace
}  // namespace sirocco
