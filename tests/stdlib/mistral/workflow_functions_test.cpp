// execution(), executions(), task(), tasks(), global() in YAQL and Jinja against
// tests/data/mistral-functions/snapshot.json. Each expectation in cases.jsonl was recorded
// from Mistral 15 itself (tests/stdlib/mistral/snapshot_oracle.py); a case marked
// `deviation` expects Sirocco's documented difference (docs/COMPATIBILITY.md) and keeps
// Mistral's answer beside it.
#include <gtest/gtest.h>

#include <filesystem>

#include "interp/json.h"
#include "interp/workflow_view.h"
#include "stdlib/session.h"
#include "tests/stdlib/mistral/snapshot_cases.h"

namespace sirocco {
namespace {

TEST(WorkflowFunctions, MatchMistralOverASnapshot) {
  const size_t cases = testing::run_snapshot_cases(std::filesystem::path(SIROCCO_SOURCE_DIR) /
                                                   "tests/data/mistral-functions");
  EXPECT_GE(cases, 111u);
}

// Nothing is cached between calls (Mistral caches per transaction): a view that changes
// between two evaluations is read afresh.
class OneTaskView final : public WorkflowView {
 public:
  TaskExecutionRecord task;
  std::vector<const WorkflowExecutionRecord*> workflow_executions() const override { return {}; }
  const WorkflowExecutionRecord* workflow_execution(std::string_view) const override {
    return nullptr;
  }
  std::vector<const TaskExecutionRecord*> task_executions(
      std::optional<std::string_view>) const override {
    return {&task};
  }
  const TaskExecutionRecord* task_execution(std::string_view id) const override {
    return id == task.id ? &task : nullptr;
  }
  std::vector<const WorkflowExecutionRecord*> nested_executions(std::string_view) const override {
    return {};
  }
};

TEST(WorkflowFunctions, ResultsAreNeverCached) {
  auto view = std::make_shared<OneTaskView>();
  view->task.id = "t";
  view->task.name = "a";
  view->task.state = "RUNNING";
  view->task.type = "ACTION";
  Session session;
  session.set_workflow_context(view);
  EXPECT_EQ(session.evaluate(Lang::Yaql, "tasks()[0].state", Value()).as_string(), "RUNNING");
  view->task.state = "SUCCESS";
  EXPECT_EQ(session.evaluate(Lang::Yaql, "tasks()[0].state", Value()).as_string(), "SUCCESS");
  EXPECT_EQ(session.evaluate(Lang::Jinja, "{{ tasks()[0].state }}", Value()).as_string(),
            "SUCCESS");
}

TEST(WorkflowFunctions, WithoutAViewThereAreNoExecutions) {
  Session session;
  EXPECT_TRUE(session.evaluate(Lang::Yaql, "tasks()", Value()).as_list().empty());
  EXPECT_TRUE(session.evaluate(Lang::Jinja, "{{ executions() }}", Value()).as_list().empty());
  try {
    session.evaluate(Lang::Yaql, "execution()", parse_json(R"({"__execution": {"id": "x"}})"));
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.type(), "DBEntityNotFoundError");
    EXPECT_EQ(e.message(), "WorkflowExecution not found [id=x]");
  }
}

}  // namespace
}  // namespace sirocco
