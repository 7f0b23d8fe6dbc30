// The YAQL abstract syntax tree. Every construct is, as in YAQL itself, a call of a named
// function: operators call '#operator_+', '#unary_operator_-', indexers '#indexer', list
// and dict literals '#list' and '#map', and 'a.b(...)' calls '#operator_.' with the method
// call as an unevaluated argument. Nodes carry their source span.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "interp/error.h"
#include "interp/value.h"

namespace sirocco::yaql {

struct Node;
struct CallSite;
using NodePtr = std::shared_ptr<const Node>;

enum class NodeKind : uint8_t {
  Constant,     // a literal: number, string, true/false/null          (value)
  Keyword,      // a bare identifier such as `foo` in `$.foo`           (name)
  Variable,     // `$`, `$name`, `$1`; name is normalised: `$` → "1"    (name)
  Call,         // name(args...); `method` when it stands right of `.`  (name, args)
  MappingRule,  // `a => b` inside an argument list                     (args[0], args[1])
  Skipped,      // an omitted positional argument: f(, x) or f(x, , y)
};

struct Node {
  NodeKind kind;
  Span span;
  Value value;                // Constant
  std::string name;           // Keyword text, Variable name, Call function name
  std::vector<NodePtr> args;  // Call arguments, MappingRule source/destination
  // A Call written as a function (`f(x)`) can take a receiver when it is the right-hand side
  // of `.`/`?.`; operator calls cannot (YAQL's uses_receiver).
  bool uses_receiver = false;

  Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  ~Node();
  // A Call's overload resolution as far as the call's shape decides it, made on its first
  // evaluation and kept with the node (interp/yaql_resolution.h): [0] called as a function,
  // [1] as a method.
  mutable std::atomic<const CallSite*> sites[2] = {};
  // Evaluations before a site was made: a call evaluated once (most are) is resolved
  // without one, which would cost more to make than it saves.
  mutable std::atomic<uint8_t> visits = 0;
};

}  // namespace sirocco::yaql
