// The Jinja runtime support: Undefined values, namespaces, and binding call arguments to a
// declared signature the way Python does, with Python's TypeError messages.
#include "interp/jinja_runtime.h"

#include <algorithm>
#include <typeinfo>

#include "interp/text.h"

namespace sirocco::jinja {

Value make_undefined(std::string hint, bool strict, std::string error_type) {
  return Value::opaque(boost::intrusive_ptr<Object>(
      new UndefinedObject(std::move(hint), strict, std::move(error_type))));
}

const UndefinedObject* as_undefined(const Value& v) {
  // UndefinedObject is final: comparing types is exact, and cheaper than a dynamic_cast.
  if (!v.is_opaque()) return nullptr;
  const Object* object = v.as_opaque();
  if (typeid(*object) != typeid(UndefinedObject)) return nullptr;
  return static_cast<const UndefinedObject*>(object);
}

Error undefined_error(const Value& v, Span span) {
  const UndefinedObject* u = as_undefined(v);
  std::string type = u ? u->error_type : "UndefinedError";
  std::string hint = u ? u->hint : "undefined value";
  if (span.empty()) return Error(std::move(type), std::move(hint));
  return Error(std::move(type), std::move(hint), span);
}

std::vector<Value> Call::rest() const {
  size_t first = def.positional_count();
  if (first >= slots.size()) return {};
  return std::vector<Value>(slots.begin() + static_cast<ptrdiff_t>(first), slots.end());
}

// --- argument binding -------------------------------------------------------------------------

namespace {

// Python's list of missing names: 'a' / 'a' and 'b' / 'a', 'b', and 'c'.
std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : i + 1 == names.size() ? ", and " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

[[noreturn]] void type_error(const FunctionDef& def, const std::string& message, Span span) {
  std::string text = def.name + "() " + message;
  if (span.empty()) throw Error("TypeError", std::move(text));
  throw Error("TypeError", std::move(text), span);
}

// "takes 2 positional arguments but 3 were given", "takes from 1 to 3 positional ...".
std::string too_many_positional(size_t accepted, size_t defaults, size_t given) {
  std::string takes = defaults > 0 ? "from " + std::to_string(accepted - defaults) + " to " +
                                         std::to_string(accepted)
                                   : std::to_string(accepted);
  bool plural = defaults > 0 || accepted != 1;
  return "takes " + takes + " positional argument" + (plural ? "s" : "") + " but " +
         std::to_string(given) + (given == 1 ? " was" : " were") + " given";
}

}  // namespace

Call bind_arguments(Runtime& runtime, const FunctionDef& def, std::vector<Value> positional,
                    Kwargs keywords, Span span) {
  Call call(runtime, def, span);
  // The common call: every parameter given by position, no *args or **kwargs declared.
  if (keywords.empty() && positional.size() == def.params.size() &&
      std::none_of(def.params.begin(), def.params.end(),
                   [](const Param& p) { return p.variadic || p.kw_variadic; })) {
    call.given_.assign(positional.size(), true);
    call.slots = std::move(positional);
    return call;
  }
  // Named params in declaration order; those before *args may be given by position, those
  // after it only by keyword.
  boost::container::small_vector<const Param*, 8> named;
  size_t positional_params = 0;
  bool seen_varargs = false, has_varargs = false, has_kwargs = false;
  for (const Param& p : def.params) {
    if (p.variadic) {
      seen_varargs = has_varargs = true;
    } else if (p.kw_variadic) {
      has_kwargs = true;
    } else {
      named.push_back(&p);
      if (!seen_varargs) ++positional_params;
    }
  }

  call.slots.resize(named.size());
  call.given_.assign(named.size(), false);
  size_t taken = std::min(positional.size(), positional_params);
  for (size_t i = 0; i < taken; ++i) {
    call.slots[i] = std::move(positional[i]);
    call.given_[i] = true;
  }

  for (auto& [name, value] : keywords) {
    size_t index = 0;
    while (index < named.size() && named[index]->name != name) ++index;
    if (index == named.size()) {
      if (!has_kwargs) type_error(def, "got an unexpected keyword argument '" + name + "'", span);
      call.kwargs.emplace_back(std::move(name), std::move(value));
    } else if (call.given_[index]) {
      type_error(def, "got multiple values for argument '" + name + "'", span);
    } else {
      call.slots[index] = std::move(value);
      call.given_[index] = true;
    }
  }

  if (positional.size() > positional_params && !has_varargs) {
    size_t defaults = 0;
    for (size_t i = 0; i < positional_params; ++i) defaults += named[i]->default_value.has_value();
    type_error(def, too_many_positional(positional_params, defaults, positional.size()), span);
  }

  std::vector<std::string> missing_positional, missing_keyword;
  for (size_t i = 0; i < named.size(); ++i) {
    if (call.given_[i]) continue;
    if (named[i]->default_value)
      call.slots[i] = *named[i]->default_value;
    else
      (i < positional_params ? missing_positional : missing_keyword).push_back(named[i]->name);
  }
  for (auto* missing : {&missing_positional, &missing_keyword}) {
    if (missing->empty()) continue;
    size_t n = missing->size();
    type_error(def,
               "missing " + std::to_string(n) + " required " +
                   (missing == &missing_positional ? "positional" : "keyword-only") + " argument" +
                   (n == 1 ? "" : "s") + ": " + name_list(*missing),
               span);
  }

  for (size_t i = taken; i < positional.size(); ++i) call.slots.push_back(std::move(positional[i]));
  return call;
}

Value Callable::call(const std::vector<Value>&) const {
  throw Error("TypeError", describe() + " can only be called from a template");
}

namespace {

class NativeCallable final : public Callable {
 public:
  NativeCallable(std::string description, NativeFunction function)
      : description_(std::move(description)), function_(std::move(function)) {}
  Value invoke(Runtime& runtime, std::vector<Value> args, Kwargs kwargs, Span span) const override {
    return function_(runtime, std::move(args), std::move(kwargs), span);
  }
  std::string describe() const override { return description_; }

 private:
  std::string description_;
  NativeFunction function_;
};

}  // namespace

Value make_callable(std::string description, NativeFunction function) {
  return Value::function(boost::intrusive_ptr<FunctionObject>(
      new NativeCallable(std::move(description), std::move(function))));
}

// --- namespaces -------------------------------------------------------------------------------

std::string NamespaceObject::repr() const {
  return "<Namespace " + python_repr(Value::dict(attributes_)) + ">";
}

std::optional<Value> NamespaceObject::attribute(Runtime&, std::string_view name) const {
  if (const Value* v = get(name)) return *v;
  return std::nullopt;
}

const Value* NamespaceObject::get(std::string_view name) const {
  return attributes_.find(Value::string(std::string(name)));
}

void NamespaceObject::set(std::string name, Value value) {
  if (holds_object(value, this)) throw Error("ValueError", "a namespace cannot hold itself");
  attributes_.set(Value::string(std::move(name)), std::move(value));
}

Value make_namespace(Dict attributes) {
  return Value::opaque(boost::intrusive_ptr<Object>(new NamespaceObject(std::move(attributes))));
}

bool holds_object(const Value& v, const Object* target) {
  if (v.is_list()) {
    if (v.object().get() == target) return true;
    for (const Value& item : v.as_list())
      if (holds_object(item, target)) return true;
  } else if (v.is_dict()) {
    if (v.object().get() == target) return true;
    for (const auto& [key, item] : v.as_dict())
      if (holds_object(item, target)) return true;
  } else if (const NamespaceObject* ns = as_namespace(v)) {
    if (ns == target) return true;
    for (const auto& [key, item] : ns->attributes())
      if (holds_object(item, target)) return true;
  }
  return false;
}

NamespaceObject* as_namespace(const Value& v) {
  if (!v.is_opaque()) return nullptr;
  // A namespace is the one mutable value: every copy of the Value shares and may change it.
  return const_cast<NamespaceObject*>(dynamic_cast<const NamespaceObject*>(v.as_opaque()));
}

}  // namespace sirocco::jinja
