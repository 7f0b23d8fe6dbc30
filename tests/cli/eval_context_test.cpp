// `sirocco eval` with an execution snapshot (--context, --execution, --task, in single and
// batch mode) and with a whole value to walk (--lang auto --value).
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/cli_process.h"

namespace sirocco {
namespace {

using testing::Outcome;
using testing::run;
using testing::temp_file;

const char* const kSnapshot = R"({"version": 1, "current": {"task": "t2"}, "executions": [
  {"id": "e1", "name": "main", "state": "RUNNING", "env": {"tier": "prod"}, "global": {"n": 7},
   "created_at": "2024-01-31 12:00:00", "updated_at": "2024-01-31 12:00:09",
   "tasks": [
     {"id": "t1", "name": "a", "type": "WORKFLOW", "state": "SUCCESS", "published": {"y": 2},
      "created_at": "2024-01-31 12:00:01"},
     {"id": "t2", "name": "b", "state": "RUNNING", "created_at": "2024-01-31 12:00:02"}]},
  {"id": "e2", "name": "sub", "state": "SUCCESS", "task_execution_id": "t1",
   "created_at": "2024-01-31 12:00:01", "updated_at": "2024-01-31 12:00:03", "tasks": []}]})";

std::string snapshot_path() { return temp_file("snapshot.json", kSnapshot); }

struct Case {
  std::string args;
  std::string out;
};

TEST(CliEvalContext, TheSnapshotIsWhatTheFunctionsRead) {
  const std::string ctx = " --context " + snapshot_path() + " --compact ";
  const Case cases[] = {
      {"'task().name'", "\"b\"\n"},
      {"'task(a).published.y'", "2\n"},
      {"'global(n)'", "7\n"},
      {"'env().tier'", "\"prod\"\n"},
      {"'tasks(e1, true).select($.name)'", "[\"a\",\"b\"]\n"},
      {"--execution e2 'execution().root_execution_id'", "\"e1\"\n"},
      {"--task t1 'task().id'", "\"t1\"\n"},
      {"--lang jinja '{{ task().name }}/{{ execution().id }}'", "\"b/e1\"\n"},
      {"--data '{\"k\": 1}' '$.k + global(n)'", "8\n"},
      {"--lang auto '<% task().state %>'", "\"RUNNING\"\n"},
  };
  for (const Case& c : cases) {
    Outcome r = run("eval" + ctx + c.args, true);
    EXPECT_EQ(r.status, 0) << c.args << ": " << r.out;
    EXPECT_EQ(r.out, c.out) << c.args;
  }
}

TEST(CliEvalContext, BatchCasesShareTheContext) {
  const std::string batch = temp_file(
      "context_batch.jsonl",
      "{\"id\":1,\"lang\":\"yaql\",\"expr\":\"task()\"}\n"
      "{\"id\":2,\"lang\":\"jinja\",\"expr\":\"{{ execution().id }}\",\"data\":{\"x\":1}}\n"
      "{\"id\":3,\"lang\":\"mistral-data\",\"expr\":{\"t\":\"<% task(a).state %>\"}}\n");
  Outcome r = run("eval --context " + snapshot_path() + " --execution e1 --batch " + batch);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out,
            "{\"id\":1,\"result\":null}\n"  // no current task: task() finds no task named None
            "{\"id\":2,\"result\":\"e1\"}\n"
            "{\"id\":3,\"result\":{\"t\":\"SUCCESS\"}}\n");
}

TEST(CliEvalContext, BadSnapshotsAndOptionsAreUsageErrors) {
  const std::string bad = temp_file("bad_snapshot.json",
                                    R"({"executions": [{"id": "e1", "name": "a", "state": "OK",
                                        "created_at": "2024-01-31 12:00:00"}]})");
  Outcome r = run("eval --context " + bad + " '1'", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("SnapshotError: executions[0].state: must be one of"), std::string::npos)
      << r.out;
  r = run("eval --context " + temp_file("not_json.json", "{nope") + " '1'", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--context"), std::string::npos) << r.out;
  r = run("eval --context /nonexistent/snapshot.json '1'", true);
  EXPECT_EQ(r.status, 2);
  r = run("eval --context " + snapshot_path() + " --task t9 '1'", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("no task execution has the id 't9'"), std::string::npos) << r.out;
  r = run("eval --execution e1 '1'", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("need --context"), std::string::npos) << r.out;
}

TEST(CliEvalValue, WalksAWholeValueFromAFileOrJson) {
  const std::string yaml = temp_file("value.yaml",
                                     "greeting: Hello <% $.name %>\n"
                                     "items:\n"
                                     "  - '{{ _.name|upper }}'\n"
                                     "  - <% task().name %>\n"
                                     "  - 3\n"
                                     "'<% $.name %>': key not evaluated\n");
  Outcome r = run("eval --lang auto --compact --value @" + yaml + " --data '{\"name\": \"ana\"}'" +
                      " --context " + snapshot_path(),
                  true);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out,
            "{\"greeting\":\"Hello ana\",\"items\":[\"ANA\",\"b\",3],"
            "\"<% $.name %>\":\"key not evaluated\"}\n");
  r = run("eval --lang auto --compact --value '[\"<% 1 + 1 %>\"]' --data '{\"a\": 1}'");
  EXPECT_EQ(r.out, "[2]\n");
  // falsy data: Mistral evaluates nothing
  r = run("eval --lang auto --compact --value '[\"<% 1 + 1 %>\"]'");
  EXPECT_EQ(r.out, "[\"<% 1 + 1 %>\"]\n");
}

TEST(CliEvalValue, ErrorsAndMisuse) {
  Outcome r = run("eval --lang auto --value '{\"a\": \"<% 1/0 %>\"}' --data '{\"x\": 1}'", true);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "ZeroDivisionError: integer division or modulo by zero\n");
  r = run("eval --value '[1]'", true);  // --lang yaql
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--lang auto"), std::string::npos) << r.out;
  r = run("eval --lang auto --value '[1'", true);
  EXPECT_EQ(r.status, 2);
  r = run("eval --lang auto --value @/nonexistent.yaml", true);
  EXPECT_EQ(r.status, 2);
  r = run("eval --lang auto --value '[1]' '<% 1 %>'", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("not both"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace sirocco
