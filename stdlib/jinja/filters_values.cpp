// Jinja's filters on a single value: default (d), attr, items and string.
#include <optional>

#include "interp/error.h"
#include "interp/text.h"
#include "stdlib/jinja/filters_internal.h"
#include "stdlib/jinja/library.h"

namespace sirocco::jinja::filters {
namespace {

Outcome<Value> default_filter(Call& c) {
  const Value& value = c[0];
  if (as_undefined(value)) return c[1];
  SIROCCO_ASSIGN_OR_RETURN(const bool boolean, truth(c[2]));
  if (!boolean) return value;
  SIROCCO_ASSIGN_OR_RETURN(const bool true_, truth(value));
  return true_ ? value : c[1];
}

// do_attr: the Python attribute only (a method of the value's type), never an item.
Outcome<Value> attr(Call& c) {
  const Value& obj = c[0];
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(obj));
  SIROCCO_RETURN_IF_ERROR(refuse_strict(c[1]));
  if (!c[1].is_string())
    return Error("TypeError", "attribute name must be string, not '" + type_name(c[1]) + "'");
  const std::string& name = c[1].as_string();
  // Every Python object has dunder attributes; the sandbox's getattr gives the unsafe
  // Undefined for them, which raises SecurityError when used.
  if (name.substr(0, 2) == "__" && c.runtime.sandboxed())
    return make_undefined("access to attribute " + python_repr(Value::string(name)) + " of " +
                              python_repr(Value::string(type_name(obj))) + " object is unsafe.",
                          as_undefined(c.runtime.undefined(""))->strict, "SecurityError");
  if (obj.is_opaque())
    if (auto* object = dynamic_cast<const JinjaObject*>(obj.as_opaque()))
      if (std::optional<Value> value = object->attribute(c.runtime, name)) return *value;
  Value method = find_method(builtin_library(), obj, name);
  if (method.is_null())
    return c.runtime.undefined(python_repr(Value::string(type_name(obj) + " object")) +
                               " has no attribute " + python_repr(Value::string(name)));
  return method;
}

Value items(const Value& value) {
  if (as_undefined(value)) return produced_sequence([](List&) { return Status(); });
  if (!value.is_dict()) throw Error("TypeError", "Can only get item pairs from a mapping.");
  return produced_sequence([&value](List& out) {
    for (const auto& [key, item] : value.as_dict()) out.push_back(Value::tuple({key, item}));
    return Status();
  });
}

}  // namespace

void register_value_filters(Registry& r) {
  r.add("default(value: any, default_value: any = '', boolean: any = false)", default_filter);
  r.add("d(value: any, default_value: any = '', boolean: any = false)", default_filter);
  r.add("attr(obj: any, name: any)", attr);
  r.add("items(value: any)", [](Call& c) { return items(c[0]); });
  r.add("string(s: any)", on_str([](std::string s, Call&) { return text(std::move(s)); }));
}

}  // namespace sirocco::jinja::filters
