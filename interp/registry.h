// The function registry: every YAQL function and operator is declared once by a readable
// signature string and an implementation; overloads are resolved by arity, keyword names,
// receiver and argument types, the way python-yaql resolves them.
//
// Signature grammar:   [method|ext] NAME ( PARAM, ... )
//   method — callable only as `receiver.NAME(...)`; ext — both ways; default — function only.
//   PARAM:  name: TYPE [= DEFAULT]  |  *name: TYPE  |  **name: TYPE
//   TYPE:   any null int number string bool iterable iterator sequence mapping set datetime
//           timespan context callable pyint (int incl. bool) scalar
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

#include "interp/value.h"

namespace sirocco::yaql {

class Call;

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

using Impl = std::function<Value(Call&)>;

struct FunctionDef {
  std::string name;
  bool is_function = true;
  bool is_method = false;
  std::vector<Param> params;  // positional params first, then *args, then **kwargs
  Impl impl;
  int level = 0;          // 0 = normal; higher levels are only tried when lower ones have no match
  std::string signature;  // the text it was declared with, for docs and errors

  size_t positional_count() const;  // params that are neither *args nor **kwargs
  bool has_varargs() const;
  bool has_kwargs() const;
  // true when any param takes `a => b` pairs positionally (then keyword arguments are off)
  bool takes_mapping_rules() const;
};
using FunctionDefPtr = std::shared_ptr<const FunctionDef>;

// Parses a signature string; throws std::invalid_argument on a malformed one (a bug).
FunctionDef parse_signature(std::string_view signature);

class Registry {
 public:
  // Declares a function; see the signature grammar at the top of this file.
  void add(std::string_view signature, Impl impl, int level = 0);
  // Overloads of a name, or nullptr.
  const std::vector<FunctionDefPtr>* find(std::string_view name) const;
  // Every declared name, for the documentation table and the completeness test.
  std::vector<std::string> names() const;

 private:
  std::unordered_map<std::string, std::vector<FunctionDefPtr>> functions_;
};

}  // namespace sirocco::yaql
