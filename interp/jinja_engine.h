// The public Jinja API: the environments Sirocco offers (Mistral's, Jinja2's default and
// the plain sandbox), compiling templates and expressions through a bounded LRU cache
// (syntax errors are cached too; no parse tree is kept), rendering and evaluating.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "interp/error.h"
#include "interp/jinja_ast.h"
#include "interp/jinja_parser.h"
#include "interp/limits.h"
#include "interp/lru_cache.h"
#include "stdlib/jinja/library.h"

namespace sirocco::jinja {

struct Environment {
  std::string_view name;
  Syntax syntax;
  bool strict = false;     // StrictUndefined
  bool sandboxed = false;  // SandboxedEnvironment
};

// `mistral`: SandboxedEnvironment(undefined=StrictUndefined, trim_blocks=True,
// lstrip_blocks=True); `default`: Environment(); `sandbox`: SandboxedEnvironment().
// nullptr for any other name.
const Environment* find_environment(std::string_view name);

// A template or expression as compiled: its AST, or the error that prevents it.
struct Compiled {
  Body body;             // a template
  ExprPtr expr;          // an expression
  bool mutates = false;  // names a mutating method: runs on a copy of its variables
  std::optional<Error> error;
};
using CompiledPtr = std::shared_ptr<const Compiled>;

using Variables = std::vector<std::pair<std::string, Value>>;

class Engine {
 public:
  explicit Engine(const Library& library, size_t cache_capacity = 2048);

  // Filters an embedder adds (Mistral's functions).
  void set_extra_filters(const Registry* filters);

  // env.from_string(source).render(**variables), with `bound` functions besides the
  // variables. Any Error, a syntax error included, is the outcome; render() throws it.
  Outcome<std::string> try_render(std::string_view source, const Environment& env,
                                  const Variables& variables, const Limits& limits = {},
                                  const BoundFunctions* bound = nullptr);
  std::string render(std::string_view source, const Environment& env, const Variables& variables,
                     const Limits& limits = {}, const BoundFunctions* bound = nullptr) {
    return try_render(source, env, variables, limits, bound).value();
  }
  // env.compile_expression(text, undefined_to_none)(**variables): the native value. With
  // undefined_to_none an Undefined result is None. Any Error is the outcome; evaluate()
  // throws it.
  Outcome<Value> try_evaluate(std::string_view text, const Environment& env,
                              const Variables& variables, const Limits& limits = {},
                              bool undefined_to_none = true, const BoundFunctions* bound = nullptr);
  Value evaluate(std::string_view text, const Environment& env, const Variables& variables,
                 const Limits& limits = {}, bool undefined_to_none = true,
                 const BoundFunctions* bound = nullptr) {
    return try_evaluate(text, env, variables, limits, undefined_to_none, bound).value();
  }

  CompiledPtr compile_template(std::string_view source, const Environment& env,
                               const Limits& limits);
  CompiledPtr compile_expression(std::string_view text, const Limits& limits);

 private:
  void check_names(const Compiled& compiled) const;
  void mark_methods(Expr* e) const;
  void mark_methods(Body& body) const;

  const Library& library_;
  const Registry* extra_filters_ = nullptr;
  LruCache<CompiledPtr> cache_;
  std::unordered_set<std::string> method_names_;  // of every type in the library's methods
};

}  // namespace sirocco::jinja
