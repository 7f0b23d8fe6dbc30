// env, json_pp, json_dump, json_parse, yaml_dump, yaml_parse, uuid and the functions over
// workflow executions (execution, executions, task, tasks, global) for YAQL.
#include "stdlib/mistral/yaql_functions.h"

#include <string>

#include "interp/error.h"
#include "interp/json.h"
#include "interp/yaql_eval.h"
#include "stdlib/mistral/python_json.h"
#include "stdlib/mistral/uuid.h"
#include "stdlib/mistral/workflow_functions.h"
#include "stdlib/mistral/yaml_dump.h"
#include "stdlib/mistral/yaml_parse.h"

namespace sirocco::mistral {

namespace {

Value variable(const yaql::Call& c, std::string_view name) {
  const Value* v = c.scope->lookup(name);
  return v ? *v : Value();
}

// `context[name]` of Mistral's functions: the variable, None when unset.
ContextItem variables_of(const yaql::Call& c) {
  return [&c](std::string_view name) { return variable(c, name); };
}

// YAQL spells Mistral's keyword parameters in camelCase (`rootExecutionId => x`), as
// python-yaql does for every Python parameter name, and types a parameter by its default:
// `recursive` and `flat` (False) take booleans or null only, so `tasks(id, ERROR)` matches
// no function.
void add_workflow_functions(yaql::Registry& r) {
  r.add("execution()", [](yaql::Call& c) { return execution_function(variables_of(c)); });
  r.add(
      "executions(id: any = null, rootExecutionId: any = null, state: any = null, "
      "fromTime: any = null, toTime: any = null)",
      [](yaql::Call& c) { return executions_function(c[0], c[1], c[2], c[3], c[4]); });
  r.add("task(taskName: any = null)",
        [](yaql::Call& c) { return task_function(variables_of(c), c[0]); });
  r.add(
      "tasks(workflowExecutionId: any = null, recursive: bool? = false, state: any = null, "
      "flat: bool? = false)",
      [](yaql::Call& c) { return tasks_function(c[0], c[1], c[2], c[3]); });
  r.add("global(varName: any)",
        [](yaql::Call& c) { return global_function(variables_of(c), c[0]); });
}

}  // namespace

void register_yaql_functions(yaql::Registry& r) {
  r.add("env()", [](yaql::Call& c) { return variable(c, "__env"); });
  r.add("json_pp(data: any = null)", [](yaql::Call& c) {
    // `data or context`: with falsy data the reference dumps its yaql context object.
    if (!truthy(c[0])) throw Error("ValueError", "Circular reference detected");
    return Value::string(json_pp_text(c[0]));
  });
  r.add("json_dump(data: any)",
        [](yaql::Call& c) { return Value::string(python_json_dumps(c[0], 4)); });
  r.add("json_parse(data: any)", [](yaql::Call& c) {
    if (!c[0].is_string())
      throw Error("TypeError",
                  "the JSON object must be str, bytes or bytearray, not " + type_name(c[0]));
    return parse_json(c[0].as_string());
  });
  r.add("yaml_dump(data: any)", [](yaql::Call& c) { return Value::string(dump_yaml(c[0])); });
  r.add("yaml_parse(data: any)", [](yaql::Call& c) {
    if (!c[0].is_string())
      throw Error("AttributeError", "'" + type_name(c[0]) + "' object has no attribute 'read'");
    return parse_yaml(c[0].as_string());
  });
  r.add("uuid()", [](yaql::Call&) { return Value::string(random_uuid4()); });
  add_workflow_functions(r);
}

}  // namespace sirocco::mistral
