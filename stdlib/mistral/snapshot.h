// An execution snapshot (docs/snapshots.md): workflow executions and their task executions
// read from JSON, validated field by field (an error names the path of the bad field), and
// served as a WorkflowView; plus the variables of the current execution and task that
// Mistral binds for an expression (`__execution`, `__task_execution`, `__env`).
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interp/value.h"
#include "interp/workflow_view.h"

namespace sirocco::mistral {

class Snapshot final : public WorkflowView {
 public:
  // Reads a parsed snapshot document. Throws Error("SnapshotError", "PATH: what is wrong").
  static Snapshot from_json(const Value& document);

  // The ids of the document's "current" object (either may be absent).
  const std::optional<std::string>& current_execution() const { return current_execution_; }
  const std::optional<std::string>& current_task() const { return current_task_; }

  // {"__execution": {"id"}, "__task_execution": {"id", "name"}, "__env": env} for the given
  // execution and/or task (a task alone implies its execution); the task's key only with a
  // task, an empty dict with neither. Throws SnapshotError for an unknown id or a task
  // outside the execution.
  Value bindings(const std::optional<std::string>& execution,
                 const std::optional<std::string>& task) const;

  std::vector<const WorkflowExecutionRecord*> workflow_executions() const override;
  const WorkflowExecutionRecord* workflow_execution(std::string_view id) const override;
  std::vector<const TaskExecutionRecord*> task_executions(
      std::optional<std::string_view> workflow_execution_id) const override;
  const TaskExecutionRecord* task_execution(std::string_view id) const override;
  std::vector<const WorkflowExecutionRecord*> nested_executions(
      std::string_view task_execution_id) const override;

 private:
  friend class SnapshotReader;

  std::deque<WorkflowExecutionRecord> executions_;      // document order (stable addresses)
  std::deque<TaskExecutionRecord> tasks_;               // document order
  std::vector<std::pair<size_t, size_t>> task_ranges_;  // each execution's tasks_ range
  std::map<std::string, size_t, std::less<>> execution_index_, task_index_;
  std::map<std::string, std::vector<size_t>, std::less<>> nested_by_task_;  // task → executions
  std::optional<std::string> current_execution_, current_task_;
};

// Merges bindings into the data of an evaluation: into a dict (its own keys win) or into
// null (which becomes the bindings); any other data is returned as it is.
Value bind_into(const Value& data, const Value& bindings);

}  // namespace sirocco::mistral
