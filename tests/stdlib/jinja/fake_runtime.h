// A small jinja::Runtime for unit tests of the Jinja library: filters and tests come from
// builtin_library(), attribute and item lookups follow Jinja2's rules on plain values, and
// Undefined is lenient or strict by a flag. Also helpers to call a library entry by name
// and to turn the outcome into text a table of cases can hold.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interp/error.h"
#include "interp/jinja_runtime.h"
#include "interp/json.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "interp/value.h"
#include "stdlib/jinja/library.h"

namespace sirocco::jinja {

class FakeRuntime final : public Runtime {
 public:
  bool strict = false;                     // StrictUndefined (Mistral) instead of Undefined
  bool sandbox = false;                    // a SandboxedEnvironment
  Limits limit_settings;                   // what limits() answers
  std::vector<std::string> extra_filters;  // filters an environment adds (Mistral's functions)

  Outcome<Value> call_filter(std::string_view name, std::vector<Value> args, Kwargs kwargs,
                             Span span) override {
    return catching<Outcome<Value>>([&] {
      return invoke(find(builtin_library().filters, name, "filter"), std::move(args),
                    std::move(kwargs), span);
    });
  }
  Outcome<bool> call_test(std::string_view name, std::vector<Value> args, Kwargs kwargs,
                          Span span) override {
    return catching<Outcome<bool>>([&] {
      return truthy(invoke(find(builtin_library().tests, name, "test"), std::move(args),
                           std::move(kwargs), span));
    });
  }
  bool has_filter(std::string_view name) const override {
    for (const std::string& extra : extra_filters)
      if (extra == name) return true;
    return builtin_library().filters.find(name) != nullptr;
  }
  bool has_test(std::string_view name) const override {
    return builtin_library().tests.find(name) != nullptr;
  }

  // Jinja2's environment getattr: the attribute, then the item. In a sandbox a dunder name
  // (every Python object has some) is the unsafe Undefined that raises SecurityError.
  Outcome<Value> getattr(const Value& obj, std::string_view name) override {
    if (as_undefined(obj)) return undefined_error(obj);
    if (sandbox && name.substr(0, 2) == "__") {
      Value key = Value::string(std::string(name));
      if (obj.is_dict())
        if (const Value* v = obj.as_dict().find(key)) return *v;
      return make_undefined("access to attribute '" + std::string(name) + "' of '" +
                                type_name(obj) + "' object is unsafe.",
                            strict, "SecurityError");
    }
    if (auto* object = as_jinja_object(obj))
      if (auto v = object->attribute(*this, name)) return *v;
    Value method = find_method(builtin_library(), obj, name);
    if (!method.is_null()) return method;
    Value key = Value::string(std::string(name));
    if (obj.is_dict())
      if (const Value* v = obj.as_dict().find(key)) return *v;
    return undefined("'" + type_name(obj) + " object' has no attribute '" + std::string(name) +
                     "'");
  }
  Outcome<Value> getitem(const Value& obj, const Value& key) override {
    if (as_undefined(obj)) return undefined_error(obj);
    if (obj.is_dict()) {
      if (const Value* v = obj.as_dict().find(key)) return *v;
    } else if ((obj.is_list() || obj.is_string()) && key.is_small_int()) {
      int64_t n = static_cast<int64_t>(obj.is_list() ? obj.as_list().size() : obj.string_length());
      int64_t i = key.as_small_int() < 0 ? key.as_small_int() + n : key.as_small_int();
      if (i >= 0 && i < n) {
        if (obj.is_list()) return obj.as_list()[static_cast<size_t>(i)];
        const std::string& s = obj.as_string();
        size_t begin = utf8::offset_of(s, static_cast<size_t>(i));
        return Value::string(
            s.substr(begin, utf8::offset_of(s, static_cast<size_t>(i) + 1) - begin));
      }
    }
    if (key.is_string()) return getattr(obj, key.as_string());
    return undefined(type_name(obj) + " object has no element " + python_repr(key));
  }
  Outcome<Value> call(const Value& callable, std::vector<Value> args, Kwargs kwargs,
                      Span span) override {
    if (as_undefined(callable)) return undefined_error(callable, span);
    if (callable.is_function())
      if (auto* f = dynamic_cast<const Callable*>(&callable.as_function()))
        return catching<Outcome<Value>>(
            [&] { return f->invoke(*this, std::move(args), std::move(kwargs), span); });
    return Error("TypeError", "'" + type_name(callable) + "' object is not callable", span);
  }

  Value undefined(std::string hint) override { return make_undefined(std::move(hint), strict); }
  bool sandboxed() const override { return sandbox; }
  const Limits& limits() const override { return limit_settings; }

  // Binds and runs one library entry.
  Value invoke(const FunctionDef& def, std::vector<Value> args, Kwargs kwargs, Span span = {}) {
    Call c = bind_arguments(*this, def, std::move(args), std::move(kwargs), span);
    return def.impl(c).value();
  }

 private:
  static const FunctionDef& find(const Registry& registry, std::string_view name,
                                 const char* what) {
    const auto* defs = registry.find(name);
    if (!defs || defs->empty())
      throw Error("TemplateRuntimeError",
                  std::string("No ") + what + " named '" + std::string(name) + "'.");
    return *defs->front();
  }
  static const JinjaObject* as_jinja_object(const Value& v) {
    return v.is_opaque() ? dynamic_cast<const JinjaObject*>(v.as_opaque()) : nullptr;
  }
};

// --- calling the library by name ----------------------------------------------------------

inline Value call_filter(FakeRuntime& rt, std::string_view name, std::vector<Value> args,
                         Kwargs kwargs = {}) {
  return rt.call_filter(name, std::move(args), std::move(kwargs), {}).value();
}
inline bool call_test(FakeRuntime& rt, std::string_view name, std::vector<Value> args,
                      Kwargs kwargs = {}) {
  return rt.call_test(name, std::move(args), std::move(kwargs), {}).value();
}
inline Value call_global(FakeRuntime& rt, std::string_view name, std::vector<Value> args,
                         Kwargs kwargs = {}) {
  const auto* defs = builtin_library().globals.find(name);
  if (!defs) throw Error("UndefinedError", "'" + std::string(name) + "' is undefined");
  return rt.invoke(*defs->front(), std::move(args), std::move(kwargs));
}
// `receiver.name(args)`, the way a template calls a Python method.
inline Value call_method(FakeRuntime& rt, const Value& receiver, std::string_view name,
                         std::vector<Value> args, Kwargs kwargs = {}) {
  return rt.call(rt.getattr(receiver, name).value(), std::move(args), std::move(kwargs), {})
      .value();
}

// --- outcomes as text -----------------------------------------------------------------------

// The Python repr of what `run` returns, or "!" and the type of the Error it throws.
inline std::string outcome(const std::function<Value()>& run) {
  try {
    return python_repr(materialize(run()));
  } catch (const Error& e) {
    return "!" + e.type();
  }
}

// JSON text to values: the positional arguments (a JSON array) and keyword arguments (a
// JSON object) of a case.
inline std::vector<Value> json_args(const char* json) {
  return json && *json ? to_list(parse_json(json)) : std::vector<Value>{};
}
inline Kwargs json_kwargs(const char* json) {
  Kwargs out;
  if (!json || !*json) return out;
  Value object = parse_json(json);
  for (const auto& [k, v] : object.as_dict()) out.emplace_back(k.as_string(), v);
  return out;
}

// One row of a table: a library entry, its arguments as JSON, and the Python repr of the
// answer Jinja2 gives (or "!" and the exception class).
struct LibraryCase {
  const char* name;
  const char* args;    // JSON array
  const char* kwargs;  // JSON object, or ""
  const char* expected;
};

}  // namespace sirocco::jinja
