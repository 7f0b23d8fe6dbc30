// Reading and serving an execution snapshot.
#include "stdlib/mistral/snapshot.h"

#include <tuple>

#include "interp/error.h"
#include "stdlib/mistral/snapshot_fields.h"

namespace sirocco::mistral {

namespace {

const char* const kStates[] = {"IDLE",   "WAITING", "RUNNING",   "RUNNING_DELAYED",
                               "PAUSED", "SUCCESS", "CANCELLED", "ERROR"};

}  // namespace

class SnapshotReader {
 public:
  static Snapshot read(const Value& document) {
    Snapshot s;
    FieldReader top(document, "", {"version", "current", "executions"});
    if (const Value* version = top.find("version"))
      if (!version->is_small_int() || version->as_small_int() != 1) fail_at("version", "must be 1");
    const List& executions = top.array("executions", true);
    for (size_t i = 0; i < executions.size(); ++i)
      read_execution(s, executions[i], "executions[" + std::to_string(i) + "]");
    link_parents(s);
    if (const Value* current = top.find("current")) {
      FieldReader c(*current, "current", {"execution", "task"});
      s.current_execution_ = c.optional_text("execution");
      s.current_task_ = c.optional_text("task");
      try {
        s.bindings(s.current_execution_, s.current_task_);
      } catch (const Error& e) {
        fail_at("current", e.message());
      }
    }
    return s;
  }

 private:
  static void read_execution(Snapshot& s, const Value& v, const std::string& path) {
    FieldReader f(v, path,
                  {"id", "name", "state", "state_info", "spec", "input", "output", "params", "env",
                   "global", "created_at", "updated_at", "task_execution_id", "tasks"});
    WorkflowExecutionRecord e;
    e.id = f.text("id");
    if (s.execution_index_.count(e.id))
      fail_at(f.at("id"), "duplicate execution id '" + e.id + "'");
    e.name = f.text("name");
    e.state = state(f);
    e.state_info = f.text_or_null("state_info");
    e.spec = f.object("spec");
    e.input = f.object("input");
    e.output = f.any("output");
    e.params = f.object("params");
    e.env = f.object("env");
    e.global_context = f.object("global");
    e.created_at = f.time("created_at", true);
    e.updated_at = f.time("updated_at", false);
    e.task_execution_id = f.optional_text("task_execution_id");
    const List& tasks = f.array("tasks", false);
    const size_t first_task = s.tasks_.size();
    for (size_t i = 0; i < tasks.size(); ++i)
      read_task(s, tasks[i], f.at("tasks[" + std::to_string(i) + "]"), e.id);
    s.task_ranges_.emplace_back(first_task, s.tasks_.size());
    s.execution_index_.emplace(e.id, s.executions_.size());
    s.executions_.push_back(std::move(e));
  }

  static void read_task(Snapshot& s, const Value& v, const std::string& path,
                        const std::string& execution_id) {
    FieldReader f(v, path,
                  {"id", "name", "state", "state_info", "type", "spec", "result", "published",
                   "created_at", "updated_at"});
    TaskExecutionRecord t;
    t.id = f.text("id");
    if (s.task_index_.count(t.id)) fail_at(f.at("id"), "duplicate task id '" + t.id + "'");
    t.name = f.text("name");
    t.state = state(f);
    t.state_info = f.text_or_null("state_info");
    t.type = f.one_of("type", {"ACTION", "WORKFLOW"}, "ACTION");
    t.spec = f.object("spec");
    t.result = f.any("result");
    t.published = f.object("published");
    t.workflow_execution_id = execution_id;
    t.created_at = f.time("created_at", true);
    t.updated_at = f.time("updated_at", false);
    s.task_index_.emplace(t.id, s.tasks_.size());
    s.tasks_.push_back(std::move(t));
  }

  static std::string state(const FieldReader& f) {
    return f.one_of("state", {kStates[0], kStates[1], kStates[2], kStates[3], kStates[4],
                              kStates[5], kStates[6], kStates[7]});
  }

  // Checks each task_execution_id, indexes the executions each task started, and derives
  // root_execution_id; each chain is walked once (no cycles, any depth).
  static void link_parents(Snapshot& s) {
    const size_t n = s.executions_.size();
    std::vector<size_t> parent(n, n);  // the execution holding the starting task; n: none
    for (size_t i = 0; i < n; ++i) {
      const WorkflowExecutionRecord& e = s.executions_[i];
      if (!e.task_execution_id) continue;
      const std::string path = "executions[" + std::to_string(i) + "].task_execution_id";
      const TaskExecutionRecord* task = s.task_execution(*e.task_execution_id);
      if (!task) fail_at(path, "no task has the id '" + *e.task_execution_id + "'");
      if (task->type != "WORKFLOW")
        fail_at(path,
                "task '" + task->id + "' is an ACTION task; only WORKFLOW tasks start executions");
      parent[i] = s.execution_index_.find(task->workflow_execution_id)->second;
      s.nested_by_task_[task->id].push_back(i);
    }
    enum Mark : char { Unseen, OnPath, Done };
    std::vector<Mark> mark(n, Unseen);
    std::vector<size_t> root(n, n);
    for (size_t i = 0; i < n; ++i) {
      std::vector<size_t> chain;
      size_t at = i;
      while (at != n && mark[at] == Unseen) {
        mark[at] = OnPath;
        chain.push_back(at);
        at = parent[at];
      }
      if (at != n && mark[at] == OnPath)
        fail_at("executions[" + std::to_string(i) + "].task_execution_id",
                "executions nest in a cycle");
      // `at` is a finished execution (its root is known) or past a top-level one.
      size_t top = at == n ? chain.back() : (root[at] == n ? at : root[at]);
      for (size_t j : chain) {
        mark[j] = Done;
        root[j] = j == top ? n : top;
      }
    }
    for (size_t i = 0; i < n; ++i)
      if (root[i] != n) s.executions_[i].root_execution_id = s.executions_[root[i]].id;
  }
};

Snapshot Snapshot::from_json(const Value& document) { return SnapshotReader::read(document); }

Value Snapshot::bindings(const std::optional<std::string>& execution,
                         const std::optional<std::string>& task) const {
  Dict out;
  const TaskExecutionRecord* t = nullptr;
  if (task) {
    t = task_execution(*task);
    if (!t) throw Error("SnapshotError", "no task execution has the id '" + *task + "'");
  }
  std::optional<std::string> execution_id = execution;
  if (!execution_id && t) execution_id = t->workflow_execution_id;
  if (!execution_id) return Value::dict(std::move(out));
  const WorkflowExecutionRecord* e = workflow_execution(*execution_id);
  if (!e) throw Error("SnapshotError", "no workflow execution has the id '" + *execution_id + "'");
  if (t && t->workflow_execution_id != e->id)
    throw Error("SnapshotError", "task '" + t->id + "' belongs to execution '" +
                                     t->workflow_execution_id + "', not '" + e->id + "'");
  Dict ex;
  ex.set(Value::string("id"), Value::string(e->id));
  out.set(Value::string("__execution"), Value::dict(std::move(ex)));
  if (t) {
    Dict te;
    te.set(Value::string("id"), Value::string(t->id));
    te.set(Value::string("name"), Value::string(t->name));
    out.set(Value::string("__task_execution"), Value::dict(std::move(te)));
  }
  out.set(Value::string("__env"), e->env);
  return Value::dict(std::move(out));
}

std::vector<const WorkflowExecutionRecord*> Snapshot::workflow_executions() const {
  std::vector<const WorkflowExecutionRecord*> out;
  for (const WorkflowExecutionRecord& e : executions_) out.push_back(&e);
  return out;
}

const WorkflowExecutionRecord* Snapshot::workflow_execution(std::string_view id) const {
  auto it = execution_index_.find(id);
  return it == execution_index_.end() ? nullptr : &executions_[it->second];
}

std::vector<const TaskExecutionRecord*> Snapshot::task_executions(
    std::optional<std::string_view> workflow_execution_id) const {
  size_t begin = 0, end = tasks_.size();
  if (workflow_execution_id) {
    auto it = execution_index_.find(*workflow_execution_id);
    if (it == execution_index_.end()) return {};
    std::tie(begin, end) = task_ranges_[it->second];
  }
  std::vector<const TaskExecutionRecord*> out;
  for (size_t i = begin; i < end; ++i) out.push_back(&tasks_[i]);
  return out;
}

const TaskExecutionRecord* Snapshot::task_execution(std::string_view id) const {
  auto it = task_index_.find(id);
  return it == task_index_.end() ? nullptr : &tasks_[it->second];
}

std::vector<const WorkflowExecutionRecord*> Snapshot::nested_executions(
    std::string_view task_execution_id) const {
  std::vector<const WorkflowExecutionRecord*> out;
  auto it = nested_by_task_.find(task_execution_id);
  if (it != nested_by_task_.end())
    for (size_t i : it->second) out.push_back(&executions_[i]);
  return out;
}

Value bind_into(const Value& data, const Value& bindings) {
  if (data.is_null()) return bindings;
  if (!data.is_dict()) return data;
  Dict merged = data.as_dict();
  for (const auto& [key, value] : bindings.as_dict())
    if (!merged.find(key)) merged.set(key, value);
  return Value::dict(std::move(merged));
}

}  // namespace sirocco::mistral
