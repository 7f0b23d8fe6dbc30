// str.format and str.format_map as Jinja2 runs them: Python's format mini-language (the YAQL
// strings module's implementation) with Python's printing of lists and sets. Attribute and
// index lookups in fields ({0.name}, {0[key]}) go through the runtime like Jinja2's
// SandboxedFormatter does when the environment is sandboxed (so `_` names are refused),
// and through plain Python lookups otherwise.
#include "interp/jinja_ops.h"
#include "interp/text.h"
#include "stdlib/jinja/library.h"
#include "stdlib/jinja/methods_internal.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::jinja {
namespace {

// Python's getattr(obj, name) outside a sandbox: a method of the value or the attribute of
// a Jinja object; AttributeError otherwise. `__class__` gives the text of the class (what
// formatting it prints); Sirocco has no type objects.
Value python_attribute(Runtime& runtime, const Value& obj, const std::string& name) {
  if (name == "__class__") return Value::string("<class '" + type_name(obj) + "'>");
  Value method = find_method(builtin_library(), obj, name);
  if (!method.is_null()) return method;
  if (obj.is_opaque())
    if (auto* object = dynamic_cast<const JinjaObject*>(obj.as_opaque()))
      if (auto v = object->attribute(runtime, name)) return *v;
  throw Error("AttributeError", "'" + type_name(obj) + "' object has no attribute '" + name + "'");
}

// Python's obj[key] outside a sandbox.
Value python_item(const Value& obj, const Value& key) {
  refuse_undefined(obj).value();
  if (obj.is_dict()) {
    require_hashable(key).value();
    if (const Value* v = obj.as_dict().find(key)) return *v;
    throw Error("KeyError", python_repr(key));
  }
  if (obj.is_list() || obj.is_string()) {
    if (!key.is_int())
      throw Error("TypeError",
                  type_name(obj) + " indices must be integers or slices, not " + type_name(key));
    int64_t n = static_cast<int64_t>(obj.is_list() ? obj.as_list().size() : obj.string_length());
    int64_t i = pystr::int_arg(key);
    if (i < 0) i += n;
    if (i < 0 || i >= n)
      throw Error("IndexError", (obj.is_string() ? std::string("string") : type_name(obj)) +
                                    " index out of range");
    if (obj.is_list()) return obj.as_list()[static_cast<size_t>(i)];
    return Value::string(yaql::strings::slice(obj, i, i + 1));
  }
  throw Error("TypeError", "'" + type_name(obj) + "' object is not subscriptable");
}

Value format_with(Call& c, const std::vector<Value>& args, const Kwargs& kwargs) {
  Runtime& runtime = c.runtime;
  yaql::strings::FormatOptions options;
  options.style = PyStyle::Python;
  options.check = [](const Value& v) { refuse_strict(v).value(); };
  options.walk = [&runtime](const Value& obj, bool attribute, const Value& key) {
    if (runtime.sandboxed())
      return (attribute ? runtime.getattr(obj, key.as_string()) : runtime.getitem(obj, key))
          .value();
    return attribute ? python_attribute(runtime, obj, key.as_string()) : python_item(obj, key);
  };
  yaql::strings::DateTimeFormatter no_datetimes = [](const Value& v,
                                                     const std::string&) -> std::string {
    throw Error("TypeError", "unsupported format string passed to " + type_name(v) + ".__format__");
  };
  size_t max_bytes = pystr::max_result_bytes(runtime);
  return Value::string(
      yaql::strings::format(c[0].as_string(), args, kwargs, no_datetimes, max_bytes, options));
}

}  // namespace

void register_str_format(Registry& r) {
  r.add("str.format(self: any, *args: any, **kwargs: any)",
        [](Call& c) { return format_with(c, c.rest(), c.kwargs); });
  r.add("str.format_map(self: any, *args: any, **kwargs: any)", [](Call& c) {
    if (!c.kwargs.empty()) throw Error("TypeError", "format_map() takes no keyword arguments");
    std::vector<Value> args = c.rest();
    if (args.size() != 1)
      throw Error("TypeError", "format_map() takes exactly one argument (" +
                                   std::to_string(args.size()) + " given)");
    refuse_strict(args[0]).value();
    if (!args[0].is_dict())
      throw Error("TypeError", "'" + type_name(args[0]) + "' object is not subscriptable");
    Kwargs mapping;
    for (const auto& [key, value] : args[0].as_dict())
      if (key.is_string()) mapping.emplace_back(key.as_string(), value);
    return format_with(c, {}, mapping);
  });
}

}  // namespace sirocco::jinja
