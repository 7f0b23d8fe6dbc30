// The contract between the Jinja evaluator (interp/jinja_*) and Jinja's library of filters,
// tests, globals and Python methods (stdlib/jinja): how they are declared (the shared
// registry with Jinja's call type), what an implementation receives (its bound arguments
// and the runtime it runs in), and how Undefined and callables travel as values.
#pragma once

#include <boost/container/small_vector.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interp/error.h"
#include "interp/limits.h"
#include "interp/outcome.h"
#include "interp/registry.h"
#include "interp/value.h"

namespace sirocco::jinja {

using Kwargs = std::vector<std::pair<std::string, Value>>;

// Jinja's Undefined as a value. Lenient (the default environment): prints as '' and is
// falsy, iterates as empty; any other use raises UndefinedError. Strict (Mistral's
// StrictUndefined): every use but `is defined`, `|default` and passing it on raises.
// The sandbox's "unsafe" Undefined (an attribute the sandbox refuses) raises SecurityError
// instead: `error_type` names the exception its uses raise.
class UndefinedObject final : public OpaqueObject {
 public:
  UndefinedObject(std::string hint, bool strict, std::string error_type = "UndefinedError")
      : hint(std::move(hint)), strict(strict), error_type(std::move(error_type)) {}
  std::string type_name() const override { return strict ? "StrictUndefined" : "Undefined"; }
  std::string repr() const override { return "Undefined"; }
  std::string str() const override { return ""; }

  const std::string hint;  // the UndefinedError message: "'x' is undefined"
  const bool strict;
  const std::string error_type;
};

Value make_undefined(std::string hint, bool strict, std::string error_type = "UndefinedError");
// The Undefined held by a value, or nullptr.
const UndefinedObject* as_undefined(const Value& v);
// Error(error_type, hint) for an undefined value (with the span when not empty).
Error undefined_error(const Value& v, Span span = {});

class Runtime;

// One call of a filter, test, global function or Python method, its arguments bound to the
// declared parameters the way Python binds them: `slots` holds the named params in
// declaration order (keyword-only ones after *args included) with defaults filled in, then
// the *args; `kwargs` holds what went to **kwargs. For a filter or test,
// slot 0 is the value left of `|` or `is`; for a method, slot 0 is the receiver.
class Call {
 public:
  Call(Runtime& runtime, const FunctionDefOf<Call>& def, Span span)
      : runtime(runtime), def(def), span(span) {}

  const Value& operator[](size_t i) const { return slots[i]; }
  size_t size() const { return slots.size(); }
  // The *args, from the first slot after the positional params.
  std::vector<Value> rest() const;
  // Whether the positional param `i` was given by the caller (not its default).
  bool given(size_t i) const { return i < given_.size() && given_[i]; }

  Runtime& runtime;
  const FunctionDefOf<Call>& def;
  Span span;
  std::vector<Value> slots;
  Kwargs kwargs;
  boost::container::small_vector<bool, 8> given_;
};

using FunctionDef = FunctionDefOf<Call>;
using FunctionDefPtr = std::shared_ptr<const FunctionDef>;
using Registry = RegistryOf<Call>;

// Functions bound to one value for one evaluation, as `functools.partial(f, value)` would
// be (Mistral binds its functions to each evaluation's data). A name the variables do not
// define is looked up here before the library's globals; the bound callable is made only
// when a template names the function.
struct BoundFunctions {
  const Registry* functions = nullptr;
  Value argument;
};

// Binds arguments like Python: positionals fill params in order, keywords by name, then
// defaults; extra positionals go to *args and unknown keywords to **kwargs when declared.
// Missing, duplicate or unexpected arguments throw Error("TypeError") with Python's message
// ("truncate() got an unexpected keyword argument 'x'"); values are not type-checked here
// (an implementation raises what Python would when it uses a wrong value).
Call bind_arguments(Runtime& runtime, const FunctionDef& def, std::vector<Value> positional,
                    Kwargs keywords, Span span);

// What the library may ask of the environment a template runs in. The evaluator
// implements it; tests of the library use a small fake. Errors are the outcomes.
class Runtime {
 public:
  virtual ~Runtime() = default;

  // Filters and tests by name, as `map('upper')` or `select('odd')` call them. An unknown
  // name fails with Error("TemplateRuntimeError", "No filter named 'x'." / "No test named
  // 'x'.").
  virtual Outcome<Value> call_filter(std::string_view name, std::vector<Value> args, Kwargs kwargs,
                                     Span span) = 0;
  virtual Outcome<bool> call_test(std::string_view name, std::vector<Value> args, Kwargs kwargs,
                                  Span span) = 0;
  // `obj.name`: a Python attribute (method) first, then the item; Undefined when neither.
  virtual Outcome<Value> getattr(const Value& obj, std::string_view name) = 0;
  // `obj[key]`: the item first, then (for a string key) the attribute; Undefined when neither.
  virtual Outcome<Value> getitem(const Value& obj, const Value& key) = 0;
  // Calls a callable value (a bound method, a global function, loop.cycle ...).
  virtual Outcome<Value> call(const Value& callable, std::vector<Value> args, Kwargs kwargs,
                              Span span) = 0;

  // Whether a filter or test of that name exists here (the `filter` and `test` tests).
  virtual bool has_filter(std::string_view name) const = 0;
  virtual bool has_test(std::string_view name) const = 0;

  // Undefined of this environment's kind.
  virtual Value undefined(std::string hint) = 0;
  virtual bool sandboxed() const = 0;
  virtual const Limits& limits() const = 0;
};

// A callable Jinja value: a bound Python method, a global function, a loop helper.
class Callable : public FunctionObject {
 public:
  virtual Value invoke(Runtime& runtime, std::vector<Value> args, Kwargs kwargs,
                       Span span) const = 0;
  // Without a runtime (from outside a template) a Jinja callable cannot be called.
  Value call(const std::vector<Value>& args) const override;
};

// A Callable around a C++ function; `description` is its repr ("<bound method ...>").
using NativeFunction = std::function<Value(Runtime&, std::vector<Value>, Kwargs, Span)>;
Value make_callable(std::string description, NativeFunction function);

// An object a template reads attributes of (`cycler.current`, `ns.total`, `loop.index`).
class JinjaObject : public OpaqueObject {
 public:
  // `obj.name`: the attribute's value (None is a value like any other), or std::nullopt
  // when the object has no such attribute; the evaluator then makes the Undefined. The
  // sandbox rules (no `_` names) are the evaluator's.
  virtual std::optional<Value> attribute(Runtime& runtime, std::string_view name) const = 0;
};

// What `namespace()` makes: the one mutable Jinja value, an attribute map in insertion
// order that `{% set ns.x = 1 %}` writes into. It prints like Jinja2: <Namespace {'a': 1}>.
class NamespaceObject final : public JinjaObject {
 public:
  explicit NamespaceObject(Dict attributes = {}) : attributes_(std::move(attributes)) {}
  std::string type_name() const override { return "Namespace"; }
  std::string repr() const override;
  std::optional<Value> attribute(Runtime& runtime, std::string_view name) const override;

  const Value* get(std::string_view name) const;
  // Throws Error("ValueError") when `value` holds this namespace.
  void set(std::string name, Value value);
  const Dict& attributes() const { return attributes_; }

 private:
  Dict attributes_;  // string keys
};

Value make_namespace(Dict attributes);
// The namespace a value holds, writable (a namespace is shared by every copy of its value,
// like a Python object), or nullptr.
NamespaceObject* as_namespace(const Value& v);

// Whether `v` is, or holds at any depth (through lists, dicts and namespaces), the object
// `target`. Python lets a list or namespace hold itself; reference-counted values would
// never be freed, so the mutators refuse what would close a cycle (docs/COMPATIBILITY.md).
bool holds_object(const Value& v, const Object* target);

}  // namespace sirocco::jinja
