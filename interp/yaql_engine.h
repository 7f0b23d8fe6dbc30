// The public YAQL API: compile an expression (through a bounded LRU cache) and evaluate
// it against data, with the functions of a registry and the limits of a sandbox.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interp/error.h"
#include "interp/limits.h"
#include "interp/lru_cache.h"
#include "interp/registry.h"
#include "interp/yaql_ast.h"

namespace sirocco::yaql {

struct Expression {
  std::string text;
  NodePtr root;                // null when the text does not parse
  std::optional<Error> error;  // why it does not parse (cached like a success)
};
using ExpressionPtr = std::shared_ptr<const Expression>;

// Variables besides `$` that an evaluation starts with (without the '$').
using Variables = std::vector<std::pair<std::string, Value>>;

class Engine {
 public:
  explicit Engine(std::shared_ptr<const Registry> registry, size_t cache_capacity = 4096);

  // Parses (or takes from the cache; syntax errors are cached too). Throws Error with a span
  // on bad syntax.
  ExpressionPtr compile(std::string_view text, const Limits& limits = {});

  // Evaluates with `$` bound to data; the result is finalised the way YAQL hands results
  // back (lazy sequences materialised). Returns any Error, a syntax error included, as the
  // outcome; evaluate() throws it.
  Outcome<Value> try_evaluate(const Expression& expr, const Value& data, const Limits& limits = {},
                              const Variables& variables = {}) const;
  Outcome<Value> try_evaluate(std::string_view text, const Value& data, const Limits& limits = {},
                              const Variables& variables = {});
  Value evaluate(const Expression& expr, const Value& data, const Limits& limits = {},
                 const Variables& variables = {}) const {
    return try_evaluate(expr, data, limits, variables).value();
  }
  Value evaluate(std::string_view text, const Value& data, const Limits& limits = {},
                 const Variables& variables = {}) {
    return try_evaluate(text, data, limits, variables).value();
  }

  const Registry& registry() const { return *registry_; }

 private:
  // The parsed expression of a text, or its syntax error, from the cache or made.
  ExpressionPtr parsed(std::string_view text, const Limits& limits);

  std::shared_ptr<const Registry> registry_;
  LruCache<ExpressionPtr> cache_;
};

// YAQL's output conversion: sequences become lists, recursively; a set item or dict key
// list is a TypeError (unhashable), as in the reference.
Value finalize_output(const Value& v);

}  // namespace sirocco::yaql
