// The snapshot reader: every malformed document is a SnapshotError naming the bad field's
// path (never a crash), and a good one serves its executions and the current bindings.
#include "stdlib/mistral/snapshot.h"

#include <gtest/gtest.h>

#include <memory>

#include "interp/error.h"
#include "interp/json.h"
#include "stdlib/session.h"

namespace sirocco::mistral {
namespace {

// A valid document with `extra` spliced into the first execution / first task.
std::string doc(const std::string& execution_extra = "", const std::string& task_extra = "",
                const std::string& top_extra = "") {
  return R"({"executions": [{"id": "e1", "name": "wf", "state": "RUNNING",
    "created_at": "2024-01-31 12:00:00")" +
         execution_extra + R"(, "tasks": [{"id": "t1", "name": "a", "state": "SUCCESS",
    "type": "WORKFLOW", "created_at": "2024-01-31 12:00:01")" +
         task_extra + R"(}]}, {"id": "e2", "name": "sub", "state": "SUCCESS",
    "created_at": "2024-01-31 12:00:02", "task_execution_id": "t1"}])" +
         top_extra + "}";
}

struct BadCase {
  std::string document;
  std::string message;
};

TEST(Snapshot, BadDocumentsNameThePathOfTheBadField) {
  const BadCase cases[] = {
      {"[]", ": must be an object, not an array"},
      {"{}", "executions: is required"},
      {R"({"executions": {}})", "executions: must be an array, not an object"},
      {R"({"executions": [1]})", "executions[0]: must be an object, not a number"},
      {R"({"executions": [], "version": 2})", "version: must be 1"},
      {R"({"executions": [], "extra": 1})", "extra: unknown field"},
      {R"({"executions": [{"name": "wf"}]})", "executions[0].id: is required"},
      {R"({"executions": [{"id": ""}]})", "executions[0].id: must be a non-empty string"},
      {R"({"executions": [{"id": 5}]})", "executions[0].id: must be a non-empty string"},
      {doc(R"(, "stat": "x")"), "executions[0].stat: unknown field"},
      {doc(R"(, "spec": [])"), "executions[0].spec: must be an object, not an array"},
      {doc(R"(, "env": "prod")"), "executions[0].env: must be an object, not a string"},
      {doc(R"(, "global": null)"), "executions[0].global: must be an object, not null"},
      {doc(R"(, "state_info": 3)"), "executions[0].state_info: must be a string or null"},
      {doc(R"(, "updated_at": "2024-02-30 00:00:00")"),
       "executions[0].updated_at: must be a time like '2024-01-31 12:00:00[.ffffff]', not "
       "'2024-02-30 00:00:00'"},
      {doc(R"(, "updated_at": "2024-01-31T12:00:00Z")"),
       "executions[0].updated_at: must be a time like '2024-01-31 12:00:00[.ffffff]', not "
       "'2024-01-31T12:00:00Z'"},
      {doc(R"(, "updated_at": 1)"),
       "executions[0].updated_at: must be a time string like '2024-01-31 12:00:00'"},
      {R"({"executions": [{"id": "e1", "name": "a", "state": "IDLE", "created_at": "2024-01-31 12:00:00", "tasks": 1}]})",
       "executions[0].tasks: must be an array, not a number"},
      {doc("", R"(, "state": "DONE")"),
       "executions[0].tasks[0].state: must be one of IDLE, WAITING, RUNNING, RUNNING_DELAYED, "
       "PAUSED, SUCCESS, CANCELLED, ERROR, not 'DONE'"},
      {doc("", R"(, "type": "action")"),
       "executions[0].tasks[0].type: must be one of ACTION, WORKFLOW, not 'action'"},
      {doc("", R"(, "published": [1])"),
       "executions[0].tasks[0].published: must be an object, not an array"},
      {doc("", R"(, "created_at": null)"), "executions[0].tasks[0].created_at: is required"},
      {doc("", R"(, "workflow_execution_id": "e1")"),
       "executions[0].tasks[0].workflow_execution_id: unknown field"},
      {R"({"executions": [{"id": "e1", "name": "a", "state": "IDLE", "created_at": "2024-01-31 12:00:00"},
          {"id": "e1", "name": "b", "state": "IDLE", "created_at": "2024-01-31 12:00:00"}]})",
       "executions[1].id: duplicate execution id 'e1'"},
      {doc("", "", R"(, "current": {"execution": "nope"})"),
       "current: no workflow execution has the id 'nope'"},
      {doc("", "", R"(, "current": {"task": "t9"})"), "current: no task execution has the id 't9'"},
      {doc("", "", R"(, "current": {"execution": "e2", "task": "t1"})"),
       "current: task 't1' belongs to execution 'e1', not 'e2'"},
      {doc("", "", R"(, "current": {"exec": "e1"})"), "current.exec: unknown field"},
      {R"({"executions": [{"id": "e1", "name": "a", "state": "IDLE", "created_at": "2024-01-31 12:00:00",
           "task_execution_id": "t0"}]})",
       "executions[0].task_execution_id: no task has the id 't0'"},
      {R"({"executions": [{"id": "e1", "name": "a", "state": "IDLE", "created_at": "2024-01-31 12:00:00",
           "tasks": [{"id": "t1", "name": "x", "state": "IDLE", "created_at": "2024-01-31 12:00:00"}]},
          {"id": "e2", "name": "b", "state": "IDLE", "created_at": "2024-01-31 12:00:00",
           "task_execution_id": "t1"}]})",
       "executions[1].task_execution_id: task 't1' is an ACTION task; only WORKFLOW tasks start "
       "executions"},
      {R"({"executions": [
          {"id": "e1", "name": "a", "state": "IDLE", "created_at": "2024-01-31 12:00:00", "task_execution_id": "t2",
           "tasks": [{"id": "t1", "name": "x", "type": "WORKFLOW", "state": "IDLE", "created_at": "2024-01-31 12:00:00"}]},
          {"id": "e2", "name": "b", "state": "IDLE", "created_at": "2024-01-31 12:00:00", "task_execution_id": "t1",
           "tasks": [{"id": "t2", "name": "y", "type": "WORKFLOW", "state": "IDLE", "created_at": "2024-01-31 12:00:00"}]}]})",
       "executions[0].task_execution_id: executions nest in a cycle"},
  };
  for (const BadCase& c : cases) {
    try {
      Snapshot::from_json(parse_json(c.document));
      ADD_FAILURE() << "accepted: " << c.document;
    } catch (const Error& e) {
      EXPECT_EQ(e.type(), "SnapshotError") << c.document;
      EXPECT_EQ(e.message(), c.message) << c.document;
    }
  }
}

TEST(Snapshot, ServesItsExecutionsAndDerivesTheRoot) {
  const Snapshot s = Snapshot::from_json(parse_json(doc(R"(, "env": {"k": 1})")));
  ASSERT_EQ(s.workflow_executions().size(), 2u);
  EXPECT_EQ(s.workflow_execution("e1")->root_execution_id, std::nullopt);
  EXPECT_EQ(s.workflow_execution("e2")->root_execution_id, "e1");
  EXPECT_EQ(s.workflow_execution("e2")->task_execution_id, "t1");
  EXPECT_EQ(s.nested_executions("t1").size(), 1u);
  EXPECT_EQ(s.task_executions(std::nullopt).size(), 1u);
  EXPECT_TRUE(s.task_executions("e2").empty());
  EXPECT_EQ(s.task_execution("t1")->workflow_execution_id, "e1");
  EXPECT_EQ(s.workflow_execution("nope"), nullptr);
  // defaults
  const WorkflowExecutionRecord& e2 = *s.workflow_execution("e2");
  EXPECT_TRUE(e2.spec.is_dict() && e2.global_context.is_dict() && e2.output.is_null());
  EXPECT_TRUE(e2.updated_at.is_null());
  EXPECT_TRUE(s.task_execution("t1")->result.is_null());
}

TEST(Snapshot, BindingsOfTheCurrentExecutionAndTask) {
  const Snapshot s = Snapshot::from_json(parse_json(doc(R"(, "env": {"k": 1})")));
  EXPECT_EQ(
      to_json(s.bindings(std::nullopt, "t1")),
      R"({"__execution":{"id":"e1"},"__task_execution":{"id":"t1","name":"a"},"__env":{"k":1}})");
  EXPECT_EQ(to_json(s.bindings("e2", std::nullopt)), R"({"__execution":{"id":"e2"},"__env":{}})");
  EXPECT_EQ(to_json(s.bindings(std::nullopt, std::nullopt)), "{}");
  const Value bindings = s.bindings("e2", std::nullopt);
  EXPECT_EQ(to_json(bind_into(parse_json(R"({"a":1,"__env":null})"), bindings)),
            R"({"a":1,"__env":null,"__execution":{"id":"e2"}})");
  EXPECT_EQ(to_json(bind_into(Value(), bindings)), to_json(bindings));
  EXPECT_EQ(to_json(bind_into(parse_json("[1]"), bindings)), "[1]");
}

}  // namespace
}  // namespace sirocco::mistral

namespace sirocco::mistral {
namespace {

// A chain of nested executions far deeper than any C++ stack could recurse through.
TEST(Snapshot, DeepNestingIsWalkedWithoutRecursion) {
  constexpr int kDepth = 20000;
  std::string doc = R"({"executions": [)";
  for (int i = 0; i < kDepth; ++i) {
    const std::string n = std::to_string(i);
    doc +=
        (i ? "," : "") + std::string(R"({"id": "e)") + n +
        R"(", "name": "w", "state": "RUNNING", "created_at": "2024-01-01 00:00:00")" +
        (i ? R"(, "task_execution_id": "t)" + std::to_string(i - 1) + "\"" : "") +
        R"(, "tasks": [{"id": "t)" + n +
        R"(", "name": "a", "type": "WORKFLOW", "state": "RUNNING", "created_at": "2024-01-01 00:00:00"}]})";
  }
  doc += "]}";
  auto snapshot = std::make_shared<Snapshot>(Snapshot::from_json(parse_json(doc)));
  EXPECT_EQ(snapshot->workflow_execution("e19999")->root_execution_id, "e0");
  Session session;
  session.set_workflow_context(snapshot);
  EXPECT_EQ(to_json(session.evaluate(Lang::Yaql, "len(tasks(e0, true))", Value())), "20000");
}

}  // namespace
}  // namespace sirocco::mistral
