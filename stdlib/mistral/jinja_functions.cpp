// env, json_pp, json_dump, json_parse, yaml_dump, yaml_parse, uuid, execution, executions,
// task, tasks and global for Jinja: declared once with Mistral's parameters (`context`
// first), used as filters and, bound, as globals.
#include "stdlib/mistral/jinja_functions.h"

#include <string>

#include "interp/error.h"
#include "interp/jinja_ops.h"
#include "interp/json.h"
#include "interp/text.h"
#include "stdlib/mistral/python_json.h"
#include "stdlib/mistral/uuid.h"
#include "stdlib/mistral/workflow_functions.h"
#include "stdlib/mistral/yaml_dump.h"
#include "stdlib/mistral/yaml_parse.h"

namespace sirocco::mistral {

namespace {

// `context[name]` of Mistral's functions: the item of the data (or filtered value).
ContextItem items_of(const Value& context) {
  return [&context](std::string_view name) { return python_item(context, name); };
}

void add_workflow_functions(jinja::Registry& r) {
  r.add("execution(context: any)",
        [](jinja::Call& c) { return execution_function(items_of(c[0])); });
  r.add(
      "executions(context: any, id: any = null, root_execution_id: any = null, "
      "state: any = null, from_time: any = null, to_time: any = null)",
      [](jinja::Call& c) { return executions_function(c[1], c[2], c[3], c[4], c[5]); });
  r.add("task(context: any, task_name: any = null)",
        [](jinja::Call& c) { return task_function(items_of(c[0]), c[1]); });
  r.add(
      "tasks(context: any, workflow_execution_id: any = null, recursive: any = false, "
      "state: any = null, flat: any = false)",
      [](jinja::Call& c) { return tasks_function(c[1], c[2], c[3], c[4]); });
  r.add("global(context: any, var_name: any)", [](jinja::Call& c) {
    return global_function(items_of(c[0]), c[1],
                           [](const Value& key) { jinja::require_hashable(key).value(); });
  });
}

const std::string& text_argument(const Value& v, const char* what) {
  if (!v.is_string())
    throw Error("TypeError", std::string(what) + " must be str, not " + type_name(v));
  return v.as_string();
}

jinja::Registry make_functions() {
  jinja::Registry r;
  r.add("env(context: any)", [](jinja::Call& c) { return python_item(c[0], "__env"); });
  r.add("json_pp(context: any, data: any = null)", [](jinja::Call& c) {
    const Value& v = truthy(c[1]) ? c[1] : c[0];  // `data or context`
    return Value::string(json_pp_text(v));
  });
  r.add("json_dump(context: any, data: any)",
        [](jinja::Call& c) { return Value::string(python_json_dumps(c[1], 4)); });
  r.add("json_parse(context: any, data: any)",
        [](jinja::Call& c) { return parse_json(text_argument(c[1], "the JSON object")); });
  r.add("yaml_dump(context: any, data: any)",
        [](jinja::Call& c) { return Value::string(dump_yaml(c[1])); });
  r.add("yaml_parse(context: any, data: any)",
        [](jinja::Call& c) { return parse_yaml(text_argument(c[1], "the YAML text")); });
  r.add("uuid(context: any = null)", [](jinja::Call&) { return Value::string(random_uuid4()); });
  add_workflow_functions(r);
  return r;
}

}  // namespace

const jinja::Registry& jinja_filters() {
  static const jinja::Registry functions = make_functions();
  return functions;
}

}  // namespace sirocco::mistral
