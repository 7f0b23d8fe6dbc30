// execution(), executions(), task(), tasks() and global() over the installed WorkflowView.
#include "stdlib/mistral/workflow_functions.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "interp/error.h"
#include "interp/text.h"
#include "interp/workflow_view.h"
#include "stdlib/yaql/datetime_internal.h"

namespace sirocco::mistral {

namespace {

// The view of the running evaluation; an empty one when none is installed.
class NoExecutions final : public WorkflowView {
 public:
  std::vector<const WorkflowExecutionRecord*> workflow_executions() const override { return {}; }
  const WorkflowExecutionRecord* workflow_execution(std::string_view) const override {
    return nullptr;
  }
  std::vector<const TaskExecutionRecord*> task_executions(
      std::optional<std::string_view>) const override {
    return {};
  }
  const TaskExecutionRecord* task_execution(std::string_view) const override { return nullptr; }
  std::vector<const WorkflowExecutionRecord*> nested_executions(std::string_view) const override {
    return {};
  }
};

const WorkflowView& view() {
  static const NoExecutions none;
  const WorkflowView* installed = WorkflowViewScope::current();
  return installed ? *installed : none;
}

// An id argument as the database column compares it: a string as is, an int by its digits
// (SQL compares '1' = 1 as equal); anything else matches no id.
std::optional<std::string> id_key(const Value& v) {
  if (v.is_string()) return v.as_string();
  if (v.is_int()) return int_text(v);
  return std::nullopt;
}

Value optional_text(const std::optional<std::string>& s) { return s ? Value::string(*s) : Value(); }

// `created_at.isoformat(' ')`; null stays null.
Value time_text(const Value& t) {
  return t.is_datetime() ? Value::string(isoformat(t.as_datetime(), ' ')) : Value();
}

Value task_model(const TaskExecutionRecord& t) {
  Dict d;
  d.set(Value::string("id"), Value::string(t.id));
  d.set(Value::string("name"), Value::string(t.name));
  d.set(Value::string("spec"), t.spec);
  d.set(Value::string("state"), Value::string(t.state));
  d.set(Value::string("state_info"), t.state_info);
  d.set(Value::string("result"), t.result);
  d.set(Value::string("published"), t.published);
  d.set(Value::string("type"), Value::string(t.type));
  d.set(Value::string("workflow_execution_id"), Value::string(t.workflow_execution_id));
  d.set(Value::string("created_at"), time_text(t.created_at));
  d.set(Value::string("updated_at"), time_text(t.updated_at));
  return Value::dict(std::move(d));
}

Value execution_model(const WorkflowExecutionRecord& e) {
  Dict d;
  d.set(Value::string("id"), Value::string(e.id));
  d.set(Value::string("name"), Value::string(e.name));
  d.set(Value::string("spec"), e.spec);
  d.set(Value::string("input"), e.input);
  d.set(Value::string("params"), e.params);
  d.set(Value::string("created_at"), time_text(e.created_at));
  d.set(Value::string("updated_at"), time_text(e.updated_at));
  d.set(Value::string("root_execution_id"), optional_text(e.root_execution_id));
  return Value::dict(std::move(d));
}

// An item of executions(): the execution's stored fields, times as datetimes.
Value execution_row(const WorkflowExecutionRecord& e) {
  Dict d;
  d.set(Value::string("spec"), e.spec);
  d.set(Value::string("input"), e.input);
  d.set(Value::string("output"), e.output);
  d.set(Value::string("params"), e.params);
  d.set(Value::string("context"), e.global_context);
  d.set(Value::string("created_at"), e.created_at);
  d.set(Value::string("updated_at"), e.updated_at);
  d.set(Value::string("id"), Value::string(e.id));
  d.set(Value::string("name"), Value::string(e.name));
  d.set(Value::string("workflow_name"), Value::string(e.name));
  d.set(Value::string("state"), Value::string(e.state));
  d.set(Value::string("state_info"), e.state_info);
  d.set(Value::string("task_execution_id"), optional_text(e.task_execution_id));
  d.set(Value::string("root_execution_id"), optional_text(e.root_execution_id));
  return Value::dict(std::move(d));
}

// The execution `context['__execution']['id']` names.
const WorkflowExecutionRecord& current_execution(const ContextItem& context) {
  const Value id = python_item(context("__execution"), "id");
  const std::optional<std::string> key = id_key(id);
  const WorkflowExecutionRecord* e = key ? view().workflow_execution(*key) : nullptr;
  if (!e)
    throw Error("DBEntityNotFoundError", "WorkflowExecution not found [id=" + python_str(id) + "]");
  return *e;
}

// A time bound of executions(): a datetime, or text as dateutil reads it; naive UTC micros.
int64_t time_bound(const Value& v, const char* name) {
  DateTimeParts t;
  if (v.is_datetime())
    t = v.as_datetime();
  else if (v.is_string())
    t = yaql::dt::parse_datetime(v.as_string());
  else
    throw Error("TypeError",
                std::string(name) + " must be a datetime or a string, not " + type_name(v));
  return t.micros;  // the UTC instant of an aware time, the wall clock of a naive one
}

bool state_matches(const std::string& state, const Value& wanted) {
  return !truthy(wanted) || (wanted.is_string() && wanted.as_string() == state);
}

// `flat`: an ACTION task, or a WORKFLOW task in a state none of its nested executions has.
bool flat_matches(const TaskExecutionRecord& t) {
  if (t.type == "ACTION") return true;
  for (const WorkflowExecutionRecord* nested : view().nested_executions(t.id))
    if (nested->state == t.state) return false;
  return true;
}

// Mistral's _get_tasks_from_db: an execution's own tasks that pass the filters, then, when
// recursive, the same for each execution its WORKFLOW tasks started, depth first — a
// pre-order walk, kept on an explicit stack (and each execution visited once) so that no
// nesting depth can exhaust the C++ stack.
std::vector<const TaskExecutionRecord*> collect_tasks(
    const std::optional<std::string>& execution_id, bool recursive, const Value& state, bool flat) {
  std::vector<const TaskExecutionRecord*> out;
  auto keep = [&](const TaskExecutionRecord* t) {
    if (state_matches(t->state, state) && (!flat || flat_matches(*t))) out.push_back(t);
  };
  if (!execution_id || !recursive) {
    for (const TaskExecutionRecord* t : view().task_executions(
             execution_id ? std::optional<std::string_view>(*execution_id) : std::nullopt))
      keep(t);
    return out;
  }
  std::vector<std::string> pending{*execution_id};
  std::set<std::string> visited;
  while (!pending.empty()) {
    const std::string id = std::move(pending.back());
    pending.pop_back();
    if (!visited.insert(id).second) continue;
    std::vector<std::string> children;
    for (const TaskExecutionRecord* t : view().task_executions(id)) {
      keep(t);
      if (t->type != "WORKFLOW") continue;
      for (const WorkflowExecutionRecord* e : view().nested_executions(t->id))
        children.push_back(e->id);
    }
    pending.insert(pending.end(), children.rbegin(), children.rend());
  }
  return out;
}

}  // namespace

Value python_item(const Value& container, std::string_view key) {
  if (container.is_dict()) {
    if (const Value* v = container.as_dict().find(Value::string(std::string(key)))) return *v;
    throw Error("KeyError", "'" + std::string(key) + "'");
  }
  if (container.is_list())
    throw Error("TypeError", "list indices must be integers or slices, not str");
  if (container.is_string()) throw Error("TypeError", "string indices must be integers, not 'str'");
  throw Error("TypeError", "'" + type_name(container) + "' object is not subscriptable");
}

Value execution_function(const ContextItem& context) {
  return execution_model(current_execution(context));
}

Value executions_function(const Value& id, const Value& root_execution_id, const Value& state,
                          const Value& from_time, const Value& to_time) {
  const std::optional<int64_t> from =
      from_time.is_null() ? std::nullopt : std::optional(time_bound(from_time, "from_time"));
  const std::optional<int64_t> to =
      to_time.is_null() ? std::nullopt : std::optional(time_bound(to_time, "to_time"));
  List out;
  for (const WorkflowExecutionRecord* e : view().workflow_executions()) {
    if (!id.is_null() && id_key(id) != e->id) continue;
    if (!root_execution_id.is_null() &&
        (!e->root_execution_id || id_key(root_execution_id) != *e->root_execution_id))
      continue;
    if (!state.is_null() && !(state.is_string() && state.as_string() == e->state)) continue;
    const int64_t created = e->created_at.as_datetime().micros;
    if ((from && created < *from) || (to && created >= *to)) continue;
    out.push_back(execution_row(*e));
  }
  return Value::list(std::move(out));
}

Value task_function(const ContextItem& context, const Value& task_name) {
  const Value current = context("__task_execution");
  if (truthy(current) && (!truthy(task_name) || equals(python_item(current, "name"), task_name))) {
    const Value id = python_item(current, "id");
    const std::optional<std::string> key = id_key(id);
    const TaskExecutionRecord* t = key ? view().task_execution(*key) : nullptr;
    if (!t)
      throw Error("DBEntityNotFoundError", "Task execution not found [id=" + python_str(id) + "]");
    return task_model(*t);
  }
  const std::optional<std::string> execution_id = id_key(python_item(context("__execution"), "id"));
  if (!execution_id || !task_name.is_string()) return Value();
  const TaskExecutionRecord* last = nullptr;
  for (const TaskExecutionRecord* t : view().task_executions(*execution_id))
    if (t->name == task_name.as_string()) last = t;
  return last ? task_model(*last) : Value();
}

Value tasks_function(const Value& workflow_execution_id, const Value& recursive, const Value& state,
                     const Value& flat) {
  std::optional<std::string> execution_id;
  if (truthy(workflow_execution_id)) {
    execution_id = id_key(workflow_execution_id);
    if (!execution_id) return Value::list({});
  }
  const std::vector<const TaskExecutionRecord*> found =
      collect_tasks(execution_id, truthy(recursive), state, truthy(flat));
  List out;
  out.reserve(found.size());
  for (const TaskExecutionRecord* t : found) out.push_back(task_model(*t));
  return Value::list(std::move(out));
}

Value global_function(const ContextItem& context, const Value& name,
                      void (*check_name)(const Value&)) {
  const WorkflowExecutionRecord& e = current_execution(context);
  if (check_name) check_name(name);
  if (!e.global_context.is_dict()) return Value();
  const Value* v = e.global_context.as_dict().find(name);
  return v ? *v : Value();
}

}  // namespace sirocco::mistral
