// The Mistral functions that read workflow executions — execution(), executions(), task(),
// tasks(), global() — once for both languages, over the WorkflowView installed on the
// thread (none: no executions at all). Each language supplies how its `context[...]` reads
// `__execution` and `__task_execution` (YAQL: the variables, None when missing; Jinja: the
// data's items, KeyError when missing). Results are fresh on every call: nothing is cached.
#pragma once

#include <functional>
#include <string_view>

#include "interp/value.h"

namespace sirocco::mistral {

// `context[name]` as the calling language reads it.
using ContextItem = std::function<Value(std::string_view name)>;

// Python's `container[key]` for a string key: KeyError, or the TypeError Python gives for a
// container that takes no string keys.
Value python_item(const Value& container, std::string_view key);

// The current workflow execution: {id, name, spec, input, params, created_at, updated_at,
// root_execution_id}. DBEntityNotFoundError when the view does not hold it.
Value execution_function(const ContextItem& context);

// The workflow executions matching every given (non-null) filter, as {spec, input, output,
// params, context, created_at, updated_at, id, name, workflow_name, state, state_info,
// task_execution_id, root_execution_id}; from_time <= created_at < to_time.
Value executions_function(const Value& id, const Value& root_execution_id, const Value& state,
                          const Value& from_time, const Value& to_time);

// The current task (no name, or the current task's name), else the last task of that name
// in the current execution, else null. See task_model() for the shape.
Value task_function(const ContextItem& context, const Value& task_name);

// Mistral's tasks(workflow_execution_id, recursive, state, flat).
Value tasks_function(const Value& workflow_execution_id, const Value& recursive, const Value& state,
                     const Value& flat);

// The current execution's global context variable, or null. `check_name` runs before the
// lookup (Jinja: Python's dict.get refuses an unhashable list, dict or set; YAQL's lists are
// tuples and its dicts frozen, so any name is fine).
Value global_function(const ContextItem& context, const Value& name,
                      void (*check_name)(const Value&) = nullptr);

}  // namespace sirocco::mistral
