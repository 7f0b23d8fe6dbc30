// The function registry shared by YAQL and Jinja: every function, operator, filter and test
// is declared once by a readable signature string and an implementation. Each language
// instantiates the registry with its own call type (what an implementation receives) and
// resolves calls its own way (YAQL: overloads by arity, keyword names, receiver and types,
// like python-yaql; Jinja: one definition per name, arguments bound by name like Python).
//
// Signature grammar:   [method|ext] NAME ( PARAM, ... )
//   method — callable only as `receiver.NAME(...)`; ext — both ways; default — function only.
//   PARAM:  name: TYPE [= DEFAULT]  |  *name: TYPE  |  **name: TYPE
//   TYPE:   any null int number string bool iterable iterator sequence mapping set datetime
//           timespan context callable object pyint (int incl. bool) scalar
//           — suffix `?` makes it nullable, `!` makes `any` non-nullable (any is nullable)
//           lazy kinds (passed unevaluated): lambda, method_lambda (the right side of `.`),
//           context_lambda (evaluated in a context passed as first argument),
//           expr (any expression), keyword (a bare identifier), string_constant,
//           mapping_rule (`a => b`, kept as a pair of lazy expressions)
//   DEFAULT: null true false an integer, a float or a quoted string
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interp/outcome.h"
#include "interp/value.h"

namespace sirocco {

enum class TypeCode : uint8_t {
  Any,
  Null,    // only null
  Int,     // int, not bool
  PyInt,   // int including bool (Python isinstance(x, int))
  Number,  // int or float, not bool
  String,
  Bool,
  Scalar,    // null, bool, number or string
  Iterable,  // list, set or sequence (not string, not dict)
  Iterator,  // a lazy sequence
  Sequence,  // a list
  Mapping,   // a dict
  Set,
  DateTime,
  TimeSpan,
  Context,   // a context object made by let()/with()
  Callable,  // a function value
  Object,    // an interpreter-internal object (a compiled regex, a context)
  // lazy kinds: the argument is not evaluated before the call
  Lambda,
  MethodLambda,
  ContextLambda,
  Expr,
  Keyword,
  StringConstant,
  MappingRule,
};

bool is_lazy(TypeCode t);

struct ParamType {
  TypeCode code = TypeCode::Any;
  bool nullable = true;
  // Checks an evaluated value (for lazy kinds, only what can be checked on the node).
  bool accepts(const Value& v) const;
  // How specific the type is; a more specific overload wins over a less specific one.
  int specificity() const;
};

struct Param {
  std::string name;
  ParamType type;
  std::optional<Value> default_value;
  bool variadic = false;     // *args
  bool kw_variadic = false;  // **kwargs
};

// A parsed signature: name, kind and parameters.
struct Signature {
  std::string name;
  bool is_function = true;
  bool is_method = false;
  std::vector<Param> params;  // positional params first, then *args, then **kwargs
  int level = 0;          // 0 = normal; higher levels are only tried when lower ones have no match
  std::string signature;  // the text it was declared with, for docs and errors

  size_t positional_count() const;  // params that are neither *args nor **kwargs
  bool has_varargs() const;
  bool has_kwargs() const;
  // true when any param takes `a => b` pairs positionally (then keyword arguments are off)
  bool takes_mapping_rules() const;
};

// Parses a signature string; throws std::invalid_argument on a malformed one (a bug).
Signature parse_signature(std::string_view signature);

// A declared function of a language whose implementations take a `CallT&`. An
// implementation returns its value, or an Error as its outcome where that is cheaper than a
// throw (a lambda's error passed on); it may also throw Error.
template <class CallT>
struct FunctionDefOf : Signature {
  using Impl = std::function<Outcome<Value>(CallT&)>;
  using Binary = Value (*)(const Value&, const Value&);
  FunctionDefOf() = default;
  FunctionDefOf(Signature s) : Signature(std::move(s)) {}  // NOLINT: implicit on purpose
  Impl impl;
  // Set when the implementation needs nothing but its two argument values (arithmetic,
  // comparisons): the evaluator may then call it without making a CallT.
  Binary binary = nullptr;
};

template <class CallT>
class RegistryOf {
 public:
  using Def = FunctionDefOf<CallT>;
  using DefPtr = std::shared_ptr<const Def>;

  // Declares a function; see the signature grammar at the top of this file.
  void add(std::string_view signature, typename Def::Impl impl, int level = 0) {
    auto def = std::make_shared<Def>(parse_signature(signature));
    def->impl = std::move(impl);
    def->level = level;
    functions_[def->name].push_back(std::move(def));
  }
  // Declares a function of two values (see FunctionDefOf::binary).
  void add_binary(std::string_view signature, typename Def::Binary fn, int level = 0) {
    add(
        signature, [fn](CallT& c) { return fn(c[0], c[1]); }, level);
    auto& defs = functions_[std::string(parse_signature(signature).name)];
    std::const_pointer_cast<Def>(defs.back())->binary = fn;
  }
  // Overloads of a name, or nullptr.
  const std::vector<DefPtr>* find(std::string_view name) const {
    auto it = functions_.find(name);
    return it == functions_.end() ? nullptr : &it->second;
  }
  // Every declared name, for the documentation table and the completeness test.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    out.reserve(functions_.size());
    for (const auto& entry : functions_) out.push_back(entry.first);
    return out;
  }

 private:
  // Looked up by string_view without making a string.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::vector<DefPtr>, NameHash, std::equal_to<>> functions_;
};

}  // namespace sirocco

namespace sirocco::yaql {

class Call;
using FunctionDef = FunctionDefOf<Call>;
using FunctionDefPtr = std::shared_ptr<const FunctionDef>;
using Impl = FunctionDef::Impl;
using Registry = RegistryOf<Call>;

}  // namespace sirocco::yaql
