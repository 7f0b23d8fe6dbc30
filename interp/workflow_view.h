// What the Mistral expression functions (`execution()`, `executions()`, `task()`, `tasks()`,
// `global()`) may ask of the workflow executions around an evaluation: a read-only view,
// engine-agnostic. The workflow engine implements it over its runtime state; an execution
// snapshot file implements it for `sirocco eval --context`. An evaluation sees the view
// installed on its thread (WorkflowViewScope), the way Mistral's functions see its database.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interp/value.h"

namespace sirocco {

// One workflow execution. Times are naive UTC datetimes; `updated_at` may be null.
struct WorkflowExecutionRecord {
  std::string id;
  std::string name;  // the workflow's name
  std::string state;
  Value state_info;  // string or null
  Value spec, input, output, params;
  Value env;             // the environment (`__env` of its expressions)
  Value global_context;  // the variables `global(name)` reads (a dict)
  Value created_at, updated_at;
  std::optional<std::string> task_execution_id;  // the task that started it, when nested
  std::optional<std::string> root_execution_id;  // the top-level execution, when nested
};

// One task execution. `type` is ACTION or WORKFLOW.
struct TaskExecutionRecord {
  std::string id;
  std::string name;
  std::string state;
  Value state_info;
  std::string type;
  Value spec, result, published;
  std::string workflow_execution_id;
  Value created_at, updated_at;
};

class WorkflowView {
 public:
  virtual ~WorkflowView() = default;

  // Every workflow execution, oldest first.
  virtual std::vector<const WorkflowExecutionRecord*> workflow_executions() const = 0;
  // The execution with that id, or nullptr.
  virtual const WorkflowExecutionRecord* workflow_execution(std::string_view id) const = 0;
  // The task executions of one workflow execution (of every execution when
  // `workflow_execution_id` is nullopt), oldest first.
  virtual std::vector<const TaskExecutionRecord*> task_executions(
      std::optional<std::string_view> workflow_execution_id) const = 0;
  // The task execution with that id, or nullptr.
  virtual const TaskExecutionRecord* task_execution(std::string_view id) const = 0;
  // The workflow executions a (WORKFLOW) task started, oldest first.
  virtual std::vector<const WorkflowExecutionRecord*> nested_executions(
      std::string_view task_execution_id) const = 0;
};

// Installs a view for the evaluations run on this thread while it lives (scopes nest; the
// innermost wins). Without one, the functions see no executions at all.
class WorkflowViewScope {
 public:
  explicit WorkflowViewScope(const WorkflowView* view);
  ~WorkflowViewScope();
  WorkflowViewScope(const WorkflowViewScope&) = delete;
  WorkflowViewScope& operator=(const WorkflowViewScope&) = delete;

  // The view installed on this thread, or nullptr.
  static const WorkflowView* current();

 private:
  const WorkflowView* previous_;
};

}  // namespace sirocco
