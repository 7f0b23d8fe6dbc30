// env, json_pp, json_dump, json_parse, yaml_dump, yaml_parse, uuid for Jinja: declared once
// with Mistral's parameters (`context` first), used as filters and, bound, as globals.
#include "stdlib/mistral/jinja_functions.h"

#include <string>

#include "interp/error.h"
#include "interp/json.h"
#include "interp/text.h"
#include "stdlib/mistral/python_json.h"
#include "stdlib/mistral/uuid.h"
#include "stdlib/mistral/yaml_dump.h"
#include "stdlib/mistral/yaml_parse.h"

namespace sirocco::mistral {

namespace {

// Python's `context['__env']`.
Value env_of(const Value& context) {
  if (context.is_dict()) {
    if (const Value* env = context.as_dict().find(Value::string("__env"))) return *env;
    throw Error("KeyError", "'__env'");
  }
  if (context.is_list())
    throw Error("TypeError", "list indices must be integers or slices, not str");
  if (context.is_string()) throw Error("TypeError", "string indices must be integers");
  throw Error("TypeError", "'" + type_name(context) + "' object is not subscriptable");
}

const std::string& text_argument(const Value& v, const char* what) {
  if (!v.is_string())
    throw Error("TypeError", std::string(what) + " must be str, not " + type_name(v));
  return v.as_string();
}

jinja::Registry make_functions() {
  jinja::Registry r;
  r.add("env(context: any)", [](jinja::Call& c) { return env_of(c[0]); });
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
  return r;
}

}  // namespace

const jinja::Registry& jinja_filters() {
  static const jinja::Registry functions = make_functions();
  return functions;
}

void add_jinja_functions(jinja::Variables& variables, const Value& data) {
  const jinja::Registry& functions = jinja_filters();
  for (const std::string& name : functions.names()) {
    jinja::FunctionDefPtr def = functions.find(name)->front();
    variables.emplace_back(
        name, jinja::make_callable("functools.partial(<function " + name + "_>)",
                                   [def, data](jinja::Runtime& runtime, std::vector<Value> args,
                                               jinja::Kwargs kwargs, Span span) {
                                     args.insert(args.begin(), data);
                                     jinja::Call call = jinja::bind_arguments(
                                         runtime, *def, std::move(args), std::move(kwargs), span);
                                     return def->impl(call);
                                   }));
  }
}

}  // namespace sirocco::mistral
