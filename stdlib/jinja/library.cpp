// Jinja's builtin library, built once, and the lookup of a value's Python methods.
#include "stdlib/jinja/library.h"

#include <string>
#include <unordered_set>
#include <vector>

#include "stdlib/jinja/filters.h"
#include "stdlib/jinja/globals.h"
#include "stdlib/jinja/methods.h"
#include "stdlib/jinja/tests.h"

namespace sirocco::jinja {
namespace {

// `receiver.name` bound to its receiver: calling it binds the receiver as slot 0.
class BoundMethod final : public Callable {
 public:
  BoundMethod(FunctionDefPtr def, Value receiver, std::string type)
      : def_(std::move(def)), receiver_(std::move(receiver)), type_(std::move(type)) {}

  Value invoke(Runtime& runtime, std::vector<Value> args, Kwargs kwargs, Span span) const override {
    args.insert(args.begin(), receiver_);
    Call call = bind_arguments(runtime, *def_, std::move(args), std::move(kwargs), span);
    return def_->impl(call).value();
  }
  std::string describe() const override {
    return "<built-in method " + def_->name.substr(type_.size() + 1) + " of " + type_ + " object>";
  }

 private:
  FunctionDefPtr def_;
  Value receiver_;
  std::string type_;
};

// The Python type whose methods a value has, or nullptr when the library declares none.
const char* method_type(const Value& v) {
  switch (v.kind()) {
    case Kind::String:
      return "str";
    case Kind::List:
      return v.is_tuple() ? "tuple" : "list";
    case Kind::Dict:
      return "dict";
    default:
      return nullptr;
  }
}

}  // namespace

const Library& builtin_library() {
  static const Library library = [] {
    Library lib;
    register_filters(lib.filters);
    register_tests(lib.tests);
    register_globals(lib.globals);
    register_methods(lib.methods);
    lib.mutating_methods = mutating_method_names();
    return lib;
  }();
  return library;
}

namespace {

// Whether some type of the builtin library has a method of that name: most attribute reads
// are of dict keys, which this answers without building a "type.name" key.
bool builtin_method_name(std::string_view name) {
  static const std::vector<std::string> declared = builtin_library().methods.names();
  static const std::unordered_set<std::string_view> names = [] {
    std::unordered_set<std::string_view> out;
    for (const std::string& d : declared) out.insert(std::string_view(d).substr(d.find('.') + 1));
    return out;
  }();
  return names.count(name) > 0;
}

}  // namespace

Value find_method(const Library& library, const Value& obj, std::string_view name) {
  const char* type = method_type(obj);
  if (!type) return {};
  if (&library == &builtin_library() && !builtin_method_name(name)) return {};
  const auto* defs = library.methods.find(std::string(type) + "." + std::string(name));
  if (!defs || defs->empty()) return {};
  return Value::function(
      boost::intrusive_ptr<FunctionObject>(new BoundMethod(defs->front(), obj, type)));
}

}  // namespace sirocco::jinja
