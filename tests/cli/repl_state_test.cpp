// Tests of the REPL's session state driven input by input, without a terminal: commands,
// variables, the last result, errors, printing, data files and colours.
#include "cli/repl_state.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/repl_colour.h"
#include "interp/json.h"

namespace sirocco::cli {
namespace {

// A REPL fed one input at a time, keeping what each printed.
struct Driver {
  explicit Driver(ReplLook look = {}) : state(look) {}
  std::string out, err;
  ReplState::Status run(const std::string& input) {
    std::ostringstream o, e;
    ReplState::Status status = state.run(input, o, e);
    out = o.str(), err = e.str();
    return status;
  }
  ReplState state;
};

std::string temp_file(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + "repl_state_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(ReplState, EvaluatesInputsAgainstTheDataAndVariables) {
  Driver repl;
  struct Step {
    const char* input;
    const char* out;
  };
  const Step steps[] = {
      {"1 + 2", "3\n"},
      {"$_ * 10", "30\n"},  // the last result
      {"$", "null\n"},
      {":data {\"a\": [1, 2, 3], \"b\": \"x\"}", ""},  // acknowledgements are off here
      {"$.a.where($ > 1)", "[2, 3]\n"},
      {"_", "{\"a\": [1, 2, 3], \"b\": \"x\"}\n"},
      {":let n = $.a.len()", "$n = 3\n"},
      {"$n * 2", "6\n"},
      {"$_ + $n", "9\n"},
      {":let n = 10", "$n = 10\n"},  // rebinding replaces
      {"$n", "10\n"},
      {"<% $.b %>", "\"x\"\n"},
      {":data", "{\"a\": [1, 2, 3], \"b\": \"x\"}\n"},
      {":lang", "auto\n"},
      {":lang yaql", ""},
      {":lang", "yaql\n"},
      {"   ", ""},
  };
  for (const auto& step : steps) {
    EXPECT_EQ(repl.run(step.input), ReplState::Status::Ok) << step.input << ": " << repl.err;
    EXPECT_EQ(repl.out, step.out) << step.input;
    EXPECT_EQ(repl.err, "") << step.input;
  }
}

TEST(ReplState, ShowsErrorsWithACaret) {
  Driver repl;
  EXPECT_EQ(repl.run("1 + foo(2)"), ReplState::Status::Error);
  EXPECT_EQ(repl.out, "");
  EXPECT_EQ(repl.err,
            "<expr>:1:5: NoFunctionRegisteredException: Unknown function \"foo\"\n"
            "1 + foo(2)\n    ^~~~~~\n");
  // A failed input leaves the last result alone.
  repl.run("5");
  repl.run("1 / 0");
  repl.run("$_");
  EXPECT_EQ(repl.out, "5\n");
}

TEST(ReplState, RejectsBadCommands) {
  const char* inputs[] = {":bogus",         ":lang cobol", ":data {bad",     ":data @/no/such.json",
                          ":let = 1",       ":let _ = 1",  ":let x = foo()", ":help nothing_here",
                          ":context nofile"};
  for (const char* input : inputs) {
    Driver repl;
    EXPECT_EQ(repl.run(input), ReplState::Status::Error) << input;
    EXPECT_NE(repl.err, "") << input;
  }
  Driver repl;
  repl.run(":data {bad");
  EXPECT_EQ(repl.err,
            "JSONDecodeError: Expecting property name enclosed in double quotes: line 1 "
            "column 2 (char 1)\n");
}

TEST(ReplState, ListsFunctionsAndHelp) {
  Driver repl;
  // auto: both languages, under headings.
  EXPECT_EQ(repl.run(":functions rang"), ReplState::Status::Ok);
  EXPECT_EQ(repl.out,
            "YAQL functions:\n  range(stop: pyint)\n"
            "  range(start: pyint, stop: pyint, step: pyint = 1)\n"
            "Jinja globals:\n  range(*args: any)\n");
  repl.run(":help where");
  EXPECT_EQ(repl.out, "method where(collection: iterable, predicate: lambda)  (YAQL functions)\n");
  repl.run(":help length");
  EXPECT_EQ(repl.out, "length(obj: any)  (Jinja filters)\n");
  repl.run(":lang yaql");
  repl.run(":functions rang");
  EXPECT_EQ(repl.out, "range(stop: pyint)\nrange(start: pyint, stop: pyint, step: pyint = 1)\n");
  EXPECT_EQ(repl.run(":help length"), ReplState::Status::Error);  // not YAQL
  repl.run(":lang jinja");
  repl.run(":functions json_p");  // Mistral's functions are filters too
  EXPECT_EQ(repl.out,
            "Jinja filters:\n  json_parse(context: any, data: any)\n"
            "  json_pp(context: any, data: any = null)\n");
  repl.run(":lang auto");
  repl.run(":help :data");
  EXPECT_EQ(repl.out.substr(0, 19), ":data [JSON|@FILE]\n");
  repl.run(":help");
  for (const char* topic : {":lang", ":data", ":context", ":env", ":let", ":functions", ":help",
                            ":time", ":quit", "$_", "Tab"})
    EXPECT_NE(repl.out.find(topic), std::string::npos) << topic;
  EXPECT_EQ(repl.run(":q"), ReplState::Status::Quit);
}

TEST(ReplState, TimesEvaluationsWhenAsked) {
  Driver repl;
  repl.run(":time");
  repl.run("1");
  EXPECT_EQ(repl.out.substr(0, 3), "1\n(");
  EXPECT_EQ(repl.out.substr(repl.out.size() - 5), " ms)\n");
  repl.run(":time");
  repl.run("1");
  EXPECT_EQ(repl.out, "1\n");
}

TEST(ReplState, GivesAContextToTheMistralFunctions) {
  std::string path = temp_file("snapshot.json", R"({"version": 1, "current": {"task": "t2"},
    "executions": [{"id": "e1", "name": "wf", "state": "RUNNING", "env": {"region": "eu"},
      "created_at": "2020-01-02 03:04:05", "tasks": [
        {"id": "t1", "name": "first", "state": "SUCCESS", "type": "ACTION",
         "created_at": "2020-01-02 03:04:06", "published": {"x": 1}},
        {"id": "t2", "name": "second", "state": "RUNNING", "type": "ACTION",
         "created_at": "2020-01-02 03:04:07"}]}]})");
  Driver repl;
  EXPECT_EQ(repl.run(":context " + path), ReplState::Status::Ok) << repl.err;
  const char* steps[][2] = {
      {"task().name", "\"second\"\n"},
      {"task(first).published", "{\"x\": 1}\n"},
      {"{{ execution().name }}", "\"wf\"\n"},
      {"tasks(execution().id).select($.id)", "[\"t1\", \"t2\"]\n"},
      {"env().region", "\"eu\"\n"},
  };
  for (const auto& [input, expected] : steps) {
    repl.run(input);
    EXPECT_EQ(repl.out, expected) << input << ": " << repl.err;
  }
  // A malformed snapshot is refused with the path of the bad field, and dropped.
  path = temp_file("bad.json", R"({"version": 1, "executions": [{"id": 7}]})");
  EXPECT_EQ(repl.run(":context " + path), ReplState::Status::Error);
  EXPECT_NE(repl.err.find("SnapshotError: executions[0]"), std::string::npos) << repl.err;
  repl.run("task()");
  EXPECT_NE(repl.err.find("TypeError"), std::string::npos) << repl.out << repl.err;
}

TEST(ReplState, CutsLongSummariesBetweenCharacters) {
  Driver repl(ReplLook{.acknowledge = true});
  repl.run(":data {\"a\": 1}");
  EXPECT_EQ(repl.out, "data {\"a\": 1}\n");
  repl.run(":data \"" + std::string(54, 'x') + "\u00e9\u00e9\u00e9\u00e9\u00e9\"");
  EXPECT_EQ(repl.out, "data \"" + std::string(54, 'x') + "\u00e9\u00e9...\n");
}

TEST(ReplState, GivesTheEnvToMistralFunctions) {
  Driver repl;
  const char* steps[][2] = {
      {":env {\"region\": \"eu\"}", ""},  {"env().region", "\"eu\"\n"},
      {"$__env.region", "\"eu\"\n"},      {"{{ env().region }}", "\"eu\"\n"},
      {":data {\"a\": 1}", ""},           {"$.a", "1\n"},
      {"env().region", "\"eu\"\n"},       {"$", "{\"a\": 1}\n"},  // the data as set, without __env
      {":env", "{\"region\": \"eu\"}\n"},
  };
  for (const auto& [input, out] : steps) {
    EXPECT_EQ(repl.run(input), ReplState::Status::Ok) << input << ": " << repl.err;
    EXPECT_EQ(repl.out, out) << input;
  }
}

TEST(ReplState, EvaluatesJinjaByMistralsRule) {
  Driver repl;
  const char* steps[][2] = {
      {":data {\"a\": [1, 2, 3]}", ""},
      {"{{ _.a | length }}", "3\n"},
      {"{% for x in _.a %}{{ x }};{% endfor %}", "\"1;2;3;\"\n"},
      {"a <% $.a.len() %> b", "\"a 3 b\"\n"},
      {":let total = {{ _.a | sum }}", "$total = 6\n"},
      {"$total + $_", "12\n"},
      {":lang jinja", ""},
      {"plain text", "\"plain text\"\n"},
      {"_", "{\"a\": [1, 2, 3]}\n"},
  };
  for (const auto& [input, out] : steps) {
    EXPECT_EQ(repl.run(input), ReplState::Status::Ok) << input << ": " << repl.err;
    EXPECT_EQ(repl.out, out) << input;
  }
  EXPECT_EQ(repl.run("{{ _.missing }}"), ReplState::Status::Error);
  EXPECT_EQ(repl.err.substr(0, 15), "UndefinedError:") << repl.err;
}

TEST(ReplState, ReadsYamlAndJsonDataFiles) {
  std::string yaml = temp_file("data.yaml", "a: [1, 2]\nb: yes\nc: '1'\n");  // PyYAML: yes is true
  Driver repl;
  EXPECT_EQ(repl.run(":data @" + yaml), ReplState::Status::Ok) << repl.err;
  repl.run("$");
  EXPECT_EQ(repl.out, "{\"a\": [1, 2], \"b\": true, \"c\": \"1\"}\n");
  std::string json = temp_file("data.json", "[1, 2.5]");
  repl.run(":data @" + json);
  repl.run("$.sum()");
  EXPECT_EQ(repl.out, "3.5\n");
}

TEST(ReplState, PrintsLongResultsIndentedOnATerminal) {
  Driver repl(ReplLook{.pretty = true});
  repl.run("range(40).toList()");
  EXPECT_EQ(repl.out.substr(0, 9), "[\n  0,\n  ");
  repl.run("[1, 2]");
  EXPECT_EQ(repl.out, "[1, 2]\n");
}

TEST(ReplColour, ColoursJsonTokens) {
  EXPECT_EQ(colour_json(R"({"a": [1, "x", true, null, -2.5]})"),
            "{\x1b[1;34m\"a\"\x1b[0m: [\x1b[36m1\x1b[0m, \x1b[32m\"x\"\x1b[0m, "
            "\x1b[33mtrue\x1b[0m, \x1b[35mnull\x1b[0m, \x1b[36m-2.5\x1b[0m]}");
  EXPECT_EQ(colour_json(R"("a \"q\": b")"), "\x1b[32m\"a \\\"q\\\": b\"\x1b[0m");
  Driver repl(ReplLook{.colour = true, .colour_errors = true});
  repl.run("[1]");
  EXPECT_EQ(repl.out, "[\x1b[36m1\x1b[0m]\n");
  repl.run("foo()");
  EXPECT_EQ(repl.err.substr(0, 6), "\x1b[31m<");
}

}  // namespace
}  // namespace sirocco::cli
